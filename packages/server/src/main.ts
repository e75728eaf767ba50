import 'reflect-metadata';
import { createApp } from './app.js';
import { startBackgroundJobs } from './background-jobs.js';
import { ConfigError, loadConfig } from './config.js';
import { createOrm, migrateToLatest } from './db/orm.js';
import { keepStatisticsFresh } from './db/statistics.js';
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
  // The outbox, the sweeps and the scheduled jobs, unless this instance leaves them to `worker` processes.
  const jobs = config.runWorkers ? startBackgroundJobs({ config, orm, logger }) : null;
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
    Promise.resolve(jobs?.stop())
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
