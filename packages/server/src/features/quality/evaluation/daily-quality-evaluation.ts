import { hostname } from 'node:os';
import { randomBytes, randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { localDateOf, type MarketplaceCode } from '@recertify/domain';
import type { Logger } from '../../../logger.js';
import { startPeriodicJob, type PeriodicJob } from '../../../lib/periodic-job.js';
import { DailyQualityEvaluationClaim } from './quality-evaluation.entity.js';
import { QualityPolicies } from './quality-policies.js';
import { recordSellerEvaluations } from './record-seller-evaluation.js';

/**
 * Sellers evaluated per transaction, read and written together in a fixed number of statements
 * (BENCHMARKS.md, "Evaluation"): a statement or a disk flush per seller would cost more than the
 * evaluation itself.
 */
const SELLERS_PER_BATCH = 100;

export interface DailyEvaluationOptions {
  readonly orm: MikroORM;
  readonly logger: Logger;
  readonly publicUrl: string;
  readonly now?: () => Date;
  /** Written on each claim; unique per process by default. */
  readonly workerId?: string;
}

export interface DailyEvaluationResult {
  /** Sellers this run evaluated. */
  readonly evaluated: number;
  /** Sellers another run had claimed for the day meanwhile. */
  readonly skipped: number;
  /** Sellers whose evaluation failed; unclaimed, so the next run tries again. */
  readonly failed: number;
}

/**
 * The daily evaluation: every seller with offers (or a standing) in a marketplace, once per day of
 * that marketplace's calendar. Any number of runs may go at once, in one process or many: a seller
 * is evaluated in the transaction that inserts its (seller, marketplace, day) claim with "on
 * conflict do nothing"; the run whose insert lands evaluates, the others skip it. Sellers go in
 * batches, one transaction each. On PostgreSQL a run first takes a transaction-scoped advisory lock
 * on each seller of its batch without waiting (pg_try_advisory_xact_lock) and leaves the sellers
 * another run holds to it, so several runs evaluate disjoint sellers in parallel instead of queueing
 * behind each other's claims. A failed batch is retried seller by seller, so one failing seller
 * rolls back alone, its claim with it, and is tried again on the next run.
 */
export async function runDailyQualityEvaluation({
  orm,
  logger,
  publicUrl,
  now = () => new Date(),
  workerId = defaultWorkerId(),
}: DailyEvaluationOptions): Promise<DailyEvaluationResult> {
  const at = now();
  const policies = await QualityPolicies.load(orm.em.fork() as EntityManager);
  const totals = { evaluated: 0, skipped: 0, failed: 0 };
  const options = { policies, publicUrl, at, workerId: workerId.slice(0, 64) };
  for (const marketplace of policies.marketplaces) {
    const day = localDateOf(at, policies.timeZone(marketplace));
    const sellers = await sellersToEvaluate(orm.em.fork() as EntityManager, marketplace, day);
    for (let i = 0; i < sellers.length; i += SELLERS_PER_BATCH) {
      const batch = sellers.slice(i, i + SELLERS_PER_BATCH);
      try {
        const evaluated = await (orm.em.fork() as EntityManager).transactional((em) =>
          claimAndEvaluate(em, marketplace, batch, day, options),
        );
        totals.evaluated += evaluated;
        totals.skipped += batch.length - evaluated;
      } catch (error) {
        // Nothing of the batch was kept: each seller again in its own transaction, so one that fails fails alone.
        logger.warn(
          { err: error, marketplace, day, sellers: batch.length },
          'daily quality evaluation batch failed; retrying seller by seller',
        );
        for (const sellerId of batch) {
          try {
            const evaluated = await (orm.em.fork() as EntityManager).transactional((em) =>
              claimAndEvaluate(em, marketplace, [sellerId], day, options),
            );
            totals[evaluated === 1 ? 'evaluated' : 'skipped'] += 1;
          } catch (sellerError) {
            totals.failed += 1;
            logger.error(
              { err: sellerError, sellerId, marketplace, day },
              'daily quality evaluation of a seller failed',
            );
          }
        }
      }
    }
  }
  if (totals.evaluated > 0 || totals.failed > 0) logger.info(totals, 'daily quality evaluation');
  return totals;
}

/**
 * Claims the day for the sellers of `batch` no other run holds or has claimed, and evaluates those
 * in the same transaction; answers how many it evaluated. On PostgreSQL the advisory locks make the
 * claim inserts of two runs disjoint, so neither waits for the other's commit; on SQLite (one writer
 * at a time) the claim inserts of a second run wait for the first run's commit, then find its claims.
 */
async function claimAndEvaluate(
  em: EntityManager,
  marketplace: MarketplaceCode,
  batch: readonly string[],
  day: string,
  { policies, publicUrl, at, workerId }: { policies: QualityPolicies; publicUrl: string; at: Date; workerId: string },
): Promise<number> {
  const candidates =
    em.getPlatform() instanceof PostgreSqlPlatform ? await lockFreeSellers(em, marketplace, day, batch) : [...batch];
  if (candidates.length === 0) return 0;
  await em
    .createQueryBuilder(DailyQualityEvaluationClaim)
    .insert(
      candidates.map((sellerId) => ({
        id: randomUUID(),
        createdAt: at,
        updatedAt: at,
        organization: sellerId,
        marketplace,
        day,
        claimedBy: workerId,
      })),
    )
    .onConflict(['organization', 'marketplace', 'day'])
    .ignore()
    .execute('run');
  // Which of the inserts landed: the claims of this run (worker ids are unique per run).
  const claimed = await em.execute<Array<{ organization_id: string }>>(
    `select "organization_id" from "daily_quality_evaluation_claim" where "marketplace" = ? and "day" = ? ` +
      `and "claimed_by" = ? and "organization_id" in (${candidates.map(() => '?').join(', ')}) order by "organization_id"`,
    [marketplace, day, workerId, ...candidates],
  );
  if (claimed.length === 0) return 0;
  await recordSellerEvaluations(
    em,
    marketplace,
    claimed.map((row) => row.organization_id),
    { kind: 'EVALUATE' },
    { policies, publicUrl, principal: null, at },
  );
  return claimed.length;
}

/**
 * PostgreSQL: the sellers of `batch` whose advisory lock for (marketplace, day) this transaction
 * got without waiting; the others are being evaluated by another run right now. The locks go with
 * the transaction.
 */
async function lockFreeSellers(
  em: EntityManager,
  marketplace: MarketplaceCode,
  day: string,
  batch: readonly string[],
): Promise<string[]> {
  const rows = await em.execute<Array<{ id: string }>>(
    `select "s"."id" from (values ${batch.map(() => '(?)').join(', ')}) as "s" ("id") ` +
      `where pg_try_advisory_xact_lock(hashtextextended('quality-evaluation:' || ? || ':' || ? || ':' || "s"."id", 0)) ` +
      'order by "s"."id"',
    [...batch, marketplace, day],
  );
  return rows.map((row) => row.id);
}

/** Sellers with offers or a standing in the marketplace and no claim for the day yet, in one statement. */
async function sellersToEvaluate(em: EntityManager, marketplace: MarketplaceCode, day: string): Promise<string[]> {
  const rows = await em.execute<Array<{ seller_id: string }>>(
    'select "s"."seller_id" from (' +
      'select distinct "seller_id" from "offer" where "marketplace" = ? ' +
      'union select "organization_id" from "seller_quality_standing_record" where "marketplace" = ?' +
      ') as "s" where not exists (select 1 from "daily_quality_evaluation_claim" as "c" ' +
      'where "c"."organization_id" = "s"."seller_id" and "c"."marketplace" = ? and "c"."day" = ?) ' +
      'order by "s"."seller_id"',
    [marketplace, marketplace, marketplace, day],
  );
  return rows.map((row) => row.seller_id);
}

export interface DailyEvaluationSchedule {
  readonly intervalMs: number;
}

/**
 * Runs the daily evaluation now and then every `intervalMs` on an unref'd timer (the API server's
 * `RUN_WORKERS`, or the `worker` command): the first run after a marketplace's midnight evaluates
 * its sellers for the new day; the other runs of that day find them claimed. Stop it before closing
 * the ORM.
 */
export function startDailyQualityEvaluation(
  options: DailyEvaluationOptions & { readonly intervalMs?: number },
): PeriodicJob {
  const log = options.logger.child({ component: 'quality-evaluation' });
  return startPeriodicJob('daily quality evaluation', log, options.intervalMs ?? 10 * 60_000, () =>
    runDailyQualityEvaluation({ ...options, logger: log }),
  );
}

function defaultWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}
