import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import autocannon from 'autocannon';

/** Load generators and CPU accounting for the queue benchmark. */

/** Clock ticks per second of /proc/<pid>/stat's utime and stime. */
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces), counted from field 3 (state).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / CLOCK_TICKS;
}

export interface Target {
  readonly port: number;
  readonly path: string;
  readonly body: string;
  readonly cookie: string;
  /** The answer must start with this (a GraphQL error still answers 200). */
  readonly expect: string;
}

/** What one load run saw. Latencies in ms; a timed-out request is recorded as Infinity. */
export interface Run {
  readonly seconds: number;
  /** Requests sent (the server works on each, answered in time or not). */
  readonly sent: number;
  /** Answers that were the page. */
  readonly ok: number;
  readonly timeouts: number;
  /** Connection errors, non-2xx answers and answers that were not the page. */
  readonly failed: number;
  readonly latencies: number[];
}

export const TIMEOUT_MS = 10_000;

/** Closed loop: `connections` connections, each sending its next request when the previous one is answered. */
export async function closedLoop(target: Target, connections: number, seconds: number): Promise<Run> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${target.port}${target.path}`,
        method: 'POST',
        connections,
        duration: seconds,
        timeout: TIMEOUT_MS / 1000,
        headers: { 'content-type': 'application/json', cookie: target.cookie },
        body: target.body,
        verifyBody: (text) => typeof text === 'string' && text.startsWith(target.expect),
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
  const mismatches = (result as autocannon.Result & { mismatches?: number }).mismatches ?? 0;
  for (let i = 0; i < result.timeouts; i++) latencies.push(Number.POSITIVE_INFINITY);
  return {
    seconds,
    sent: result.requests.sent,
    ok: result.requests.total - result.non2xx - mismatches,
    timeouts: result.timeouts,
    failed: result.errors - result.timeouts + result.non2xx + mismatches,
    latencies,
  };
}

/**
 * Open loop: requests leave at a fixed rate whatever the server does, each on a free kept-alive
 * socket (or a new one), so a slow answer does not delay the next request. Latency counts from the
 * moment a request was due to leave, so a stalled generator cannot hide a stall (no coordinated
 * omission); a request unanswered after TIMEOUT_MS counts as Infinity.
 */
export async function openLoop(target: Target, ratePerSecond: number, seconds: number): Promise<Run> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  const total = Math.round(ratePerSecond * seconds);
  const interval = 1000 / ratePerSecond;
  const latencies: number[] = [];
  let ok = 0;
  let timeouts = 0;
  let failed = 0;
  const pending: Array<Promise<void>> = [];
  const start = performance.now();

  const send = (due: number) =>
    new Promise<void>((resolve) => {
      let settled = false;
      const finish = (outcome: 'ok' | 'timeout' | 'failed') => {
        if (settled) return;
        settled = true;
        if (outcome === 'ok') {
          ok++;
          latencies.push(performance.now() - due);
        } else if (outcome === 'timeout') {
          timeouts++;
          latencies.push(Number.POSITIVE_INFINITY);
        } else {
          failed++;
        }
        resolve();
      };
      const req = http.request(
        {
          host: '127.0.0.1',
          port: target.port,
          path: target.path,
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(target.body),
            cookie: target.cookie,
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            if (text.length < target.expect.length) text += chunk;
          });
          res.on('end', () => finish(res.statusCode === 200 && text.startsWith(target.expect) ? 'ok' : 'failed'));
          res.on('error', () => finish('failed'));
        },
      );
      const timer = setTimeout(
        () => {
          finish('timeout');
          req.destroy();
        },
        TIMEOUT_MS - (performance.now() - due),
      );
      req.on('close', () => clearTimeout(timer));
      req.on('error', () => finish('failed'));
      req.end(target.body);
    });

  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(send(due));
  }
  await Promise.all(pending);
  agent.destroy();
  return { seconds, sent: total, ok, timeouts, failed, latencies };
}

/** The p-th percentile (nearest rank) of latencies, timed-out requests included as Infinity. */
export function percentile(latencies: readonly number[], p: number): number {
  if (latencies.length === 0) return Number.NaN;
  const sorted = [...latencies].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
