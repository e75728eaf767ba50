import type { AppConfig } from './config.js';
import type { Orm } from './db/orm.js';
import { startOutboxWorker } from './features/outbox/outbox.process.js';
import { startDailyQualityEvaluation } from './features/quality/evaluation/daily-quality-evaluation.js';
import { startReturnExpiry } from './features/returns/expire-returns.js';
import { startOrphanFileSweeper } from './features/uploads/orphan-files.js';
import { createFileStorage } from './features/uploads/storage.js';
import type { PeriodicJob } from './lib/periodic-job.js';
import type { Logger } from './logger.js';

export interface BackgroundJobsDependencies {
  readonly config: AppConfig;
  readonly orm: Orm;
  readonly logger: Logger;
}

/**
 * Every job that runs in the background, started together by the API server (`RUN_WORKERS`) and
 * by the `worker` command, so that neither leaves one out. Each is safe on several instances
 * against one PostgreSQL database. A new scheduled job is added here.
 */
export function startBackgroundJobs({ config, orm, logger }: BackgroundJobsDependencies): PeriodicJob {
  const jobs: Array<{ stop(): Promise<void> }> = [
    // Emails queued by any instance are sent by whichever worker claims them first.
    startOutboxWorker({ config, orm, logger }),
    // Upload files a crash left without a row are removed by whichever worker sweeps first.
    startOrphanFileSweeper({ orm, storage: createFileStorage(config), logger, config }),
    // Each seller's daily quality evaluation, by whichever instance claims it first.
    startDailyQualityEvaluation({ orm, logger, publicUrl: config.publicUrl }),
    // Authorized returns past their deadline expire, by whichever instance updates each first.
    startReturnExpiry({ orm, logger }),
  ];
  return {
    stop: async () => {
      await Promise.all(jobs.map((job) => job.stop()));
    },
  };
}
