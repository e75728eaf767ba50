/** The parts of better-sqlite3 (the driver MikroORM brings) the app uses directly. */
export interface SqliteDatabase {
  readonly inTransaction: boolean;
  prepare(sql: string): SqliteStatement;
  pragma(source: string, options?: { simple: boolean }): unknown;
}

export interface SqliteStatement {
  /** Whether it returns rows (a select, or a write with `returning`). */
  readonly reader: boolean;
  get(params: readonly unknown[]): Record<string, unknown> | undefined;
  all(params: readonly unknown[]): Array<Record<string, unknown>>;
  run(params: readonly unknown[]): { changes: number; lastInsertRowid: number | bigint };
}

/** Texts kept per connection; a flood of distinct ones clears the cache instead of growing memory. */
const MAX_STATEMENTS = 1000;

const preparedByConnection = new WeakMap<SqliteDatabase, Map<string, SqliteStatement>>();

/**
 * The statement of this text on this better-sqlite3 connection, compiled once and reused (knex,
 * and the ORM's `execute`, compile a statement again on every call): the per-request reads
 * (select-rows.ts) and the import's writes (features/quality/import) both run through it.
 */
export function preparedStatement(db: SqliteDatabase, sql: string): SqliteStatement {
  let statements = preparedByConnection.get(db);
  if (!statements) preparedByConnection.set(db, (statements = new Map<string, SqliteStatement>()));
  let statement = statements.get(sql);
  if (!statement) {
    if (statements.size >= MAX_STATEMENTS) statements.clear();
    statements.set(sql, (statement = db.prepare(sql)));
  }
  return statement;
}
