import type { MikroORM } from '@mikro-orm/core';
import type { AppConfig } from '../../config.js';
import type { Logger } from '../../logger.js';
import { createMailTransport } from './mail-transport.js';
import { OutboxWorker } from './outbox.worker.js';

export interface RunningOutboxWorker {
  readonly worker: OutboxWorker;
  /** Stops polling, waits for the run in progress, closes the mail transport. Call before closing the ORM. */
  stop(): Promise<void>;
}

export interface OutboxWorkerDependencies {
  readonly config: Pick<AppConfig, 'mail' | 'outboxPollMs'>;
  readonly orm: MikroORM;
  readonly logger: Logger;
  readonly now?: () => Date;
}

/** Starts polling the outbox in this process (the API server's `RUN_WORKERS`, or the `worker` command). */
export function startOutboxWorker({ config, orm, logger, now }: OutboxWorkerDependencies): RunningOutboxWorker {
  const transport = createMailTransport(config.mail);
  const worker = new OutboxWorker({ orm, transport, logger, ...(now ? { now } : {}) });
  worker.start(config.outboxPollMs);
  let stopping: Promise<void> | undefined;
  return {
    worker,
    stop: () => {
      stopping ??= worker.stop().finally(() => transport.close());
      return stopping;
    },
  };
}
