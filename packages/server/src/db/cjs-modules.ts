import { createRequire } from 'node:module';
import type * as BetterSqliteDriver from '@mikro-orm/better-sqlite';
import type * as MikroOrmCore from '@mikro-orm/core';
import type { Platform } from '@mikro-orm/core';
import type * as PostgreSqlDriver from '@mikro-orm/postgresql';

/*
 * MikroORM's packages (and knex, pg) are CommonJS with an ESM wrapper (index.mjs imports
 * index.js). Node's `import` of a CommonJS module scans its source for export names, and follows
 * every `__exportStar(require(...))` to scan those files too: for @mikro-orm/core and
 * @mikro-orm/knex that is hundreds of files read and scanned twice, ~0.2 CPU s of the import
 * command's start (BENCHMARKS.md, "Import (issue 9)"). `require` loads the same modules (the ESM
 * wrapper wraps the same instance) without the scan. For the paths whose start-up is measured
 * (the import command); the app keeps its plain imports.
 */
const require = createRequire(import.meta.url);

export function requireMikroOrmCore(): typeof MikroOrmCore {
  return require('@mikro-orm/core') as typeof MikroOrmCore;
}

export function requireBetterSqliteDriver(): typeof BetterSqliteDriver {
  return require('@mikro-orm/better-sqlite') as typeof BetterSqliteDriver;
}

export function requirePostgreSqlDriver(): typeof PostgreSqlDriver {
  return require('@mikro-orm/postgresql') as typeof PostgreSqlDriver;
}

const postgreSqlEntry = require.resolve('@mikro-orm/postgresql');

/**
 * Whether a connection's platform is PostgreSQL's, without loading the PostgreSQL driver on
 * SQLite: a PostgreSqlPlatform exists only once @mikro-orm/postgresql is loaded (by `import` or
 * `require`, both through this one CommonJS module).
 */
export function isPostgreSqlPlatform(platform: Platform): boolean {
  const loaded = require.cache[postgreSqlEntry];
  return loaded !== undefined && platform instanceof (loaded.exports as typeof PostgreSqlDriver).PostgreSqlPlatform;
}
