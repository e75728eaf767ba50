/**
 * Review-queue benchmark: seeds N applications, then measures the queue's first page and a
 * filtered page over HTTP with autocannon (20 connections), on SQLite and PostgreSQL, beside a
 * baseline that runs the same SQL behind a plain node:http handler. Reported, never asserted.
 *
 *   node --conditions=source --import @swc-node/register/esm-register bench/queue.bench.ts \
 *     [--db sqlite|postgresql|both] [--rows 100000] [--duration 10] [--warmup 2] [--json out.json]
 *
 * Traffic goes only to 127.0.0.1. Every wait has a time limit; scratch databases are dropped.
 */
import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
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
import { seedApplications, type SeedReport } from './queue-data.js';

type Kind = DatabaseConfig['kind'];

const CONNECTIONS = 20;
const REVIEWER = { email: 'reviewer@demo.recertify.test', password: 'demo-password' };
const SERVER_START_MS = 120_000;
const REQUEST_MS = 30_000;

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

interface ScenarioResult {
  readonly scenario: ScenarioName;
  readonly app: Measurement;
  readonly baseline: Measurement;
  readonly appSql: string[];
  readonly plans: Array<{ statement: string; plan: string[] }>;
  readonly totalCount: number;
}

interface DatabaseResult {
  readonly kind: Kind;
  readonly version: string;
  readonly seed: SeedReport;
  readonly scenarios: ScenarioResult[];
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: 'both' },
      rows: { type: 'string', default: '100000' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      json: { type: 'string' },
    },
  });
  const kinds: Kind[] =
    values.db === 'both' ? ['sqlite', 'postgresql'] : values.db === 'sqlite' || values.db === 'postgresql' ? [values.db] : [];
  if (kinds.length === 0) throw new Error(`--db must be sqlite, postgresql or both, not ${values.db}`);
  const rows = Number(values.rows);
  const duration = Number(values.duration);
  const warmup = Number(values.warmup);
  if (!Number.isInteger(rows) || rows < 1 || rows > 5_000_000) throw new Error('--rows must be 1..5000000');
  if (!(duration >= 1 && duration <= 300)) throw new Error('--duration must be 1..300 seconds');
  if (!(warmup >= 0 && warmup <= 60)) throw new Error('--warmup must be 0..60 seconds');
  return { kinds, rows, duration, warmup, json: values.json };
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
    const child = fork(fileURLToPath(new URL('./server.ts', import.meta.url)), [role], {
      execArgv: ['--conditions=source', '--import', '@swc-node/register/esm-register'],
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

async function post(port: number, path: string, body: string, cookie?: string) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
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
      query: 'mutation($email: String!, $password: String!) { signIn(input: { email: $email, password: $password }) { id } }',
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
async function measure(port: number, path: string, body: string, cookie: string, seconds: number): Promise<Measurement> {
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
        verifyBody: (text: string) => text.startsWith('{"data":{"reviewQueue":{'),
      },
      (error: unknown, res: autocannon.Result) => (error ? reject(error as Error) : resolve(res)),
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

async function warmAndMeasure(
  port: number,
  path: string,
  body: string,
  cookie: string,
  options: { duration: number; warmup: number },
): Promise<Measurement> {
  if (options.warmup > 0) await measure(port, path, body, cookie, options.warmup);
  return measure(port, path, body, cookie, options.duration);
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
    const rows = (await knex.raw(`explain query plan ${sql}`)) as Array<{ id: number; parent: number; detail: string }>;
    const depth = new Map<number, number>([[0, -1]]);
    return rows.map((r) => {
      const d = (depth.get(r.parent) ?? -1) + 1;
      depth.set(r.id, d);
      return `${'  '.repeat(d)}${r.detail}`;
    });
  }
  const result = (await knex.raw(`explain (analyze, buffers) ${sql}`)) as { rows: Array<{ 'QUERY PLAN': string }> };
  return result.rows.map((r) => r['QUERY PLAN']);
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

async function benchDatabase(
  kind: Kind,
  options: ReturnType<typeof parseOptions>,
  deadline: number,
): Promise<DatabaseResult> {
  const scratch: ScratchDatabase = await createScratchDatabase(kind, 'bench');
  const servers: ServerProcess[] = [];
  try {
    const database = scratch.database;
    log(`${kind}: migrating, seeding reference and demo data, then ${options.rows} applications`);
    const { seed, version } = await withOrm(database, async (orm, em) => {
      await migrateToLatest(orm);
      await orm.getSeeder().seed(DemoDataSeeder);
      const seed = await seedApplications(orm, kind, options.rows, new Date(), deadline);
      const knex = em.getKnex();
      const version =
        kind === 'sqlite'
          ? `SQLite ${((await knex.raw('select sqlite_version() as v')) as Array<{ v: string }>)[0]!.v}`
          : ((await knex.raw('show server_version')) as { rows: Array<{ server_version: string }> }).rows[0]!
              .server_version;
      return { seed, version: kind === 'sqlite' ? version : `PostgreSQL ${version}` };
    });
    log(
      `${kind}: seeded ${seed.rows} rows in ${(seed.ms / 1000).toFixed(1)} s (${seed.statements} INSERTs); ` +
        `queue ${seed.queueRows}, US+Apple ${seed.filteredRows}`,
    );

    // The app: sign in, check each page once, capture the SQL it runs.
    const app = await ServerProcess.start('app', database);
    servers.push(app);
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
      log(`${kind}: SQL of one ${scenario} request:\n  ${appSql.get(scenario)!.join('\n  ')}`);
    }

    const plans = await withOrm(database, async (_orm, em) => {
      const byScenario = new Map<ScenarioName, Array<{ statement: string; plan: string[] }>>();
      for (const [scenario, statements] of appSql) {
        const planned = [];
        for (const statement of statements.filter((s) => /\bfrom "?application"?\b/i.test(s.replace(/`/g, '"')))) {
          planned.push({ statement, plan: await explain(em, kind, statement) });
        }
        byScenario.set(scenario, planned);
      }
      return byScenario;
    });

    const appMeasurements = new Map<ScenarioName, Measurement>();
    for (const scenario of Object.keys(SCENARIOS) as ScenarioName[]) {
      log(`${kind}: app, ${SCENARIOS[scenario].label}: ${options.warmup} s warm-up, ${options.duration} s measured`);
      appMeasurements.set(scenario, await warmAndMeasure(app.port, '/graphql', graphqlBody(scenario), cookie, options));
    }
    await app.stop();

    // The baseline: same SQL, plain node:http; its answer must equal the app's.
    const baseline = await ServerProcess.start('baseline', database);
    servers.push(baseline);
    const baselineMeasurements = new Map<ScenarioName, Measurement>();
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
        await warmAndMeasure(baseline.port, `/queue/${scenario}`, graphqlBody(scenario), cookie, options),
      );
    }
    await baseline.stop();

    return {
      kind,
      version,
      seed,
      scenarios: (Object.keys(SCENARIOS) as ScenarioName[]).map((scenario) => ({
        scenario,
        app: appMeasurements.get(scenario)!,
        baseline: baselineMeasurements.get(scenario)!,
        appSql: appSql.get(scenario) ?? [],
        plans: plans.get(scenario) ?? [],
        totalCount: (appPages.get(scenario) as { reviewQueue: { totalCount: number } }).reviewQueue.totalCount,
      })),
    };
  } finally {
    for (const server of servers) await server.stop();
    await scratch.drop();
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
    `Rows: ${options.rows}; ${CONNECTIONS} connections; ${options.duration} s per run after ${options.warmup} s warm-up.`,
  );
  lines.push('Latencies in ms from every request; p97.5 is autocannon’s own histogram.');
  lines.push('');
  const header = ['database', 'scenario', 'server', 'p50', 'p95', 'p97.5 (ac)', 'p99', 'req/s', 'requests', 'failed'];
  const table: string[][] = [];
  for (const result of results) {
    for (const s of result.scenarios) {
      for (const [server, m] of [
        ['app', s.app],
        ['baseline', s.baseline],
      ] as const) {
        table.push([
          result.kind,
          SCENARIOS[s.scenario].label,
          server,
          ms(m.p50),
          ms(m.p95),
          ms(m.autocannon.p97_5),
          ms(m.p99),
          m.reqPerSec.toFixed(0),
          String(m.requests),
          String(m.errors + m.timeouts + m.non2xx + m.mismatches),
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
        `${(s.app.p50 / s.baseline.p50).toFixed(2)}x`,
        `${(s.app.p95 / s.baseline.p95).toFixed(2)}x`,
        `${(s.baseline.reqPerSec / s.app.reqPerSec).toFixed(2)}x`,
      ]);
    }
  }
  lines.push(...formatTable(['database', 'scenario', 'p50', 'p95', 'throughput (baseline/app)'], ratioTable));
  for (const result of results) {
    lines.push('');
    lines.push(
      `${result.kind} (${result.version}): seeded ${result.seed.rows} rows in ${(result.seed.ms / 1000).toFixed(1)} s ` +
        `with ${result.seed.statements} multi-row INSERTs; queue ${result.seed.queueRows}, US+Apple ${result.seed.filteredRows}`,
    );
    for (const s of result.scenarios) {
      lines.push(`  ${SCENARIOS[s.scenario].label} (totalCount ${s.totalCount}); SQL the app ran for one request:`);
      for (const statement of s.appSql) lines.push(`    ${statement}`);
      for (const p of s.plans) {
        lines.push(`  plan of: ${p.statement.slice(0, 110)}…`);
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
  // The whole run is bounded: seeding, two servers, four measured runs per database, with slack.
  const perDatabaseMs = 15 * 60_000 + 4 * (options.duration + options.warmup + 30) * 1000;
  const deadline = Date.now() + options.kinds.length * perDatabaseMs;
  const watchdog = setTimeout(() => {
    log('the benchmark ran past its time limit; exiting');
    process.exit(4);
  }, deadline - Date.now());
  watchdog.unref();

  const results: DatabaseResult[] = [];
  for (const kind of options.kinds) results.push(await benchDatabase(kind, options, deadline));
  clearTimeout(watchdog);
  process.stdout.write(`${report(results, options)}\n`);
  if (options.json) writeFileSync(options.json, JSON.stringify({ options, results }, null, 2));
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
