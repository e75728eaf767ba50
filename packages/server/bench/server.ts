/**
 * The baseline's child process of the HTTP benchmarks (the app's SQL behind a plain node:http
 * handler; BENCH_BASELINE=dashboard for the dashboard's, else the queue's); the app itself runs from
 * its production build (dist/main.js). Started by queue.bench.ts or dashboard.bench.ts
 * with an IPC channel; it exits when told to stop, when the parent goes away, or after an hour.
 */
import { serveBaseline } from './baseline-server.js';
import { serveDashboardBaseline } from './dashboard-baseline.js';
import { BASELINE_ENV, type FromServer, type ToServer } from './protocol.js';

const LIFETIME_MS = 60 * 60_000;

function send(message: FromServer): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  if (!process.send) throw new Error('start this through queue.bench.ts (it needs an IPC channel)');
  const handle =
    process.env[BASELINE_ENV] === 'dashboard' ? await serveDashboardBaseline(send) : await serveBaseline(send);

  let stopping = false;
  const lifetime = setTimeout(() => process.exit(3), LIFETIME_MS);
  lifetime.unref();
  // The parent went away without saying stop: nobody will, so go.
  process.on('disconnect', () => {
    if (!stopping) process.exit(2);
  });
  process.on('message', (message: ToServer) => {
    if (message.type === 'stop') stopping = true;
    handle(message).then(
      () => {
        if (message.type === 'stop') {
          clearTimeout(lifetime);
          process.disconnect();
          process.exitCode = 0;
          // Let open handles close; a stuck one must not keep the benchmark waiting.
          setTimeout(() => process.exit(0), 5_000).unref();
        }
      },
      (error: unknown) => {
        send({ type: 'failed', message: String(error) });
        process.exit(1);
      },
    );
  });
}

main().catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
