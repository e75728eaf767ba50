import type { Knex } from '@mikro-orm/knex';
import type { Logger } from '../logger.js';

/** How a store's batched counts reach the shared table. */
export interface FlushSettings {
  /** Milliseconds between flushes; 0 flushes only when asked (`flush()`, tests) and on `close()`. */
  readonly intervalMs: number;
  /** Where a failed flush is reported (the counts are kept and sent again with the next one). */
  readonly logger: Logger;
}

/** One key of a batched limiter, as this instance knows it. */
interface Count {
  /** The shared total of every instance, as the last flush returned it. */
  shared: number;
  /** When the shared window ends (epoch ms): the table's, once a flush returned it. */
  expire: number;
  /** Counted here and sent in a flush that has not answered yet. */
  inFlight: number;
  /** Counted here and not sent yet. */
  pending: number;
  /** The limiter's window, for a row this flush creates (ms). */
  readonly durationMs: number;
}

/** The outcome of counting one request. */
export type Counted =
  | { readonly allowed: true; readonly consumed: number; readonly remaining: number; readonly msBeforeNext: number }
  | { readonly allowed: false; readonly consumed: number; readonly msBeforeNext: number };

/** Rows whose window ended more than this long ago are deleted (what rate-limiter-flexible does). */
const EXPIRED_ROWS_KEPT_MS = 3600_000;
/** How often the periodic flush also deletes those rows. */
const CLEAN_EVERY_MS = 300_000;

/**
 * One statement for every key touched since the last flush: each row's points are added to the
 * table's (or start a new window when the table's ended), as rate-limiter-flexible's own upsert
 * does for one key, and the shared totals come back. Keys in order, so two instances flushing the
 * same keys lock them in the same order (no deadlock).
 */
const FLUSH_SQL = `
insert into rate_limit (key, points, expire)
select t.key, t.points, t.expire
  from json_to_recordset(?::json) as t(key text, points integer, expire bigint)
 order by t.key
on conflict (key) do update set
  points = case when rate_limit.expire is null or rate_limit.expire <= ? then excluded.points
                else rate_limit.points + excluded.points end,
  expire = case when rate_limit.expire is null or rate_limit.expire <= ? then excluded.expire
                else rate_limit.expire end
returning key, points, expire`;

/**
 * Request counts kept in this instance's memory and added to the shared `rate_limit` table in
 * batches: counting a request costs no query. A key is refused from the last shared total the
 * table returned for it plus what this instance counted since (sent or not), so an instance
 * learns the other instances' counts at each of its flushes: beyond a limit, every instance
 * together accepts at most what each receives between two of its flushes (one interval, or as
 * long as a slow flush takes). A failed flush keeps its counts (logged) and sends them with the
 * next; meanwhile each instance still refuses from what it knows.
 */
export class BatchedCounts {
  private readonly counts = new Map<string, Count>();
  private settings: FlushSettings | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** The flush running now (explicit flushes queue behind it; a timer tick skips while it runs). */
  private running: Promise<void> | null = null;
  private queue: Promise<void> = Promise.resolve();
  private lastClean = 0;
  private closed = false;

  constructor(
    private readonly knex: Knex,
    private readonly now: () => number = Date.now,
  ) {}

  /** Sets where failures are logged and starts the periodic flush (again, with new settings). */
  configure(settings: FlushSettings): void {
    this.settings = settings;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (settings.intervalMs > 0 && !this.closed) {
      this.lastClean = this.now();
      this.timer = setInterval(() => {
        if (this.running) return;
        void this.flush().then(() => this.cleanIfDue());
      }, settings.intervalMs);
      // The periodic flush never keeps the process alive: shutdown flushes through close().
      this.timer.unref();
    }
  }

  /**
   * Counts `cost` for `key` (the table's row key) if the limit allows it; a refusal counts
   * nothing (a flood of refused requests writes nothing).
   */
  consume(key: string, points: number, durationMs: number, cost: number): Counted {
    const now = this.now();
    let count = this.counts.get(key);
    if (!count) {
      count = { shared: 0, expire: now + durationMs, inFlight: 0, pending: 0, durationMs };
      this.counts.set(key, count);
    } else if (count.expire <= now) {
      // The shared window ended: what this instance counted and has not sent goes into the next.
      count.shared = 0;
      count.expire = now + durationMs;
    }
    const used = count.shared + count.inFlight + count.pending;
    const msBeforeNext = count.expire - now;
    if (used + cost > points) return { allowed: false, consumed: used, msBeforeNext };
    count.pending += cost;
    return { allowed: true, consumed: used + cost, remaining: points - used - cost, msBeforeNext };
  }

  /** Where `key` stands as this instance knows it, or null when it counted nothing in the window. */
  peek(key: string): { consumed: number; msBeforeNext: number } | null {
    const count = this.counts.get(key);
    const now = this.now();
    if (!count || count.expire <= now) return null;
    return { consumed: count.shared + count.inFlight + count.pending, msBeforeNext: count.expire - now };
  }

  /** Forgets `key` here and in the table. */
  async reset(key: string): Promise<void> {
    this.counts.delete(key);
    await this.knex.raw('delete from rate_limit where key = ?', [key]);
  }

  /**
   * Adds every count not sent yet to the table in one statement, after any flush running now.
   * Never rejects: a failure is logged and its counts are sent again with the next flush.
   */
  flush(): Promise<void> {
    const next = this.queue.then(() => {
      const flush = this.flushOnce();
      this.running = flush;
      return flush.finally(() => {
        if (this.running === flush) this.running = null;
      });
    });
    this.queue = next;
    return next;
  }

  /** Stops the periodic flush and sends what is left (on shutdown, before the database closes). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  private async flushOnce(): Promise<void> {
    const now = this.now();
    const batch: Array<{ key: string; count: Count; sent: number }> = [];
    for (const [key, count] of this.counts) {
      if (count.pending > 0) batch.push({ key, count, sent: count.pending });
      else if (count.inFlight === 0 && count.expire <= now) this.counts.delete(key);
    }
    if (batch.length === 0) return;
    for (const { count, sent } of batch) {
      count.pending -= sent;
      count.inFlight += sent;
    }
    const rows = batch.map(({ key, count, sent }) => ({ key, points: sent, expire: now + count.durationMs }));
    try {
      const result = await this.knex.raw<{ rows: Array<{ key: string; points: number; expire: string }> }>(FLUSH_SQL, [
        JSON.stringify(rows),
        now,
        now,
      ]);
      const returned = new Map(result.rows.map((row) => [row.key, row]));
      for (const { key, count, sent } of batch) {
        count.inFlight -= sent;
        const row = returned.get(key);
        // (A key reset while its flush ran is no longer counted here.)
        if (row && this.counts.get(key) === count) {
          count.shared = Number(row.points);
          count.expire = Number(row.expire);
        }
      }
    } catch (error) {
      for (const { count, sent } of batch) {
        count.inFlight -= sent;
        count.pending += sent;
      }
      const points = batch.reduce((sum, { sent }) => sum + sent, 0);
      (this.settings?.logger ?? fallbackLogger).error(
        { err: error, keys: batch.length, points },
        'rate limits: could not add this instance’s request counts to the shared table; they are kept and sent with the next flush (until then this instance refuses from what it knows)',
      );
    }
  }

  private async cleanIfDue(): Promise<void> {
    const now = this.now();
    if (now - this.lastClean < CLEAN_EVERY_MS) return;
    this.lastClean = now;
    // Not critical: the next clean tries again.
    await this.knex.raw('delete from rate_limit where expire < ?', [now - EXPIRED_ROWS_KEPT_MS]).catch(() => undefined);
  }
}

/** Before the app configured the store (a script, a test that does not): failures still reach stderr. */
const fallbackLogger = {
  error: (details: object, message: string) => console.error(message, details),
} as Pick<Logger, 'error'>;
