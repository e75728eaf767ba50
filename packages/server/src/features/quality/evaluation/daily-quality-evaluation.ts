import { hostname } from 'node:os';
import { randomBytes, randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager, QueryResult } from '@mikro-orm/knex';
import { localDateOf, type MarketplaceCode } from '@recertify/domain';
import type { Logger } from '../../../logger.js';
import { DailyQualityEvaluationClaim } from './quality-evaluation.entity.js';
import { QualityPolicies } from './quality-policies.js';
import { recordSellerEvaluation, type EvaluationTarget } from './record-seller-evaluation.js';

/** Sellers evaluated per commit: a disk flush per seller would cost more than its evaluation (BENCHMARKS.md). */
const SELLERS_PER_COMMIT = 25;

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
 * that marketplace's calendar. Any number of runs may go at once, in one process or many: each
 * seller is evaluated in the transaction that inserts its (seller, marketplace, day) claim with
 * "on conflict do nothing"; the run whose insert lands evaluates, the others find the row (on
 * PostgreSQL after waiting for the first to commit) and skip. A failed evaluation rolls its claim
 * back with it, so the seller is tried again on the next run.
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
  for (const marketplace of policies.marketplaces) {
    const day = localDateOf(at, policies.timeZone(marketplace));
    const sellers = await sellersToEvaluate(orm.em.fork() as EntityManager, marketplace, day);
    for (let i = 0; i < sellers.length; i += SELLERS_PER_COMMIT) {
      const batch = sellers.slice(i, i + SELLERS_PER_COMMIT);
      const outcomes: Array<'evaluated' | 'skipped' | 'failed'> = [];
      try {
        // One commit (one disk flush) per batch; each seller in its own savepoint, so a seller that
        // fails rolls back alone, its claim with it, and is tried again on the next run.
        await (orm.em.fork() as EntityManager).transactional(async (batchEm) => {
          for (const sellerId of batch) {
            try {
              const claimed = await batchEm.transactional((em) =>
                claimAndEvaluate(em, { sellerId, marketplace }, day, { policies, publicUrl, at, workerId }),
              );
              outcomes.push(claimed ? 'evaluated' : 'skipped');
            } catch (error) {
              outcomes.push('failed');
              logger.error({ err: error, sellerId, marketplace, day }, 'daily quality evaluation of a seller failed');
            }
          }
        });
      } catch (error) {
        // The batch's commit failed: nothing of it was kept.
        outcomes.fill('failed');
        while (outcomes.length < batch.length) outcomes.push('failed');
        logger.error({ err: error, marketplace, day, sellers: batch.length }, 'daily quality evaluation batch failed');
      }
      for (const outcome of outcomes) totals[outcome] += 1;
    }
  }
  if (totals.evaluated > 0 || totals.failed > 0) logger.info(totals, 'daily quality evaluation');
  return totals;
}

/**
 * Inserts the seller's claim for the day ("on conflict do nothing") and, when this insert made
 * it, evaluates the seller in the same transaction. On PostgreSQL a second worker's insert of the
 * same claim waits for the first worker's commit, then finds the row and skips; every worker takes
 * sellers in the same order, so none waits on another in a cycle.
 */
async function claimAndEvaluate(
  em: EntityManager,
  target: EvaluationTarget,
  day: string,
  { policies, publicUrl, at, workerId }: { policies: QualityPolicies; publicUrl: string; at: Date; workerId: string },
): Promise<boolean> {
  const claimed: QueryResult = await em
    .createQueryBuilder(DailyQualityEvaluationClaim)
    .insert({
      id: randomUUID(),
      createdAt: at,
      updatedAt: at,
      organization: target.sellerId,
      marketplace: target.marketplace,
      day,
      claimedBy: workerId.slice(0, 64),
    })
    .onConflict(['organization', 'marketplace', 'day'])
    .ignore()
    .execute<QueryResult>('run');
  if (claimed.affectedRows !== 1) return false;
  await recordSellerEvaluation(em, target, { kind: 'EVALUATE' }, { policies, publicUrl, principal: null, at });
  return true;
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
export function startDailyQualityEvaluation(options: DailyEvaluationOptions & { readonly intervalMs?: number }): {
  stop(): Promise<void>;
} {
  const log = options.logger.child({ component: 'quality-evaluation' });
  let inFlight: Promise<unknown> | undefined;
  const run = () => {
    if (inFlight) return;
    inFlight = runDailyQualityEvaluation({ ...options, logger: log })
      .catch((error: unknown) => log.error({ err: error }, 'daily quality evaluation failed'))
      .finally(() => {
        inFlight = undefined;
      });
  };
  run();
  const timer = setInterval(run, options.intervalMs ?? 10 * 60_000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await inFlight;
    },
  };
}

function defaultWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}
