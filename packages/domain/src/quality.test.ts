import { describe, expect, it } from 'vitest';

import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_SOURCE_LABELS,
  COMPLAINT_SOURCES,
  isComplaintCategory,
  isComplaintSource,
  isOfferStatus,
  isOrderDefectKind,
  isProductRatingStars,
  isSellerQualityStanding,
  OFFER_STATUSES,
  ORDER_DEFECT_KINDS,
  SELLER_QUALITY_STANDINGS,
} from './quality.js';

describe('the lists of SPEC 5', () => {
  it('are the values the marketplace systems send', () => {
    expect(OFFER_STATUSES).toEqual(['ACTIVE', 'SUPPRESSED']);
    expect(ORDER_DEFECT_KINDS).toEqual(['NEGATIVE_FEEDBACK', 'A_TO_Z_CLAIM', 'CHARGEBACK']);
    expect(COMPLAINT_SOURCES).toEqual(['EMAIL', 'PRODUCT_REVIEW', 'SELLER_FEEDBACK', 'CUSTOMER_SERVICE_CALL']);
    expect(COMPLAINT_CATEGORIES).toEqual([
      'NOT_WORKING',
      'COSMETIC_DAMAGE',
      'MISSING_ACCESSORIES',
      'WRONG_ITEM',
      'BATTERY',
      'OTHER',
    ]);
    expect(SELLER_QUALITY_STANDINGS).toEqual(['GOOD', 'AT_RISK', 'SUSPENDED']);
  });

  it('give every source and category a distinct label for the charts', () => {
    const sources = Object.values(COMPLAINT_SOURCE_LABELS);
    const categories = Object.values(COMPLAINT_CATEGORY_LABELS);
    expect(new Set(sources).size).toBe(COMPLAINT_SOURCES.length);
    expect(new Set(categories).size).toBe(COMPLAINT_CATEGORIES.length);
  });
});

describe('guards for text input', () => {
  it.each([
    [isOfferStatus, 'SUPPRESSED', true],
    [isOfferStatus, 'suppressed', false],
    [isOrderDefectKind, 'A_TO_Z_CLAIM', true],
    [isOrderDefectKind, 'RETURN', false],
    [isComplaintSource, 'CUSTOMER_SERVICE_CALL', true],
    [isComplaintSource, 'PHONE', false],
    [isComplaintCategory, 'BATTERY', true],
    [isComplaintCategory, 'OTHER ', false],
    [isSellerQualityStanding, 'AT_RISK', true],
    [isSellerQualityStanding, 'HEALTHY', false],
    [isComplaintCategory, 42, false],
    [isComplaintSource, null, false],
  ] as const)('%o(%j) -> %s', (guard, value, expected) => {
    expect(guard(value)).toBe(expected);
  });
});

describe('isProductRatingStars', () => {
  it.each([
    [1, true],
    [5, true],
    [3, true],
    [0, false],
    [6, false],
    [4.5, false],
    [-1, false],
    [Number.NaN, false],
    ['5', false],
    [null, false],
  ])('%j -> %s', (value, expected) => {
    expect(isProductRatingStars(value)).toBe(expected);
  });
});
