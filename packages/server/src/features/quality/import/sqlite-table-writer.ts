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
}
interface SqliteStatement {
  all(...params: unknown[]): Array<Record<string, unknown>>;
}

/** SQLite's limit of parameters per statement. */
export const SQLITE_MAX_PARAMETERS = 32_766;
/** Rows per multi-row statement: enough to amortise each call, well under the parameter limit. */
const ROWS_PER_STATEMENT = 200;

/**
 * SQLite: prepared multi-row `insert ... on conflict do update ... returning` statements on the
 * better-sqlite3 connection of the batch's transaction. Statements are prepared once per table
 * and row count, and reused for every batch. Instants are stored as epoch milliseconds, as
 * MikroORM stores Date properties on SQLite.
 */
export class SqliteTableWriter implements TableWriter {
  private readonly statements = new Map<string, SqliteStatement>();
  private database: SqliteDatabase | null = null;

  async upsert(em: EntityManager, table: ImportTable, rows: ReadonlyArray<readonly unknown[]>): Promise<UpsertResult> {
    const db = await transactionConnection<SqliteDatabase>(em);
    if (!db.inTransaction) throw new Error('the import writes inside a transaction');
    if (db !== this.database) {
      this.statements.clear();
      this.database = db;
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
      const returned = this.upsertStatement(db, table, columns, slice.length).all(...params);
      changed += returned.length;
      if (table.rollup) {
        for (const r of returned) touched.push({ offerId: r['offer_id'] as string, day: r['day'] as string });
      }
    }
    return { changed, touched };
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
      const returning = table.rollup
        ? `returning "${table.rollup.offer}" as "offer_id", "${table.rollup.day}" as "day"`
        : 'returning "id"';
      statement = db.prepare(
        `insert into "${table.table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ` +
          `${Array.from({ length: rowCount }, () => row).join(', ')} ${conflictUpdate(table, 'is not')} ${returning}`,
      );
      this.statements.set(key, statement);
    }
    return statement;
  }
}
