import type { MikroORM } from '@mikro-orm/core';
import type { AppConfig } from '../../config.js';
import { createOrm } from '../../db/orm.js';
import { keepStatisticsFresh } from '../../db/statistics.js';
import { createLogger, type Logger } from '../../logger.js';
import { startDailyQualityEvaluation } from '../quality/evaluation/daily-quality-evaluation.js';
import { startOrphanFileSweeper } from '../uploads/orphan-files.js';
import { createFileStorage } from '../uploads/storage.js';
import { createMailTransport } from './mail-transport.js';
import { OutboxWorker } from './outbox.worker.js';

export interface RunningOutboxWorker {
  readonly worker: OutboxWorker;
  /** Stops polling, waits for the run in progress, closes the mail transport. Call before closing the ORM. */
  stop(): Promise<void>;
}

export interface OutboxWorkerDependencies {
  readonly config: Pick<AppConfig, 'mail' | 'outboxPollMs'>;
  readonly orm: MikroORM;
  readonly logger: Logger;
  readonly now?: () => Date;
}

/** Starts polling the outbox in this process (the API server's `RUN_WORKERS`, or the `worker` command). */
export function startOutboxWorker({ config, orm, logger, now }: OutboxWorkerDependencies): RunningOutboxWorker {
  const transport = createMailTransport(config.mail);
  const worker = new OutboxWorker({ orm, transport, logger, ...(now ? { now } : {}) });
  worker.start(config.outboxPollMs);
  let stopping: Promise<void> | undefined;
  return {
    worker,
    stop: () => {
      stopping ??= worker.stop().finally(() => transport.close());
      return stopping;
    },
  };
}

/**
 * The `worker` command: sends the outbox until SIGTERM/SIGINT (or `signal`), without serving
 * HTTP. Safe to run on several machines against one PostgreSQL database.
 */
export async function runOutboxWorkerProcess(
  config: AppConfig,
  options: { signal?: AbortSignal; logger?: Logger } = {},
): Promise<void> {
  const logger = options.logger ?? createLogger(config);
  const orm = await createOrm({ database: config.database, logger, logSql: config.logSql });
  try {
    const running = startOutboxWorker({ config, orm, logger });
    const orphans = startOrphanFileSweeper({ orm, storage: createFileStorage(config), logger, config });
    // Each seller's daily quality evaluation, by whichever worker claims it first.
    const evaluation = startDailyQualityEvaluation({ orm, logger, publicUrl: config.publicUrl });
    // A worker may be the only long-running process on an SQLite file; it keeps the statistics fresh too.
    const statistics = keepStatisticsFresh(orm, logger);
    await untilStopped(options.signal, logger);
    statistics.stop();
    await Promise.all([running.stop(), orphans.stop(), evaluation.stop()]);
  } finally {
    await orm.close();
  }
}

/** Resolves on abort or on the first SIGTERM/SIGINT; keeps the process alive meanwhile (the worker's timers are unref'd). */
function untilStopped(signal: AbortSignal | undefined, logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    const keepAlive = setInterval(() => undefined, 1 << 30);
    const done = (reason: string) => {
      clearInterval(keepAlive);
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      signal?.removeEventListener('abort', onAbort);
      logger.info({ reason }, 'outbox worker process stopping');
      resolve();
    };
    const onSignal = (name: NodeJS.Signals) => done(name);
    const onAbort = () => done('aborted');
    if (signal?.aborted) return done('aborted');
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
