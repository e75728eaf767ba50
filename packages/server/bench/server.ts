/**
 * A server child process of the queue benchmark: `server.ts app` (the real app) or
 * `server.ts baseline` (the same SQL behind a plain node:http handler). Started by queue.bench.ts
 * with an IPC channel; it exits when told to stop, when the parent goes away, or after an hour.
 */
import type { FromServer, ServerRole, ToServer } from './protocol.js';

const LIFETIME_MS = 60 * 60_000;

function send(message: FromServer): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const role = process.argv[2] as ServerRole | undefined;
  if (!process.send) throw new Error('start this through queue.bench.ts (it needs an IPC channel)');
  if (role !== 'app' && role !== 'baseline') throw new Error('usage: server.ts app|baseline');
  const handle =
    role === 'app'
      ? await (await import('./app-server.js')).serveApp(send)
      : await (await import('./baseline-server.js')).serveBaseline(send);

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
