import { describe, expect, it } from 'vitest';

import { MARKETPLACE_CODES, type MarketplaceCode } from './marketplace.js';
import { money } from './money.js';
import {
  IMAGE_VIEWS,
  INITIAL_POLICY_PARAMETERS,
  NoPolicyInForceError,
  PARAMETERS_MARKED_DEFAULT,
  POLICY_PARAMETER_LABELS,
  policyInForce,
  type PolicyParameters,
  type PolicyVersion,
  validatePolicyParameters,
} from './policy.js';

const NON_SCREEN_VIEWS = ['SHIPPING_BOX', 'INNER_PACKAGING', 'TOP', 'BOTTOM', 'FRONT', 'BACK', 'LEFT', 'RIGHT'];

describe('IMAGE_VIEWS', () => {
  it('holds the eight packaging and product views plus SCREEN_ON', () => {
    expect([...IMAGE_VIEWS]).toEqual([...NON_SCREEN_VIEWS, 'SCREEN_ON']);
  });
});

describe('INITIAL_POLICY_PARAMETERS', () => {
  const usd = (amountMinor: number) => money(amountMinor, 'USD');

  const shared = {
    purchaseWindowDays: 90,
    excludedItemMaxUnitPrice: usd(1_500),
    applePurchaseWindowDays: 90,
    minimumImages: 8,
    requiredViews: NON_SCREEN_VIEWS,
    screenProductsRequireScreenOn: true,
    odrMaximumBps: 80,
    odrWindowDays: 90,
    reviewDueBusinessDays: 10,
    offerRqsMinimumBps: 9_500,
    sellerRqsMinimumBps: 9_800,
    averageRatingMinimumHundredths: 370,
    rqsWindowDays: 90,
    rqsMinimumOrders: 10,
    defaultReturnWindowDays: 30,
    transitAllowanceDays: 15,
  };

  it.each([
    ['US', usd(5_000_000), usd(250_000_000), { kind: 'GUARANTEE_ACCEPTANCE' }],
    ['CA', usd(5_000_000), usd(7_500_000), { kind: 'MINIMUM_DAYS', minimumDays: 90 }],
    ['MX', usd(5_000_000), usd(250_000_000), { kind: 'GUARANTEE_ACCEPTANCE' }],
  ] as const)('%s has the SPEC 2 values', (code, qualifying, apple, warranty) => {
    expect(INITIAL_POLICY_PARAMETERS[code]).toEqual({
      ...shared,
      qualifyingPurchasesMinimum: qualifying,
      appleQualifyingPurchasesMinimum: apple,
      warranty,
    });
  });

  it.each(MARKETPLACE_CODES)('%s passes its own validation', (code) => {
    expect(validatePolicyParameters(INITIAL_POLICY_PARAMETERS[code])).toEqual([]);
  });
});

describe('PARAMETERS_MARKED_DEFAULT', () => {
  it.each([
    ['US', ['rqsWindowDays', 'rqsMinimumOrders', 'defaultReturnWindowDays']],
    ['CA', ['rqsWindowDays', 'rqsMinimumOrders', 'defaultReturnWindowDays']],
    [
      'MX',
      [
        'qualifyingPurchasesMinimum',
        'purchaseWindowDays',
        'excludedItemMaxUnitPrice',
        'appleQualifyingPurchasesMinimum',
        'applePurchaseWindowDays',
        'warranty',
        'rqsWindowDays',
        'rqsMinimumOrders',
        'defaultReturnWindowDays',
      ],
    ],
  ] as const)('%s', (code, names) => {
    expect([...PARAMETERS_MARKED_DEFAULT[code]].sort()).toEqual([...names].sort());
  });

  it('names only real parameters', () => {
    for (const names of Object.values(PARAMETERS_MARKED_DEFAULT)) {
      for (const name of names) expect(INITIAL_POLICY_PARAMETERS.US).toHaveProperty(name);
    }
  });
});

describe('POLICY_PARAMETER_LABELS', () => {
  it('labels every parameter and nothing else', () => {
    expect(Object.keys(POLICY_PARAMETER_LABELS).sort()).toEqual(Object.keys(INITIAL_POLICY_PARAMETERS.US).sort());
  });
});

describe('policyInForce', () => {
  const version = (marketplace: MarketplaceCode, number: number, effectiveFrom: string): PolicyVersion => ({
    ...INITIAL_POLICY_PARAMETERS[marketplace],
    marketplace,
    version: number,
    effectiveFrom: new Date(effectiveFrom),
  });
  const versions: PolicyVersion[] = [
    version('US', 2, '2026-06-01T07:00:00.000Z'),
    version('US', 1, '2026-01-01T08:00:00.000Z'),
    version('US', 3, '2027-01-01T08:00:00.000Z'),
    version('CA', 1, '2025-01-01T05:00:00.000Z'),
    version('CA', 2, '2026-03-01T05:00:00.000Z'),
  ];

  it.each([
    ['US', '2026-06-01T07:00:00.000Z', 2], // exactly at effectiveFrom
    ['US', '2026-06-01T06:59:59.999Z', 1], // one millisecond before
    ['US', '2026-01-01T08:00:00.000Z', 1],
    ['US', '2026-12-31T23:59:59.999Z', 2], // version 3 is still in the future
    ['US', '2027-01-01T08:00:00.000Z', 3],
    ['CA', '2026-02-15T00:00:00.000Z', 1], // US versions of that time are not CA's
    ['CA', '2026-06-01T07:00:00.000Z', 2],
  ] as const)('%s at %s is version %d', (marketplace, instant, expected) => {
    const found = policyInForce(versions, marketplace, new Date(instant));
    expect(found.marketplace).toBe(marketplace);
    expect(found.version).toBe(expected);
  });

  it('prefers the higher version number when two start at the same instant', () => {
    const tied = [version('MX', 4, '2026-01-01T06:00:00Z'), version('MX', 5, '2026-01-01T06:00:00Z')];
    expect(policyInForce(tied, 'MX', new Date('2026-02-01T00:00:00Z')).version).toBe(5);
    expect(policyInForce([...tied].reverse(), 'MX', new Date('2026-02-01T00:00:00Z')).version).toBe(5);
  });

  it.each([
    ['US', '2026-01-01T07:59:59.999Z'], // before the first US version
    ['MX', '2026-06-01T00:00:00.000Z'], // no MX version at all, other marketplaces ignored
  ] as const)('throws for %s at %s', (marketplace, instant) => {
    const run = () => policyInForce(versions, marketplace, new Date(instant));
    expect(run).toThrow(NoPolicyInForceError);
    expect(run).toThrow(`No ${marketplace} policy version is in force at ${instant}`);
    expect(run).toThrow(expect.objectContaining({ code: 'NO_POLICY_IN_FORCE', marketplace }));
  });

  it('refuses an invalid instant', () => {
    expect(() => policyInForce(versions, 'US', new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('validatePolicyParameters', () => {
  const base = INITIAL_POLICY_PARAMETERS.US;
  const withChange = (change: Partial<Record<keyof PolicyParameters, unknown>>) =>
    ({ ...base, ...change }) as PolicyParameters;

  it.each([
    [{ purchaseWindowDays: 0 }, /Qualifying purchases window \(days\) must be a whole number of at least 1; got 0/],
    [{ applePurchaseWindowDays: -5 }, /Apple purchases window/],
    [{ odrWindowDays: 1.5 }, /Order defect rate window/],
    [{ rqsWindowDays: 0 }, /RQS window/],
    [{ reviewDueBusinessDays: 0 }, /Review decision due/],
    [{ rqsMinimumOrders: 0 }, /Minimum orders before RQS/],
    [{ defaultReturnWindowDays: 0 }, /Return window after delivery/],
    [{ transitAllowanceDays: -1 }, /Transit allowance .* 0 or more; got -1/],
    [{ odrMaximumBps: -1 }, /Order defect rate maximum .* from 0 to 10000/],
    [{ offerRqsMinimumBps: 10_001 }, /Offer RQS minimum .* got 10001/],
    [{ sellerRqsMinimumBps: 98.5 }, /Seller RQS minimum/],
    [{ averageRatingMinimumHundredths: 99 }, /from 100 to 500 \(1\.00 to 5\.00 stars\); got 99/],
    [{ averageRatingMinimumHundredths: 501 }, /got 501/],
    [{ averageRatingMinimumHundredths: 3.7 }, /got 3\.7/],
    [
      { qualifyingPurchasesMinimum: money(5_000_000, 'CAD') },
      /Qualifying purchases minimum must be stated in USD .*not CAD/,
    ],
    [{ excludedItemMaxUnitPrice: money(1_500, 'MXN') }, /Excluded items: unit price at or below must be stated in USD/],
    [{ appleQualifyingPurchasesMinimum: money(-1, 'USD') }, /Apple refurbished purchases minimum .* 0 or more; got -1/],
    [{ warranty: { kind: 'MINIMUM_DAYS', minimumDays: 0 } }, /Warranty minimum .* at least 1; got 0/],
    [{ warranty: { kind: 'LIFETIME' } }, /Warranty must be GUARANTEE_ACCEPTANCE or MINIMUM_DAYS; got LIFETIME/],
    [{ requiredViews: [...NON_SCREEN_VIEWS, 'TOP'] }, /Required image views: TOP is listed twice/],
    [{ requiredViews: ['TOP', 'SIDEWAYS'] }, /"SIDEWAYS" is not an image view/],
    [{ minimumImages: 7 }, /Minimum sample images \(7\) is smaller than the 8 required views; raise it to at least 8/],
    [{ minimumImages: 0, requiredViews: [] }, /Minimum sample images must be a whole number of at least 1/],
  ])('reports %j', (change, problem) => {
    const problems = validatePolicyParameters(withChange(change));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(problem);
  });

  it.each([
    [{ odrMaximumBps: 0 }],
    [{ odrMaximumBps: 10_000 }],
    [{ averageRatingMinimumHundredths: 100 }],
    [{ averageRatingMinimumHundredths: 500 }],
    [{ transitAllowanceDays: 0 }],
    [{ excludedItemMaxUnitPrice: money(0, 'USD') }],
    [{ minimumImages: 8, requiredViews: NON_SCREEN_VIEWS }],
    [{ minimumImages: 3, requiredViews: ['FRONT', 'BACK', 'SCREEN_ON'] }],
    [{ warranty: { kind: 'MINIMUM_DAYS', minimumDays: 1 } }],
  ])('accepts the boundary %j', (change) => {
    expect(validatePolicyParameters(withChange(change))).toEqual([]);
  });

  it('reports every problem at once', () => {
    expect(
      validatePolicyParameters(withChange({ odrWindowDays: 0, odrMaximumBps: 20_000, minimumImages: 2 })),
    ).toHaveLength(3);
  });
});
