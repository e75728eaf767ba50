import type { MikroORM } from '@mikro-orm/core';
import type { Logger } from '../../logger.js';
import { startPeriodicJob, type PeriodicJob } from '../../lib/periodic-job.js';
import type { FileStorage } from './storage.js';
import { Upload } from './upload.entity.js';

export interface OrphanSweepOptions {
  readonly orm: MikroORM;
  readonly storage: FileStorage;
  /** Files written after `now - graceMs` are left alone: their upload may still be in flight. */
  readonly graceMs: number;
  readonly now: Date;
  /** Keys looked up in one query. */
  readonly batchSize?: number;
}

export interface OrphanSweepResult {
  /** Stored files that no upload row names, removed. */
  readonly removed: number;
  /** Incoming files left by an upload that never finished, removed. */
  readonly incomingRemoved: number;
}

/**
 * Removes stored files that no upload row names (a crash between writing the file and inserting
 * its row leaves one), and incoming files an interrupted upload left. Only files older than the
 * grace period are candidates, so an upload in flight keeps its file. Safe to run on several
 * instances at once: each only deletes, deleting a file twice is harmless, and a row is never
 * written for a file older than the grace period.
 */
export async function sweepOrphanFiles({
  orm,
  storage,
  graceMs,
  now,
  batchSize = 500,
}: OrphanSweepOptions): Promise<OrphanSweepResult> {
  const cutoff = new Date(now.getTime() - graceMs);
  let removed = 0;
  let batch: string[] = [];
  const settle = async () => {
    if (batch.length === 0) return;
    const keys = batch;
    batch = [];
    const rows = await orm.em
      .fork()
      .find(Upload, { storageKey: { $in: keys } }, { fields: ['storageKey'], disableIdentityMap: true });
    const known = new Set(rows.map((row) => row.storageKey));
    for (const key of keys) {
      if (known.has(key)) continue;
      await storage.delete(key);
      removed += 1;
    }
  };
  for await (const file of storage.list()) {
    if (file.writtenAt >= cutoff) continue;
    batch.push(file.key);
    if (batch.length >= batchSize) await settle();
  }
  await settle();
  const incomingRemoved = await storage.removeIncomingOlderThan(cutoff);
  return { removed, incomingRemoved };
}

export interface OrphanFileSweeperDependencies {
  readonly orm: MikroORM;
  readonly storage: FileStorage;
  readonly logger: Logger;
  readonly config: { readonly uploads: { readonly orphanGraceMs: number; readonly sweepIntervalMs: number } };
  readonly now?: () => Date;
}

/**
 * Sweeps now and then every `sweepIntervalMs` on an unref'd timer (the API server's
 * `RUN_WORKERS`, or the `worker` command). Stop it before closing the ORM.
 */
export function startOrphanFileSweeper({
  orm,
  storage,
  logger,
  config,
  now = () => new Date(),
}: OrphanFileSweeperDependencies): PeriodicJob {
  const log = logger.child({ component: 'orphan-files' });
  return startPeriodicJob('orphan upload file sweep', log, config.uploads.sweepIntervalMs, async () => {
    const result = await sweepOrphanFiles({ orm, storage, graceMs: config.uploads.orphanGraceMs, now: now() });
    if (result.removed > 0 || result.incomingRemoved > 0) log.warn(result, 'removed upload files without a row');
  });
}
