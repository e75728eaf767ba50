import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Migrator } from '@mikro-orm/migrations';
import { SeedManager } from '@mikro-orm/seeder';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { defineConfig as defineSqliteConfig } from '@mikro-orm/better-sqlite';
import { defineConfig as definePostgresConfig } from '@mikro-orm/postgresql';
import type { Options } from '@mikro-orm/core';
import type { DatabaseConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { postgresqlMigrations } from '../migrations/postgresql/index.js';
import { sqliteMigrations } from '../migrations/sqlite/index.js';
import { entities } from './entities.js';

/** Where `migration:create` writes new migration files (the source tree, not dist). */
export function migrationsSourceDir(kind: DatabaseConfig['kind']): string {
  return fileURLToPath(new URL(`../../src/migrations/${kind}`, import.meta.url));
}

export interface OrmConfigOptions {
  readonly database: DatabaseConfig;
  readonly logger?: Logger;
  readonly logSql?: boolean;
  /** Called with every SQL statement (tests count them to prove there is no N+1). */
  readonly onQuery?: (sql: string) => void;
}

/**
 * MikroORM options for either database. Migrations differ per database (SQL dialects), so each
 * has its own committed folder and an explicit list, loaded the same way from src and dist.
 */
export function ormConfig({ database, logger, logSql = false, onQuery }: OrmConfigOptions): Options {
  const common = {
    entities,
    extensions: [Migrator, SeedManager],
    // Batch relation loading (Collection/Reference.load) to avoid N+1 queries.
    dataloader: true,
    forceUtcTimezone: true,
    debug: onQuery ? ['query' as const] : logSql,
    logger: (message: string) => {
      if (onQuery) onQuery(message);
      else logger?.debug({ orm: true }, message);
    },
    discovery: { checkDuplicateFieldNames: true },
    // Each request and each job works on its own fork; the global context is a bug.
    allowGlobalContext: false,
  };

  if (database.kind === 'sqlite') {
    if (database.file !== ':memory:') {
      mkdirSync(path.dirname(database.file), { recursive: true });
    }
    return defineSqliteConfig({
      ...common,
      driver: BetterSqliteDriver,
      dbName: database.file,
      // ANALYZE (PRAGMA optimize, db/statistics.ts) keeps its statistics in these tables; they are SQLite's, not ours.
      schemaGenerator: { skipTables: ['sqlite_stat1', 'sqlite_stat4'] },
      migrations: {
        migrationsList: sqliteMigrations,
        path: migrationsSourceDir('sqlite'),
        emit: 'ts',
        snapshot: false,
        transactional: true,
        allOrNothing: true,
      },
    });
  }
  return definePostgresConfig({
    ...common,
    driver: PostgreSqlDriver,
    clientUrl: database.url,
    pool: { min: 0, max: 10 },
    // The per-request reads are prepared statements (db/select-rows.ts): each execution is planned
    // for its values, as a statement with literals was. A generic plan, which PostgreSQL may switch a
    // prepared statement to after five executions, is planned for an average seller: one with a
    // hundred thousand returns would make a small seller's count scan the whole table.
    driverOptions: { connection: { options: '-c plan_cache_mode=force_custom_plan' } },
    migrations: {
      migrationsList: postgresqlMigrations,
      path: migrationsSourceDir('postgresql'),
      emit: 'ts',
      snapshot: false,
      transactional: true,
      allOrNothing: true,
    },
  });
}
