/*
 * The vocabulary of quality (SPEC 5): what the marketplace's systems send in and the states that
 * evaluation moves. Constant arrays so the server derives its GraphQL enums and its import
 * validation from the same lists the rules use.
 */

/** An offer is listed (ACTIVE) or taken off sale by evaluation or a suspension (SUPPRESSED). */
export const OFFER_STATUSES = ['ACTIVE', 'SUPPRESSED'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** What makes an order defective for ODR. */
export const ORDER_DEFECT_KINDS = ['NEGATIVE_FEEDBACK', 'A_TO_Z_CLAIM', 'CHARGEBACK'] as const;
export type OrderDefectKind = (typeof ORDER_DEFECT_KINDS)[number];

/** Where a complaint counted by RQS came from. */
export const COMPLAINT_SOURCES = ['EMAIL', 'PRODUCT_REVIEW', 'SELLER_FEEDBACK', 'CUSTOMER_SERVICE_CALL'] as const;
export type ComplaintSource = (typeof COMPLAINT_SOURCES)[number];

/** What the customer says is wrong with the unit. */
export const COMPLAINT_CATEGORIES = [
  'NOT_WORKING',
  'COSMETIC_DAMAGE',
  'MISSING_ACCESSORIES',
  'WRONG_ITEM',
  'BATTERY',
  'OTHER',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

/**
 * A seller's standing in the program. Evaluation moves GOOD <-> AT_RISK by the figures; only a
 * reviewer moves a seller into or out of SUSPENDED.
 */
export const SELLER_QUALITY_STANDINGS = ['GOOD', 'AT_RISK', 'SUSPENDED'] as const;
export type SellerQualityStanding = (typeof SELLER_QUALITY_STANDINGS)[number];

/** The figures a seller is held to; a breach names the ones it misses. */
export const QUALITY_METRICS = ['RQS', 'ODR', 'RATING'] as const;
export type QualityMetric = (typeof QUALITY_METRICS)[number];

/** Product ratings are whole stars. */
export const PRODUCT_RATING_MIN_STARS = 1;
export const PRODUCT_RATING_MAX_STARS = 5;

/* Words for people: chart legends, table headers, emails. */

export const OFFER_STATUS_LABELS: Readonly<Record<OfferStatus, string>> = {
  ACTIVE: 'Active',
  SUPPRESSED: 'Suppressed',
};

export const ORDER_DEFECT_KIND_LABELS: Readonly<Record<OrderDefectKind, string>> = {
  NEGATIVE_FEEDBACK: 'Negative feedback',
  A_TO_Z_CLAIM: 'A-to-z Guarantee claim',
  CHARGEBACK: 'Chargeback',
};

export const COMPLAINT_SOURCE_LABELS: Readonly<Record<ComplaintSource, string>> = {
  EMAIL: 'Email',
  PRODUCT_REVIEW: 'Product review',
  SELLER_FEEDBACK: 'Seller feedback',
  CUSTOMER_SERVICE_CALL: 'Customer service call',
};

export const COMPLAINT_CATEGORY_LABELS: Readonly<Record<ComplaintCategory, string>> = {
  NOT_WORKING: 'Not working',
  COSMETIC_DAMAGE: 'Cosmetic damage',
  MISSING_ACCESSORIES: 'Missing accessories',
  WRONG_ITEM: 'Wrong item',
  BATTERY: 'Battery',
  OTHER: 'Other',
};

export const SELLER_QUALITY_STANDING_LABELS: Readonly<Record<SellerQualityStanding, string>> = {
  GOOD: 'Good standing',
  AT_RISK: 'At risk',
  SUSPENDED: 'Suspended',
};

export const QUALITY_METRIC_LABELS: Readonly<Record<QualityMetric, string>> = {
  RQS: 'Renewed quality score',
  ODR: 'Order defect rate',
  RATING: 'Average product rating',
};

/* Guards for values that arrive as text (import files, API input). */

export function isOfferStatus(value: unknown): value is OfferStatus {
  return isOneOf(OFFER_STATUSES, value);
}

export function isOrderDefectKind(value: unknown): value is OrderDefectKind {
  return isOneOf(ORDER_DEFECT_KINDS, value);
}

export function isComplaintSource(value: unknown): value is ComplaintSource {
  return isOneOf(COMPLAINT_SOURCES, value);
}

export function isComplaintCategory(value: unknown): value is ComplaintCategory {
  return isOneOf(COMPLAINT_CATEGORIES, value);
}

export function isSellerQualityStanding(value: unknown): value is SellerQualityStanding {
  return isOneOf(SELLER_QUALITY_STANDINGS, value);
}

/** A whole number of stars from 1 to 5: 0, 6 and 4.5 are not ratings. */
export function isProductRatingStars(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= PRODUCT_RATING_MIN_STARS &&
    value <= PRODUCT_RATING_MAX_STARS
  );
}

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
