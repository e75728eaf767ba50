import 'reflect-metadata';
import type { EntityManager } from '@mikro-orm/knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrm, migrateToLatest, type Orm } from '../src/db/orm.js';
import { createScratchDatabase, type ScratchDatabase } from '../src/db/scratch-database.js';
import { OutboxEmail } from '../src/features/outbox/outbox-email.entity.js';
import { Offer } from '../src/features/quality/offer.entity.js';
import { runDailyQualityEvaluation } from '../src/features/quality/evaluation/daily-quality-evaluation.js';
import {
  DailyQualityEvaluationClaim,
  QualityEvaluation,
} from '../src/features/quality/evaluation/quality-evaluation.entity.js';
import { createLogger } from '../src/logger.js';
import { ReferenceDataSeeder } from '../src/seeders/reference-data.seeder.js';
import { addRollup, evaluationOffer, evaluationSeller } from './support/quality-evaluation.js';
import { testDatabaseKind } from './support/test-app.js';

const logger = createLogger({
  logLevel: process.env['TEST_LOG_LEVEL'] === undefined ? 'silent' : (process.env['TEST_LOG_LEVEL'] as 'info'),
});
const SELLERS = 8;

describe('the daily quality evaluation', () => {
  let scratch: ScratchDatabase;
  let orm: Orm;
  /**
   * The second worker's ORM. On PostgreSQL its own connections, as a worker on another machine has.
   * On SQLite the same ORM (one connection, whose transactions queue): two connections to one file
   * in ONE process deadlock, because better-sqlite3 waits for a lock synchronously and so blocks
   * the event loop the lock holder needs to commit; two processes (the real case) each wait in turn.
   */
  let otherOrm: Orm;
  const em = () => orm.em.fork() as EntityManager;

  beforeAll(async () => {
    scratch = await createScratchDatabase(testDatabaseKind(), 'daily-evaluation');
    orm = await createOrm({ database: scratch.database, logger });
    await migrateToLatest(orm);
    await orm.getSeeder().seed(ReferenceDataSeeder);
    otherOrm = testDatabaseKind() === 'postgresql' ? await createOrm({ database: scratch.database, logger }) : orm;
    // Half the sellers have an offer under 95% RQS (10 orders, 1 complaint), the others are healthy.
    for (let i = 0; i < SELLERS; i++) {
      const seller = await evaluationSeller(em());
      const offer = await evaluationOffer(em(), seller);
      await addRollup(em(), offer, { day: '2026-11-20', orders: 10, complaints: i % 2 });
    }
  });
  afterAll(async () => {
    if (otherOrm !== orm) await otherOrm?.close();
    await orm?.close();
    await scratch?.drop();
  });

  const run = (on: Orm, at: Date, workerId: string) =>
    runDailyQualityEvaluation({ orm: on, logger, publicUrl: 'http://localhost', now: () => at, workerId });

  it('evaluates each seller once when two workers run the job at the same time', async () => {
    const at = new Date('2026-11-23T17:00:00.000Z');
    const [a, b] = await Promise.all([run(orm, at, 'worker-a'), run(otherOrm, at, 'worker-b')]);
    expect(a.failed + b.failed).toBe(0);
    expect(a.evaluated + b.evaluated).toBe(SELLERS);

    expect(await em().count(DailyQualityEvaluationClaim, {})).toBe(SELLERS);
    expect(await em().count(QualityEvaluation, {})).toBe(SELLERS);
    expect(await em().count(Offer, { status: 'SUPPRESSED' })).toBe(SELLERS / 2);
    // One email per suppression, not one per worker.
    expect(await em().count(OutboxEmail, { kind: 'quality-offer-suppressed' })).toBe(SELLERS / 2);

    // Later the same day: nothing left to do.
    const again = await run(orm, new Date('2026-11-23T23:00:00.000Z'), 'worker-a');
    expect(again).toEqual({ evaluated: 0, skipped: 0, failed: 0 });
  });

  it('evaluates every seller again on the next day of the marketplace, with a new snapshot', async () => {
    // 08:00 UTC on the 24th is still the 24th's midnight in Los Angeles: a new US day.
    const next = await run(otherOrm, new Date('2026-11-24T08:00:00.000Z'), 'worker-b');
    expect(next.evaluated).toBe(SELLERS);
    const days = await em().find(QualityEvaluation, {}, { fields: ['day'] });
    expect(new Set(days.map((d) => d.day))).toEqual(new Set(['2026-11-23', '2026-11-24']));
    // Nothing changed: no new emails.
    expect(await em().count(OutboxEmail, { kind: 'quality-offer-suppressed' })).toBe(SELLERS / 2);
  });
});
