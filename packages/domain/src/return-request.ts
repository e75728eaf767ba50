/*
 * The words of a return request (SPEC 6): why the buyer wants to send an item back. The
 * marketplace's systems send a code; the seller reads the label in the email and the queue.
 */

export const RETURN_REASON_CODES = [
  'DEFECTIVE',
  'DAMAGED_IN_TRANSIT',
  'NOT_AS_DESCRIBED',
  'WRONG_ITEM',
  'MISSING_PARTS',
  'NO_LONGER_NEEDED',
  'BETTER_PRICE_FOUND',
  'OTHER',
] as const;

export type ReturnReasonCode = (typeof RETURN_REASON_CODES)[number];

/** Words for people: the seller's email says "Defective", never DEFECTIVE. */
export const RETURN_REASON_LABELS: Readonly<Record<ReturnReasonCode, string>> = {
  DEFECTIVE: 'Defective or does not work',
  DAMAGED_IN_TRANSIT: 'Damaged in transit',
  NOT_AS_DESCRIBED: 'Not as described',
  WRONG_ITEM: 'Wrong item sent',
  MISSING_PARTS: 'Missing parts or accessories',
  NO_LONGER_NEEDED: 'No longer needed',
  BETTER_PRICE_FOUND: 'Found a better price',
  OTHER: 'Other',
};

export function isReturnReasonCode(value: unknown): value is ReturnReasonCode {
  return typeof value === 'string' && (RETURN_REASON_CODES as readonly string[]).includes(value);
}
