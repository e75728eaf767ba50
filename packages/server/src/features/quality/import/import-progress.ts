import { createRequire } from 'node:module';
import type CliProgress from 'cli-progress';

/** What the import tells as it goes: bytes of the file read (for the bar and its ETA) and rows done. */
export interface ImportProgress {
  start(totalBytes: number): void;
  update(bytesRead: number, rows: number): void;
  stop(): void;
}

export const silentProgress: ImportProgress = { start() {}, update() {}, stop() {} };

/**
 * A progress bar on stderr with rows/s and ETA (cli-progress). On a terminal it redraws in place;
 * without one (CI logs, a redirected stderr) it prints one line every 2 s instead of staying
 * silent, which is cli-progress's default.
 */
export function terminalProgress(label: string, stream: NodeJS.WriteStream = process.stderr): ImportProgress {
  // Loaded here: the command without a bar (--no-progress, tests) does not pay for it.
  const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof CliProgress;
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} {bar} {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted}`,
      stream,
      noTTYOutput: true,
      notTTYSchedule: 2000,
      etaBuffer: 50,
      fps: 5,
      hideCursor: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let startedAt = 0;
  const payload = (rows: number) => {
    const seconds = (performance.now() - startedAt) / 1000;
    return {
      rows: rows.toLocaleString('en'),
      rate: seconds > 0 ? Math.round(rows / seconds).toLocaleString('en') : '0',
    };
  };
  return {
    start(totalBytes) {
      startedAt = performance.now();
      bar.start(Math.max(totalBytes, 1), 0, payload(0));
    },
    update(bytesRead, rows) {
      bar.update(bytesRead, payload(rows));
    },
    stop() {
      bar.stop();
    },
  };
}
