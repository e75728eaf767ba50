/**
 * Review-queue benchmark: seeds N applications, then measures the queue's first page and a
 * filtered page over HTTP with autocannon (20 connections), on SQLite and PostgreSQL, beside a
 * baseline that runs the same SQL behind a plain node:http handler. Reported, never asserted.
 *
 *   node --conditions=source --import @swc-node/register/esm-register bench/queue.bench.ts \
 *     [--db sqlite|postgresql|both] [--rows 100000] [--duration 10] [--warmup 3] [--json out.json]
 *     [--analyze] [--proposed-indexes] [--report-from saved.json]
 *
 * --analyze runs ANALYZE after seeding (PostgreSQL always gets VACUUM ANALYZE; SQLite otherwise has
 * no statistics, like the app). --proposed-indexes runs the same benchmark after replacing the queue's indexes by the ones
 * BENCHMARKS.md proposes (on the scratch database only). BENCH_CPU_PROF=<dir> writes CPU profiles
 * of the server processes there (app-*.cpuprofile, baseline-*.cpuprofile).
 *
 * Traffic goes only to 127.0.0.1. Every wait has a time limit; scratch databases are dropped.
 */
import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import autocannon from 'autocannon';
import type { DatabaseConfig } from '../src/config.js';
import { createOrm, migrateToLatest, type EntityManager, type Orm } from '../src/db/orm.js';
import { createScratchDatabase, type ScratchDatabase } from '../src/db/scratch-database.js';
import { DemoDataSeeder } from '../src/seeders/demo-data.seeder.js';
import {
  DATABASE_ENV,
  graphqlBody,
  SCENARIOS,
  type FromServer,
  type ScenarioName,
  type ServerRole,
  type ToServer,
} from './protocol.js';
import { analyze, applyProposedIndexes, seedApplications, type SeedReport } from './queue-data.js';

type Kind = DatabaseConfig['kind'];

const CONNECTIONS = 20;
const REVIEWER = { email: 'reviewer@demo.recertify.test', password: 'demo-password' };
const SERVER_START_MS = 120_000;
const REQUEST_MS = 30_000;
/** Requests one after another (one connection) for the unloaded latency; bounded in time too. */
const SERIAL_REQUESTS = 20;
const SERIAL_MS = 30_000;
const SETTLE_MS = 180_000;

interface Measurement {
  readonly requests: number;
  readonly reqPerSec: number;
  /** From per-request latencies recorded by this script (ms). */
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  /** autocannon's own histogram (ms). */
  readonly autocannon: { p50: number; p97_5: number; p99: number; mean: number };
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly mismatches: number;
}

interface Serial {
  readonly requests: number;
  readonly p50: number;
  readonly max: number;
}

interface ScenarioResult {
  readonly scenario: ScenarioName;
  readonly app: Measurement;
  readonly baseline: Measurement;
  readonly appSerial: Serial;
  readonly baselineSerial: Serial;
  readonly appSql: string[];
  /** Plan of each statement on the application table, and its median time over 5 runs (ms, client side). */
  readonly plans: Array<{ statement: string; plan: string[]; medianMs?: number }>;
  readonly totalCount: number;
}

interface DatabaseResult {
  readonly kind: Kind;
  readonly version: string;
  readonly seed: SeedReport;
  readonly proposedIndexes: boolean;
  readonly analyzed?: boolean;
  /** 1-minute load average before seeding and after the last run (other processes share the machine). */
  readonly load: { before: number; after: number };
  readonly scenarios: ScenarioResult[];
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: 'both' },
      rows: { type: 'string', default: '100000' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '3' },
      json: { type: 'string' },
      'report-from': { type: 'string' },
      'proposed-indexes': { type: 'boolean', default: false },
      analyze: { type: 'boolean', default: false },
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
  const duration = Number(values.duration);
  const warmup = Number(values.warmup);
  if (!Number.isInteger(rows) || rows < 1 || rows > 5_000_000) throw new Error('--rows must be 1..5000000');
  if (!(duration >= 1 && duration <= 300)) throw new Error('--duration must be 1..300 seconds');
  if (!(warmup >= 0 && warmup <= 60)) throw new Error('--warmup must be 0..60 seconds');
  return {
    kinds,
    rows,
    duration,
    warmup,
    json: values.json,
    proposedIndexes: values['proposed-indexes'],
    analyze: values.analyze,
    reportFrom: values['report-from'],
  };
}

/** Rejects when `promise` takes longer than `ms`. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A server child process (server.ts app|baseline) on the given database. */
class ServerProcess {
  private readonly waiting: Array<{ type: FromServer['type']; resolve: (m: FromServer) => void }> = [];
  private failure: Error | null = null;
  port = 0;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (message: FromServer) => {
      if (message.type === 'failed') this.fail(new Error(`server child failed: ${message.message}`));
      const i = this.waiting.findIndex((w) => w.type === message.type);
      if (i >= 0) this.waiting.splice(i, 1)[0]!.resolve(message);
    });
    child.on('exit', (code) => {
      if (code !== 0) this.fail(new Error(`server child exited with ${code}`));
    });
  }

  static async start(role: ServerRole, database: DatabaseConfig): Promise<ServerProcess> {
    const profileDir = process.env['BENCH_CPU_PROF'];
    const child = fork(fileURLToPath(new URL('./server.ts', import.meta.url)), [role], {
      execArgv: [
        '--conditions=source',
        '--import',
        '@swc-node/register/esm-register',
        ...(profileDir
          ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${role}-${Date.now()}.cpuprofile`]
          : []),
      ],
      env: { ...process.env, [DATABASE_ENV]: JSON.stringify(database), NODE_ENV: 'production' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const server = new ServerProcess(child);
    try {
      const ready = await within(server.next('ready'), SERVER_START_MS, `starting the ${role} server`);
      if (ready.type === 'ready') server.port = ready.port;
      return server;
    } catch (error) {
      child.kill();
      throw error;
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const w of this.waiting.splice(0)) w.resolve({ type: 'failed', message: error.message });
  }

  private next(type: FromServer['type']): Promise<FromServer> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<FromServer>((resolve) => this.waiting.push({ type, resolve })).then((message) => {
      if (message.type === 'failed') throw new Error(message.message);
      return message;
    });
  }

  async request(message: ToServer, reply: FromServer['type']): Promise<FromServer> {
    const answer = this.next(reply);
    this.child.send(message);
    return within(answer, REQUEST_MS, `server reply ${reply}`);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    if (this.child.connected) this.child.send({ type: 'stop' } satisfies ToServer);
    try {
      await within(exited, 20_000, 'stopping a server');
    } catch {
      this.child.kill('SIGKILL');
    }
  }
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

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** autocannon at CONNECTIONS connections for `seconds`; every request's latency is recorded too. */
async function measure(
  port: number,
  path: string,
  body: string,
  cookie: string,
  seconds: number,
): Promise<Measurement> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}${path}`,
        method: 'POST',
        connections: CONNECTIONS,
        duration: seconds,
        timeout: 10,
        headers: { 'content-type': 'application/json', cookie },
        body,
        // A GraphQL error still answers 200: count anything that is not the page as a mismatch.
        verifyBody: (text) => typeof text === 'string' && text.startsWith('{"data":{"reviewQueue":{'),
      },
      (error: unknown, res: autocannon.Result) =>
        error ? reject(error instanceof Error ? error : new Error('autocannon failed')) : resolve(res),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) latencies.push(responseTime);
    });
    // autocannon stops by itself after `duration`; this only guards against a hang.
    setTimeout(() => instance.stop(), (seconds + 30) * 1000).unref();
  });
  latencies.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    reqPerSec: result.requests.average,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
    autocannon: {
      p50: result.latency.p50,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      mean: result.latency.average,
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    mismatches: (result as autocannon.Result & { mismatches?: number }).mismatches ?? 0,
  };
}

/** Latency of requests sent one after another: what one request costs when nothing queues. */
async function serial(port: number, path: string, body: string, cookie: string): Promise<Serial> {
  const latencies: number[] = [];
  const until = Date.now() + SERIAL_MS;
  while (latencies.length < SERIAL_REQUESTS && Date.now() < until) {
    const started = performance.now();
    const { json } = await post(port, path, body, cookie);
    if (!json['data']) throw new Error(`${path}: ${JSON.stringify(json).slice(0, 500)}`);
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, p50: percentile(latencies, 50), max: latencies.at(-1) ?? Number.NaN };
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

/** Warm-up, unloaded latency, then the measured run at CONNECTIONS connections, each after a settle. */
async function scenarioRuns(
  port: number,
  path: string,
  body: string,
  cookie: string,
  options: { duration: number; warmup: number },
): Promise<{ serial: Serial; load: Measurement }> {
  await settle(port);
  if (options.warmup > 0) {
    await measure(port, path, body, cookie, options.warmup);
    await settle(port);
  }
  const unloaded = await serial(port, path, body, cookie);
  const load = await measure(port, path, body, cookie, options.duration);
  await settle(port);
  return { serial: unloaded, load };
}

async function withOrm<T>(database: DatabaseConfig, work: (orm: Orm, em: EntityManager) => Promise<T>): Promise<T> {
  const orm = await createOrm({ database });
  try {
    return await work(orm, orm.em.fork() as EntityManager);
  } finally {
    await orm.close();
  }
}

/** The query plan of a captured statement: EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on PostgreSQL. */
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
const live = { scratch: null as ScratchDatabase | null, servers: new Set<ServerProcess>(), dataDir: '' };

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

async function benchDatabase(
  kind: Kind,
  options: ReturnType<typeof parseOptions>,
  deadline: number,
): Promise<DatabaseResult> {
  const loadBefore = os.loadavg()[0]!;
  const scratch: ScratchDatabase = await createScratchDatabase(kind, 'bench');
  live.scratch = scratch;
  const servers = live.servers;
  try {
    const database = scratch.database;
    log(`${kind}: migrating, seeding reference and demo data, then ${options.rows} applications`);
    const { seed, version } = await withOrm(database, async (orm, em) => {
      await migrateToLatest(orm);
      await orm.getSeeder().seed(DemoDataSeeder);
      const seed = await seedApplications(orm, kind, options.rows, new Date(), deadline);
      if (options.proposedIndexes) await applyProposedIndexes(orm, kind);
      else if (options.analyze) await analyze(orm, kind);
      const knex = em.getKnex();
      const version =
        kind === 'sqlite'
          ? `SQLite ${(await knex.raw<Array<{ v: string }>>('select sqlite_version() as v'))[0]!.v}`
          : (await knex.raw<{ rows: Array<{ server_version: string }> }>('show server_version')).rows[0]!
              .server_version;
      return { seed, version: kind === 'sqlite' ? version : `PostgreSQL ${version}` };
    });
    log(
      `${kind}: seeded ${seed.rows} rows in ${(seed.ms / 1000).toFixed(1)} s (${seed.statements} INSERTs); ` +
        `queue ${seed.queueRows}, US+Apple ${seed.filteredRows}`,
    );

    // The app: sign in, check each page once, capture the SQL it runs.
    const app = await ServerProcess.start('app', database);
    servers.add(app);
    const cookie = await signIn(app.port);
    const appPages = new Map<ScenarioName, unknown>();
    const appSql = new Map<ScenarioName, string[]>();
    for (const scenario of Object.keys(SCENARIOS) as ScenarioName[]) {
      const body = graphqlBody(scenario);
      await post(app.port, '/graphql', body, cookie); // the first call loads the metadata caches
      await app.request({ type: 'capture', on: true }, 'capturing');
      const { json } = await post(app.port, '/graphql', body, cookie);
      const captured = await app.request({ type: 'capture', on: false }, 'captured');
      if (json['errors'] || !json['data']) throw new Error(`${scenario}: the app answered ${JSON.stringify(json)}`);
      appPages.set(scenario, json['data']);
      appSql.set(scenario, captured.type === 'captured' ? captured.statements : []);
    }

    const plans = await withOrm(database, async (_orm, em) => {
      const byScenario = new Map<ScenarioName, Array<{ statement: string; plan: string[] }>>();
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

    const appMeasurements = new Map<ScenarioName, { serial: Serial; load: Measurement }>();
    for (const scenario of Object.keys(SCENARIOS) as ScenarioName[]) {
      log(`${kind}: app, ${SCENARIOS[scenario].label}: ${options.warmup} s warm-up, ${options.duration} s measured`);
      appMeasurements.set(scenario, await scenarioRuns(app.port, '/graphql', graphqlBody(scenario), cookie, options));
    }
    await app.stop();

    // The baseline: same SQL, plain node:http; its answer must equal the app's.
    const baseline = await ServerProcess.start('baseline', database);
    servers.add(baseline);
    const baselineMeasurements = new Map<ScenarioName, { serial: Serial; load: Measurement }>();
    for (const scenario of Object.keys(SCENARIOS) as ScenarioName[]) {
      const { json } = await post(baseline.port, `/queue/${scenario}`, graphqlBody(scenario), cookie);
      if (!isDeepStrictEqual(json['data'], appPages.get(scenario))) {
        throw new Error(
          `${scenario}: the baseline's answer differs from the app's:\n${JSON.stringify(json).slice(0, 2000)}\n` +
            `${JSON.stringify(appPages.get(scenario)).slice(0, 2000)}`,
        );
      }
      log(`${kind}: baseline, ${SCENARIOS[scenario].label}`);
      baselineMeasurements.set(
        scenario,
        await scenarioRuns(baseline.port, `/queue/${scenario}`, graphqlBody(scenario), cookie, options),
      );
    }
    await baseline.stop();

    return {
      kind,
      version,
      seed,
      proposedIndexes: options.proposedIndexes,
      analyzed: options.proposedIndexes || options.analyze || kind === 'postgresql',
      load: { before: loadBefore, after: os.loadavg()[0]! },
      scenarios: (Object.keys(SCENARIOS) as ScenarioName[]).map((scenario) => ({
        scenario,
        app: appMeasurements.get(scenario)!.load,
        baseline: baselineMeasurements.get(scenario)!.load,
        appSerial: appMeasurements.get(scenario)!.serial,
        baselineSerial: baselineMeasurements.get(scenario)!.serial,
        appSql: appSql.get(scenario) ?? [],
        plans: plans.get(scenario) ?? [],
        totalCount: (appPages.get(scenario) as { reviewQueue: { totalCount: number } }).reviewQueue.totalCount,
      })),
    };
  } finally {
    for (const server of servers) await server.stop();
    servers.clear();
    await scratch.drop();
    live.scratch = null;
  }
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : 'n/a');

function report(results: DatabaseResult[], options: ReturnType<typeof parseOptions>): string {
  const lines: string[] = [];
  lines.push(
    `Machine: ${os.availableParallelism()} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), ` +
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`,
  );
  lines.push(
    `Rows: ${options.rows}; ${CONNECTIONS} connections; ${options.duration} s per run after ${options.warmup} s warm-up; ` +
      `indexes: ${options.proposedIndexes ? 'PROPOSED (what-if, scratch database only)' : 'as migrated'}` +
      `${options.analyze && !options.proposedIndexes ? ', then ANALYZE' : ''}.`,
  );
  lines.push(
    `Latencies in ms from every successful request; p97.5 is autocannon's own histogram; ` +
      `1-conn p50 is the median of ${SERIAL_REQUESTS} requests sent one after another; failed = errors (t/o: timed out after 10 s) + non-2xx + wrong bodies; requests = answers received.`,
  );
  lines.push('');
  const header = [
    'database',
    'scenario',
    'server',
    '1-conn p50',
    'p50',
    'p95',
    'p97.5 (ac)',
    'p99',
    'req/s',
    'requests',
    'failed',
  ];
  const table: string[][] = [];
  for (const result of results) {
    for (const s of result.scenarios) {
      for (const [server, m, one] of [
        ['app', s.app, s.appSerial],
        ['baseline', s.baseline, s.baselineSerial],
      ] as const) {
        table.push([
          result.kind,
          SCENARIOS[s.scenario].label,
          server,
          ms(one.p50),
          ms(m.p50),
          ms(m.p95),
          ms(m.autocannon.p97_5),
          ms(m.p99),
          m.reqPerSec.toFixed(1),
          String(m.requests),
          `${m.errors + m.non2xx + m.mismatches}${m.timeouts ? ` (${m.timeouts} t/o)` : ''}`,
        ]);
      }
    }
  }
  lines.push(...formatTable(header, table));
  lines.push('');
  lines.push('Ratios app / baseline:');
  const ratioTable: string[][] = [];
  for (const result of results) {
    for (const s of result.scenarios) {
      ratioTable.push([
        result.kind,
        SCENARIOS[s.scenario].label,
        `${(s.appSerial.p50 / s.baselineSerial.p50).toFixed(2)}x`,
        `${(s.app.p50 / s.baseline.p50).toFixed(2)}x`,
        `${(s.app.p95 / s.baseline.p95).toFixed(2)}x`,
        `${(s.baseline.reqPerSec / s.app.reqPerSec).toFixed(2)}x`,
      ]);
    }
  }
  lines.push(
    ...formatTable(['database', 'scenario', '1-conn p50', 'p50', 'p95', 'req/s baseline / req/s app'], ratioTable),
  );
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
      options: ReturnType<typeof parseOptions>;
      results: DatabaseResult[];
    };
    process.stdout.write(`${report(saved.results, saved.options)}\n`);
    return;
  }
  // The whole run is bounded: seeding, two servers, four measured runs per database, with slack.
  const perDatabaseMs = 15 * 60_000 + 4 * (options.duration + options.warmup + 30) * 1000;
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
