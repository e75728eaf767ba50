import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { EntityManager } from '@mikro-orm/knex';
import { createRequire } from 'node:module';
import type * as PgCopyStreams from 'pg-copy-streams';
import type { CopyStreamQuery } from 'pg-copy-streams';
import { FileInstant } from './import-values.js';
import { deltaReturning, isDeltaTable, lockSellersOfRows, rollupDeltaSql, type OfferDay } from '../quality-rollups.js';
import type { ImportTable } from './import-kinds.js';
import {
  conflictUpdate,
  insertColumns,
  insertValues,
  transactionConnection,
  type TableWriter,
  type UpsertResult,
} from './table-writer.js';

/** The part of node-postgres' Client (MikroORM's pool hands these out) the writer uses. */
interface PgClient {
  query(stream: CopyStreamQuery): CopyStreamQuery;
}

const STAGE = 'quality_import_stage';

/**
 * PostgreSQL: the batch is streamed with COPY (pg-copy-streams) into a temporary staging table
 * (dropped at commit) on the connection of the batch's transaction, then one
 * `insert ... select ... on conflict do update ... where ... is distinct from ...` moves it into
 * the table, so identical rows are not rewritten and a repeat changes nothing.
 */
export class PostgresqlTableWriter implements TableWriter {
  readonly instantText = true;

  async upsert(em: EntityManager, table: ImportTable, rows: ReadonlyArray<readonly unknown[]>): Promise<UpsertResult> {
    // Which rows are stored already is not needed: one upsert from the staging table does both.
    const client = await transactionConnection<PgClient>(em);
    // For this batch's transaction only (`set local`): no wait for the commit's WAL flush (a crash
    // may lose the last batches that reported success; the import is re-run to finish, as after any
    // failure, and a re-run converges on the same data), and no JIT compilation, which cost more than
    // the batch's statements themselves (BENCHMARKS.md, Import).
    await em.execute('set local synchronous_commit = off', [], 'run');
    await em.execute('set local jit = off', [], 'run');
    // Every read of a batch is a probe by key (its rows' orders, their stored rows, whether an
    // order had a valid complaint), and the tables grow by the batch inside the transaction: with
    // statistics taken while a table was small (autovacuum's analyse of a new database's empty
    // complaint table), the planner scanned the whole table per row instead of its index, the
    // rows the statement itself had just inserted included (+1.0 server CPU s for 50,000
    // complaints, BENCHMARKS.md, Import). Without sequential scans it keeps the index probes.
    await em.execute('set local enable_seqscan = off', [], 'run');
    const columns = insertColumns(table);
    const columnList = columns.map((c) => `"${c}"`).join(', ');
    await em.execute(`create temporary table "${STAGE}" (like "${table.table}") on commit drop`, [], 'run');
    await copyRows(client, `copy "${STAGE}" (${columnList}) from stdin`, table, rows);

    const touched: OfferDay[] = [];
    const upsert = `insert into "${table.table}" (${columnList}) select ${columnList} from "${STAGE}" ${conflictUpdate(table, 'is distinct from')}`;
    let changed = 0;
    if (isDeltaTable(table.table)) {
      // Orders and complaints: what the inserted rows add goes into the rollups in the same
      // statement; only the offer-days of updated rows are left to the recompute.
      await lockSellersOfRows(em, STAGE);
      const grouped = await em.execute<
        Array<{ offer_id: string; day: string; n: string | number; updated: string | number }>
      >(
        `with "changed" as (${upsert} returning ${deltaReturning(table.table)})${rollupDeltaSql(table.table)} ` +
          `select "offer_id", "order_date" as "day", count(*) as "n", count(*) filter (where not "inserted") as "updated" ` +
          `from "changed" group by "offer_id", "order_date"`,
      );
      for (const row of grouped) {
        changed += Number(row.n);
        if (Number(row.updated) > 0) touched.push({ offerId: row.offer_id, day: row.day });
      }
    } else {
      const returning = table.rollup ? `"${table.rollup.offer}" as "offer_id", "${table.rollup.day}" as "day"` : '1';
      const grouped = await em.execute<Array<{ offer_id?: string; day?: string; n: string | number }>>(
        `with "changed" as (${upsert} returning ${returning}) ` +
          (table.rollup
            ? `select "offer_id", "day", count(*) as "n" from "changed" group by "offer_id", "day"`
            : `select count(*) as "n" from "changed"`),
      );
      for (const row of grouped) {
        changed += Number(row.n);
        if (table.rollup) touched.push({ offerId: row.offer_id!, day: row.day! });
      }
    }
    await em.execute(`drop table "${STAGE}"`, [], 'run');
    return { changed, touched };
  }

  finish(): void {
    // Nothing to undo: the staging table goes with each batch's transaction.
  }
}

async function copyRows(
  client: PgClient,
  sql: string,
  table: ImportTable,
  rows: ReadonlyArray<readonly unknown[]>,
): Promise<void> {
  const now = new Date().toISOString();
  const toText = (date: Date) => (date instanceof FileInstant && date.text) || date.toISOString();
  function* lines(): Generator<string> {
    let chunk = '';
    for (const row of rows) {
      const values = insertValues(table, row, now, toText);
      chunk += values.map((v) => copyText(v as string | number | null)).join('\t') + '\n';
      if (chunk.length > 64 * 1024) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  // Loaded on PostgreSQL only: the SQLite import does not pay for it.
  const { from: copyFrom } = createRequire(import.meta.url)('pg-copy-streams') as typeof PgCopyStreams;
  await pipeline(Readable.from(lines()), client.query(copyFrom(sql)));
}

/** A value in COPY's text format: \N for null, backslash escapes for the separators. */
function copyText(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'string' ? value : String(value);
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : text;
}
