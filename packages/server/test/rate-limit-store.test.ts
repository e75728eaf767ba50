import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../src/errors/app-error.js';
import { createOrm, migrateToLatest, type EntityManager, type Orm } from '../src/db/orm.js';
import { createScratchDatabase, type ScratchDatabase } from '../src/db/scratch-database.js';
import { rateLimitStore } from '../src/limits/index.js';
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
});
