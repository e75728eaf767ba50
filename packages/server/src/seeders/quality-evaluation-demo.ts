import type { EntityManager } from '@mikro-orm/knex';
import type { MarketplaceCode } from '@recertify/domain';
import { SellerQualityStandingRecord } from '../features/quality/evaluation/seller-quality-standing.entity.js';
import { QualityPolicies } from '../features/quality/evaluation/quality-policies.js';
import { recordSellerEvaluation } from '../features/quality/evaluation/record-seller-evaluation.js';

/**
 * Runs evaluation over the demo's quality data once it is seeded, as the daily job would: each
 * seller with offers and no standing yet is evaluated as at now, so its standing, suppressed
 * offers, snapshot, audit entries and emails are there on first start (the at-risk demo seller is
 * AT_RISK with an offer suppressed). Idempotent: a seller evaluated before is left to the daily job.
 */
export async function seedQualityEvaluationDemo(em: EntityManager, now: Date = new Date()): Promise<void> {
  const pairs = await em.execute<Array<{ seller_id: string; marketplace: MarketplaceCode }>>(
    'select distinct "seller_id", "marketplace" from "offer" order by "seller_id", "marketplace"',
  );
  if (pairs.length === 0) return;
  const policies = await QualityPolicies.load(em);
  const evaluated = new Set(
    (await em.find(SellerQualityStandingRecord, {}, { fields: ['organization', 'marketplace'] })).map(
      (s) => `${s.organization.id}/${s.marketplace}`,
    ),
  );
  for (const { seller_id: sellerId, marketplace } of pairs) {
    if (evaluated.has(`${sellerId}/${marketplace}`)) continue;
    await em.transactional((tx) =>
      recordSellerEvaluation(
        tx,
        { sellerId, marketplace },
        { kind: 'EVALUATE' },
        { policies, publicUrl: process.env['PUBLIC_URL'] ?? 'http://localhost:4000', principal: null, at: now },
      ),
    );
  }
}
