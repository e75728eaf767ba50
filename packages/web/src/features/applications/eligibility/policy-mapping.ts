import {
  evaluateEligibility,
  type EligibilityReport,
  type ExchangeRate,
  type MarketplaceCode,
  type OrderCounts,
  type PolicyVersion,
} from '@recertify/domain';
import type { EligibilityExchangeRateFragment, EligibilityPolicyFieldsFragment } from '../../../generated/graphql';
import { toApplicationInput, type ApplicationFormState } from '../application-form/form-state';

/** The policy version as the API sends it, in the domain's shape (exact units, a Date). */
export function toDomainPolicy(policy: EligibilityPolicyFieldsFragment): PolicyVersion {
  const money = (m: EligibilityPolicyFieldsFragment['qualifyingPurchasesMinimum']) => ({
    amountMinor: m.amountMinor,
    currency: m.currency,
  });
  return {
    marketplace: policy.marketplace,
    version: policy.version,
    effectiveFrom: new Date(policy.effectiveFrom),
    ...(policy.notes === null ? {} : { notes: policy.notes }),
    qualifyingPurchasesMinimum: money(policy.qualifyingPurchasesMinimum),
    purchaseWindowDays: policy.purchaseWindowDays,
    excludedItemMaxUnitPrice: money(policy.excludedItemMaxUnitPrice),
    appleQualifyingPurchasesMinimum: money(policy.appleQualifyingPurchasesMinimum),
    applePurchaseWindowDays: policy.applePurchaseWindowDays,
    warranty:
      policy.warranty.kind === 'MINIMUM_DAYS'
        ? { kind: 'MINIMUM_DAYS', minimumDays: policy.warranty.minimumDays ?? 0 }
        : { kind: 'GUARANTEE_ACCEPTANCE' },
    minimumImages: policy.minimumImages,
    requiredViews: policy.requiredViews,
    screenProductsRequireScreenOn: policy.screenProductsRequireScreenOn,
    odrMaximumBps: policy.odrMaximum.basisPoints,
    odrWindowDays: policy.odrWindowDays,
    reviewDueBusinessDays: policy.reviewDueBusinessDays,
    offerRqsMinimumBps: policy.offerRqsMinimum.basisPoints,
    sellerRqsMinimumBps: policy.sellerRqsMinimum.basisPoints,
    averageRatingMinimumHundredths: policy.averageRatingMinimum.hundredths,
    rqsWindowDays: policy.rqsWindowDays,
    rqsMinimumOrders: policy.rqsMinimumOrders,
    defaultReturnWindowDays: policy.defaultReturnWindowDays,
    transitAllowanceDays: policy.transitAllowanceDays,
  };
}

export function toDomainRates(rates: readonly EligibilityExchangeRateFragment[]): ExchangeRate[] {
  return rates.map(({ base, quote, validFrom, rate }) => ({ base, quote, validFrom, rate }));
}

/**
 * The seller's order counts as the server passes them on submission: none for an existing seller
 * (its order data is not available yet, so a reviewer checks ODR), zero orders for a new one.
 */
export function ordersForSubmission(existingSeller: boolean): OrderCounts | null {
  return existingSeller ? null : { orders: 0, defectiveOrders: 0 };
}

export interface LiveEligibilityInput {
  readonly state: ApplicationFormState;
  readonly marketplace: MarketplaceCode;
  readonly policy: PolicyVersion;
  readonly exchangeRates: readonly ExchangeRate[];
  readonly now: Date;
}

/** The report the server would store if the form were saved and submitted at `now`: the same function, the same inputs. */
export function evaluateForm({
  state,
  marketplace,
  policy,
  exchangeRates,
  now,
}: LiveEligibilityInput): EligibilityReport {
  return evaluateEligibility({
    application: toApplicationInput(state, marketplace),
    policy,
    exchangeRates,
    orders: ordersForSubmission(state.existingSeller),
    now,
  });
}
