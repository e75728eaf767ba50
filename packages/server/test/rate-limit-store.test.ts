import 'reflect-metadata';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../src/errors/app-error.js';
import { createOrm, migrateToLatest, type EntityManager, type Orm } from '../src/db/orm.js';
import { createScratchDatabase, type ScratchDatabase } from '../src/db/scratch-database.js';
import { rateLimitStore, type LimiterOptions, type RateLimitStore } from '../src/limits/index.js';
import { testDatabaseKind } from './support/test-app.js';

const kind = testDatabaseKind();
let scratch: ScratchDatabase;
let orm: Orm;

beforeAll(async () => {
  scratch = await createScratchDatabase(kind, 'limits');
  orm = await createOrm({ database: scratch.database });
  await migrateToLatest(orm);
});

afterAll(async () => {
  await orm?.close();
  await scratch?.drop();
});

let prefixes = 0;
/** A limiter name no other test of this file uses. */
const fresh = (name: string) => `${name}-${++prefixes}`;

async function refusal(promise: Promise<unknown>): Promise<AppError<'RATE_LIMITED'>> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('RATE_LIMITED');
  return error as AppError<'RATE_LIMITED'>;
}

describe(`the rate-limit store (${kind})`, () => {
  it('keeps its counters where every instance sees them: PostgreSQL, or memory when embedded', () => {
    expect(rateLimitStore(orm).kind).toBe(kind === 'postgresql' ? 'postgresql' : 'memory');
    // Every fork of the ORM (every request) gets the same store.
    expect(rateLimitStore(orm.em.fork() as EntityManager)).toBe(rateLimitStore(orm));
  });

  it('allows `points` per window, then refuses naming the limit, its value and when to retry', async () => {
    const limiter = rateLimitStore(orm).createLimiter({ keyPrefix: fresh('reset-email'), points: 3, duration: 3600 });
    const states = [];
    for (let i = 0; i < 3; i++) states.push(await limiter.consume('someone@example.com'));
    expect(states.map((s) => s.remaining)).toEqual([2, 1, 0]);

    const error = await refusal(limiter.consume('someone@example.com'));
    expect(error.details).toMatchObject({ limit: limiter.options.keyPrefix, max: 3 });
    expect(error.details.retryAfterSeconds).toBeGreaterThan(3500);
    expect(error.details.retryAfterSeconds).toBeLessThanOrEqual(3600);
    expect(error.message).toContain('allows 3 per 1 h');
    // Another key of the same limit is counted on its own.
    await expect(limiter.consume('someone-else@example.com')).resolves.toMatchObject({ remaining: 2 });
  });

  it('counts exactly under concurrency: of 60 parallel requests with 25 allowed, 25 pass', async () => {
    const limiter = rateLimitStore(orm).createLimiter({ keyPrefix: fresh('burst'), points: 25, duration: 60 });
    const results = await Promise.allSettled(Array.from({ length: 60 }, () => limiter.consume('203.0.113.9')));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(25);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(35);
    for (const r of refused) expect((r.reason as AppError).code).toBe('RATE_LIMITED');
  });

  it('a cost of several points counts them all', async () => {
    const limiter = rateLimitStore(orm).createLimiter({ keyPrefix: fresh('cost'), points: 10, duration: 60 });
    await expect(limiter.consume('k', 7)).resolves.toMatchObject({ consumed: 7, remaining: 3 });
    await refusal(limiter.consume('k', 4));
  });

  it('blockDuration keeps a key refused longer than its window', async () => {
    const limiter = rateLimitStore(orm).createLimiter({
      keyPrefix: fresh('blocked'),
      points: 1,
      duration: 10,
      blockDuration: 900,
    });
    await limiter.consume('k');
    const error = await refusal(limiter.consume('k'));
    expect(error.details.retryAfterSeconds).toBeGreaterThan(800);
  });

  it('reset forgets a key; peek reads without counting', async () => {
    const limiter = rateLimitStore(orm).createLimiter({ keyPrefix: fresh('reset'), points: 2, duration: 60 });
    expect(await limiter.peek('k')).toBeNull();
    await limiter.consume('k');
    await limiter.consume('k');
    expect(await limiter.peek('k')).toMatchObject({ consumed: 2, remaining: 0 });
    await refusal(limiter.consume('k'));
    await limiter.reset('k');
    await expect(limiter.consume('k')).resolves.toMatchObject({ consumed: 1 });
  });

  it('one name is one limit: asking again returns it, asking with other numbers is a bug', () => {
    const store = rateLimitStore(orm);
    const name = fresh('same');
    const limiter = store.createLimiter({ keyPrefix: name, points: 5, duration: 60 });
    expect(store.createLimiter({ keyPrefix: name, points: 5, duration: 60 })).toBe(limiter);
    expect(() => store.createLimiter({ keyPrefix: name, points: 6, duration: 60 })).toThrow(/other options/);
    expect(() => store.createLimiter({ keyPrefix: 'Bad Name', points: 5, duration: 60 })).toThrow(/keyPrefix/);
    expect(() => store.createLimiter({ keyPrefix: fresh('zero'), points: 0, duration: 60 })).toThrow(/points/);
  });

  it.runIf(kind === 'postgresql')(
    'two server instances on one database count together, and the table holds no address in clear',
    async () => {
      const other = await createOrm({ database: scratch.database });
      try {
        const name = fresh('shared');
        const here = rateLimitStore(orm).createLimiter({ keyPrefix: name, points: 4, duration: 60 });
        const there = rateLimitStore(other).createLimiter({ keyPrefix: name, points: 4, duration: 60 });
        expect(rateLimitStore(other)).not.toBe(rateLimitStore(orm));
        await here.consume('198.51.100.7');
        await there.consume('198.51.100.7');
        await here.consume('198.51.100.7');
        await there.consume('198.51.100.7');
        await refusal(here.consume('198.51.100.7'));
        await refusal(there.consume('198.51.100.7'));

        const rows = await orm.em
          .fork()
          .getConnection()
          .execute<Array<{ key: string; points: number }>>(`select key, points from rate_limit where key like ?`, [
            `${name}:%`,
          ]);
        expect(rows).toHaveLength(1);
        expect(rows[0]!.key).not.toContain('198.51.100.7');
      } finally {
        await other.close();
      }
    },
  );

  describe('batched limiters (the request limits): no query per request, counts shared by flushes', () => {
    /** A store of its own (as another server instance has), flushed only when the test says so. */
    async function instance() {
      const own = await createOrm({ database: scratch.database });
      const lines: string[] = [];
      const logger = pino(
        { level: 'error' },
        new Writable({
          write(chunk: Buffer, _encoding, done) {
            lines.push(chunk.toString());
            done();
          },
        }),
      );
      const store = rateLimitStore(own);
      store.configureFlush({ intervalMs: 0, logger });
      return { orm: own, store, errors: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
    }
    type Instance = Awaited<ReturnType<typeof instance>>;
    const instances: Instance[] = [];
    const started = async (count: number) => {
      const made = await Promise.all(Array.from({ length: count }, () => instance()));
      instances.push(...made);
      return made;
    };
    afterAll(async () => {
      for (const { store, orm: own } of instances) {
        await store.close();
        await own.close();
      }
    });

    const batched = (name: string, points: number): LimiterOptions => ({
      keyPrefix: fresh(name),
      points,
      duration: 600,
      batched: true,
    });
    /** The shared total of a limiter in the table (PostgreSQL), one key per limiter in these tests. */
    const sharedTotal = async (options: LimiterOptions): Promise<number | null> => {
      const rows = await orm.em
        .fork()
        .getConnection()
        .execute<Array<{ points: number }>>('select points from rate_limit where key like ?', [
          `${options.keyPrefix}:%`,
        ]);
      return rows[0]?.points ?? null;
    };
    const limiterOf = (store: RateLimitStore, options: LimiterOptions) => store.createLimiter(options);

    it('count exactly within one instance, and refuse once over', async () => {
      const [a] = await started(1);
      const options = batched('one', 25);
      const limiter = limiterOf(a!.store, options);
      const results = await Promise.allSettled(Array.from({ length: 40 }, () => limiter.consume('203.0.113.9')));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(25);
      const error = await refusal(limiter.consume('203.0.113.9'));
      expect(error.details).toMatchObject({ limit: options.keyPrefix, max: 25 });
      expect(error.details.retryAfterSeconds).toBeGreaterThan(500);
      await a!.store.flush();
      // Refused requests count nothing: the table holds the 25 allowed (nothing at all when embedded).
      expect(await sharedTotal(options)).toBe(kind === 'postgresql' ? 25 : null);
    });

    it.runIf(kind === 'postgresql')(
      'two instances reach the limit together when each flushes after its requests; the table holds no address',
      async () => {
        const [a, b] = await started(2);
        const options = batched('shared', 4);
        const here = limiterOf(a!.store, options);
        const there = limiterOf(b!.store, options);
        for (const [limiter, store] of [
          [here, a!.store],
          [there, b!.store],
          [here, a!.store],
          [there, b!.store],
        ] as const) {
          await limiter.consume('198.51.100.7');
          await store.flush();
        }
        await refusal(there.consume('198.51.100.7'));
        expect(await sharedTotal(options)).toBe(4);
        const rows = await orm.em
          .fork()
          .getConnection()
          .execute<Array<{ key: string }>>('select key from rate_limit where key like ?', [`${options.keyPrefix}:%`]);
        expect(rows).toHaveLength(1);
        expect(rows[0]!.key).not.toContain('198.51.100.7');
      },
    );

    it.runIf(kind === 'postgresql')(
      'beyond the limit, an instance accepts at most what it counted before its next flush; then both refuse',
      async () => {
        const [a, b] = await started(2);
        const options = batched('overshoot', 4);
        const here = limiterOf(a!.store, options);
        const there = limiterOf(b!.store, options);
        await here.consume('k');
        await here.consume('k');
        await a!.store.flush(); // table 2; here knows 2
        await there.consume('k');
        await there.consume('k');
        await there.consume('k');
        await b!.store.flush(); // table 5 (over by one: there counted 3 before learning of here's 2)
        expect(await sharedTotal(options)).toBe(5);
        await refusal(there.consume('k'));
        // `here` still knows 2: it accepts until its own count reaches the limit (one more) ...
        await here.consume('k');
        await here.consume('k');
        await refusal(here.consume('k'));
        await a!.store.flush(); // ... and learns the shared total with that flush.
        expect(await sharedTotal(options)).toBe(7);
        await refusal(here.consume('k'));
        await refusal(there.consume('k'));
      },
    );

    it.runIf(kind === 'postgresql')('shutdown (close) sends the counts not flushed yet', async () => {
      const [a] = await started(1);
      const options = batched('shutdown', 10);
      const limiter = limiterOf(a!.store, options);
      for (let i = 0; i < 3; i++) await limiter.consume('k');
      expect(await sharedTotal(options)).toBeNull();
      await a!.store.close();
      expect(await sharedTotal(options)).toBe(3);
    });

    it.runIf(kind === 'postgresql')(
      'a failed flush (table away) fails no request, is logged with what it kept, and sends it with the next flush',
      async () => {
        const [a] = await started(1);
        const options = batched('away', 5);
        const limiter = limiterOf(a!.store, options);
        await limiter.consume('k');
        await a!.store.flush();
        const sql = orm.em.fork().getConnection();
        await sql.execute('alter table rate_limit rename to rate_limit_away');
        try {
          await limiter.consume('k');
          await limiter.consume('k');
          await expect(a!.store.flush()).resolves.toBeUndefined();
          expect(a!.errors()).toEqual([
            expect.objectContaining({
              keys: 1,
              points: 2,
              msg: expect.stringMatching(/kept and sent with the next flush/),
            }),
          ]);
          // The limit still applies from what this instance knows.
          await limiter.consume('k');
          await limiter.consume('k');
          await refusal(limiter.consume('k'));
        } finally {
          await sql.execute('alter table rate_limit_away rename to rate_limit');
        }
        await a!.store.flush();
        expect(await sharedTotal(options)).toBe(5);
        expect(a!.errors()).toHaveLength(1);
      },
    );

    it.runIf(kind === 'postgresql')(
      'while a flush waits on the database, requests still count and are refused once over',
      async () => {
        const [a] = await started(1);
        const options = batched('slow', 3);
        const limiter = limiterOf(a!.store, options);
        await limiter.consume('k');
        const knex = (orm.em as EntityManager).getConnection().getKnex();
        const lock = await knex.transaction();
        let flushed = false;
        let flush: Promise<void> = Promise.resolve();
        try {
          await lock.raw('lock table rate_limit in share row exclusive mode');
          flush = a!.store.flush().then(() => {
            flushed = true;
          });
          // Until the flush's statement is waiting on the lock.
          for (;;) {
            const waiting = await knex.raw<{ rows: unknown[] }>(
              `select 1 from pg_stat_activity where wait_event_type = 'Lock' and query like '%insert into rate_limit%'`,
            );
            if (waiting.rows.length > 0) break;
            await new Promise((resolve) => setImmediate(resolve));
          }
          await limiter.consume('k');
          await limiter.consume('k');
          await refusal(limiter.consume('k'));
          expect(flushed).toBe(false);
        } finally {
          await lock.commit();
        }
        await flush;
        expect(await sharedTotal(options)).toBe(1);
        await a!.store.flush();
        expect(await sharedTotal(options)).toBe(3);
        await refusal(limiter.consume('k'));
      },
    );

    it('are exact in memory when embedded; flush and close do nothing there', async () => {
      if (kind === 'postgresql') return;
      const store = rateLimitStore(orm);
      const limiter = store.createLimiter(batched('memory', 2));
      await limiter.consume('k');
      await limiter.consume('k');
      await refusal(limiter.consume('k'));
      await expect(store.flush()).resolves.toBeUndefined();
    });

    it('a batched limiter has no blockDuration', () => {
      expect(() => rateLimitStore(orm).createLimiter({ ...batched('block', 2), blockDuration: 60 })).toThrow(
        /blockDuration/,
      );
    });
  });
});
