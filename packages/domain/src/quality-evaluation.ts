import { DomainError } from './domain-error.js';
import type { OrderCounts } from './eligibility.js';
import type { PolicyParameters } from './policy.js';
import type { OfferStatus, QualityMetric, SellerQualityStanding } from './quality.js';
import {
  assertRatingTally,
  odrDefectBudget,
  odrRatio,
  type QualityCounts,
  type RatingTally,
  rqsDefectBudget,
  rqsRatio,
} from './quality-figures.js';
import {
  averageAtLeastHundredths,
  averageToHundredths,
  type Ratio,
  ratioAtLeastBps,
  ratioAtMostBps,
  ratioToBps,
} from './ratio.js';

/*
 * Evaluation (SPEC 5): the figures against the policy version in force on the day evaluated, and
 * the changes of state they call for. Pure: the daily job and the on-demand evaluation load the
 * counts, call evaluateSellerQuality, and write each change (an audit entry and an email) in the
 * same transaction as the new states. A reviewer's suspension or reinstatement goes through
 * suspendSeller / reinstateSeller, which return the same shape.
 */

/** The policy parameters evaluation reads. */
export type QualityPolicy = Pick<
  PolicyParameters,
  'offerRqsMinimumBps' | 'sellerRqsMinimumBps' | 'odrMaximumBps' | 'averageRatingMinimumHundredths' | 'rqsMinimumOrders'
>;

export interface RqsFigure {
  readonly orders: number;
  /** Orders with at least one valid complaint. */
  readonly defectiveOrders: number;
  /** Orders without a valid complaint of orders; null over no orders. */
  readonly ratio: Ratio | null;
  /** For display only, rounded half-up: pass/fail is `breached`, decided exactly. */
  readonly bps: number | null;
  readonly minimumBps: number;
  readonly minimumOrders: number;
  /** At least the minimum orders in the window: below it the RQS is shown but not enforced. */
  readonly enforced: boolean;
  /** Enforced and under the minimum. */
  readonly breached: boolean;
  /** More defective orders it can take before going under the minimum; null while not enforced. */
  readonly defectBudget: number | null;
}

export interface OdrFigure {
  readonly orders: number;
  /** Orders with at least one order defect. */
  readonly defectiveOrders: number;
  readonly ratio: Ratio | null;
  readonly bps: number | null;
  readonly maximumBps: number;
  /** From the first order on (SPEC 3: a seller with no orders passes and is monitored). */
  readonly enforced: boolean;
  readonly breached: boolean;
  readonly defectBudget: number | null;
}

export interface RatingFigure {
  readonly ratings: number;
  readonly starsTotal: number;
  /** For display only, rounded half-up; null without ratings. */
  readonly averageHundredths: number | null;
  readonly minimumHundredths: number;
  /** From the first rating on. */
  readonly enforced: boolean;
  readonly breached: boolean;
}

export const OFFER_SUPPRESSION_REASONS = ['RQS', 'SELLER_SUSPENDED'] as const;
export type OfferSuppressionReason = (typeof OFFER_SUPPRESSION_REASONS)[number];

/** Every change evaluation or a reviewer makes: each is an audit entry and an email. */
export const QUALITY_CHANGE_KINDS = [
  'SELLER_AT_RISK',
  'SELLER_RECOVERED',
  'SELLER_SUSPENDED',
  'SELLER_REINSTATED',
  'OFFER_SUPPRESSED',
  'OFFER_REINSTATED',
] as const;
export type QualityChangeKind = (typeof QUALITY_CHANGE_KINDS)[number];

export type SellerStandingChange =
  | { readonly kind: 'SELLER_AT_RISK'; readonly breaches: readonly QualityMetric[] }
  | { readonly kind: 'SELLER_RECOVERED' }
  | { readonly kind: 'SELLER_SUSPENDED' }
  /** Back from a suspension, into the standing the figures give. */
  | { readonly kind: 'SELLER_REINSTATED'; readonly standing: Exclude<SellerQualityStanding, 'SUSPENDED'> };

export type OfferStatusChange =
  | { readonly kind: 'OFFER_SUPPRESSED'; readonly offerId: string; readonly reason: OfferSuppressionReason }
  | { readonly kind: 'OFFER_REINSTATED'; readonly offerId: string };

export type QualityChange = SellerStandingChange | OfferStatusChange;

export interface OfferQualityInput {
  readonly offerId: string;
  /** Its status now, before this evaluation. */
  readonly status: OfferStatus;
  /** Its orders over the RQS window. */
  readonly rqs: OrderCounts;
}

export interface OfferQualityVerdict {
  readonly offerId: string;
  readonly rqs: RqsFigure;
  /** The status it should have after this evaluation. */
  readonly status: OfferStatus;
  readonly change: OfferStatusChange | null;
}

export interface SellerQualityInput {
  /** Its standing now, before this evaluation. */
  readonly standing: SellerQualityStanding;
  readonly counts: QualityCounts;
  /** Ratings of its Renewed offers. */
  readonly ratings: RatingTally;
  readonly offers: readonly OfferQualityInput[];
}

export interface SellerQualityEvaluation {
  readonly rqs: RqsFigure;
  readonly odr: OdrFigure;
  readonly rating: RatingFigure;
  /** The figures it misses, in QUALITY_METRICS order; empty when healthy. */
  readonly breaches: readonly QualityMetric[];
  /** The standing it should have after this evaluation. */
  readonly standing: SellerQualityStanding;
  /** In input order. */
  readonly offers: readonly OfferQualityVerdict[];
  /** The seller's change first, then the offers' in input order; empty when nothing changes. */
  readonly changes: readonly QualityChange[];
}

/** A reviewer asked for a move the standing does not allow (suspend twice, reinstate a seller not suspended). */
export class SellerStandingTransitionError extends DomainError {
  // Same code as an application's refused transition: the record's state is in the way.
  override readonly code = 'INVALID_TRANSITION';

  constructor(
    readonly standing: SellerQualityStanding,
    readonly action: 'SUSPEND' | 'REINSTATE',
  ) {
    super(
      action === 'SUSPEND'
        ? 'This seller is already suspended.'
        : `Only a suspended seller can be reinstated; this seller is ${standing === 'GOOD' ? 'in good standing' : 'at risk'}.`,
    );
  }
}

export function rqsFigure(counts: OrderCounts, minimumBps: number, minimumOrders: number): RqsFigure {
  const ratio = rqsRatio(counts);
  if (!Number.isSafeInteger(minimumOrders) || minimumOrders < 0) {
    throw new RangeError(`minimum orders must be a whole number, 0 or more; got ${minimumOrders}`);
  }
  // Even a minimum of 0 orders has nothing to enforce over an empty window.
  const enforced = ratio !== null && counts.orders >= minimumOrders;
  return {
    orders: counts.orders,
    defectiveOrders: counts.defectiveOrders,
    ratio,
    bps: ratio && ratioToBps(ratio.numerator, ratio.denominator),
    minimumBps,
    minimumOrders,
    enforced,
    breached: enforced && !ratioAtLeastBps(ratio.numerator, ratio.denominator, minimumBps),
    defectBudget: enforced ? rqsDefectBudget(counts, minimumBps) : null,
  };
}

export function odrFigure(counts: OrderCounts, maximumBps: number): OdrFigure {
  const ratio = odrRatio(counts);
  return {
    orders: counts.orders,
    defectiveOrders: counts.defectiveOrders,
    ratio,
    bps: ratio && ratioToBps(ratio.numerator, ratio.denominator),
    maximumBps,
    enforced: ratio !== null,
    breached: ratio !== null && !ratioAtMostBps(ratio.numerator, ratio.denominator, maximumBps),
    defectBudget: ratio === null ? null : odrDefectBudget(counts, maximumBps),
  };
}

export function ratingFigure(tally: RatingTally, minimumHundredths: number): RatingFigure {
  assertRatingTally(tally);
  const enforced = tally.count > 0;
  return {
    ratings: tally.count,
    starsTotal: tally.sum,
    averageHundredths: enforced ? averageToHundredths(tally.sum, tally.count) : null,
    minimumHundredths,
    enforced,
    breached: enforced && !averageAtLeastHundredths(tally.sum, tally.count, minimumHundredths),
  };
}

/**
 * An offer's verdict. Under the offer RQS minimum with at least the minimum orders it is
 * suppressed; once it meets the minimum again, or its window holds fewer than the minimum orders
 * (nothing enforced), it is reinstated. While the seller is suspended every offer stays suppressed.
 */
export function evaluateOffer(
  offer: OfferQualityInput,
  policy: QualityPolicy,
  sellerStanding: SellerQualityStanding = 'GOOD',
): OfferQualityVerdict {
  const rqs = rqsFigure(offer.rqs, policy.offerRqsMinimumBps, policy.rqsMinimumOrders);
  const reason: OfferSuppressionReason | null =
    sellerStanding === 'SUSPENDED' ? 'SELLER_SUSPENDED' : rqs.breached ? 'RQS' : null;
  const status: OfferStatus = reason === null ? 'ACTIVE' : 'SUPPRESSED';
  let change: OfferStatusChange | null = null;
  if (offer.status === 'ACTIVE' && reason !== null) {
    change = { kind: 'OFFER_SUPPRESSED', offerId: offer.offerId, reason };
  } else if (offer.status === 'SUPPRESSED' && reason === null) {
    change = { kind: 'OFFER_REINSTATED', offerId: offer.offerId };
  }
  return { offerId: offer.offerId, rqs, status, change };
}

/**
 * A seller's verdict and the changes it calls for. A seller under the seller RQS minimum (with at
 * least the minimum orders, as for offers), over the ODR maximum or under the rating minimum is
 * AT_RISK; meeting all three again lifts it to GOOD. A SUSPENDED seller stays suspended whatever
 * its figures, until a reviewer reinstates it.
 */
export function evaluateSellerQuality(input: SellerQualityInput, policy: QualityPolicy): SellerQualityEvaluation {
  const figures = sellerFigures(input, policy);
  const standing = input.standing === 'SUSPENDED' ? 'SUSPENDED' : standingOf(figures.breaches);
  let sellerChange: SellerStandingChange | null = null;
  if (input.standing === 'GOOD' && standing === 'AT_RISK') {
    sellerChange = { kind: 'SELLER_AT_RISK', breaches: figures.breaches };
  } else if (input.standing === 'AT_RISK' && standing === 'GOOD') {
    sellerChange = { kind: 'SELLER_RECOVERED' };
  }
  return withOffers(input, policy, figures, standing, sellerChange);
}

/** A reviewer suspends the seller: every active offer is suppressed until reinstatement. */
export function suspendSeller(input: SellerQualityInput, policy: QualityPolicy): SellerQualityEvaluation {
  if (input.standing === 'SUSPENDED') throw new SellerStandingTransitionError(input.standing, 'SUSPEND');
  return withOffers(input, policy, sellerFigures(input, policy), 'SUSPENDED', { kind: 'SELLER_SUSPENDED' });
}

/**
 * A reviewer reinstates a suspended seller: into GOOD or AT_RISK as its figures say, with the offers
 * that meet the offer RQS back on sale and the others left suppressed.
 */
export function reinstateSeller(input: SellerQualityInput, policy: QualityPolicy): SellerQualityEvaluation {
  if (input.standing !== 'SUSPENDED') throw new SellerStandingTransitionError(input.standing, 'REINSTATE');
  const figures = sellerFigures(input, policy);
  const standing = standingOf(figures.breaches);
  return withOffers(input, policy, figures, standing, { kind: 'SELLER_REINSTATED', standing });
}

/**
 * Order for the offer table, worst first: the lowest RQS first (compared exactly), and of equal
 * RQS the one with more orders; offers without orders last.
 */
export function compareRqsWorstFirst(a: RqsFigure, b: RqsFigure): number {
  if (a.ratio === null || b.ratio === null) return (a.ratio === null ? 1 : 0) - (b.ratio === null ? 1 : 0);
  const left = BigInt(a.ratio.numerator) * BigInt(b.ratio.denominator);
  const right = BigInt(b.ratio.numerator) * BigInt(a.ratio.denominator);
  if (left !== right) return left < right ? -1 : 1;
  return b.orders - a.orders;
}

// --- internals -------------------------------------------------------------------------------

interface SellerFigures {
  readonly rqs: RqsFigure;
  readonly odr: OdrFigure;
  readonly rating: RatingFigure;
  readonly breaches: readonly QualityMetric[];
}

function sellerFigures(input: SellerQualityInput, policy: QualityPolicy): SellerFigures {
  const rqs = rqsFigure(input.counts.rqs, policy.sellerRqsMinimumBps, policy.rqsMinimumOrders);
  const odr = odrFigure(input.counts.odr, policy.odrMaximumBps);
  const rating = ratingFigure(input.ratings, policy.averageRatingMinimumHundredths);
  const breaches: QualityMetric[] = [];
  if (rqs.breached) breaches.push('RQS');
  if (odr.breached) breaches.push('ODR');
  if (rating.breached) breaches.push('RATING');
  return { rqs, odr, rating, breaches };
}

function standingOf(breaches: readonly QualityMetric[]): Exclude<SellerQualityStanding, 'SUSPENDED'> {
  return breaches.length > 0 ? 'AT_RISK' : 'GOOD';
}

function withOffers(
  input: SellerQualityInput,
  policy: QualityPolicy,
  figures: SellerFigures,
  standing: SellerQualityStanding,
  sellerChange: SellerStandingChange | null,
): SellerQualityEvaluation {
  const offers = input.offers.map((offer) => evaluateOffer(offer, policy, standing));
  const changes: QualityChange[] = sellerChange ? [sellerChange] : [];
  for (const offer of offers) if (offer.change) changes.push(offer.change);
  return { ...figures, standing, offers, changes };
}
