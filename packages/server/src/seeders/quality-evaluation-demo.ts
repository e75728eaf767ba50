import type { EntityManager } from '@mikro-orm/knex';
import {
  addCalendarDays,
  evaluateSellerQuality,
  localDateOf,
  startOfLocalDay,
  qualityWindows,
  type MarketplaceCode,
  type OfferStatus,
  type SellerQualityStanding,
} from '@recertify/domain';
import { SellerQualityStandingRecord } from '../features/quality/evaluation/seller-quality-standing.entity.js';
import { QualityPolicies } from '../features/quality/evaluation/quality-policies.js';
import { keepSnapshot, recordSellerEvaluation } from '../features/quality/evaluation/record-seller-evaluation.js';
import { loadSellersQualityFacts } from '../features/quality/evaluation/seller-quality-facts.js';

/** Days of evaluation history the demo keeps per seller, today's included (the dashboard's 90-day trend). */
export const DEMO_HISTORY_DAYS = 90;

/**
 * Runs evaluation over the demo's quality data once it is seeded, as the daily job would: each
 * seller with offers and no standing yet is evaluated as at now, so its standing, suppressed
 * offers, snapshot, audit entries and emails are there on first start (the at-risk demo seller is
 * AT_RISK with an offer suppressed). Before that, the 89 days before today get the snapshot the
 * daily job would have kept (the evaluation history): the domain's evaluation of each day's
 * figures, standing and offer statuses carried from one day to the next, from GOOD. Only the
 * snapshots: today's evaluation writes the standing, offers, audit entries and emails as before.
 * Idempotent: a seller evaluated before is left to the daily job.
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
    await em.transactional((tx) => seedHistory(tx, sellerId, marketplace, policies, now));
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

/** The snapshots of the days before `now`'s, oldest first, as daily evaluations would have left them. */
async function seedHistory(
  em: EntityManager,
  sellerId: string,
  marketplace: MarketplaceCode,
  policies: QualityPolicies,
  now: Date,
): Promise<void> {
  let standing: SellerQualityStanding = 'GOOD';
  const statuses = new Map<string, OfferStatus>();
  const zone = policies.timeZone(marketplace);
  const today = localDateOf(now, zone);
  for (let daysAgo = DEMO_HISTORY_DAYS - 1; daysAgo >= 1; daysAgo--) {
    // The last moment of that day in the marketplace's zone (each calendar day once, DST or not).
    const at = new Date(startOfLocalDay(addCalendarDays(today, -daysAgo + 1), zone).getTime() - 1);
    const policy = policies.at(marketplace, at);
    const windows = qualityWindows(at, policy, zone);
    const facts = (await loadSellersQualityFacts(em, [sellerId], marketplace, windows)).get(sellerId)!;
    const evaluation = evaluateSellerQuality(
      {
        standing,
        counts: facts.counts,
        ratings: facts.ratings,
        offers: facts.offers.map((o) => ({ ...o, status: statuses.get(o.offerId) ?? o.status })),
      },
      policy,
    );
    standing = evaluation.standing;
    for (const offer of evaluation.offers) statuses.set(offer.offerId, offer.status);
    const suppressed = evaluation.offers.filter((o) => o.status === 'SUPPRESSED').length;
    keepSnapshot(em, undefined, { sellerId, marketplace }, windows.rqs.to, policy.version, evaluation, suppressed, at);
  }
  await em.flush();
}
