import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { ormConfig, type OrmConfigOptions } from './orm-config.js';
import { refreshStatistics } from './statistics.js';

export type Orm = MikroORM;
export type { EntityManager };

export async function createOrm(options: OrmConfigOptions): Promise<Orm> {
  return MikroORM.init(ormConfig(options));
}

/** Applies every pending migration, then refreshes SQLite's statistics (new indexes need them); returns the names applied. */
export async function migrateToLatest(orm: Orm): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  await refreshStatistics(orm);
  return applied.map((migration) => migration.name);
}

/** True when the database answers a trivial query. */
export async function databaseIsReachable(orm: Orm): Promise<boolean> {
  try {
    await (orm.em.fork() as EntityManager).getConnection().execute('select 1');
    return true;
  } catch {
    return false;
  }
}
