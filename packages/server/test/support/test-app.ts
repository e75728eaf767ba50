import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Seeder } from '@mikro-orm/seeder';
import { createApp } from '../../src/app.js';
import { loadConfig, type AppConfig, type DatabaseConfig } from '../../src/config.js';
import { createOrm, migrateToLatest, type Orm } from '../../src/db/orm.js';
import { createScratchDatabase } from '../../src/db/scratch-database.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { ReferenceDataSeeder } from '../../src/seeders/reference-data.seeder.js';

/** Which database the integration tests run on: `TEST_DATABASE=postgresql` switches from SQLite. */
export function testDatabaseKind(): DatabaseConfig['kind'] {
  const kind = process.env['TEST_DATABASE'] ?? 'sqlite';
  if (kind !== 'sqlite' && kind !== 'postgresql') {
    throw new Error(`TEST_DATABASE must be sqlite or postgresql, not ${kind}`);
  }
  return kind;
}

export interface GraphQLResponse<TData = Record<string, unknown>> {
  status: number;
  data?: TData | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
}

export interface TestApp {
  readonly url: string;
  /** The app's DATA_DIR (uploads in `uploads/`, emails in `mail/`). */
  readonly dataDir: string;
  readonly orm: Orm;
  readonly kind: DatabaseConfig['kind'];
  /** The configuration the server runs with (its database is the test's scratch database). */
  readonly config: AppConfig;
  /** POSTs a GraphQL operation over real HTTP and returns the parsed body with the status. */
  graphql<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<TData>>;
  /** A caller that keeps its session cookie between requests, like a browser. */
  client(): TestClient;
  /** A caller that sends `Authorization: Bearer <key>`. */
  withApiKey(key: string): TestClient;
  stop(): Promise<void>;
}

export interface TestClient {
  graphql<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<TData>>;
  /** The raw Set-Cookie header of the last response, if any. */
  readonly lastSetCookie: string | null;
  /** The session cookie value this client holds. */
  sessionToken: string | null;
}

/** A clock the test moves by hand. */
export class TestClock {
  constructor(private current = new Date('2026-11-23T17:00:00.000Z')) {}
  readonly now = (): Date => new Date(this.current.getTime());
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(at: Date): void {
    this.current = at;
  }
}

export interface TestAppOptions {
  /** Seeders run after migrating; reference data by default. */
  seeders?: Array<new () => Seeder>;
  now?: () => Date;
  /** Sees every SQL statement the app runs. */
  onQuery?: (sql: string) => void;
  /** Runs the app as in this environment (`test` by default), e.g. `production` to see what users see. */
  env?: AppConfig['env'];
  /** The built web app to serve (WEB_DIST_DIR); none by default. */
  webDistDir?: string;
  /** More environment variables for the configuration, e.g. `{ UPLOAD_QUOTA_MB: '1' }`. */
  environment?: Record<string, string>;
  /** The app's logger (silent by default, or at TEST_LOG_LEVEL), e.g. one writing to a test's own stream. */
  logger?: Logger;
}

/**
 * A real server on a fresh database (a new SQLite file or a new PostgreSQL database), migrated
 * with the committed migrations, listening on a free loopback port.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const kind = testDatabaseKind();
  const scratch = await createScratchDatabase(kind, 'test');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'recertify-test-data-'));
  const config = {
    ...loadConfig({
      NODE_ENV: options.env ?? 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      // The tests' fetch keeps connections alive across a test's set-up, which can outlast the
      // server's 5 s idle timeout on a loaded machine; the server closing an idle connection as the
      // next request goes out on it fails that request with ECONNRESET. Here only the client closes.
      HTTP_KEEP_ALIVE_SECONDS: '0',
      WEB_DIST_DIR: options.webDistDir ?? path.join(dataDir, 'no-web'),
      ...options.environment,
    }),
    database: scratch.database,
    embedded: kind === 'sqlite',
    env: options.env ?? 'test',
  };
  const logger =
    options.logger ??
    createLogger({
      logLevel: process.env['TEST_LOG_LEVEL'] === undefined ? 'silent' : (process.env['TEST_LOG_LEVEL'] as 'info'),
    });
  const orm = await createOrm({
    database: scratch.database,
    logger,
    logSql: process.env['TEST_LOG_LEVEL'] === 'debug',
    ...(options.onQuery ? { onQuery: options.onQuery } : {}),
  });
  await migrateToLatest(orm);
  // The demo seeder writes its sample files under DATA_DIR: keep them in this app's temp folder.
  process.env['DATA_DIR'] = dataDir;
  for (const seeder of options.seeders ?? [ReferenceDataSeeder]) {
    await orm.getSeeder().seed(seeder);
  }
  const app = await createApp({ config, orm, logger, ...(options.now ? { now: options.now } : {}) });
  const url = await app.listen();

  return {
    url,
    dataDir,
    orm,
    kind,
    config,
    async graphql(query, variables, headers = {}) {
      const response = await fetch(new URL('/graphql', url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse, 'status'>;
      return { status: response.status, ...body } as never;
    },
    client() {
      return makeClient(url, {});
    },
    withApiKey(key) {
      return makeClient(url, { authorization: `Bearer ${key}` });
    },
    async stop() {
      await app.stop();
      await scratch.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function makeClient(baseUrl: string, headers: Record<string, string>): TestClient {
  const client: TestClient & { lastSetCookie: string | null } = {
    lastSetCookie: null,
    sessionToken: null,
    async graphql(query, variables) {
      const response = await fetch(new URL('/graphql', baseUrl), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...headers,
          ...(client.sessionToken ? { cookie: `rc_session=${client.sessionToken}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const setCookie = response.headers.get('set-cookie');
      client.lastSetCookie = setCookie;
      if (setCookie) {
        const match = /rc_session=([^;]*)/.exec(setCookie);
        if (match) client.sessionToken = match[1] ? decodeURIComponent(match[1]) : null;
      }
      const body = (await response.json()) as Omit<GraphQLResponse, 'status'>;
      return { status: response.status, ...body } as never;
    },
  };
  return client;
}
