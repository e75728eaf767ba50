import { createRequire } from 'node:module';
import type { Orm } from './orm.js';
import { preparedStatement, type SqliteDatabase } from './sqlite-statements.js';

/*
 * The bulk import command's connection on SQLite, without MikroORM: loading MikroORM, knex and
 * lodash (~700 modules) and initialising the ORM is ~0.25 of the command's ~0.5 CPU s start
 * (BENCHMARKS.md, "Import (issue 9)"), and the import never uses the ORM's entities: it writes
 * with SQL on the driver's connection. This is better-sqlite3 itself (the driver MikroORM brings)
 * behind the few entity-manager calls the import makes (features/quality/import and
 * refreshQualityRollups): fork, execute, begin/commit/rollback, the platform (never PostgreSQL's)
 * and the raw connection (getConnection().getKnex().client, getTransactionContext().client).
 * Anything else is absent, on purpose: a call to it fails loudly.
 *
 * The connection is set up as MikroORM's (BaseSqliteConnection) sets it up: foreign keys on.
 * `execute` binds its parameters (prepared once per text, sqlite-statements.ts) where MikroORM
 * writes them into the text: the same values for the strings and numbers the import passes; an
 * instant is bound as epoch milliseconds (MikroORM's SQLite mapping), a boolean as 1 or 0.
 */

interface BetterSqlite3Database extends SqliteDatabase {
  exec(sql: string): void;
  close(): void;
}

type BetterSqlite3 = new (file: string) => BetterSqlite3Database;

/** better-sqlite3 as MikroORM's SQLite driver resolves it (the same package and native build). */
function loadBetterSqlite3(): BetterSqlite3 {
  const fromDriver = createRequire(createRequire(import.meta.url).resolve('@mikro-orm/knex'));
  return fromDriver('better-sqlite3') as BetterSqlite3;
}

export function openSqliteImportConnection(file: string): Orm {
  const Database = loadBetterSqlite3();
  const db = new Database(file);
  db.pragma('foreign_keys = on');
  const pool = {
    acquireConnection: () => Promise.resolve(db),
    releaseConnection: () => Promise.resolve(),
  };
  const platform = Object.freeze({ name: 'sqlite-import' });
  const em = {
    fork: () => em,
    getPlatform: () => platform,
    getConnection: () => ({ getKnex: () => ({ client: pool }) }),
    getTransactionContext: () => (db.inTransaction ? { client: pool } : undefined),
    begin: () => {
      db.exec('begin');
      return Promise.resolve();
    },
    commit: () => {
      db.exec('commit');
      return Promise.resolve();
    },
    rollback: () => {
      if (db.inTransaction) db.exec('rollback');
      return Promise.resolve();
    },
    execute: (sql: string, params: readonly unknown[] = [], method: 'all' | 'get' | 'run' = 'all') => {
      const statement = preparedStatement(db, sql);
      const values = params.map(bindable);
      if (method === 'run' || !statement.reader) {
        const result = statement.run(values);
        return Promise.resolve(
          method === 'run' ? { affectedRows: result.changes, insertId: result.lastInsertRowid } : [],
        );
      }
      return Promise.resolve(method === 'get' ? statement.get(values) : statement.all(values));
    },
  };
  const orm = {
    em,
    close: () => {
      db.close();
      return Promise.resolve();
    },
  };
  return orm as unknown as Orm;
}

function bindable(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === undefined) return null;
  if (typeof value === 'object' && value !== null) {
    throw new Error('the import connection binds strings, numbers, instants, booleans and nulls only');
  }
  return value;
}
