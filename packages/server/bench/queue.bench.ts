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
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import type { DatabaseConfig } from '../src/config.js';
import { createOrm, migrateToLatest, type EntityManager, type Orm } from '../src/db/orm.js';
import { createScratchDatabase, type ScratchDatabase } from '../src/db/scratch-database.js';
import { DemoDataSeeder } from '../src/seeders/demo-data.seeder.js';
import { closedLoop, cpuMs, openLoop, percentile, type Run, type Target } from './load.js';
import { DATABASE_ENV, graphqlBody, SCENARIOS, type FromServer, type ScenarioName, type ToServer } from './protocol.js';
import { analyzePostgres, seedApplications, type SeedReport } from './queue-data.js';

type Kind = DatabaseConfig['kind'];
type Role = 'app' | 'baseline';
const ROLES: readonly Role[] = ['app', 'baseline'];

const CONNECTIONS = 20;
const REVIEWER = { email: 'reviewer@demo.recertify.test', password: 'demo-password' };
const SERVER_START_MS = 120_000;
const REQUEST_MS = 30_000;
/** Requests one after another (one connection) for the unloaded latency; bounded in time too. */
const SERIAL_REQUESTS = 20;
const SERIAL_MS = 30_000;
const SETTLE_MS = 180_000;
const PAGE_PREFIX = '{"data":{"reviewQueue":{';
const serverDir = fileURLToPath(new URL('..', import.meta.url));

/** The issue's goals, per database and scenario. */
const GOALS = { cpuRatio: 3, throughputShare: 0.6, openP95Ms: 25 };

/** One kind of load on one server, summed over its rounds. */
interface Totals {
  readonly rounds: number;
  readonly seconds: number;
  readonly sent: number;
  readonly ok: number;
  readonly timeouts: number;
  readonly failed: number;
  readonly cpuMs: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

interface ServerResult {
  readonly serialP50: number;
  readonly closed: Totals;
  readonly open: Totals;
}

interface ScenarioResult {
  readonly scenario: ScenarioName;
  readonly app: ServerResult;
  readonly baseline: ServerResult;
  readonly appSql: string[];
  /** Plan of each statement on the application table, and its median time over 5 runs (ms, client side). */
  readonly plans: Array<{ statement: string; plan: string[]; medianMs?: number }>;
  readonly totalCount: number;
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

/** Rejects when `promise` takes longer than `ms`. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A server under load: its port and the pid whose CPU time is read. */
interface Server {
  readonly role: Role;
  readonly port: number;
  readonly pid: number;
  /** The request path (the baseline's path names the scenario; the app reads the GraphQL body). */
  path(scenario: ScenarioName): string;
  stop(): Promise<void>;
}

/** Newest modification time of the files under a directory (ms), skipping node_modules. */
function newestFile(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestFile(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** The production build (server and domain) must exist and be newer than the sources it comes from. */
function checkBuild(): string {
  const main = path.join(serverDir, 'dist/main.js');
  for (const pkg of [serverDir, path.join(serverDir, '../domain')]) {
    const dist = path.join(pkg, 'dist');
    if (!existsSync(dist)) throw new Error(`no production build in ${dist}: run \`pnpm build\` first`);
    if (newestFile(path.join(pkg, 'src')) > newestFile(dist)) {
      throw new Error(`the build in ${dist} is older than its sources: run \`pnpm build\` first`);
    }
  }
  return main;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function profileArgs(role: Role): string[] {
  const dir = process.env['BENCH_CPU_PROF'];
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${role}-${Date.now()}.cpuprofile`] : [];
}

/** Waits until a child exits, or kills it after `ms`. */
async function stopChild(child: ChildProcess, ms: number, signal: () => void): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signal();
  try {
    await within(exited, ms, 'stopping a server');
  } catch {
    child.kill('SIGKILL');
  }
}

/**
 * The app as production runs it: `node dist/main.js`, configured by environment variables, on the
 * seeded database (no migration or seeding at start; no workers). `logSql` logs its SQL to stdout.
 */
async function startApp(
  database: DatabaseConfig,
  dataDir: string,
  logSql: boolean,
  role: Role = 'app',
  limits: 'on' | 'off' = 'on',
): Promise<Server & { log: string[] }> {
  const main = checkBuild();
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: database.kind === 'sqlite' ? path.dirname(database.file) : dataDir,
    WEB_DIST_DIR: path.join(dataDir, 'no-web'),
    LOG_LEVEL: logSql ? 'debug' : 'silent',
    LOG_SQL: String(logSql),
    MIGRATE_ON_START: 'false',
    SEED_DEMO_DATA: 'false',
    RUN_WORKERS: 'false',
    // The limits run as in production (every request is counted against the session's budget), but
    // the budget is out of reach: one session at hundreds of requests a second is the bench, not abuse.
    RATE_LIMIT_SESSION: '1000000000',
    RECERTIFY_LIMITS: limits,
  };
  delete env['DATABASE_URL'];
  delete env['NODE_OPTIONS'];
  if (database.kind === 'postgresql') env['DATABASE_URL'] = database.url;
  else if (path.basename(database.file) !== 'recertify.sqlite')
    throw new Error('the app reads DATA_DIR/recertify.sqlite');
  const child = spawn(process.execPath, [...(logSql ? [] : profileArgs(role)), main], {
    cwd: serverDir,
    env,
    stdio: ['ignore', logSql ? 'pipe' : 'ignore', 'inherit'],
  });
  const log: string[] = [];
  let partial = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    log.push(...lines);
  });
  const state = { exited: '' };
  child.once('exit', (code, signal) => (state.exited = `exited (${code ?? signal})`));
  const server = {
    role,
    port,
    pid: child.pid!,
    log,
    path: () => '/graphql',
    stop: () => stopChild(child, 20_000, () => child.kill('SIGTERM')),
  };
  live.servers.add(server);
  const until = Date.now() + SERVER_START_MS;
  for (;;) {
    if (state.exited) throw new Error(`the app ${state.exited} while starting`);
    if (Date.now() > until) throw new Error('the app did not start in time');
    const ready = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return server;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The baseline in its own process (server.ts, over IPC). */
async function startBaseline(database: DatabaseConfig): Promise<Server> {
  const child = fork(fileURLToPath(new URL('./server.ts', import.meta.url)), [], {
    execArgv: ['--conditions=source', '--import', '@swc-node/register/esm-register', ...profileArgs('baseline')],
    env: { ...process.env, [DATABASE_ENV]: JSON.stringify(database), NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const server = {
    role: 'baseline' as const,
    port: 0,
    pid: child.pid!,
    path: (scenario: ScenarioName) => `/queue/${scenario}`,
    stop: () =>
      stopChild(child, 20_000, () => {
        if (child.connected) child.send({ type: 'stop' } satisfies ToServer);
        else child.kill('SIGTERM');
      }),
  };
  live.servers.add(server);
  const ready = await within(
    new Promise<FromServer>((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', (code) => reject(new Error(`the baseline exited with ${code} while starting`)));
    }),
    SERVER_START_MS,
    'starting the baseline',
  );
  if (ready.type !== 'ready') throw new Error(`the baseline failed: ${ready.message}`);
  return { ...server, port: ready.port };
}

/**
 * fetch, tried a second time when a kept-alive socket turns out closed: a server whose event loop
 * was blocked (SQLite under load) closes idle sockets late, just as the client reuses one.
 */
async function fetchOnLoopback(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (!(error instanceof TypeError) || !['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE'].includes(code ?? '')) throw error;
    return fetch(url, init);
  }
}

async function post(port: number, path: string, body: string, cookie?: string) {
  const response = await fetchOnLoopback(`http://127.0.0.1:${port}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body,
    signal: AbortSignal.timeout(REQUEST_MS),
  });
  return { response, json: (await response.json()) as Record<string, unknown> };
}

async function signIn(port: number): Promise<string> {
  const { response, json } = await post(
    port,
    '/graphql',
    JSON.stringify({
      query:
        'mutation($email: String!, $password: String!) { signIn(input: { email: $email, password: $password }) { id } }',
      variables: REVIEWER,
    }),
  );
  const match = /rc_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '');
  if (json['errors'] || !match) throw new Error(`sign-in failed: ${JSON.stringify(json)}`);
  return `rc_session=${match[1]}`;
}

/**
 * Waits until the server has worked off what a load run left queued (closed connections do not
 * cancel requests already running, and SQLite queries run on the event loop): /health must answer
 * quickly twice in a row.
 */
async function settle(port: number): Promise<void> {
  const until = Date.now() + SETTLE_MS;
  let quick = 0;
  while (quick < 2) {
    if (Date.now() > until) throw new Error(`the server on port ${port} did not settle within ${SETTLE_MS} ms`);
    const started = performance.now();
    await fetchOnLoopback(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(SETTLE_MS) }).then((r) =>
      r.text(),
    );
    quick = performance.now() - started < 50 ? quick + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** "[query] select … [took 1 ms, 50 results]" in a pino line → "select …" (without colour codes). */
function queriesOf(lines: readonly string[]): string[] {
  const ESC = String.fromCharCode(27);
  const statements: string[] = [];
  for (const line of lines) {
    let msg: unknown;
    try {
      msg = (JSON.parse(line) as { msg?: unknown }).msg;
    } catch {
      continue;
    }
    if (typeof msg !== 'string') continue;
    const clean = msg
      .split(ESC)
      .map((part, i) => (i === 0 ? part : part.replace(/^\[[0-9;]*m/, '')))
      .join('');
    if (!clean.startsWith('[query]')) continue;
    statements.push(clean.replace(/^\[query\]\s*/, '').replace(/\s*\[took [^\]]*\]\s*$/, ''));
  }
  return statements;
}

/** Latency of requests sent one after another: what one request costs when nothing queues. */
async function serial(target: Target): Promise<number> {
  const latencies: number[] = [];
  const until = Date.now() + SERIAL_MS;
  while (latencies.length < SERIAL_REQUESTS && Date.now() < until) {
    const started = performance.now();
    const { json } = await post(target.port, target.path, target.body, target.cookie);
    if (!json['data']) throw new Error(`${target.path}: ${JSON.stringify(json).slice(0, 500)}`);
    latencies.push(performance.now() - started);
  }
  return percentile(latencies, 50);
}

function totals(runs: ReadonlyArray<{ run: Run; cpuMs: number }>): Totals {
  const latencies = runs.flatMap((r) => r.run.latencies);
  const sum = (f: (r: { run: Run; cpuMs: number }) => number) => runs.reduce((acc, r) => acc + f(r), 0);
  return {
    rounds: runs.length,
    seconds: sum((r) => r.run.seconds),
    sent: sum((r) => r.run.sent),
    ok: sum((r) => r.run.ok),
    timeouts: sum((r) => r.run.timeouts),
    failed: sum((r) => r.run.failed),
    cpuMs: sum((r) => r.cpuMs),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.length ? Math.max(...latencies) : Number.NaN,
  };
}

/**
 * One scenario on both servers: warm-up, unloaded latency, then `rounds` closed-loop rounds and
 * `rounds` open-loop rounds, alternating which server goes first. The CPU a round cost is read after
 * the server settles, so work still queued when the load stopped is counted with the requests sent.
 */
async function measureScenario(
  kind: Kind,
  scenario: ScenarioName,
  servers: Record<Role, Server>,
  cookie: string,
  options: Options,
): Promise<Record<Role, ServerResult>> {
  const target = (role: Role): Target => ({
    port: servers[role].port,
    path: servers[role].path(scenario),
    body: graphqlBody(scenario),
    cookie,
    expect: PAGE_PREFIX,
  });
  for (const role of ROLES) {
    await settle(servers[role].port);
    if (options.warmup > 0) await closedLoop(target(role), CONNECTIONS, options.warmup);
    await settle(servers[role].port);
  }
  const serialP50 = { app: await serial(target('app')), baseline: await serial(target('baseline')) };
  const runs = {
    closed: { app: [] as Array<{ run: Run; cpuMs: number }>, baseline: [] as Array<{ run: Run; cpuMs: number }> },
    open: { app: [] as Array<{ run: Run; cpuMs: number }>, baseline: [] as Array<{ run: Run; cpuMs: number }> },
  };
  for (const mode of ['closed', 'open'] as const) {
    for (let round = 0; round < options.rounds; round++) {
      const order: Role[] = round % 2 === 0 ? ['app', 'baseline'] : ['baseline', 'app'];
      for (const role of order) {
        log(`${kind}, ${SCENARIOS[scenario].label}: ${mode} loop, round ${round + 1}/${options.rounds}, ${role}`);
        const before = cpuMs(servers[role].pid);
        const run =
          mode === 'closed'
            ? await closedLoop(target(role), CONNECTIONS, options.round)
            : await openLoop(target(role), options.rate, options.round);
        await settle(servers[role].port);
        runs[mode][role].push({ run, cpuMs: cpuMs(servers[role].pid) - before });
      }
    }
  }
  const result = (role: Role): ServerResult => ({
    serialP50: serialP50[role],
    closed: totals(runs.closed[role]),
    open: totals(runs.open[role]),
  });
  return { app: result('app'), baseline: result('baseline') };
}

async function withOrm<T>(database: DatabaseConfig, work: (orm: Orm, em: EntityManager) => Promise<T>): Promise<T> {
  const orm = await createOrm({ database });
  try {
    return await work(orm, orm.em.fork() as EntityManager);
  } finally {
    await orm.close();
  }
}

/** The query plan of a statement: EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on PostgreSQL. */
async function explain(em: EntityManager, kind: Kind, sql: string): Promise<string[]> {
  const knex = em.getKnex();
  if (kind === 'sqlite') {
    const rows = await knex.raw<Array<{ id: number; parent: number; detail: string }>>(`explain query plan ${sql}`);
    const depth = new Map<number, number>([[0, -1]]);
    return rows.map((r) => {
      const d = (depth.get(r.parent) ?? -1) + 1;
      depth.set(r.id, d);
      return `${'  '.repeat(d)}${r.detail}`;
    });
  }
  const result = await knex.raw<{ rows: Array<{ 'QUERY PLAN': string }> }>(`explain (analyze, buffers) ${sql}`);
  return result.rows.map((r) => r['QUERY PLAN']);
}

/** What to clean up if the run is cut short (time limit, Ctrl-C). */
const live = { scratch: null as ScratchDatabase | null, servers: new Set<{ stop(): Promise<void> }>(), dataDir: '' };

async function abort(reason: string, code: number): Promise<never> {
  log(`${reason}; cleaning up`);
  const cleanup = (async () => {
    for (const server of live.servers) await server.stop();
    await live.scratch?.drop();
    if (live.dataDir) rmSync(live.dataDir, { recursive: true, force: true });
  })();
  await within(cleanup, 30_000, 'cleaning up').catch((error: unknown) => log(String(error)));
  process.exit(code);
}

/** Median time of a statement run alone, 5 times, through the ORM's knex. */
async function timeQuery(em: EntityManager, sql: string): Promise<number> {
  const knex = em.getKnex();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await knex.raw(sql);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[2]!;
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

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
    const cookie = await signIn(logged.port);
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
      : await startBaseline(database);
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
      const measured = await measureScenario(kind, scenario, { app, baseline }, cookie, options);
      scenarios.push({
        scenario,
        ...measured,
        appSql: appSql.get(scenario) ?? [],
        plans: plans.get(scenario) ?? [],
        totalCount: (appPages.get(scenario) as { reviewQueue: { totalCount: number } }).reviewQueue.totalCount,
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

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : value > 0 ? 'timeout' : 'n/a');
const perRequest = (t: Totals) => t.cpuMs / Math.max(1, t.sent);
const rate = (t: Totals) => t.ok / t.seconds;
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

function report(results: DatabaseResult[], options: Options): string {
  const lines: string[] = [];
  lines.push(
    `Machine: ${os.availableParallelism()} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), ` +
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`,
  );
  lines.push(
    `Rows: ${options.rows}. Per scenario and server: ${options.warmup} s warm-up, ${SERIAL_REQUESTS} requests one at a time, ` +
      `then ${options.rounds} closed-loop rounds (${CONNECTIONS} connections) and ${options.rounds} open-loop rounds ` +
      `(${options.rate} requests/s) of ${options.round} s each, app and baseline alternating.`,
  );
  lines.push(
    'CPU = user + system time of the server process (/proc/<pid>/stat) per request sent; latencies in ms, ' +
      'timed-out requests (10 s) included as "timeout"; failed = errors, non-2xx and wrong bodies.',
  );
  lines.push('');
  const table: string[][] = [];
  for (const result of results) {
    for (const s of result.scenarios) {
      for (const role of ROLES) {
        const r = s[role];
        table.push([
          result.kind,
          SCENARIOS[s.scenario].label,
          options.compareLimits ? (role === 'app' ? 'app, limits on' : 'app, limits off') : role,
          perRequest(r.closed).toFixed(2),
          perRequest(r.open).toFixed(2),
          ms(r.serialP50),
          rate(r.closed).toFixed(1),
          ms(r.closed.p50),
          ms(r.closed.p95),
          ms(r.open.p50),
          ms(r.open.p95),
          ms(r.open.p99),
          `${r.closed.failed + r.open.failed} / ${r.closed.timeouts + r.open.timeouts}`,
        ]);
      }
    }
  }
  lines.push(
    ...formatTable(
      [
        'database',
        'scenario',
        'server',
        'CPU ms/req (closed)',
        'CPU ms/req (open)',
        '1-conn p50',
        `req/s (${CONNECTIONS} conn)`,
        'closed p50',
        'closed p95',
        'open p50',
        'open p95',
        'open p99',
        'failed / timeouts',
      ],
      table,
    ),
  );
  lines.push('');
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
  lines.push(
    `Goals: app CPU per request <= ${GOALS.cpuRatio}x the baseline's; app req/s >= ${GOALS.throughputShare * 100} % of the ` +
      `baseline's at ${CONNECTIONS} connections; app p95 <= ${GOALS.openP95Ms} ms at ${options.rate} requests/s (open loop).`,
  );
  const goals: string[][] = [];
  for (const result of results) {
    for (const s of result.scenarios) {
      const cpuRatio = perRequest(s.app.closed) / perRequest(s.baseline.closed);
      const share = rate(s.app.closed) / rate(s.baseline.closed);
      goals.push([
        result.kind,
        SCENARIOS[s.scenario].label,
        `${cpuRatio.toFixed(2)}x: ${met(cpuRatio <= GOALS.cpuRatio)}`,
        `${(share * 100).toFixed(0)} %: ${met(share >= GOALS.throughputShare)}`,
        `${ms(s.app.open.p95)} ms: ${met(s.app.open.p95 <= GOALS.openP95Ms)}`,
      ]);
    }
  }
  lines.push(...formatTable(['database', 'scenario', 'CPU app/baseline', 'req/s app/baseline', 'app open p95'], goals));
  for (const result of results) {
    lines.push('');
    lines.push(
      `${result.kind} (${result.version}): seeded ${result.seed.rows} rows in ${(result.seed.ms / 1000).toFixed(1)} s ` +
        `with ${result.seed.statements} multi-row INSERTs; queue ${result.seed.queueRows}, US+Apple ${result.seed.filteredRows}; ` +
        `load average ${result.load.before.toFixed(2)} before, ${result.load.after.toFixed(2)} after`,
    );
    for (const s of result.scenarios) {
      lines.push(`  ${SCENARIOS[s.scenario].label} (totalCount ${s.totalCount}); SQL the app ran for one request:`);
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

function formatTable(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)];
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
