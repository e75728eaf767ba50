import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createOrm } from '../src/db/orm.js';
import { createLogger } from '../src/logger.js';
import { databaseFromEnv, type FromServer, type ToServer } from './protocol.js';

/**
 * The real app (createApp) on an already seeded database, on a free loopback port, in its own
 * process so the load generator does not share its event loop. On request it records the SQL the
 * ORM runs (MikroORM's query log, switched on only while capturing).
 */
export async function serveApp(send: (message: FromServer) => void): Promise<(message: ToServer) => Promise<void>> {
  const database = databaseFromEnv();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'recertify-bench-data-'));
  const config = {
    ...loadConfig({
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      WEB_DIST_DIR: path.join(dataDir, 'no-web'),
      RUN_WORKERS: 'false',
    }),
    database,
    embedded: database.kind === 'sqlite',
  };
  const statements: string[] = [];
  let capturing = false;
  // The ORM writes its query log through this logger (at debug level); the app's own logger stays silent.
  const sqlLogger = pino(
    { level: 'debug' },
    {
      write: (line: string) => {
        if (!capturing) return;
        const { msg } = JSON.parse(line) as { msg?: string };
        if (msg) statements.push(cleanQueryLog(msg));
      },
    },
  );
  const orm = await createOrm({ database, logger: sqlLogger, logSql: false });
  const app = await createApp({ config, orm, logger: createLogger({ logLevel: 'silent' }) });
  const url = await app.listen();
  send({ type: 'ready', port: Number(new URL(url).port) });

  return async (message) => {
    if (message.type === 'capture') {
      capturing = message.on;
      // config.set, not logger.setDebugMode: the ORM re-syncs the logger from its config.
      orm.config.set('debug', message.on ? ['query', 'query-params'] : false);
      if (message.on) {
        statements.length = 0;
        send({ type: 'capturing' });
      } else {
        send({ type: 'captured', statements: [...statements] });
      }
    } else {
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
}

/** "[query] select … [took 1 ms, 50 results]" → "select …" (without colour codes). */
function cleanQueryLog(message: string): string {
  const ESC = String.fromCharCode(27);
  return message
    .split(ESC)
    .map((part, i) => (i === 0 ? part : part.replace(/^\[[0-9;]*m/, '')))
    .join('')
    .replace(/^\[query\]\s*/, '')
    .replace(/\s*\[took [^\]]*\]\s*$/, '');
}
