import type { EntityManager } from '@mikro-orm/knex';
import type { OfferDay } from '../quality-rollups.js';
import type { ImportTable } from './import-kinds.js';
import {
  conflictUpdate,
  insertColumns,
  insertValues,
  transactionConnection,
  type TableWriter,
  type UpsertResult,
} from './table-writer.js';

/** The parts of better-sqlite3 (the driver MikroORM brings) the writer uses. */
interface SqliteDatabase {
  readonly inTransaction: boolean;
  prepare(sql: string): SqliteStatement;
  pragma(source: string, options?: { simple: boolean }): unknown;
}
interface SqliteStatement {
  all(...params: unknown[]): Array<Record<string, unknown>>;
  run(...params: unknown[]): { changes: number };
}

/** SQLite's limit of parameters per statement. */
export const SQLITE_MAX_PARAMETERS = 32_766;
/** Rows per multi-row statement: enough to amortise each call, well under the parameter limit. */
const ROWS_PER_STATEMENT = 200;
/**
 * The import connection's page cache, in KiB (SQLite's default is 2 MB). A batch dirties pages in
 * the table and each of its indexes; when they do not fit, SQLite spills them mid-transaction,
 * and in rollback-journal mode each spill first syncs the journal to disk. 64 MB holds a batch of
 * 10,000 orders' dirty pages with room for the indexes' upper levels, within the 300 MB budget.
 */
export const IMPORT_CACHE_KIB = 64 * 1024;

/**
 * SQLite: prepared multi-row `insert ... on conflict do update ... where ... is not ...` statements
 * on the better-sqlite3 connection of the batch's transaction. Statements are prepared once per
 * table and row count, and reused for every batch. Instants are stored as epoch milliseconds, as
 * MikroORM stores Date properties on SQLite.
 *
 * No `returning`: it doubled the statements' time (measured, BENCHMARKS.md). Which rows changed
 * comes from each statement's change count instead: all of its rows (a new file: every row's
 * offer-day is touched), none (the same file again: nothing is), or some, and only then are the
 * slice's rows that carry this write's `updated_at` read back.
 */
export class SqliteTableWriter implements TableWriter {
  private readonly statements = new Map<string, SqliteStatement>();
  private database: SqliteDatabase | null = null;
  private restore: (() => void) | null = null;

  async upsert(em: EntityManager, table: ImportTable, rows: ReadonlyArray<readonly unknown[]>): Promise<UpsertResult> {
    const db = await transactionConnection<SqliteDatabase>(em);
    if (!db.inTransaction) throw new Error('the import writes inside a transaction');
    if (db !== this.database) {
      this.finish();
      this.statements.clear();
      this.database = db;
      // cache_size can change inside the batch's transaction (temp_store, say, could not).
      const cacheSize = Number(db.pragma('cache_size', { simple: true }));
      db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
      this.restore = () => db.pragma(`cache_size = ${cacheSize}`);
    }
    const touched: OfferDay[] = [];
    const columns = insertColumns(table);
    const perStatement = Math.max(1, Math.min(ROWS_PER_STATEMENT, Math.floor(SQLITE_MAX_PARAMETERS / columns.length)));
    const now = Date.now();
    let changed = 0;
    for (let start = 0; start < rows.length; start += perStatement) {
      const slice = rows.slice(start, start + perStatement);
      const params: unknown[] = [];
      for (const row of slice) {
        for (const value of insertValues(table, row, now, (date) => date.getTime())) params.push(value);
      }
      const { changes } = this.upsertStatement(db, table, columns, slice.length).run(...params);
      changed += changes;
      if (!table.rollup || changes === 0) continue;
      if (changes === slice.length) {
        const offer = table.columns.indexOf(table.rollup.offer);
        const day = table.columns.indexOf(table.rollup.day);
        for (const row of slice) touched.push({ offerId: row[offer] as string, day: row[day] as string });
      } else {
        for (const r of this.writtenStatement(db, table, slice.length).all(
          now,
          ...slice.flatMap((row) => [row[0], row[1]]),
        )) {
          touched.push({ offerId: r['offer_id'] as string, day: r['day'] as string });
        }
      }
    }
    return { changed, touched };
  }

  finish(): void {
    this.restore?.();
    this.restore = null;
  }

  private upsertStatement(
    db: SqliteDatabase,
    table: ImportTable,
    columns: string[],
    rowCount: number,
  ): SqliteStatement {
    const key = `upsert ${table.table} ${rowCount}`;
    let statement = this.statements.get(key);
    if (!statement) {
      const row = `(${columns.map(() => '?').join(', ')})`;
      statement = db.prepare(
        `insert into "${table.table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ` +
          `${Array.from({ length: rowCount }, () => row).join(', ')} ${conflictUpdate(table, 'is not')}`,
      );
      this.statements.set(key, statement);
    }
    return statement;
  }

  /** The (offer, day) of the rows among `rowCount` identities that this write inserted or changed (its updated_at). */
  private writtenStatement(db: SqliteDatabase, table: ImportTable, rowCount: number): SqliteStatement {
    const key = `written ${table.table} ${rowCount}`;
    let statement = this.statements.get(key);
    if (!statement) {
      statement = db.prepare(
        `select distinct "${table.rollup!.offer}" as "offer_id", "${table.rollup!.day}" as "day" from "${table.table}" ` +
          `where "updated_at" = ? and ("marketplace", "external_id") in ` +
          `(values ${Array.from({ length: rowCount }, () => '(?, ?)').join(', ')})`,
      );
      this.statements.set(key, statement);
    }
    return statement;
  }
}
