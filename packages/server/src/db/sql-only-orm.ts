import type { MikroORM } from '@mikro-orm/core';
import type { DatabaseConfig } from '../config.js';
import { requireBetterSqliteDriver, requireMikroOrmCore, requirePostgreSqlDriver } from './cjs-modules.js';
import type { Orm } from './orm.js';
import { openSqliteImportConnection } from './sqlite-import-connection.js';

/**
 * The import command's connection: on SQLite better-sqlite3 without MikroORM
 * (sqlite-import-connection.ts), on PostgreSQL the SQL-only MikroORM below.
 */
export async function openImportConnection(database: DatabaseConfig): Promise<Orm> {
  return database.kind === 'sqlite' ? openSqliteImportConnection(database.file) : createSqlOnlyOrm(database);
}

/**
 * A MikroORM that only runs SQL (`em.execute`, `em.transactional`): no entities, no migrations,
 * no seeder. For the bulk import command, which writes with SQL and prepared statements only:
 * discovering ~40 entities loads type-graphql and the migrations module, most of the command's
 * start-up (BENCHMARKS.md, "Import (issue 9)"). Only the configured database's driver is loaded.
 * The database must already be migrated (`db:migrate`). Loaded with `require` (cjs-modules.ts).
 */
export async function createSqlOnlyOrm(database: DatabaseConfig): Promise<MikroORM> {
  const { MikroORM } = requireMikroOrmCore();
  const common = {
    entities: [],
    discovery: { warnWhenNoEntities: false },
    forceUtcTimezone: true,
    allowGlobalContext: false,
  };
  if (database.kind === 'sqlite') {
    const { BetterSqliteDriver } = requireBetterSqliteDriver();
    return MikroORM.init({ ...common, driver: BetterSqliteDriver, dbName: database.file });
  }
  const { PostgreSqlDriver } = requirePostgreSqlDriver();
  return MikroORM.init({ ...common, driver: PostgreSqlDriver, clientUrl: database.url, pool: { min: 0, max: 10 } });
}
