import type { EntityManager } from '@mikro-orm/knex';
import { ROLLUP_COUNTS, rollupAdditionSql, tallyIndex, type OfferDay } from '../quality-rollups.js';
import { preparedStatement, type SqliteDatabase } from '../../../db/sqlite-statements.js';
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

/**
 * The import connection's page cache, in KiB (SQLite's default is 2 MB). A batch dirties pages in
 * the table and each of its indexes; when they do not fit, SQLite spills them mid-transaction,
 * and in rollback-journal mode each spill first syncs the journal to disk. 64 MB holds a batch of
 * 10,000 orders' dirty pages with room for the indexes' upper levels, within the 300 MB budget.
 */
export const IMPORT_CACHE_KIB = 64 * 1024;

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
    // What new rows add to the rollups, added up instead of recomputing their offer-days (below).
    const newOrders = table.newRowIsOneOrder ? new RollupAdditions(table) : null;
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
      const newComplaints = table.table === 'complaint' ? new NewComplaints(table, db, rows, stored) : null;
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
          if (newOrders) newOrders.add(row, ORDERS);
          else if (newComplaints) newComplaints.add(row);
          else if (offer >= 0) touched.push({ offerId: row[offer] as string, day: row[day] as string });
          continue;
        }
        const values = row.slice(2).map(sqliteValue);
        if (update.run([...values, now, id, ...values]).changes === 0) continue;
        changed += 1;
        if (offer >= 0) touched.push({ offerId: row[offer] as string, day: row[day] as string });
      }
      newOrders?.addToRollups(db);
      newComplaints?.addToRollups(db);
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
      if (newOrders && result.lastInsertRowid !== lastRowid) newOrders.add(row, ORDERS);
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

const ORDERS = ROLLUP_COUNTS.indexOf('orders');
const ORDERS_WITH_COMPLAINT = ROLLUP_COUNTS.indexOf('orders_with_complaint');

function columnAt(table: ImportTable, column: string): number {
  const i = table.columns.indexOf(column);
  if (i < 0) throw new Error(`${table.table} has no ${column} column`);
  return i;
}

/**
 * What a batch's new rows add to the daily rollups, counted per (offer, day) (ROLLUP_COUNTS' order)
 * then per (seller, marketplace, day), and added with one upsert per row of each
 * (rollupAdditionSql) instead of recomputing those days from the raw rows (refreshQualityRollups),
 * which re-reads every order of each touched day, and its complaints, on every batch. Rows the
 * batch changed still go through the recompute, which runs after and so overwrites.
 */
interface DayCounts {
  readonly seller: unknown;
  readonly market: unknown;
  readonly counts: number[];
}

class RollupAdditions {
  /** By offer id, then by day (the same string values every row of an offer and day holds: no key to build per row). */
  private readonly offerDays = new Map<unknown, Map<unknown, DayCounts>>();
  private readonly at: { offer: number; day: number; seller: number; market: number };

  constructor(table: ImportTable) {
    this.at = {
      offer: columnAt(table, table.rollup!.offer),
      day: columnAt(table, table.rollup!.day),
      seller: columnAt(table, 'seller_id'),
      market: columnAt(table, 'marketplace'),
    };
  }

  /** One more to count `count` (an index in ROLLUP_COUNTS) of the row's (offer, day). */
  add(row: readonly unknown[], count: number): void {
    const offer = row[this.at.offer];
    const day = row[this.at.day];
    let days = this.offerDays.get(offer);
    if (!days) this.offerDays.set(offer, (days = new Map<unknown, DayCounts>()));
    let o = days.get(day);
    if (!o) {
      o = {
        seller: row[this.at.seller],
        market: row[this.at.market],
        counts: new Array<number>(ROLLUP_COUNTS.length).fill(0),
      };
      days.set(day, o);
    }
    o.counts[count]! += 1;
  }

  addToRollups(db: SqliteDatabase): void {
    const offerRow = preparedStatement(db, rollupAdditionSql('offer'));
    // An offer's rows are its seller's: the sellers' days are the sums of their offers' days.
    const sellerDays = new Map<string, { seller: unknown; market: unknown; day: unknown; counts: number[] }>();
    for (const [offer, days] of this.offerDays) {
      for (const [day, o] of days) {
        offerRow.run([offer, day, o.seller, o.market, ...o.counts]);
        const sellerKey = `${o.seller as string}\u0000${o.market as string}\u0000${day as string}`;
        const s = sellerDays.get(sellerKey);
        if (!s) sellerDays.set(sellerKey, { seller: o.seller, market: o.market, day, counts: [...o.counts] });
        else for (let i = 0; i < o.counts.length; i += 1) s.counts[i]! += o.counts[i]!;
      }
    }
    const sellerRow = preparedStatement(db, rollupAdditionSql('seller'));
    for (const s of sellerDays.values()) sellerRow.run([s.seller, s.market, s.day, ...s.counts]);
  }
}

/**
 * A batch's new complaints (stored rows known), added to their orders' (offer, order date) rollups:
 * each is valid (the import never sets invalidated_at) and adds 1 to its source's and its
 * category's tally; its order becomes one more order with a complaint only if it had no valid
 * complaint before this batch (one probe of complaint's order_id index per distinct order, before
 * any of the batch's rows is written) and only once however many of the batch's complaints name
 * it. The same figures as the recompute's EXISTS; a stored complaint the batch changes still sends
 * its offer-day to the recompute, which then overwrites the day's row.
 */
class NewComplaints {
  private readonly additions: RollupAdditions;
  /** The order of each new complaint that makes its order count, with one of its rows. */
  private readonly newlyComplained = new Map<unknown, readonly unknown[]>();
  private readonly at: { order: number; source: number; category: number };

  constructor(table: ImportTable, db: SqliteDatabase, rows: ReadonlyArray<readonly unknown[]>, stored: StoredRows) {
    this.additions = new RollupAdditions(table);
    this.at = {
      order: columnAt(table, 'order_id'),
      source: columnAt(table, 'source'),
      category: columnAt(table, 'category'),
    };
    const firstOfOrder = new Map<unknown, readonly unknown[]>();
    for (const row of rows) {
      const order = row[this.at.order];
      if (stored.get(row) === undefined && !firstOfOrder.has(order)) firstOfOrder.set(order, row);
    }
    const hasValid = preparedStatement(
      db,
      `select 1 as "found" from "complaint" where "order_id" = ? and "invalidated_at" is null limit 1`,
    );
    const param: unknown[] = [null];
    for (const [order, row] of firstOfOrder) {
      param[0] = order;
      if (hasValid.get(param) === undefined) this.newlyComplained.set(order, row);
    }
  }

  /** A new complaint, inserted. */
  add(row: readonly unknown[]): void {
    this.additions.add(row, tallyIndex('source', row[this.at.source] as string));
    this.additions.add(row, tallyIndex('category', row[this.at.category] as string));
    const order = row[this.at.order];
    if (this.newlyComplained.get(order) === row) this.additions.add(row, ORDERS_WITH_COMPLAINT);
  }

  addToRollups(db: SqliteDatabase): void {
    this.additions.addToRollups(db);
  }
}

function epochMilliseconds(date: Date): number {
  return date.getTime();
}

/** A content value as SQLite stores it (instants as epoch milliseconds, absent as null). */
function sqliteValue(value: unknown): unknown {
  return value instanceof Date ? value.getTime() : (value ?? null);
}
