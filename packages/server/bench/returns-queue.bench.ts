/**
 * Returns queue benchmark over HTTP (issue 10): one seller with N returns (default 100,000), and the
 * web app's ReturnsQueue operation (its first page of 25, from packages/web/…/returns-queue.graphql)
 * sent with that seller's session, on SQLite and PostgreSQL: the app from its production build
 * (dist/main.js) beside a baseline that runs the app's two statements (the page, then its capped count)
 * behind a plain node:http handler (returns-baseline.ts). Measured as the review-queue benchmark is
 * (http-bench.ts): both servers at once in alternating rounds, CPU ms per request per process from
 * /proc, a closed loop of 20 connections (req/s) and an open loop at a fixed rate (latency, with
 * timed-out requests counted). Reported, never asserted.
 *
 *   pnpm build   # the app runs from dist/, as in production
 *   pnpm --filter @recertify/server bench:returns-queue [--db sqlite|postgresql|both] [--rows 100000]
 *     [--rounds 4] [--round 3] [--warmup 2] [--rate 100] [--json out.json] [--report-from saved.json]
 *
 * Traffic goes only to 127.0.0.1. Every wait has a time limit; scratch databases are dropped.
 */
import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { createScratchDatabase, type ScratchDatabase } from '../src/db/scratch-database.js';
import { migrateToLatest } from '../src/db/orm.js';
import { DemoDataSeeder } from '../src/seeders/demo-data.seeder.js';
import { Organization } from '../src/features/accounts/organization.entity.js';
import { graphqlBody } from './protocol.js';
import { seedReturns } from './returns-data.js';
import {
  abort,
  checkBuild,
  explain,
  type HttpGoals,
  type Kind,
  live,
  log,
  measureScenario,
  post,
  queriesOf,
  reportLines,
  type Role,
  type Server,
  type ServerResult,
  signIn,
  startApp,
  startReference,
  timeQuery,
  within,
  withOrm,
} from './http-bench.js';

/** The approved demo seller: its returns queue gets the seeded rows. */
const SELLER = { email: 'approved-seller@demo.recertify.test', password: 'demo-password' };
const SELLER_ORGANIZATION = 'Evergreen Renewed';
const PAGE_PREFIX = '{"data":{"returnRequests":{';
/** The issue's goals: app CPU per request at most 3x the baseline's; p95 under 25 ms at a fixed 100 requests/s. */
const GOALS: HttpGoals = { cpuRatio: 3, openP95Ms: 25 };

interface ReturnsSeed {
  readonly rows: number;
  readonly seconds: number;
  /** The seller's returns after seeding (the demo's own and the seeded ones): the count the page shows, up to its cap. */
  readonly sellerReturns: number;
}

interface DatabaseResult {
  readonly kind: Kind;
  readonly version: string;
  readonly seed: ReturnsSeed;
  readonly load: { before: number; after: number };
  readonly result: Record<Role, ServerResult>;
  readonly appSql: string[];
  readonly plans: Array<{ statement: string; plan: string[]; medianMs: number }>;
  readonly bytes: number;
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: 'both' },
      rows: { type: 'string', default: '100000' },
      rounds: { type: 'string', default: '4' },
      round: { type: 'string', default: '3' },
      warmup: { type: 'string', default: '2' },
      rate: { type: 'string', default: '100' },
      json: { type: 'string' },
      'report-from': { type: 'string' },
    },
  });
  const kinds: Kind[] =
    values.db === 'both'
      ? ['sqlite', 'postgresql']
      : values.db === 'sqlite' || values.db === 'postgresql'
        ? [values.db]
        : [];
  if (kinds.length === 0) throw new Error(`--db must be sqlite, postgresql or both, not ${values.db}`);
  const options = {
    kinds,
    rows: Number(values.rows),
    rounds: Number(values.rounds),
    round: Number(values.round),
    warmup: Number(values.warmup),
    rate: Number(values.rate),
    json: values.json,
    reportFrom: values['report-from'],
  };
  if (!Number.isInteger(options.rows) || options.rows < 1 || options.rows > 5_000_000)
    throw new Error('--rows must be 1..5000000');
  if (!Number.isInteger(options.rounds) || options.rounds < 1 || options.rounds > 50)
    throw new Error('--rounds must be 1..50');
  if (!(options.round >= 1 && options.round <= 60)) throw new Error('--round must be 1..60 seconds');
  if (!(options.warmup >= 0 && options.warmup <= 60)) throw new Error('--warmup must be 0..60 seconds');
  if (!(options.rate >= 1 && options.rate <= 2000)) throw new Error('--rate must be 1..2000 requests per second');
  return options;
}
type Options = ReturnType<typeof parseOptions>;

async function benchDatabase(kind: Kind, options: Options, deadline: number): Promise<DatabaseResult> {
  const loadBefore = os.loadavg()[0]!;
  const scratch: ScratchDatabase = await createScratchDatabase(kind, 'bench');
  live.scratch = scratch;
  const started: Server[] = [];
  // The web app's ReturnsQueue operation and its first page's variables (protocol.ts reads its .graphql file).
  const body = graphqlBody('returns');
  try {
    const database = scratch.database;
    log(`${kind}: migrating, seeding reference and demo data, then ${options.rows} returns of one seller`);
    const { seed, version } = await withOrm(database, async (orm, em) => {
      await migrateToLatest(orm);
      await orm.getSeeder().seed(DemoDataSeeder);
      const started = performance.now();
      const seller = await em.findOneOrFail(Organization, { name: SELLER_ORGANIZATION });
      await within(
        seedReturns(orm, seller.id, options.rows, new Date()),
        Math.max(60_000, deadline - Date.now()),
        'seeding',
      );
      const [counted] = await em.execute<Array<{ count: number | string }>>(
        'select count(*) as "count" from "return_request" where "organization_id" = ?',
        [seller.id],
      );
      const seed: ReturnsSeed = {
        rows: options.rows,
        seconds: (performance.now() - started) / 1000,
        sellerReturns: Number(counted?.count ?? 0),
      };
      // SQLite: the app's own `PRAGMA optimize` at start gives the statistics (db/statistics.ts).
      if (kind === 'postgresql') await em.getConnection().execute('analyze "return_request"');
      const knex = em.getKnex();
      const version =
        kind === 'sqlite'
          ? `SQLite ${(await knex.raw<Array<{ v: string }>>('select sqlite_version() as v'))[0]!.v}`
          : `PostgreSQL ${(await knex.raw<{ rows: Array<{ server_version: string }> }>('show server_version')).rows[0]!.server_version}`;
      return { seed, version };
    });
    log(`${kind}: seeded ${seed.rows} returns in ${seed.seconds.toFixed(1)} s; the seller has ${seed.sellerReturns}`);

    // Once with its SQL logged: sign in, the page once to fill the caches, then once more logged.
    const logged = await startApp(database, live.dataDir, true);
    started.push(logged);
    const cookie = await signIn(logged.port, SELLER);
    await post(logged.port, '/graphql', body, cookie);
    await new Promise((resolve) => setTimeout(resolve, 200));
    logged.log.length = 0;
    const { json } = await post(logged.port, '/graphql', body, cookie);
    await new Promise((resolve) => setTimeout(resolve, 200));
    if (json['errors'] || !json['data']) throw new Error(`the app answered ${JSON.stringify(json).slice(0, 2000)}`);
    const appAnswer = json['data'];
    const appSql = queriesOf(logged.log);
    log(`${kind}: the app's statements for one page:\n  ${appSql.join('\n  ')}`);
    await logged.stop();

    const plans = await withOrm(database, async (_orm, em) => {
      const planned = [];
      for (const statement of appSql.filter((s) => /"?return_request"?/i.test(s.replace(/`/g, '"')))) {
        planned.push({ statement, plan: await explain(em, kind, statement), medianMs: await timeQuery(em, statement) });
      }
      return planned;
    });

    // Both servers, silent, side by side; the baseline's answer must equal the app's.
    const app = await startApp(database, live.dataDir, false);
    started.push(app);
    const baseline = await startReference(database, live.dataDir, 'returns', () => '/queue/returns');
    started.push(baseline);
    for (const server of [app, baseline]) {
      const { json: answer } = await post(server.port, server.path('returns'), body, cookie);
      if (!isDeepStrictEqual(answer['data'], appAnswer)) {
        throw new Error(
          `the ${server.role}'s answer differs from the logged app's:\n${JSON.stringify(answer).slice(0, 3000)}\n` +
            `${JSON.stringify(appAnswer).slice(0, 3000)}`,
        );
      }
    }
    const servers: Record<Role, Server> = { app, baseline };
    const result = await measureScenario(
      `${kind}, returns queue`,
      servers,
      (role) => ({
        port: servers[role].port,
        path: servers[role].path('returns'),
        body,
        cookie,
        expect: PAGE_PREFIX,
      }),
      options,
    );
    return {
      kind,
      version,
      seed,
      load: { before: loadBefore, after: os.loadavg()[0]! },
      result,
      appSql,
      plans,
      bytes: JSON.stringify({ data: appAnswer }).length,
    };
  } finally {
    for (const server of started) {
      await server.stop();
      live.servers.delete(server);
    }
    await scratch.drop();
    live.scratch = null;
  }
}

function report(results: DatabaseResult[], options: Options): string {
  const lines = reportLines(
    results.map((r) => ({ labels: [r.kind], app: r.result.app, baseline: r.result.baseline })),
    {
      ...options,
      subject: `One seller, ${options.rows} returns over 120 days (plus the demo's); its queue's first page of 25.`,
    },
    ['database'],
    GOALS,
  );
  for (const r of results) {
    lines.push('');
    lines.push(
      `${r.kind} (${r.version}): ${r.seed.rows} returns seeded in ${r.seed.seconds.toFixed(1)} s, the seller's ` +
        `${r.seed.sellerReturns}; answer ${r.bytes} bytes; load average ${r.load.before.toFixed(2)} before, ` +
        `${r.load.after.toFixed(2)} after`,
    );
    lines.push('  SQL the app ran for one request (the baseline runs the same statements):');
    for (const statement of r.appSql) lines.push(`    ${statement}`);
    for (const p of r.plans) {
      lines.push(`  plan of: ${p.statement.slice(0, 110)}… (median ${p.medianMs.toFixed(1)} ms alone)`);
      for (const line of p.plan) lines.push(`    ${line}`);
    }
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const options = parseOptions();
  if (options.reportFrom) {
    const saved = JSON.parse(readFileSync(options.reportFrom, 'utf8')) as {
      options: Options;
      results: DatabaseResult[];
    };
    process.stdout.write(`${report(saved.results, saved.options)}\n`);
    return;
  }
  checkBuild();
  // The whole run is bounded: seeding, servers and the rounds, with slack.
  const perDatabaseMs = 15 * 60_000 + (2 * options.warmup + 4 * options.rounds * options.round + 120) * 1000;
  const deadline = Date.now() + options.kinds.length * perDatabaseMs;
  const watchdog = setTimeout(() => void abort('the benchmark ran past its time limit', 4), deadline - Date.now());
  watchdog.unref();
  process.once('SIGINT', () => void abort('interrupted', 130));

  // The demo seeder writes its sample files under DATA_DIR: a temporary one, not the repository's data/.
  live.dataDir = mkdtempSync(path.join(os.tmpdir(), 'recertify-bench-'));
  process.env['DATA_DIR'] = live.dataDir;
  const results: DatabaseResult[] = [];
  try {
    for (const kind of options.kinds) results.push(await benchDatabase(kind, options, deadline));
  } finally {
    rmSync(live.dataDir, { recursive: true, force: true });
  }
  clearTimeout(watchdog);
  process.stdout.write(`${report(results, options)}\n`);
  if (options.json) writeFileSync(options.json, JSON.stringify({ options, results }, null, 2));
}

main().catch(async (error: unknown) => {
  const cause =
    error instanceof Error && error.cause
      ? `\ncaused by: ${error.cause instanceof Error ? `${error.cause.name}: ${error.cause.message}` : JSON.stringify(error.cause)}`
      : '';
  await abort(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}${cause}`, 1);
});
