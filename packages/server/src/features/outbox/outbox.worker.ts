import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { LockMode, type FilterQuery, type MikroORM } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import type { Logger } from '../../logger.js';
import type { MailTransport, OutgoingEmail } from './mail-transport.js';
import { OutboxEmail } from './outbox-email.entity.js';
import { describeSendError, isMessageSpecificFailure, retryDelayMs } from './outbox-retry.js';

export interface OutboxWorkerOptions {
  readonly orm: MikroORM;
  readonly transport: MailTransport;
  readonly logger: Logger;
  /** Written to `lockedBy`; unique per process by default. */
  readonly workerId?: string;
  readonly batchSize?: number;
  /** How long a claim holds a row; a worker that dies releases its rows when the lease runs out. */
  readonly leaseMs?: number;
  /** Attempts before a row is set DEAD and left for an operator. */
  readonly maxAttempts?: number;
  readonly now?: () => Date;
}

export interface OutboxRunResult {
  readonly sent: number;
  /** Failed, to be retried later. */
  readonly failed: number;
  /** Failed for the last allowed time. */
  readonly dead: number;
}

/** A claimed row, copied out of the unit of work that claimed it. */
type ClaimedEmail = OutgoingEmail & { readonly attempts: number; readonly kind: string };

/**
 * Sends the outbox. Any number of workers may run against one database, in one process or many:
 * each run claims due rows with a lease (PostgreSQL: `FOR UPDATE SKIP LOCKED`, so workers never
 * wait for each other; SQLite has one writer, so a conditional update per row is enough), then
 * sends them outside any transaction and records the outcome. Delivery is at least once: a worker
 * that dies between the server's acceptance and the SENT update leaves the row to be resent after
 * its lease, with the same Message-ID.
 */
export class OutboxWorker {
  readonly workerId: string;
  private readonly orm: MikroORM;
  private readonly transport: MailTransport;
  private readonly logger: Logger;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly now: () => Date;
  private readonly skipLocked: boolean;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<unknown> | undefined;
  private polling = false;

  constructor({
    orm,
    transport,
    logger,
    workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    batchSize = 20,
    leaseMs = 60_000,
    maxAttempts = 8,
    now = () => new Date(),
  }: OutboxWorkerOptions) {
    if (batchSize < 1 || leaseMs < 1 || maxAttempts < 1) {
      throw new Error('OutboxWorker: batchSize, leaseMs and maxAttempts must be positive');
    }
    this.orm = orm;
    this.transport = transport;
    this.workerId = workerId.slice(0, 64);
    this.logger = logger.child({ component: 'outbox', workerId: this.workerId });
    this.batchSize = batchSize;
    this.leaseMs = leaseMs;
    this.maxAttempts = maxAttempts;
    this.now = now;
    this.skipLocked = orm.em.getPlatform() instanceof PostgreSqlPlatform;
  }

  /**
   * Claims a batch of due emails and tries each once. Transport failures are recorded on the row
   * and counted, never thrown; a database failure is thrown (rows it leaves leased come back when
   * the lease runs out).
   */
  async runOnce(): Promise<OutboxRunResult> {
    const claimedAt = this.now();
    const claimed = await this.claim(claimedAt);
    let sent = 0;
    let failed = 0;
    let dead = 0;
    // Stop starting sends once half the lease is gone, so a slow server cannot make a send outlive
    // the lease (another worker would then claim and send the same row).
    const stopStartingAt = claimedAt.getTime() + this.leaseMs / 2;

    for (const [index, email] of claimed.entries()) {
      if (this.now().getTime() >= stopStartingAt) {
        await this.release(claimed.slice(index));
        this.logger.warn({ released: claimed.length - index }, 'outbox batch ran long; released the rest');
        break;
      }
      try {
        await this.transport.send(email);
      } catch (error) {
        const outcome = await this.recordFailure(email, error);
        if (outcome === 'dead') dead += 1;
        else failed += 1;
        if (!isMessageSpecificFailure(error) && index + 1 < claimed.length) {
          // The server or the folder is unusable: the rest of the batch would only fail the same way.
          await this.release(claimed.slice(index + 1));
          this.logger.warn(
            { released: claimed.length - index - 1, transport: this.transport.target },
            'mail transport failing; left the rest of the batch for a later run',
          );
          break;
        }
        continue;
      }
      await this.recordSent(email);
      sent += 1;
    }

    if (claimed.length > 0) this.logger.info({ claimed: claimed.length, sent, failed, dead }, 'outbox run');
    return { sent, failed, dead };
  }

  /** Runs now, then `pollMs` after each run ends; errors are logged and the polling goes on. */
  start(pollMs: number): void {
    if (this.polling) return;
    this.polling = true;
    this.logger.info(
      { pollMs, transport: this.transport.kind, target: this.transport.target },
      'outbox worker started',
    );
    const tick = () => {
      if (!this.polling) return;
      const run = this.runOnce()
        .catch((error: unknown) => this.logger.error({ err: error }, 'outbox run failed'))
        .finally(() => {
          this.inFlight = undefined;
          if (!this.polling) return;
          this.timer = setTimeout(tick, pollMs);
          this.timer.unref();
        });
      this.inFlight = run;
    };
    this.timer = setTimeout(tick, 0);
    this.timer.unref();
  }

  /** Stops polling and resolves once a run in progress has finished. */
  async stop(): Promise<void> {
    const wasPolling = this.polling;
    this.polling = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.inFlight;
    if (wasPolling) this.logger.info('outbox worker stopped');
  }

  private dueFilter(now: Date): FilterQuery<OutboxEmail> {
    return {
      status: 'PENDING',
      nextAttemptAt: { $lte: now },
      $or: [{ lockedUntil: null }, { lockedUntil: { $lt: now } }],
    };
  }

  private async claim(now: Date): Promise<ClaimedEmail[]> {
    const due = this.dueFilter(now);
    const lease = { lockedBy: this.workerId, lockedUntil: new Date(now.getTime() + this.leaseMs), updatedAt: now };
    const order = { createdAt: 'asc', id: 'asc' } as const;

    if (this.skipLocked) {
      // Rows another worker is claiming right now are skipped, not waited for; the lease is
      // committed before any email leaves, so a crash after this point is covered by the lease.
      return this.orm.em.fork().transactional(async (em) => {
        const rows = await em.find(OutboxEmail, due, {
          orderBy: order,
          limit: this.batchSize,
          lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE,
        });
        for (const row of rows) em.assign(row, lease);
        return rows.map(toClaimed);
      });
    }

    // SQLite: each statement runs alone, so "update if still due and unleased" claims a row for
    // exactly one worker; the rows are then read again so attempts are what this lease sees.
    const em = this.orm.em.fork();
    const candidates = await em.find(OutboxEmail, due, { orderBy: order, limit: this.batchSize, fields: ['id'] });
    const ids: string[] = [];
    for (const { id } of candidates) {
      const affected = await em.nativeUpdate(OutboxEmail, { $and: [{ id }, due] }, lease);
      if (affected === 1) ids.push(id);
    }
    if (ids.length === 0) return [];
    const rows = await this.orm.em
      .fork()
      .find(OutboxEmail, { id: { $in: ids }, lockedBy: this.workerId }, { orderBy: order });
    return rows.map(toClaimed);
  }

  private async recordSent(email: ClaimedEmail): Promise<void> {
    const now = this.now();
    // By id alone: the message is out, so SENT is the truth even if the lease was lost meanwhile.
    await this.orm.em.fork().nativeUpdate(
      OutboxEmail,
      { id: email.id },
      {
        status: 'SENT',
        sentAt: now,
        attempts: email.attempts + 1,
        lockedBy: null,
        lockedUntil: null,
        updatedAt: now,
      },
    );
    this.logger.debug({ outboxId: email.id, kind: email.kind }, 'email sent');
  }

  private async recordFailure(email: ClaimedEmail, error: unknown): Promise<'failed' | 'dead'> {
    const now = this.now();
    const attempts = email.attempts + 1;
    const lastError = describeSendError(error);
    const isDead = attempts >= this.maxAttempts;
    const nextAttemptAt = isDead ? null : new Date(now.getTime() + retryDelayMs(attempts, email.id));
    const affected = await this.orm.em.fork().nativeUpdate(
      OutboxEmail,
      { id: email.id, status: 'PENDING', lockedBy: this.workerId },
      {
        attempts,
        lastError,
        status: isDead ? 'DEAD' : 'PENDING',
        ...(nextAttemptAt ? { nextAttemptAt } : {}),
        lockedBy: null,
        lockedUntil: null,
        updatedAt: now,
      },
    );
    const context = { outboxId: email.id, kind: email.kind, attempts, error: lastError };
    if (affected === 0) {
      this.logger.warn(context, 'email failed after its lease was lost; the new holder decides');
    } else if (isDead) {
      this.logger.error(context, 'email failed for the last time; marked DEAD');
    } else {
      this.logger.warn({ ...context, nextAttemptAt }, 'email failed; will retry');
    }
    return isDead ? 'dead' : 'failed';
  }

  /** Gives rows back untried: no attempt counted, due again at once. */
  private async release(emails: readonly ClaimedEmail[]): Promise<void> {
    if (emails.length === 0) return;
    await this.orm.em
      .fork()
      .nativeUpdate(
        OutboxEmail,
        { id: { $in: emails.map((email) => email.id) }, status: 'PENDING', lockedBy: this.workerId },
        { lockedBy: null, lockedUntil: null, updatedAt: this.now() },
      );
  }
}

function toClaimed(row: OutboxEmail): ClaimedEmail {
  return {
    id: row.id,
    kind: row.kind,
    to: row.toAddress,
    subject: row.subject,
    text: row.textBody,
    html: row.htmlBody,
    attempts: row.attempts,
  };
}
