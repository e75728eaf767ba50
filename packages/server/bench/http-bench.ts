/**
 * What the HTTP benchmarks share (queue.bench.ts, dashboard.bench.ts): the app started from its
 * production build, the baseline child process, sign-in, settling, the interleaved rounds of
 * closed and open loops with CPU time per process from /proc, plans, clean-up and tables.
 */
import 'reflect-metadata';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseConfig } from '../src/config.js';
import { createOrm, type EntityManager, type Orm } from '../src/db/orm.js';
import type { ScratchDatabase } from '../src/db/scratch-database.js';
import { closedLoop, cpuMs, openLoop, percentile, type Run, type Target } from './load.js';
import { BASELINE_ENV, DATABASE_ENV, type BaselineName, type FromServer, type ToServer } from './protocol.js';

export type Kind = DatabaseConfig['kind'];
export type Role = 'app' | 'baseline';
export const ROLES: readonly Role[] = ['app', 'baseline'];

export const CONNECTIONS = 20;
const SERVER_START_MS = 120_000;
const REQUEST_MS = 30_000;
/** Requests one after another (one connection) for the unloaded latency; bounded in time too. */
export const SERIAL_REQUESTS = 20;
const SERIAL_MS = 30_000;
const SETTLE_MS = 180_000;
const serverDir = fileURLToPath(new URL('..', import.meta.url));

/** One kind of load on one server, summed over its rounds. */
export interface Totals {
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

export interface ServerResult {
  readonly serialP50: number;
  readonly closed: Totals;
  readonly open: Totals;
}

/** The rounds of one measured request. */
export interface RoundOptions {
  readonly rounds: number;
  readonly round: number;
  readonly warmup: number;
  readonly rate: number;
}

/** Rejects when `promise` takes longer than `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A server under load: its port and the pid whose CPU time is read. */
export interface Server {
  readonly role: Role;
  readonly port: number;
  readonly pid: number;
  /** The request path (the baseline's path names the scenario; the app reads the GraphQL body). */
  path(scenario: string): string;
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
export function checkBuild(): string {
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
export async function startApp(
  database: DatabaseConfig,
  dataDir: string,
  logSql: boolean,
  role: Role = 'app',
  limits: 'on' | 'off' = 'on',
): Promise<Server & { log: string[] }> {
  const against = process.env[AGAINST_ENV];
  const main = role === 'baseline' && against ? against : checkBuild();
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
/**
 * BENCH_AGAINST=<another checkout>/packages/server/dist/main.js: the "baseline" role is that build of
 * the app instead of the plain handler, so that two builds are compared as app and baseline are
 * (interleaved rounds, CPU per request from /proc), e.g. a change against main.
 */
const AGAINST_ENV = 'BENCH_AGAINST';

/** The plain handler, or with BENCH_AGAINST the other build of the app. */
export async function startReference(
  database: DatabaseConfig,
  dataDir: string,
  baseline: BaselineName,
  pathOf: (scenario: string) => string,
): Promise<Server> {
  if (process.env[AGAINST_ENV]) {
    log(`the baseline is the app built at ${process.env[AGAINST_ENV]}`);
    return startApp(database, dataDir, false, 'baseline');
  }
  return startBaseline(database, baseline, pathOf);
}

export async function startBaseline(
  database: DatabaseConfig,
  baseline: BaselineName,
  pathOf: (scenario: string) => string,
): Promise<Server> {
  const child = fork(fileURLToPath(new URL('./server.ts', import.meta.url)), [], {
    execArgv: ['--conditions=source', '--import', '@swc-node/register/esm-register', ...profileArgs('baseline')],
    env: {
      ...process.env,
      [DATABASE_ENV]: JSON.stringify(database),
      [BASELINE_ENV]: baseline,
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const server = {
    role: 'baseline' as const,
    port: 0,
    pid: child.pid!,
    path: pathOf,
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
export async function fetchOnLoopback(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (!(error instanceof TypeError) || !['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE'].includes(code ?? '')) throw error;
    return fetch(url, init);
  }
}

export async function post(port: number, path: string, body: string, cookie?: string) {
  const response = await fetchOnLoopback(`http://127.0.0.1:${port}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body,
    signal: AbortSignal.timeout(REQUEST_MS),
  });
  return { response, json: (await response.json()) as Record<string, unknown> };
}

export async function signIn(port: number, credentials: { email: string; password: string }): Promise<string> {
  const { response, json } = await post(
    port,
    '/graphql',
    JSON.stringify({
      query:
        'mutation($email: String!, $password: String!) { signIn(input: { email: $email, password: $password }) { id } }',
      variables: credentials,
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
export async function settle(port: number): Promise<void> {
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
export function queriesOf(lines: readonly string[]): string[] {
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
export async function serial(target: Target): Promise<number> {
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

export function totals(runs: ReadonlyArray<{ run: Run; cpuMs: number }>): Totals {
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
export async function measureScenario(
  label: string,
  servers: Record<Role, Server>,
  target: (role: Role) => Target,
  options: RoundOptions,
): Promise<Record<Role, ServerResult>> {
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
        log(`${label}: ${mode} loop, round ${round + 1}/${options.rounds}, ${role}`);
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

export async function withOrm<T>(
  database: DatabaseConfig,
  work: (orm: Orm, em: EntityManager) => Promise<T>,
): Promise<T> {
  const orm = await createOrm({ database });
  try {
    return await work(orm, orm.em.fork() as EntityManager);
  } finally {
    await orm.close();
  }
}

/** The query plan of a statement: EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on PostgreSQL. */
export async function explain(em: EntityManager, kind: Kind, sql: string): Promise<string[]> {
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
export const live = {
  scratch: null as ScratchDatabase | null,
  servers: new Set<{ stop(): Promise<void> }>(),
  dataDir: '',
};

export async function abort(reason: string, code: number): Promise<never> {
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
export async function timeQuery(em: EntityManager, sql: string): Promise<number> {
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

export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

export const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : value > 0 ? 'timeout' : 'n/a');
export const perRequest = (t: Totals) => t.cpuMs / Math.max(1, t.sent);
export const rate = (t: Totals) => t.ok / t.seconds;
export const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
export function formatTable(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)];
}

/** A benchmark's goals for one measured request: the issue's numbers. */
export interface HttpGoals {
  /** App CPU per request at most this many times the baseline's. */
  readonly cpuRatio: number;
  /** App p95 at the fixed arrival rate (open loop), in ms. */
  readonly openP95Ms: number;
  /** Whether the p95 goal is "at most" (issue 7) rather than "under" (issues 9 and 10). */
  readonly openP95AtMost?: boolean;
  /** App requests/s at least this share of the baseline's at CONNECTIONS connections, when the issue sets one. */
  readonly throughputShare?: number;
}

/** One measured request of a report: the labels that name it (database, scenario) and both servers' results. */
export interface MeasuredRequest {
  readonly labels: readonly string[];
  readonly app: ServerResult;
  readonly baseline: ServerResult;
}

/**
 * The report every HTTP benchmark prints: the machine and method, one row per server with its CPU
 * per request and latencies, and the goals met or not. `subject` says what was seeded and asked
 * (e.g. "One seller, 100000 returns; its queue's first page of 25."); `labelHeaders` name the
 * columns of each request's labels; `serverLabel` renames the roles, and `goals` null leaves the goals
 * out (the request-limits comparison, whose "baseline" is the app itself).
 */
export function reportLines(
  requests: readonly MeasuredRequest[],
  options: RoundOptions & { readonly subject: string; readonly per?: string },
  labelHeaders: readonly string[],
  goals: HttpGoals | null,
  serverLabel: (role: Role) => string = (role) => role,
): string[] {
  const lines: string[] = [
    `Machine: ${os.availableParallelism()} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), ` +
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`,
    `${options.subject} ${options.per ?? 'Per server'}: ${options.warmup} s warm-up, ${SERIAL_REQUESTS} requests one at a ` +
      `time, then ${options.rounds} closed-loop rounds (${CONNECTIONS} connections) and ${options.rounds} open-loop rounds ` +
      `(${options.rate} requests/s) of ${options.round} s each, app and baseline alternating.`,
    'CPU = user + system time of the server process (/proc/<pid>/stat) per request sent; latencies in ms, ' +
      'timed-out requests (10 s) included as "timeout"; failed = errors, non-2xx and wrong bodies.',
    '',
  ];
  const servers = requests.flatMap((request) =>
    ROLES.map((role) => {
      const s = request[role];
      return [
        ...request.labels,
        serverLabel(role),
        perRequest(s.closed).toFixed(2),
        perRequest(s.open).toFixed(2),
        ms(s.serialP50),
        rate(s.closed).toFixed(1),
        ms(s.closed.p50),
        ms(s.closed.p95),
        ms(s.open.p50),
        ms(s.open.p95),
        ms(s.open.p99),
        `${s.closed.failed + s.open.failed} / ${s.closed.timeouts + s.open.timeouts}`,
      ];
    }),
  );
  lines.push(
    ...formatTable(
      [
        ...labelHeaders,
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
      servers,
    ),
    '',
  );
  if (!goals) return lines;
  const p95Goal = `${goals.openP95AtMost ? 'at most' : 'under'} ${goals.openP95Ms} ms`;
  const share = goals.throughputShare;
  lines.push(
    `Goals: app p95 ${p95Goal} at ${options.rate} requests/s (open loop); app CPU per request <= ${goals.cpuRatio}x ` +
      `the baseline's (closed loop, and open loop)` +
      (share === undefined ? '.' : `; app req/s >= ${share * 100} % of the baseline's at ${CONNECTIONS} connections.`),
  );
  const rows = requests.map(({ labels, app, baseline }) => {
    const closed = perRequest(app.closed) / perRequest(baseline.closed);
    const open = perRequest(app.open) / perRequest(baseline.open);
    const throughput = rate(app.closed) / rate(baseline.closed);
    const p95 = app.open.p95;
    return [
      ...labels,
      `${ms(p95)} ms: ${met(goals.openP95AtMost ? p95 <= goals.openP95Ms : p95 < goals.openP95Ms)}`,
      `${closed.toFixed(2)}x: ${met(closed <= goals.cpuRatio)}`,
      `${open.toFixed(2)}x: ${met(open <= goals.cpuRatio)}`,
      `${(throughput * 100).toFixed(0)} %${share === undefined ? '' : `: ${met(throughput >= share)}`}`,
    ];
  });
  lines.push(
    ...formatTable(
      [...labelHeaders, 'app open p95', 'CPU app/baseline (closed)', 'CPU app/baseline (open)', 'req/s app/baseline'],
      rows,
    ),
  );
  return lines;
}
