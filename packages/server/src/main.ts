import 'reflect-metadata';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createOrm, migrateToLatest } from './db/orm.js';
import { keepStatisticsFresh } from './db/statistics.js';
import { startOutboxWorker } from './features/outbox/outbox.process.js';
import { startDailyQualityEvaluation } from './features/quality/evaluation/daily-quality-evaluation.js';
import { startOrphanFileSweeper } from './features/uploads/orphan-files.js';
import { startReturnExpiry } from './features/returns/expire-returns.js';
import { createFileStorage } from './features/uploads/storage.js';
import { createLogger } from './logger.js';
import { DemoDataSeeder } from './seeders/demo-data.seeder.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config);
  const orm = await createOrm({ database: config.database, logger, logSql: config.logSql });

  if (config.migrateOnStart) {
    const applied = await migrateToLatest(orm);
    logger.info({ applied }, applied.length ? 'applied migrations' : 'database schema is current');
  }
  if (config.seedDemoData) {
    await orm.getSeeder().seed(DemoDataSeeder);
    logger.info(
      { file: config.database.kind === 'sqlite' ? config.database.file : undefined },
      'embedded database ready with demo data',
    );
  }

  const app = await createApp({ config, orm, logger });
  const address = await app.listen();
  // Emails queued by any instance are sent by whichever worker claims them first.
  const outbox = config.runWorkers ? startOutboxWorker({ config, orm, logger }) : null;
  // Upload files a crash left without a row are removed by whichever worker sweeps first.
  const orphans = config.runWorkers
    ? startOrphanFileSweeper({ orm, storage: createFileStorage(config), logger, config })
    : null;
  // Each seller's daily quality evaluation, by whichever instance claims it first.
  const evaluation = config.runWorkers
    ? startDailyQualityEvaluation({ orm, logger, publicUrl: config.publicUrl })
    : null;
  // Authorized returns past their deadline expire, by whichever instance updates each first.
  const returnExpiry = config.runWorkers ? startReturnExpiry({ orm, logger }) : null;
  // SQLite plans the review queue well only with statistics, and data grows after migrating.
  const statistics = keepStatisticsFresh(orm, logger);
  logger.info({ address, embedded: config.embedded }, `Recertify is running at ${address}`);
  if (config.embedded) process.stdout.write(`\n  Recertify is running: open ${address}\n\n`);

  let shuttingDown = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    const timer = setTimeout(() => {
      logger.error({ graceMs: config.shutdownGraceMs }, 'shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownGraceMs);
    timer.unref();
    statistics.stop();
    // Workers stop first: app.stop() closes the database they use.
    Promise.all([outbox?.stop(), orphans?.stop(), evaluation?.stop(), returnExpiry?.stop()])
      .then(() => app.stop())
      .then(
        () => {
          logger.info('stopped');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'error while shutting down');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Recertify failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
