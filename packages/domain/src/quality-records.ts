import { FORBIDDEN_IN_NAMES, FORBIDDEN_IN_TEXT, TEXT_LIMITS } from './input-limits.js';
import type { CurrencyCode } from './money.js';
import { PRODUCT_RATING_MAX_STARS, PRODUCT_RATING_MIN_STARS } from './quality.js';

/*
 * What a quality record sent by the marketplace's systems may hold (SPEC 5, SPEC 9), once its
 * fields are read as values (text, whole numbers, instants): one rule set for the GraphQL upserts
 * and the bulk import, so a record refused by one is refused by the other with the same field and
 * rule. Each check returns every problem of the record at once (an empty list: the record is good);
 * references to other records (unknown offer, unknown order) need the database and are named here
 * only as rules, for the writers to report the same way.
 *
 * Field names are those of the GraphQL inputs (camelCase), e.g. `deliveredAt`, `stars`.
 */

export const QUALITY_RECORD_RULES = [
  /** Required text is empty. */
  'EMPTY',
  /** Text longer than its column. */
  'TOO_LONG',
  /** Control characters or direction overrides in text. */
  'FORBIDDEN_CHARACTERS',
  /** An instant that cannot be a real one for this record: before 2000, or in the future. */
  'BAD_DATE',
  /** Shipped, delivered, filed, reported or rated before the order was placed. */
  'BEFORE_ORDERED',
  /** Delivered before it shipped. */
  'DELIVERED_BEFORE_SHIPPED',
  /** Quantity under 1. */
  'QUANTITY_NOT_POSITIVE',
  /** Stars not a whole number from 1 to 5. */
  'STARS_OUT_OF_RANGE',
  /** A negative price, or one not in whole minor units. */
  'BAD_PRICE',
  /** A price in another currency than the marketplace's. */
  'CURRENCY_MISMATCH',
  /** The seller named is not a seller organization of the program. */
  'UNKNOWN_SELLER',
  /** No offer with that external id in the marketplace. */
  'UNKNOWN_OFFER',
  /** No order with that external id in the marketplace. */
  'UNKNOWN_ORDER',
  /** A rating's order is an order of another offer. */
  'ORDER_OF_ANOTHER_OFFER',
  /** The seller already lists another offer (another external id) with this SKU in the marketplace. */
  'SKU_TAKEN',
  /** A record sent again under its external id with another seller, marketplace or order: ids are for life. */
  'CHANGED_OWNER',
] as const;
export type QualityRecordRule = (typeof QUALITY_RECORD_RULES)[number];

/** One field at fault in one record. */
export interface QualityRecordProblem {
  readonly field: string;
  readonly rule: QualityRecordRule;
  readonly message: string;
}

/** The earliest instant a record may carry: older is a typo or a zero date. */
export const EARLIEST_QUALITY_INSTANT = new Date('2000-01-01T00:00:00Z');
/** How far ahead of the receiving clock a sender's clock may run before an instant is "in the future". */
export const QUALITY_CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface OfferRecordFields {
  readonly sku: string;
  readonly productName: string;
  readonly brand: string;
  readonly category: string;
  readonly condition: string;
  readonly priceAmountMinor: number;
  readonly priceCurrency: string;
}

export interface OrderRecordFields {
  readonly buyerReference: string;
  readonly quantity: number;
  readonly orderedAt: Date;
  readonly shippedAt: Date | null;
  readonly deliveredAt: Date | null;
}

/** What the checks of defects, complaints and ratings need of the order they name. */
export interface OrderForChecks {
  readonly offerId: string;
  readonly orderedAt: Date;
}

export interface OrderDefectRecordFields {
  readonly reportedAt: Date;
}

export interface ComplaintRecordFields {
  readonly filedAt: Date;
  readonly note: string | null;
}

export interface ProductRatingRecordFields {
  readonly stars: number;
  readonly ratedAt: Date;
}

export function checkOfferRecord(offer: OfferRecordFields, marketplaceCurrency: CurrencyCode): QualityRecordProblem[] {
  const problems: QualityRecordProblem[] = [];
  checkName(problems, 'sku', offer.sku, TEXT_LIMITS.sku);
  checkName(problems, 'productName', offer.productName, TEXT_LIMITS.productName);
  checkName(problems, 'brand', offer.brand, TEXT_LIMITS.brand);
  checkName(problems, 'category', offer.category, TEXT_LIMITS.category);
  checkName(problems, 'condition', offer.condition, TEXT_LIMITS.offerCondition);
  if (!Number.isSafeInteger(offer.priceAmountMinor) || offer.priceAmountMinor < 0) {
    problems.push({
      field: 'price.amountMinor',
      rule: 'BAD_PRICE',
      message: `must be a whole number of minor units, 0 or more; got ${offer.priceAmountMinor}`,
    });
  }
  if (offer.priceCurrency !== marketplaceCurrency) {
    problems.push({
      field: 'price.currency',
      rule: 'CURRENCY_MISMATCH',
      message: `must be ${marketplaceCurrency}, the marketplace's currency; got ${offer.priceCurrency}`,
    });
  }
  return problems;
}

/** `receivedAt`: the receiving clock; instants later than it (plus a little skew) are refused. */
export function checkOrderRecord(order: OrderRecordFields, receivedAt: Date): QualityRecordProblem[] {
  const problems: QualityRecordProblem[] = [];
  checkName(problems, 'buyerReference', order.buyerReference, TEXT_LIMITS.buyerReference);
  if (!Number.isSafeInteger(order.quantity) || order.quantity < 1) {
    problems.push({
      field: 'quantity',
      rule: 'QUANTITY_NOT_POSITIVE',
      message: `must be a whole number, 1 or more; got ${order.quantity}`,
    });
  }
  const { orderedAt, shippedAt, deliveredAt } = order;
  const ordered = checkInstant(problems, 'orderedAt', orderedAt, receivedAt);
  const shipped = shippedAt !== null && checkInstant(problems, 'shippedAt', shippedAt, receivedAt) ? shippedAt : null;
  const delivered =
    deliveredAt !== null && checkInstant(problems, 'deliveredAt', deliveredAt, receivedAt) ? deliveredAt : null;
  if (ordered && shipped) checkNotBeforeOrder(problems, 'shippedAt', shipped, orderedAt, 'shipped');
  if (ordered && delivered) checkNotBeforeOrder(problems, 'deliveredAt', delivered, orderedAt, 'delivered');
  if (shipped && delivered && delivered.getTime() < shipped.getTime()) {
    problems.push({
      field: 'deliveredAt',
      rule: 'DELIVERED_BEFORE_SHIPPED',
      message: `${delivered.toISOString()} is before the shipment (${shipped.toISOString()})`,
    });
  }
  return problems;
}

export function checkOrderDefectRecord(
  defect: OrderDefectRecordFields,
  order: OrderForChecks,
  receivedAt: Date,
): QualityRecordProblem[] {
  const problems: QualityRecordProblem[] = [];
  if (checkInstant(problems, 'reportedAt', defect.reportedAt, receivedAt)) {
    checkNotBeforeOrder(problems, 'reportedAt', defect.reportedAt, order.orderedAt, 'reported');
  }
  return problems;
}

export function checkComplaintRecord(
  complaint: ComplaintRecordFields,
  order: OrderForChecks,
  receivedAt: Date,
): QualityRecordProblem[] {
  const problems: QualityRecordProblem[] = [];
  if (checkInstant(problems, 'filedAt', complaint.filedAt, receivedAt)) {
    checkNotBeforeOrder(problems, 'filedAt', complaint.filedAt, order.orderedAt, 'filed');
  }
  if (complaint.note !== null) {
    if (complaint.note.length > TEXT_LIMITS.complaintNote) {
      problems.push({
        field: 'note',
        rule: 'TOO_LONG',
        message: `must be at most ${TEXT_LIMITS.complaintNote} characters`,
      });
    } else if (FORBIDDEN_IN_TEXT.test(complaint.note)) {
      problems.push({ field: 'note', rule: 'FORBIDDEN_CHARACTERS', message: 'must not hold control characters' });
    }
  }
  return problems;
}

/** `offerId`: the offer rated; `order`: the order named with it, if any. */
export function checkProductRatingRecord(
  rating: ProductRatingRecordFields,
  offerId: string,
  order: OrderForChecks | null,
  receivedAt: Date,
): QualityRecordProblem[] {
  const problems: QualityRecordProblem[] = [];
  if (
    !Number.isInteger(rating.stars) ||
    rating.stars < PRODUCT_RATING_MIN_STARS ||
    rating.stars > PRODUCT_RATING_MAX_STARS
  ) {
    problems.push({
      field: 'stars',
      rule: 'STARS_OUT_OF_RANGE',
      message: `must be a whole number of stars from ${PRODUCT_RATING_MIN_STARS} to ${PRODUCT_RATING_MAX_STARS}; got ${rating.stars}`,
    });
  }
  const rated = checkInstant(problems, 'ratedAt', rating.ratedAt, receivedAt);
  if (order) {
    if (order.offerId !== offerId) {
      problems.push({
        field: 'orderExternalId',
        rule: 'ORDER_OF_ANOTHER_OFFER',
        message: 'names an order of another offer than the one rated',
      });
    } else if (rated) {
      checkNotBeforeOrder(problems, 'ratedAt', rating.ratedAt, order.orderedAt, 'rated');
    }
  }
  return problems;
}

/** The message a writer gives for a reference it could not find. */
export function unknownReference(
  field: string,
  rule: Extract<QualityRecordRule, 'UNKNOWN_SELLER' | 'UNKNOWN_OFFER' | 'UNKNOWN_ORDER'>,
  value: string,
  marketplace?: string,
): QualityRecordProblem {
  const what = rule === 'UNKNOWN_SELLER' ? 'seller' : rule === 'UNKNOWN_OFFER' ? 'offer' : 'order';
  return {
    field,
    rule,
    message: `no ${what} ${JSON.stringify(value)}${marketplace ? ` in marketplace ${marketplace}` : ''}`,
  };
}

// --- internals -------------------------------------------------------------------------------

function checkName(problems: QualityRecordProblem[], field: string, value: string, max: number): void {
  if (value.trim().length === 0) problems.push({ field, rule: 'EMPTY', message: 'must not be empty' });
  else if (value.length > max) problems.push({ field, rule: 'TOO_LONG', message: `must be at most ${max} characters` });
  else if (FORBIDDEN_IN_NAMES.test(value)) {
    problems.push({ field, rule: 'FORBIDDEN_CHARACTERS', message: 'must not hold control characters or line breaks' });
  }
}

/** True when the instant is a usable one; otherwise records why. */
function checkInstant(problems: QualityRecordProblem[], field: string, value: Date, receivedAt: Date): boolean {
  const time = value.getTime();
  if (Number.isNaN(time) || time < EARLIEST_QUALITY_INSTANT.getTime()) {
    problems.push({ field, rule: 'BAD_DATE', message: 'must be a date-time in 2000 or later' });
    return false;
  }
  if (time > receivedAt.getTime() + QUALITY_CLOCK_SKEW_MS) {
    problems.push({ field, rule: 'BAD_DATE', message: `${value.toISOString()} is in the future` });
    return false;
  }
  return true;
}

function checkNotBeforeOrder(
  problems: QualityRecordProblem[],
  field: string,
  value: Date,
  orderedAt: Date,
  verb: string,
): void {
  if (value.getTime() < orderedAt.getTime()) {
    problems.push({
      field,
      rule: 'BEFORE_ORDERED',
      message: `${verb} ${value.toISOString()}, before the order was placed (${orderedAt.toISOString()})`,
    });
  }
}
