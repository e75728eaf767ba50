import { describe, expect, it } from 'vitest';

import { isReturnReasonCode, RETURN_REASON_CODES, RETURN_REASON_LABELS } from './return-request.js';

describe('return reason codes', () => {
  it('are the eight of SPEC 6, each with words for people', () => {
    expect(RETURN_REASON_CODES).toEqual([
      'DEFECTIVE',
      'DAMAGED_IN_TRANSIT',
      'NOT_AS_DESCRIBED',
      'WRONG_ITEM',
      'MISSING_PARTS',
      'NO_LONGER_NEEDED',
      'BETTER_PRICE_FOUND',
      'OTHER',
    ]);
    expect(Object.keys(RETURN_REASON_LABELS)).toEqual([...RETURN_REASON_CODES]);
  });

  it.each([
    ['DEFECTIVE', true],
    ['OTHER', true],
    ['defective', false],
    ['BROKEN', false],
    ['', false],
    [null, false],
    [3, false],
  ])('isReturnReasonCode(%j) -> %s', (value, expected) => {
    expect(isReturnReasonCode(value)).toBe(expected);
  });
});
