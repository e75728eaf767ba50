import { describe, expect, it } from 'vitest';
import {
  checkComplaintRecord,
  checkOfferRecord,
  checkOrderDefectRecord,
  checkOrderRecord,
  checkProductRatingRecord,
  unknownReference,
  type OrderRecordFields,
} from './quality-records.js';

const NOW = new Date('2026-11-30T12:00:00Z');
const ORDERED = new Date('2026-11-01T10:00:00Z');
const at = (iso: string) => new Date(iso);
const rules = (problems: Array<{ field: string; rule: string }>) => problems.map((p) => `${p.field} ${p.rule}`);

const offer = {
  sku: 'PH-1',
  productName: 'Renewed phone',
  brand: 'Acme',
  category: 'Phones',
  condition: 'Renewed',
  priceAmountMinor: 19_999,
  priceCurrency: 'USD',
};
const order: OrderRecordFields = {
  buyerReference: 'buyer-1',
  quantity: 1,
  orderedAt: ORDERED,
  shippedAt: null,
  deliveredAt: null,
};
const theOrder = { offerId: 'offer-1', orderedAt: ORDERED };

describe('checkOfferRecord', () => {
  it.each([
    ['a good offer', {}, []],
    ['a free offer', { priceAmountMinor: 0 }, []],
    ['a negative price', { priceAmountMinor: -1 }, ['price.amountMinor BAD_PRICE']],
    ['a fractional price', { priceAmountMinor: 1.5 }, ['price.amountMinor BAD_PRICE']],
    ['another currency', { priceCurrency: 'CAD' }, ['price.currency CURRENCY_MISMATCH']],
    ['an empty SKU', { sku: '  ' }, ['sku EMPTY']],
    ['a SKU of 64 characters', { sku: 'S'.repeat(64) }, []],
    ['a SKU of 65 characters', { sku: 'S'.repeat(65) }, ['sku TOO_LONG']],
    ['a line break in a name', { productName: 'a\nb' }, ['productName FORBIDDEN_CHARACTERS']],
  ])('%s', (_, change, expected) => {
    expect(rules(checkOfferRecord({ ...offer, ...change }, 'USD'))).toEqual(expected);
  });
});

describe('checkOrderRecord', () => {
  it.each([
    ['a good order', {}, []],
    ['quantity 1', { quantity: 1 }, []],
    ['quantity 0', { quantity: 0 }, ['quantity QUANTITY_NOT_POSITIVE']],
    ['a negative quantity', { quantity: -2 }, ['quantity QUANTITY_NOT_POSITIVE']],
    ['a bad date', { orderedAt: new Date(Number.NaN) }, ['orderedAt BAD_DATE']],
    ['a date before 2000', { orderedAt: at('1999-12-31T23:59:59Z') }, ['orderedAt BAD_DATE']],
    ['an order 5 minutes ahead (clock skew)', { orderedAt: at('2026-11-30T12:05:00Z') }, []],
    ['an order in the future', { orderedAt: at('2026-11-30T12:05:01Z') }, ['orderedAt BAD_DATE']],
    ['delivered at the order instant', { deliveredAt: ORDERED }, []],
    ['delivered before ordered', { deliveredAt: at('2026-11-01T09:59:59Z') }, ['deliveredAt BEFORE_ORDERED']],
    ['shipped before ordered', { shippedAt: at('2026-10-31T10:00:00Z') }, ['shippedAt BEFORE_ORDERED']],
    [
      'delivered before shipped',
      { shippedAt: at('2026-11-03T10:00:00Z'), deliveredAt: at('2026-11-02T10:00:00Z') },
      ['deliveredAt DELIVERED_BEFORE_SHIPPED'],
    ],
    ['an empty buyer', { buyerReference: '' }, ['buyerReference EMPTY']],
    [
      'every problem at once',
      { quantity: 0, buyerReference: '' },
      ['buyerReference EMPTY', 'quantity QUANTITY_NOT_POSITIVE'],
    ],
  ])('%s', (_, change, expected) => {
    expect(rules(checkOrderRecord({ ...order, ...change }, NOW))).toEqual(expected);
  });
});

describe('checkComplaintRecord and checkOrderDefectRecord', () => {
  it.each([
    ['filed when ordered', ORDERED, []],
    ['filed weeks later', at('2026-11-29T10:00:00Z'), []],
    ['filed before the order', at('2026-11-01T09:00:00Z'), ['filedAt BEFORE_ORDERED']],
    ['filed in the future', at('2026-12-01T00:00:00Z'), ['filedAt BAD_DATE']],
  ])('a complaint %s', (_, filedAt, expected) => {
    expect(rules(checkComplaintRecord({ filedAt, note: null }, theOrder, NOW))).toEqual(expected);
  });

  it('refuses a note too long or with control characters, keeps line breaks', () => {
    expect(rules(checkComplaintRecord({ filedAt: ORDERED, note: 'x'.repeat(2001) }, theOrder, NOW))).toEqual([
      'note TOO_LONG',
    ]);
    expect(rules(checkComplaintRecord({ filedAt: ORDERED, note: 'a\u0000b' }, theOrder, NOW))).toEqual([
      'note FORBIDDEN_CHARACTERS',
    ]);
    expect(checkComplaintRecord({ filedAt: ORDERED, note: 'line 1\nline 2' }, theOrder, NOW)).toEqual([]);
  });

  it('refuses a defect reported before its order', () => {
    expect(rules(checkOrderDefectRecord({ reportedAt: at('2026-10-01T00:00:00Z') }, theOrder, NOW))).toEqual([
      'reportedAt BEFORE_ORDERED',
    ]);
    expect(checkOrderDefectRecord({ reportedAt: ORDERED }, theOrder, NOW)).toEqual([]);
  });
});

describe('checkProductRatingRecord', () => {
  it.each([
    [1, []],
    [5, []],
    [0, ['stars STARS_OUT_OF_RANGE']],
    [6, ['stars STARS_OUT_OF_RANGE']],
    [4.5, ['stars STARS_OUT_OF_RANGE']],
  ])('%s stars', (stars, expected) => {
    expect(rules(checkProductRatingRecord({ stars, ratedAt: ORDERED }, 'offer-1', null, NOW))).toEqual(expected);
  });

  it('refuses an order of another offer, and a rating before its order', () => {
    const rating = { stars: 4, ratedAt: at('2026-10-01T00:00:00Z') };
    expect(rules(checkProductRatingRecord(rating, 'offer-2', theOrder, NOW))).toEqual([
      'orderExternalId ORDER_OF_ANOTHER_OFFER',
    ]);
    expect(rules(checkProductRatingRecord(rating, 'offer-1', theOrder, NOW))).toEqual(['ratedAt BEFORE_ORDERED']);
    expect(checkProductRatingRecord(rating, 'offer-1', null, NOW)).toEqual([]);
  });
});

it('names an unknown reference with its marketplace', () => {
  expect(unknownReference('offerExternalId', 'UNKNOWN_OFFER', 'OF-9', 'US')).toEqual({
    field: 'offerExternalId',
    rule: 'UNKNOWN_OFFER',
    message: 'no offer "OF-9" in marketplace US',
  });
});
