import { Reference, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import {
  evaluateSellerQuality,
  MARKETPLACES,
  QUALITY_METRIC_LABELS,
  qualityWindows,
  reinstateSeller,
  suspendSeller,
  type MarketplaceCode,
  type QualityChange,
  type SellerQualityEvaluation,
  type SellerQualityInput,
} from '@recertify/domain';
import type { Principal } from '../../../auth/principal.js';
import { conflict } from '../../../errors/app-error.js';
import { Organization } from '../../accounts/organization.entity.js';
import { recordAudit } from '../../audit/audit.service.js';
import { enqueueEmail } from '../../outbox/outbox.service.js';
import { flushOrConflict } from '../../shared/state-change.js';
import { Offer } from '../offer.entity.js';
import { QualityEvaluation } from './quality-evaluation.entity.js';
import { qualityChangeEmails } from './quality-evaluation.emails.js';
import type { QualityPolicies } from './quality-policies.js';
import { sellerQualityRecipient } from './seller-quality-recipient.js';
import { loadSellersQualityFacts } from './seller-quality-facts.js';
import { SellerQualityStandingRecord } from './seller-quality-standing.entity.js';

/** What is done to the seller: evaluate its figures, or a reviewer's suspension or reinstatement (with their reason). */
export type QualityAction =
  | { readonly kind: 'EVALUATE' }
  | { readonly kind: 'SUSPEND'; readonly reason: string }
  | { readonly kind: 'REINSTATE'; readonly reason: string };

export interface EvaluationTarget {
  readonly sellerId: string;
  readonly marketplace: MarketplaceCode;
}

export interface RecordEvaluationOptions {
  readonly policies: QualityPolicies;
  readonly publicUrl: string;
  readonly principal: Principal | null;
  readonly at: Date;
}

const STANDING_LIFECYCLE = { noun: "seller's quality standing" } as const;
export const STANDING_SUBJECT = 'SellerQualityStanding';

/**
 * Evaluates one seller in one marketplace as at `at` and writes what it calls for, in the caller's
 * transaction and one flush: the offers' new statuses, the standing, the day's snapshot (replacing
 * an earlier one of the same day), an audit entry per change and the seller's emails. The figures
 * come from the daily rollups; the verdicts from the domain, with the policy version in force on
 * the evaluated day. A concurrent write of the same standing is a CONFLICT with nothing saved.
 */
export async function recordSellerEvaluation(
  em: EntityManager,
  target: EvaluationTarget,
  action: QualityAction,
  options: RecordEvaluationOptions,
): Promise<SellerQualityStandingRecord> {
  const standings = await recordSellerEvaluations(em, target.marketplace, [target.sellerId], action, options);
  return standings.get(target.sellerId)!;
}

/**
 * The same for many sellers of one marketplace at once (the daily job's batch), with a fixed
 * number of statements whatever the batch's size: the standings, the facts (two statements), the
 * day's snapshots, then one flush that writes every seller's changes in multi-row statements. Only
 * a seller whose evaluation changed something reads its email recipient.
 */
export async function recordSellerEvaluations(
  em: EntityManager,
  marketplace: MarketplaceCode,
  sellerIds: readonly string[],
  action: QualityAction,
  { policies, publicUrl, principal, at }: RecordEvaluationOptions,
): Promise<Map<string, SellerQualityStandingRecord>> {
  // Load.
  const policy = policies.at(marketplace, at);
  const windows = qualityWindows(at, policy, policies.timeZone(marketplace));
  const day = windows.rqs.to;
  const ids = [...sellerIds];
  const [standings, allFacts, snapshots] = [
    await em.find(SellerQualityStandingRecord, { organization: { $in: ids }, marketplace }),
    await loadSellersQualityFacts(em, ids, marketplace, windows),
    await em.find(QualityEvaluation, { organization: { $in: ids }, marketplace, day }),
  ];
  const standingOf = new Map(standings.map((s) => [s.organization.id, s]));
  const snapshotOf = new Map(snapshots.map((s) => [s.organization.id, s]));
  const result = new Map<string, SellerQualityStandingRecord>();

  const suppress: string[] = [];
  const reinstate: string[] = [];
  for (const sellerId of ids) {
    const standing =
      standingOf.get(sellerId) ??
      em.create(SellerQualityStandingRecord, {
        organization: em.getReference(Organization, sellerId, { wrapped: true }),
        marketplace,
        standing: 'GOOD',
        since: at,
      });
    result.set(sellerId, standing);
    const facts = allFacts.get(sellerId)!;
    const input: SellerQualityInput = { standing: standing.standing, ...facts };

    // Validate (a reviewer's move the standing does not allow throws the domain's INVALID_TRANSITION).
    const evaluation =
      action.kind === 'SUSPEND'
        ? suspendSeller(input, policy)
        : action.kind === 'REINSTATE'
          ? reinstateSeller(input, policy)
          : evaluateSellerQuality(input, policy);

    // Change.
    for (const change of evaluation.changes) {
      if (change.kind === 'OFFER_SUPPRESSED') suppress.push(change.offerId);
      if (change.kind === 'OFFER_REINSTATED') reinstate.push(change.offerId);
    }
    const suppressedOffers = evaluation.offers.filter((o) => o.status === 'SUPPRESSED').length;
    const actor = principal?.kind === 'user' ? principal.user : null;
    if (evaluation.standing !== standing.standing) {
      standing.standing = evaluation.standing;
      standing.since = at;
      standing.reason =
        action.kind === 'EVALUATE'
          ? evaluation.breaches.length
            ? `Misses ${evaluation.breaches.map((m) => QUALITY_METRIC_LABELS[m]).join(', ')}`
            : null
          : action.reason;
      standing.changedById = action.kind === 'EVALUATE' ? null : (actor?.id ?? null);
      standing.changedByName = action.kind === 'EVALUATE' ? null : (actor?.displayName ?? null);
    }
    Object.assign(standing, {
      breaches: [...evaluation.breaches],
      evaluatedOn: day,
      rqsOrders: evaluation.rqs.orders,
      rqsDefectiveOrders: evaluation.rqs.defectiveOrders,
      rqsBps: evaluation.rqs.bps,
      odrOrders: evaluation.odr.orders,
      odrDefectiveOrders: evaluation.odr.defectiveOrders,
      odrBps: evaluation.odr.bps,
      ratingCount: evaluation.rating.ratings,
      ratingStarsTotal: evaluation.rating.starsTotal,
      ratingHundredths: evaluation.rating.averageHundredths,
      suppressedOffers,
    });
    keepSnapshot(
      em,
      snapshotOf.get(sellerId),
      { sellerId, marketplace },
      day,
      policy.version,
      evaluation,
      suppressedOffers,
      at,
    );

    for (const change of evaluation.changes) {
      recordAudit(em, {
        principal,
        action: change.kind,
        ...auditSubject(change, standing),
        data: auditData(change, evaluation, marketplace, action),
        at,
      });
    }
    if (evaluation.changes.length > 0) {
      const recipient = await sellerQualityRecipient(em, sellerId, marketplace);
      if (recipient) {
        const skus = new Map(facts.offers.map((o) => [o.offerId, o.sku]));
        const emails = qualityChangeEmails(evaluation, {
          sellerName: recipient.name,
          marketplace: MARKETPLACES[marketplace].name,
          link: `${publicUrl}/quality`,
          skuOf: (id) => skus.get(id) ?? id,
          reason: action.kind === 'EVALUATE' ? null : action.reason,
        });
        for (const email of emails) enqueueEmail(em, { ...email, to: recipient.email }, at);
      }
    }
  }
  await applyOfferStatuses(em, suppress, reinstate);
  try {
    await flushOrConflict(em, STANDING_LIFECYCLE);
  } catch (error) {
    // A first evaluation of the seller racing another (the daily job and a reviewer): both made its standing.
    if (error instanceof UniqueConstraintViolationException) {
      throw conflict("This seller's quality was being evaluated at the same moment; nothing was saved. Try again.");
    }
    throw error;
  }
  return result;
}

/** Two statements at most, whatever the number of sellers and offers. */
async function applyOfferStatuses(em: EntityManager, suppress: string[], reinstate: string[]): Promise<void> {
  // Only rows still in the status evaluation read: a concurrent change of the same offer is not overwritten blindly.
  if (suppress.length) {
    await em.nativeUpdate(Offer, { id: { $in: suppress }, status: 'ACTIVE' }, { status: 'SUPPRESSED' });
  }
  if (reinstate.length) {
    await em.nativeUpdate(Offer, { id: { $in: reinstate }, status: 'SUPPRESSED' }, { status: 'ACTIVE' });
  }
}

export function keepSnapshot(
  em: EntityManager,
  existing: QualityEvaluation | undefined,
  { sellerId, marketplace }: EvaluationTarget,
  day: string,
  policyVersion: number,
  e: SellerQualityEvaluation,
  suppressedOffers: number,
  at: Date,
): void {
  const figures = {
    evaluatedAt: at,
    policyVersion,
    standing: e.standing,
    breaches: [...e.breaches],
    rqsOrders: e.rqs.orders,
    rqsDefectiveOrders: e.rqs.defectiveOrders,
    rqsBps: e.rqs.bps,
    rqsMinimumBps: e.rqs.minimumBps,
    rqsBreached: e.rqs.breached,
    odrOrders: e.odr.orders,
    odrDefectiveOrders: e.odr.defectiveOrders,
    odrBps: e.odr.bps,
    odrMaximumBps: e.odr.maximumBps,
    odrBreached: e.odr.breached,
    ratingCount: e.rating.ratings,
    ratingStarsTotal: e.rating.starsTotal,
    ratingHundredths: e.rating.averageHundredths,
    ratingMinimumHundredths: e.rating.minimumHundredths,
    ratingBreached: e.rating.breached,
    offers: e.offers.length,
    suppressedOffers,
  };
  if (existing) {
    em.assign(existing, figures);
    return;
  }
  em.persist(
    new QualityEvaluation({
      organization: Reference.createFromPK(Organization, sellerId),
      marketplace,
      day,
      ...figures,
    }),
  );
}

function auditSubject(
  change: QualityChange,
  standing: SellerQualityStandingRecord,
): { subjectType: string; subjectId: string } {
  if (change.kind === 'OFFER_SUPPRESSED' || change.kind === 'OFFER_REINSTATED') {
    return { subjectType: 'Offer', subjectId: change.offerId };
  }
  return { subjectType: STANDING_SUBJECT, subjectId: standing.id };
}

function auditData(
  change: QualityChange,
  e: SellerQualityEvaluation,
  marketplace: MarketplaceCode,
  action: QualityAction,
): Record<string, unknown> {
  const offer =
    change.kind === 'OFFER_SUPPRESSED' || change.kind === 'OFFER_REINSTATED'
      ? e.offers.find((o) => o.offerId === change.offerId)
      : undefined;
  return {
    marketplace,
    change,
    ...(action.kind === 'EVALUATE' ? {} : { reason: action.reason }),
    ...(offer
      ? { offerRqs: { orders: offer.rqs.orders, defectiveOrders: offer.rqs.defectiveOrders, bps: offer.rqs.bps } }
      : {
          standing: e.standing,
          breaches: e.breaches,
          rqs: { orders: e.rqs.orders, defectiveOrders: e.rqs.defectiveOrders, bps: e.rqs.bps },
          odr: { orders: e.odr.orders, defectiveOrders: e.odr.defectiveOrders, bps: e.odr.bps },
          rating: { count: e.rating.ratings, starsTotal: e.rating.starsTotal, hundredths: e.rating.averageHundredths },
        }),
  };
}
