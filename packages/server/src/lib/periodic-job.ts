import type { Logger } from '../logger.js';

/** A job running on a timer in this process. */
export interface PeriodicJob {
  /** Clears the timer and waits for the run in progress. Call it before closing the ORM. */
  stop(): Promise<void>;
}

/**
 * Runs `run` now and then every `intervalMs` on an unref'd timer (it never keeps the process
 * alive), one run at a time: a tick that comes while a run is still going is skipped. A run that
 * fails is logged as "`what` failed" and the next tick tries again. The background jobs (the
 * outbox's sweeps, the daily evaluation, the return expiry) are each one of these.
 */
export function startPeriodicJob(
  what: string,
  logger: Logger,
  intervalMs: number,
  run: () => Promise<unknown>,
): PeriodicJob {
  let inFlight: Promise<unknown> | undefined;
  const tick = () => {
    if (inFlight) return;
    inFlight = run()
      .catch((error: unknown) => logger.error({ err: error }, `${what} failed`))
      .finally(() => {
        inFlight = undefined;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await inFlight;
    },
  };
}
