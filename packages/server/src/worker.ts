import type { AppConfig } from './config.js';
import { startBackgroundJobs } from './background-jobs.js';
import { createOrm } from './db/orm.js';
import { keepStatisticsFresh } from './db/statistics.js';
import { createLogger, type Logger } from './logger.js';

/**
 * The `worker` command: runs every background job (the outbox, the sweeps, the daily quality
 * evaluation, the return expiry) until SIGTERM/SIGINT (or `signal`), without serving HTTP. Safe to
 * run on several machines against one PostgreSQL database.
 */
export async function runWorkerProcess(
  config: AppConfig,
  options: { signal?: AbortSignal; logger?: Logger } = {},
): Promise<void> {
  const logger = options.logger ?? createLogger(config);
  const orm = await createOrm({ database: config.database, logger, logSql: config.logSql });
  try {
    const jobs = startBackgroundJobs({ config, orm, logger });
    // A worker may be the only long-running process on an SQLite file; it keeps the statistics fresh too.
    const statistics = keepStatisticsFresh(orm, logger);
    await untilStopped(options.signal, logger);
    statistics.stop();
    await jobs.stop();
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
      logger.info({ reason }, 'worker process stopping');
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
