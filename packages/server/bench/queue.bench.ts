/**
 * Review-queue benchmark: seeds N applications, then loads the queue's first page and a filtered
 * page over HTTP, on SQLite and PostgreSQL, from the app's production build (dist/main.js) and from
 * a baseline that runs the same SQL behind a plain node:http handler. Reported, never asserted.
 *
 *   pnpm build   # the app runs from dist/, as in production
 *   node --conditions=source --import @swc-node/register/esm-register bench/queue.bench.ts \
 *     [--db sqlite|postgresql|both] [--rows 100000] [--rounds 4] [--round 3] [--warmup 2] [--rate 100]
 *     [--json out.json] [--report-from saved.json]
 *
 * Both servers run at once and are measured in alternating short rounds (app, baseline, baseline,
 * app, …), so a change in the machine's load falls on both. Each round reads the server's CPU time
 * from /proc/<pid>/stat; CPU ms per request is the figure that other load on the machine disturbs
 * least. Two kinds of rounds: a closed loop of 20 connections (throughput) and an open loop at a fixed
 * arrival rate (latency: requests leave on schedule whatever the server does). Timed-out requests
 * count in the percentiles, as Infinity. BENCH_CPU_PROF=<dir> writes CPU profiles of both servers.
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
import {
  abort,
  checkBuild,
  explain,
  formatTable,
  type HttpGoals,
  type Kind,
  live,
  log,
  measureScenario,
  met,
  perRequest,
  post,
  queriesOf,
  rate,
  reportLines,
  type Role,
  type Server,
  type ServerResult,
  signIn,
  startApp,
  startReference,
  timeQuery,
  withOrm,
} from './http-bench.js';
import { graphqlBody, SCENARIOS, type ScenarioName } from './protocol.js';
import { analyzePostgres, seedApplications, type SeedReport } from './queue-data.js';

const REVIEWER = { email: 'reviewer@demo.recertify.test', password: 'demo-password' };
const PAGE_PREFIX = '{"data":{"reviewQueue":{';
/** The issue's goals, per database and scenario. */
const GOALS: HttpGoals = { cpuRatio: 3, throughputShare: 0.6, openP95Ms: 25, openP95AtMost: true };

interface ScenarioResult {
  readonly scenario: ScenarioName;
  readonly app: ServerResult;
  readonly baseline: ServerResult;
  readonly appSql: string[];
  /** Plan of each statement on the application table, and its median time over 5 runs (ms, client side). */
  readonly plans: Array<{ statement: string; plan: string[]; medianMs?: number }>;
  /** The first page's capped count, as the app answered it. */
  readonly count: { readonly value: number; readonly atLeast: boolean };
}

interface DatabaseResult {
  readonly kind: Kind;
  readonly version: string;
  readonly seed: SeedReport;
  /** 1-minute load average before seeding and after the last round (other processes share the machine). */
  readonly load: { before: number; after: number };
  readonly scenarios: ScenarioResult[];
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
      // The second server is the app itself with the request limits switched off (RECERTIFY_LIMITS=off)
      // instead of the plain baseline: what the limits of issue 8 cost, measured in one interleaved run.
      'compare-limits': { type: 'boolean', default: false },
    },
  });
  const kinds: Kind[] =
    values.db === 'both'
      ? ['sqlite', 'postgresql']
      : values.db === 'sqlite' || values.db === 'postgresql'
        ? [values.db]
        : [];
  if (kinds.length === 0) throw new Error(`--db must be sqlite, postgresql or both, not ${values.db}`);
  const rows = Number(values.rows);
  const rounds = Number(values.rounds);
  const round = Number(values.round);
  const warmup = Number(values.warmup);
  const rate = Number(values.rate);
  if (!Number.isInteger(rows) || rows < 1 || rows > 5_000_000) throw new Error('--rows must be 1..5000000');
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 50) throw new Error('--rounds must be 1..50');
  if (!(round >= 1 && round <= 60)) throw new Error('--round must be 1..60 seconds');
  if (!(warmup >= 0 && warmup <= 60)) throw new Error('--warmup must be 0..60 seconds');
  if (!(rate >= 1 && rate <= 2000)) throw new Error('--rate must be 1..2000 requests per second');
  return {
    kinds,
    rows,
    rounds,
    round,
    warmup,
    rate,
    json: values.json,
    reportFrom: values['report-from'],
    compareLimits: values['compare-limits'] ?? false,
  };
}
type Options = ReturnType<typeof parseOptions>;

async function benchDatabase(kind: Kind, options: Options, deadline: number): Promise<DatabaseResult> {
  const loadBefore = os.loadavg()[0]!;
  const scratch: ScratchDatabase = await createScratchDatabase(kind, 'bench');
  live.scratch = scratch;
  const started: Server[] = [];
  try {
    const database = scratch.database;
    log(`${kind}: migrating, seeding reference and demo data, then ${options.rows} applications`);
    const { seed, version } = await withOrm(database, async (orm, em) => {
      await migrateToLatest(orm);
      await orm.getSeeder().seed(DemoDataSeeder);
      const seed = await seedApplications(orm, kind, options.rows, new Date(), deadline);
      // SQLite: the app's own `PRAGMA optimize` at start gives the statistics (db/statistics.ts).
      if (kind === 'postgresql') await analyzePostgres(orm);
      const knex = em.getKnex();
      const version =
        kind === 'sqlite'
          ? `SQLite ${(await knex.raw<Array<{ v: string }>>('select sqlite_version() as v'))[0]!.v}`
          : `PostgreSQL ${(await knex.raw<{ rows: Array<{ server_version: string }> }>('show server_version')).rows[0]!.server_version}`;
      return { seed, version };
    });
    log(
      `${kind}: seeded ${seed.rows} rows in ${(seed.ms / 1000).toFixed(1)} s (${seed.statements} INSERTs); ` +
        `queue ${seed.queueRows}, US+Apple ${seed.filteredRows}`,
    );

    // Once with its SQL logged: sign in, each page once, the statements it runs.
    const logged = await startApp(database, live.dataDir, true);
    started.push(logged);
    const cookie = await signIn(logged.port, REVIEWER);
    const appPages = new Map<ScenarioName, unknown>();
    const appSql = new Map<ScenarioName, string[]>();
    for (const scenario of Object.keys(SCENARIOS) as ScenarioName[]) {
      const body = graphqlBody(scenario);
      await post(logged.port, '/graphql', body, cookie); // the first call fills the caches
      await new Promise((resolve) => setTimeout(resolve, 200));
      logged.log.length = 0;
      const { json } = await post(logged.port, '/graphql', body, cookie);
      await new Promise((resolve) => setTimeout(resolve, 200));
      if (json['errors'] || !json['data']) throw new Error(`${scenario}: the app answered ${JSON.stringify(json)}`);
      appPages.set(scenario, json['data']);
      appSql.set(scenario, queriesOf(logged.log));
    }
    await logged.stop();

    const plans = await withOrm(database, async (_orm, em) => {
      const byScenario = new Map<ScenarioName, Array<{ statement: string; plan: string[]; medianMs: number }>>();
      for (const [scenario, statements] of appSql) {
        const planned = [];
        for (const statement of statements.filter((s) => /\bfrom "?application"?\b/i.test(s.replace(/`/g, '"')))) {
          planned.push({
            statement,
            plan: await explain(em, kind, statement),
            medianMs: await timeQuery(em, statement),
          });
        }
        byScenario.set(scenario, planned);
      }
      return byScenario;
    });

    // Both servers, silent, side by side; the baseline's answer must equal the app's.
    const app = await startApp(database, live.dataDir, false);
    started.push(app);
    const baseline = options.compareLimits
      ? await startApp(database, live.dataDir, false, 'baseline', 'off')
      : await startReference(database, live.dataDir, 'queue', (scenario) => `/queue/${scenario}`);
    started.push(baseline);
    for (const scenario of Object.keys(SCENARIOS) as ScenarioName[]) {
      for (const server of [app, baseline]) {
        const { json } = await post(server.port, server.path(scenario), graphqlBody(scenario), cookie);
        if (!isDeepStrictEqual(json['data'], appPages.get(scenario))) {
          throw new Error(
            `${scenario}: the ${server.role}'s answer differs from the logged app's:\n${JSON.stringify(json).slice(0, 2000)}\n` +
              `${JSON.stringify(appPages.get(scenario)).slice(0, 2000)}`,
          );
        }
      }
    }
    const scenarios: ScenarioResult[] = [];
    for (const scenario of Object.keys(SCENARIOS) as ScenarioName[]) {
      const servers: Record<Role, Server> = { app, baseline };
      const measured = await measureScenario(
        `${kind}, ${SCENARIOS[scenario].label}`,
        servers,
        (role) => ({
          port: servers[role].port,
          path: servers[role].path(scenario),
          body: graphqlBody(scenario),
          cookie,
          expect: PAGE_PREFIX,
        }),
        options,
      );
      scenarios.push({
        scenario,
        ...measured,
        appSql: appSql.get(scenario) ?? [],
        plans: plans.get(scenario) ?? [],
        count: (appPages.get(scenario) as { reviewQueue: Pick<ScenarioResult, 'count'> }).reviewQueue.count,
      });
    }
    return { kind, version, seed, load: { before: loadBefore, after: os.loadavg()[0]! }, scenarios };
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
    results.flatMap((result) =>
      result.scenarios.map((s) => ({
        labels: [result.kind, SCENARIOS[s.scenario].label],
        app: s.app,
        baseline: s.baseline,
      })),
    ),
    { ...options, subject: `Rows: ${options.rows}.`, per: 'Per scenario and server' },
    ['database', 'scenario'],
    options.compareLimits ? null : GOALS,
    (role) => (!options.compareLimits ? role : role === 'app' ? 'app, limits on' : 'app, limits off'),
  );
  if (options.compareLimits) {
    // Issue 8: the request limits (query limits, rate-limit counting) may cost at most 5 % of req/s.
    const cost: string[][] = [];
    for (const result of results) {
      for (const s of result.scenarios) {
        const share = rate(s.app.closed) / rate(s.baseline.closed);
        const cpu = perRequest(s.app.closed) / perRequest(s.baseline.closed);
        cost.push([
          result.kind,
          SCENARIOS[s.scenario].label,
          `${((1 - share) * 100).toFixed(1)} %: ${met(share >= 0.95)}`,
          `${((cpu - 1) * 100).toFixed(1)} %`,
        ]);
      }
    }
    lines.push('Goal: the limits cost under 5 % of the requests/s (same run, with and without).');
    lines.push(...formatTable(['database', 'scenario', 'req/s lost to the limits', 'CPU per request added'], cost));
    return lines.join('\n');
  }
  for (const result of results) {
    lines.push('');
    lines.push(
      `${result.kind} (${result.version}): seeded ${result.seed.rows} rows in ${(result.seed.ms / 1000).toFixed(1)} s ` +
        `with ${result.seed.statements} multi-row INSERTs; queue ${result.seed.queueRows}, US+Apple ${result.seed.filteredRows}; ` +
        `load average ${result.load.before.toFixed(2)} before, ${result.load.after.toFixed(2)} after`,
    );
    for (const s of result.scenarios) {
      lines.push(
        `  ${SCENARIOS[s.scenario].label} (count ${s.count.value}${s.count.atLeast ? '+' : ''}); SQL the app ran for one request:`,
      );
      for (const statement of s.appSql) lines.push(`    ${statement}`);
      for (const p of s.plans) {
        const took = p.medianMs === undefined ? '' : ` (median ${p.medianMs.toFixed(1)} ms alone)`;
        lines.push(`  plan of: ${p.statement.slice(0, 110)}…${took}`);
        for (const line of p.plan) lines.push(`    ${line}`);
      }
    }
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const options = parseOptions();
  if (options.reportFrom) {
    // Prints the report of a run saved with --json again, without running anything.
    const saved = JSON.parse(readFileSync(options.reportFrom, 'utf8')) as {
      options: Options;
      results: DatabaseResult[];
    };
    process.stdout.write(`${report(saved.results, saved.options)}\n`);
    return;
  }
  checkBuild();
  // The whole run is bounded: seeding, servers, and the rounds of both scenarios, with slack.
  const perScenarioMs = (2 * options.warmup + 4 * options.rounds * options.round + 120) * 1000;
  const perDatabaseMs = 10 * 60_000 + 2 * perScenarioMs;
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
