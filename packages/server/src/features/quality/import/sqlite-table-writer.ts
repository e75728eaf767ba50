import type { EntityManager } from '@mikro-orm/knex';
import type { OfferDay } from '../quality-rollups.js';
import type { ImportTable } from './import-kinds.js';
import {
  conflictUpdate,
  connectionPool,
  insertColumns,
  insertValues,
  transactionConnection,
  type StoredRows,
  type TableWriter,
  type UpsertResult,
} from './table-writer.js';

/** The parts of better-sqlite3 (the driver MikroORM brings) the writer uses. */
export interface SqliteDatabase {
  readonly inTransaction: boolean;
  prepare(sql: string): SqliteStatement;
  pragma(source: string, options?: { simple: boolean }): unknown;
}
export interface SqliteStatement {
  get(params: readonly unknown[]): Record<string, unknown> | undefined;
  all(params: readonly unknown[]): Array<Record<string, unknown>>;
  run(params: readonly unknown[]): { changes: number; lastInsertRowid: number | bigint };
}

/**
 * The import connection's page cache, in KiB (SQLite's default is 2 MB). A batch dirties pages in
 * the table and each of its indexes; when they do not fit, SQLite spills them mid-transaction,
 * and in rollback-journal mode each spill first syncs the journal to disk. 64 MB holds a batch of
 * 10,000 orders' dirty pages with room for the indexes' upper levels, within the 300 MB budget.
 */
export const IMPORT_CACHE_KIB = 64 * 1024;

/**
 * The statements of one better-sqlite3 connection, prepared once by their text and reused for
 * every row and batch (knex would prepare a statement again on every call).
 */
const preparedByConnection = new WeakMap<SqliteDatabase, Map<string, SqliteStatement>>();

export function preparedStatement(db: SqliteDatabase, sql: string): SqliteStatement {
  let statements = preparedByConnection.get(db);
  if (!statements) preparedByConnection.set(db, (statements = new Map<string, SqliteStatement>()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}

/**
 * SQLite: one prepared single-row `insert ... on conflict do update ... where ... is not ...`
 * statement, run once per row on the better-sqlite3 connection of the batch's transaction.
 * Instants are stored as epoch milliseconds, as MikroORM stores Date properties on SQLite.
 *
 * Single-row rather than multi-row VALUES: with the statement journal in memory (start()) both
 * cost SQLite about the same per row, but each run's change count (1 or 0) says exactly whether
 * that row was inserted or changed, so which offer-days to refresh is known without reading any
 * row back (a multi-row statement only gives its total). No `returning` either: it doubled the
 * statements' time (BENCHMARKS.md).
 */
export class SqliteTableWriter implements TableWriter {
  private restore: (() => void) | null = null;

  /**
   * The run's connection settings, before the first batch's transaction (temp_store cannot change
   * inside one), undone by finish():
   *
   * - temp_store = MEMORY: an upsert with a conflict clause runs with a statement journal (so a
   *   failed statement can be undone alone), and with the default temp_store SQLite spills it to a
   *   temporary file: a file write for nearly every row. In memory it costs a copy. Measured on the
   *   orders table, 200,000 rows in batches of 10,000: 21.7 CPU s (8.5 of them system) against 9.1
   *   (BENCHMARKS.md, "Import"). It holds one statement's pages at a time, not the batch.
   * - cache_size: see IMPORT_CACHE_KIB.
   */
  async start(em: EntityManager): Promise<void> {
    const pool = connectionPool(em.getConnection().getKnex());
    const db = (await pool.acquireConnection()) as SqliteDatabase;
    try {
      const cacheSize = Number(db.pragma('cache_size', { simple: true }));
      const tempStore = Number(db.pragma('temp_store', { simple: true }));
      db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
      db.pragma('temp_store = MEMORY');
      this.restore = () => {
        db.pragma(`cache_size = ${cacheSize}`);
        if (!db.inTransaction) db.pragma(`temp_store = ${tempStore}`);
      };
    } finally {
      await pool.releaseConnection(db);
    }
  }

  async upsert(
    em: EntityManager,
    table: ImportTable,
    rows: ReadonlyArray<readonly unknown[]>,
    stored: StoredRows | null,
  ): Promise<UpsertResult> {
    const db = await transactionConnection<SqliteDatabase>(em);
    if (!db.inTransaction) throw new Error('the import writes inside a transaction');
    const columns = insertColumns(table);
    const touched: OfferDay[] = [];
    const offer = table.rollup ? table.columns.indexOf(table.rollup.offer) : -1;
    const day = table.rollup ? table.columns.indexOf(table.rollup.day) : -1;
    const newOrders = table.newRowIsOneOrder ? new NewOrders(table) : null;
    const now = Date.now();
    let changed = 0;
    if (stored) {
      // Which rows exist is known (read in this transaction: no other connection can commit a write
      // in between): a plain insert for a new row, an update by id for a stored one. Neither needs
      // the statement journal an upsert's conflict clause opens for every row (BENCHMARKS.md).
      const insert = preparedStatement(
        db,
        `insert into "${table.table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
      );
      const content = table.columns.slice(2);
      const update = preparedStatement(
        db,
        `update "${table.table}" set ${content.map((c) => `"${c}" = ?`).join(', ')}, ` +
          `"version" = "version" + 1, "updated_at" = ? where "id" = ? and ` +
          `(${content.map((c) => `"${c}"`).join(', ')}) is not (${content.map(() => '?').join(', ')})`,
      );
      for (const row of rows) {
        const id = stored.get(row);
        if (id === undefined) {
          insert.run(insertValues(table, row, now, epochMilliseconds));
          changed += 1;
          if (newOrders) newOrders.add(row);
          else if (offer >= 0) touched.push({ offerId: row[offer] as string, day: row[day] as string });
          continue;
        }
        const values = row.slice(2).map(sqliteValue);
        if (update.run([...values, now, id, ...values]).changes === 0) continue;
        changed += 1;
        if (offer >= 0) touched.push({ offerId: row[offer] as string, day: row[day] as string });
      }
      newOrders?.addToRollups(db);
      return { changed, touched };
    }
    const statement = preparedStatement(
      db,
      `insert into "${table.table}" (${columns.map((c) => `"${c}"`).join(', ')}) ` +
        `values (${columns.map(() => '?').join(', ')}) ${conflictUpdate(table, 'is not')}`,
    );
    // An upsert that updates leaves last_insert_rowid as it was; one that inserts sets it.
    let lastRowid = preparedStatement(db, 'select last_insert_rowid() as "id"').get([])!['id'];
    for (const row of rows) {
      const result = statement.run(insertValues(table, row, now, epochMilliseconds));
      if (result.changes === 0) continue;
      changed += 1;
      if (newOrders && result.lastInsertRowid !== lastRowid) newOrders.add(row);
      else if (offer >= 0) touched.push({ offerId: row[offer] as string, day: row[day] as string });
      lastRowid = result.lastInsertRowid;
    }
    newOrders?.addToRollups(db);
    return { changed, touched };
  }

  finish(): void {
    this.restore?.();
    this.restore = null;
  }
}

/**
 * The batch's new orders, counted per (offer, day) and per (seller, marketplace, day), then added
 * to the daily rollups with one upsert per row of each instead of recomputing those days from the
 * raw rows (refreshQualityRollups), which re-reads every order of each touched day on every batch.
 * Exact for orders that did not exist before this statement: each is one more order of its day
 * without a complaint or a defect. Changed orders still go through the recompute.
 */
class NewOrders {
  /** By offer id, then by day (the same string values every row of an offer and day holds: no key to build per row). */
  private readonly offerDays = new Map<unknown, Map<unknown, { seller: unknown; market: unknown; n: number }>>();
  private readonly at: { offer: number; day: number; seller: number; market: number };

  constructor(table: ImportTable) {
    const at = (column: string) => {
      const i = table.columns.indexOf(column);
      if (i < 0) throw new Error(`${table.table} has no ${column} column`);
      return i;
    };
    this.at = {
      offer: at(table.rollup!.offer),
      day: at(table.rollup!.day),
      seller: at('seller_id'),
      market: at('marketplace'),
    };
  }

  add(row: readonly unknown[]): void {
    const offer = row[this.at.offer];
    const day = row[this.at.day];
    let days = this.offerDays.get(offer);
    if (!days) this.offerDays.set(offer, (days = new Map<unknown, { seller: unknown; market: unknown; n: number }>()));
    const o = days.get(day);
    if (o) o.n += 1;
    else days.set(day, { seller: row[this.at.seller], market: row[this.at.market], n: 1 });
  }

  addToRollups(db: SqliteDatabase): void {
    const offerRow = preparedStatement(
      db,
      `insert into "offer_daily_quality" ("offer_id", "day", "seller_id", "marketplace", "orders", ` +
        `"orders_with_complaint", "orders_with_defect", "rating_count", "rating_star_sum") values (?, ?, ?, ?, ?, 0, 0, 0, 0) ` +
        `on conflict ("offer_id", "day") do update set "orders" = "offer_daily_quality"."orders" + excluded."orders"`,
    );
    // An offer's orders are its seller's: the sellers' days are the sums of their offers' days.
    const sellerDays = new Map<string, { seller: unknown; market: unknown; day: unknown; n: number }>();
    const params: unknown[] = [null, null, null, null, 0];
    for (const [offer, days] of this.offerDays) {
      for (const [day, o] of days) {
        params[0] = offer;
        params[1] = day;
        params[2] = o.seller;
        params[3] = o.market;
        params[4] = o.n;
        offerRow.run(params);
        const sellerKey = `${o.seller as string}\u0000${o.market as string}\u0000${day as string}`;
        const s = sellerDays.get(sellerKey);
        if (s) s.n += o.n;
        else sellerDays.set(sellerKey, { seller: o.seller, market: o.market, day, n: o.n });
      }
    }
    const sellerRow = preparedStatement(
      db,
      `insert into "seller_daily_quality" ("seller_id", "marketplace", "day", "orders", ` +
        `"orders_with_complaint", "orders_with_defect", "rating_count", "rating_star_sum") values (?, ?, ?, ?, 0, 0, 0, 0) ` +
        `on conflict ("seller_id", "marketplace", "day") do update set "orders" = "seller_daily_quality"."orders" + excluded."orders"`,
    );
    for (const s of sellerDays.values()) sellerRow.run([s.seller, s.market, s.day, s.n]);
  }
}

function epochMilliseconds(date: Date): number {
  return date.getTime();
}

/** A content value as SQLite stores it (instants as epoch milliseconds, absent as null). */
function sqliteValue(value: unknown): unknown {
  return value instanceof Date ? value.getTime() : (value ?? null);
}
