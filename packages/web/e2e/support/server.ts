import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const serverMain = fileURLToPath(new URL('../../../server/dist/main.js', import.meta.url));
const webDist = fileURLToPath(new URL('../../dist/', import.meta.url));

/**
 * Migrating and seeding the demo take ~5 s on a quiet machine; at a load average of 26 one took
 * over 60 s. Within the suite's hook timeout (120 s, vite.config.ts).
 */
const READY_TIMEOUT_MS = 100_000;
const STOP_TIMEOUT_MS = 15_000;
/** Enough of the log to explain a failed start, without holding a long run's output. */
const MAX_OUTPUT_CHARS = 20_000;

/**
 * Server settings a developer's shell may hold (DATABASE_URL for the integration tests, say) that
 * would make these tests run against something other than a fresh embedded database.
 */
const SERVER_VARIABLES = [
  'DATABASE_URL',
  'DATA_DIR',
  'WEB_DIST_DIR',
  'PORT',
  'HOST',
  'LOG_LEVEL',
  'LOG_SQL',
  'MIGRATE_ON_START',
  'SEED_DEMO_DATA',
  'SHUTDOWN_GRACE_MS',
];

export interface RunningServer {
  /** Where the app and its API answer, e.g. `http://127.0.0.1:41234/`. */
  readonly url: string;
  /** The server's data folder: its SQLite file, `mail/*.eml` (emails sent) and `uploads/`. */
  readonly dataDir: string;
  /** Everything the server printed so far, stdout and stderr interleaved. */
  output(): string;
  /** SIGTERM, waits for the process to exit, removes its data directory; resolves with how it exited. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface StartServerOptions {
  /** Extra environment for the server, e.g. `{ SEED_DEMO_DATA: 'false' }` for an empty database. */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Starts the production build (`node packages/server/dist/main.js`) in embedded mode on a free port,
 * with a data directory of its own: it migrates a new SQLite file, seeds demo data unless told not
 * to, and serves the built web app and /graphql on one port, as a user would run it.
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  assertBuilt();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'recertify-e2e-data-'));
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of SERVER_VARIABLES) delete env[name];
  Object.assign(env, {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    WEB_DIST_DIR: webDist,
    LOG_LEVEL: 'info',
    // Nothing in flight is worth a long wait at the end of a test file.
    SHUTDOWN_GRACE_MS: '2000',
    ...options.env,
  });

  const child = spawn(process.execPath, [serverMain], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit); // no orphan server if the test run dies

  let output = '';
  const record = (chunk: string) => {
    output = (output + chunk).slice(-MAX_OUTPUT_CHARS);
  };
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      process.removeListener('exit', killOnExit);
      resolve({ code, signal });
    });
  });

  let url: string;
  try {
    url = await waitForAddress(child, exited, record, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }

  let stopping: Promise<{ code: number | null; signal: NodeJS.Signals | null }> | undefined;
  return {
    url,
    dataDir,
    output: () => output,
    stop: () => {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        const result = await exited;
        clearTimeout(timer);
        await rm(dataDir, { recursive: true, force: true });
        if (result.code !== 0) {
          // Not a failure of the page under test, but a graceful shutdown should exit 0: say so.
          console.warn(
            `\n*** The server did not shut down cleanly on SIGTERM (code ${result.code}, signal ${result.signal}). ` +
              `Its last words:\n${lastLines(output, 2)}\n`,
          );
        }
        return result;
      })();
      return stopping;
    },
  };
}

function assertBuilt(): void {
  const missing = [serverMain, path.join(webDist, 'index.html')].filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(
      `The browser tests drive the production build, and it is missing:\n${missing
        .map((file) => `  - ${file}`)
        .join('\n')}\nRun \`pnpm build\` first.`,
    );
  }
}

/** Resolves with the address of the "Recertify is running at ..." log line (pino JSON, one object a line). */
function waitForAddress(
  child: ChildProcess,
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>,
  record: (chunk: string) => void,
  output: () => string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(
            new Error(
              `The server did not report its address within ${READY_TIMEOUT_MS / 1000} s. Output:\n${output()}`,
            ),
          ),
        ),
      READY_TIMEOUT_MS,
    );

    let pending = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      record(chunk);
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const address = addressIn(line);
        if (address) settle(() => resolve(address));
      }
    });
    child.stderr?.setEncoding('utf8').on('data', record);
    child.once('error', (error) => settle(() => reject(new Error(`Could not start the server: ${error.message}`))));
    void exited.then(({ code, signal }) =>
      settle(() =>
        reject(
          new Error(`The server exited before it was ready (code ${code}, signal ${signal}). Output:\n${output()}`),
        ),
      ),
    );
  });
}

function lastLines(text: string, count: number): string {
  const lines = text.trimEnd().split('\n').slice(-count);
  return lines.map((line) => (line.length > 300 ? `${line.slice(0, 300)}…` : line)).join('\n');
}

/**
 * The address from the ready log line (pino JSON), or from the banner for people that follows it
 * ("Recertify is running: open http://..."). The log line goes out through pino's own asynchronous
 * writer and the banner through process.stdout, so on a loaded machine the banner may come first:
 * once it was the only one to arrive before the harness gave up, with the server up and serving.
 */
function addressIn(line: string): string | undefined {
  const banner = /^\s*Recertify is running: open (http:\/\/\S+)\s*$/.exec(line);
  if (banner) return banner[1];
  if (!line.startsWith('{')) return undefined;
  try {
    const entry = JSON.parse(line) as { address?: unknown; msg?: unknown };
    const isReadyLine = typeof entry.msg === 'string' && entry.msg.startsWith('Recertify is running');
    return isReadyLine && typeof entry.address === 'string' ? entry.address : undefined;
  } catch {
    return undefined;
  }
}
