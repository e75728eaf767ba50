import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { Logger } from '../logger.js';

/** How often a long-running process refreshes SQLite's statistics. */
export const STATISTICS_INTERVAL_MS = 60 * 60_000;

/**
 * Gives SQLite's query planner statistics. Without them it prefers the status index and sorts the
 * whole queue on every page (BENCHMARKS.md). `PRAGMA optimize=0x10002` analyzes, within a bounded
 * effort, every table whose statistics are missing or stale, and is a no-op otherwise.
 * PostgreSQL needs nothing: autovacuum analyzes its tables.
 */
export async function refreshStatistics(orm: MikroORM): Promise<void> {
  if (!(orm.em.getDriver() instanceof BetterSqliteDriver)) return;
  await (orm.em.fork() as EntityManager).getConnection().execute('pragma optimize=0x10002', [], 'run');
}

/**
 * Refreshes statistics now and then every `intervalMs`, on an unref'd timer (it never keeps the
 * process alive). Stop it before closing the ORM.
 */
export function keepStatisticsFresh(
  orm: MikroORM,
  logger: Logger,
  intervalMs = STATISTICS_INTERVAL_MS,
): { stop(): void } {
  const refresh = () =>
    refreshStatistics(orm).catch((error: unknown) =>
      logger.warn({ err: error }, 'could not refresh the database statistics; queries may plan worse'),
    );
  void refresh();
  const timer = setInterval(() => void refresh(), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
