import { describe, expect, it } from 'vitest';

import { INITIAL_POLICY_PARAMETERS } from './policy.js';
import type { OfferStatus, SellerQualityStanding } from './quality.js';
import {
  compareRqsWorstFirst,
  evaluateOffer,
  evaluateSellerQuality,
  odrFigure,
  type OfferQualityInput,
  ratingFigure,
  reinstateSeller,
  rqsFigure,
  type SellerQualityInput,
  SellerStandingTransitionError,
  suspendSeller,
} from './quality-evaluation.js';
import { InvalidRatioError } from './ratio.js';

// The SPEC 2 values: offer RQS 95%, seller RQS 98%, ODR 0.80%, rating 3.70, 10 orders minimum.
const POLICY = INITIAL_POLICY_PARAMETERS.US;

const counts = (orders: number, defectiveOrders: number) => ({ orders, defectiveOrders });

/** A seller meeting every threshold, changed by `overrides`. */
const seller = (overrides: Partial<SellerQualityInput> = {}): SellerQualityInput => ({
  standing: 'GOOD',
  counts: { rqs: counts(1000, 0), odr: counts(1000, 0) },
  ratings: { sum: 450, count: 100 },
  offers: [],
  ...overrides,
});

const offer = (offerId: string, status: OfferStatus, orders: number, defective: number): OfferQualityInput => ({
  offerId,
  status,
  rqs: counts(orders, defective),
});

describe('the policy evaluation reads', () => {
  it('holds the SPEC 2 thresholds', () => {
    expect(POLICY).toMatchObject({
      offerRqsMinimumBps: 9500,
      sellerRqsMinimumBps: 9800,
      odrMaximumBps: 80,
      averageRatingMinimumHundredths: 370,
      rqsMinimumOrders: 10,
      rqsWindowDays: 90,
      odrWindowDays: 90,
    });
  });
});

describe('offer RQS: suppressed under 95% with at least 10 orders', () => {
  it.each([
    // orders, defective, suppressed
    [100, 5, false], // exactly 95.00%
    [100, 6, true], // 94.00%
    [20, 1, false], // 95% from small counts
    [20_000, 1000, false], // 95.000%
    [20_000, 1001, true], // 94.995%: displays as 95.00% yet is under
    [10, 0, false],
    [10, 1, true], // 90% with exactly the minimum orders
    [9, 8, false], // 11% but 9 orders: shown, not enforced
    [9, 0, false],
    [0, 0, false],
  ])('%d orders, %d with a complaint -> suppressed %s', (orders, defective, suppressed) => {
    const verdict = evaluateOffer(offer('o', 'ACTIVE', orders, defective), POLICY);
    expect(verdict.status).toBe(suppressed ? 'SUPPRESSED' : 'ACTIVE');
    expect(verdict.change).toEqual(suppressed ? { kind: 'OFFER_SUPPRESSED', offerId: 'o', reason: 'RQS' } : null);
  });

  it('9 orders are shown but not enforced; the 10th enforces the figure', () => {
    expect(rqsFigure(counts(9, 2), 9500, 10)).toEqual({
      orders: 9,
      defectiveOrders: 2,
      ratio: { numerator: 7, denominator: 9 },
      bps: 7778,
      minimumBps: 9500,
      minimumOrders: 10,
      enforced: false,
      breached: false,
      defectBudget: null,
    });
    expect(rqsFigure(counts(10, 2), 9500, 10)).toMatchObject({ enforced: true, breached: true, defectBudget: 0 });
  });

  it('gives the display figure rounded but decides on the exact ratio', () => {
    expect(rqsFigure(counts(20_000, 1001), 9500, 10)).toMatchObject({ bps: 9500, breached: true });
  });

  it.each<[OfferStatus, number, number, SellerQualityStanding, OfferStatus, string | null]>([
    ['ACTIVE', 100, 5, 'GOOD', 'ACTIVE', null],
    ['ACTIVE', 100, 6, 'GOOD', 'SUPPRESSED', 'OFFER_SUPPRESSED'],
    ['SUPPRESSED', 100, 6, 'GOOD', 'SUPPRESSED', null], // still under: no second email
    ['SUPPRESSED', 100, 5, 'GOOD', 'ACTIVE', 'OFFER_REINSTATED'], // recovered to exactly 95%
    ['SUPPRESSED', 9, 9, 'AT_RISK', 'ACTIVE', 'OFFER_REINSTATED'], // window drained below the minimum
    ['ACTIVE', 100, 0, 'SUSPENDED', 'SUPPRESSED', 'OFFER_SUPPRESSED'],
    ['SUPPRESSED', 100, 0, 'SUSPENDED', 'SUPPRESSED', null], // recovered, but the seller is suspended
  ])('%s offer, %d orders, %d defective, seller %s -> %s (%s)', (status, orders, defective, standing, next, kind) => {
    const verdict = evaluateOffer(offer('o', status, orders, defective), POLICY, standing);
    expect(verdict.status).toBe(next);
    expect(verdict.change?.kind ?? null).toBe(kind);
  });

  it('names the suspension as the reason when the seller is suspended', () => {
    expect(evaluateOffer(offer('o', 'ACTIVE', 100, 50), POLICY, 'SUSPENDED').change).toEqual({
      kind: 'OFFER_SUPPRESSED',
      offerId: 'o',
      reason: 'SELLER_SUSPENDED',
    });
  });
});

describe('seller figures at their thresholds', () => {
  it.each([
    // RQS at least 98% (enforced from 10 orders, like an offer's)
    ['RQS exactly 98.00%', seller({ counts: { rqs: counts(100, 2), odr: counts(100, 0) } }), []],
    ['RQS 97.00%', seller({ counts: { rqs: counts(100, 3), odr: counts(100, 0) } }), ['RQS']],
    ['RQS 97.99% (4899 of 5000)', seller({ counts: { rqs: counts(5000, 101), odr: counts(5000, 0) } }), ['RQS']],
    ['RQS under 98% over 9 orders', seller({ counts: { rqs: counts(9, 1), odr: counts(9, 0) } }), []],
    // ODR at most 0.80%
    ['ODR exactly 0.80%', seller({ counts: { rqs: counts(10_000, 0), odr: counts(10_000, 80) } }), []],
    ['ODR 0.81%', seller({ counts: { rqs: counts(10_000, 0), odr: counts(10_000, 81) } }), ['ODR']],
    ['ODR 1 of 125 = 0.80%', seller({ counts: { rqs: counts(125, 0), odr: counts(125, 1) } }), []],
    ['ODR 1 of 124 = 0.806%', seller({ counts: { rqs: counts(124, 0), odr: counts(124, 1) } }), ['ODR']],
    ['ODR from the first order', seller({ counts: { rqs: counts(1, 0), odr: counts(1, 1) } }), ['ODR']],
    ['no orders at all', seller({ counts: { rqs: counts(0, 0), odr: counts(0, 0) } }), []],
    // Average rating at least 3.70
    ['rating exactly 3.70', seller({ ratings: { sum: 370, count: 100 } }), []],
    ['rating 3.69', seller({ ratings: { sum: 369, count: 100 } }), ['RATING']],
    ['rating 3.699 (displays 3.70)', seller({ ratings: { sum: 3699, count: 1000 } }), ['RATING']],
    ['no ratings', seller({ ratings: { sum: 0, count: 0 } }), []],
    [
      'all three missed',
      seller({ counts: { rqs: counts(100, 3), odr: counts(100, 1) }, ratings: { sum: 10, count: 5 } }),
      ['RQS', 'ODR', 'RATING'],
    ],
  ])('%s -> breaches %j', (_label, input, breaches) => {
    const evaluation = evaluateSellerQuality(input, POLICY);
    expect(evaluation.breaches).toEqual(breaches);
    expect(evaluation.standing).toBe(breaches.length > 0 ? 'AT_RISK' : 'GOOD');
  });

  it('reads each figure against its own threshold', () => {
    const evaluation = evaluateSellerQuality(
      seller({ counts: { rqs: counts(100, 1), odr: counts(125, 1) }, ratings: { sum: 37, count: 10 } }),
      POLICY,
    );
    expect(evaluation.rqs).toMatchObject({ bps: 9900, minimumBps: 9800, breached: false, defectBudget: 1 });
    expect(evaluation.odr).toMatchObject({ bps: 80, maximumBps: 80, breached: false, defectBudget: 0 });
    expect(evaluation.rating).toEqual({
      ratings: 10,
      starsTotal: 37,
      averageHundredths: 370,
      minimumHundredths: 370,
      enforced: true,
      breached: false,
    });
  });

  it('has no figure to enforce over an empty window', () => {
    expect(odrFigure(counts(0, 0), 80)).toMatchObject({ ratio: null, bps: null, enforced: false, defectBudget: null });
    expect(rqsFigure(counts(0, 0), 9800, 0)).toMatchObject({ ratio: null, enforced: false, breached: false });
    expect(ratingFigure({ sum: 0, count: 0 }, 370)).toMatchObject({ averageHundredths: null, enforced: false });
  });

  it('refuses counts that cannot be', () => {
    expect(() => evaluateSellerQuality(seller({ counts: { rqs: counts(1, 2), odr: counts(1, 0) } }), POLICY)).toThrow(
      InvalidRatioError,
    );
    expect(() => evaluateSellerQuality(seller({ ratings: { sum: 30, count: 5 } }), POLICY)).toThrow(InvalidRatioError);
  });
});

describe('seller standing after an evaluation', () => {
  const healthy = seller();
  const under = seller({ counts: { rqs: counts(100, 3), odr: counts(100, 0) } });

  it.each<[SellerQualityStanding, SellerQualityInput, SellerQualityStanding, object | null]>([
    ['GOOD', healthy, 'GOOD', null],
    ['GOOD', under, 'AT_RISK', { kind: 'SELLER_AT_RISK', breaches: ['RQS'] }],
    ['AT_RISK', under, 'AT_RISK', null], // no second entry while it stays under
    ['AT_RISK', healthy, 'GOOD', { kind: 'SELLER_RECOVERED' }],
    ['SUSPENDED', healthy, 'SUSPENDED', null], // only a reviewer lifts a suspension
    ['SUSPENDED', under, 'SUSPENDED', null],
  ])('%s seller -> %s', (standing, input, next, change) => {
    const evaluation = evaluateSellerQuality({ ...input, standing }, POLICY);
    expect(evaluation.standing).toBe(next);
    expect(evaluation.changes).toEqual(change ? [change] : []);
  });

  it('lists the seller change first, then each offer change in input order', () => {
    const evaluation = evaluateSellerQuality(
      {
        ...under,
        offers: [
          offer('fine', 'ACTIVE', 100, 0),
          offer('bad', 'ACTIVE', 100, 6),
          offer('back', 'SUPPRESSED', 100, 5),
          offer('new', 'ACTIVE', 9, 9),
        ],
      },
      POLICY,
    );
    expect(evaluation.changes).toEqual([
      { kind: 'SELLER_AT_RISK', breaches: ['RQS'] },
      { kind: 'OFFER_SUPPRESSED', offerId: 'bad', reason: 'RQS' },
      { kind: 'OFFER_REINSTATED', offerId: 'back' },
    ]);
    expect(evaluation.offers.map((o) => [o.offerId, o.status])).toEqual([
      ['fine', 'ACTIVE'],
      ['bad', 'SUPPRESSED'],
      ['back', 'ACTIVE'],
      ['new', 'ACTIVE'],
    ]);
  });

  it('makes no change when evaluated twice in a row', () => {
    const first = evaluateSellerQuality({ ...under, offers: [offer('bad', 'ACTIVE', 100, 6)] }, POLICY);
    const second = evaluateSellerQuality(
      {
        ...under,
        standing: first.standing,
        offers: first.offers.map((o) => ({ offerId: o.offerId, status: o.status, rqs: counts(100, 6) })),
      },
      POLICY,
    );
    expect(first.changes).toHaveLength(2);
    expect(second.changes).toEqual([]);
  });
});

describe('suspension and reinstatement by a reviewer', () => {
  const offers = [offer('fine', 'ACTIVE', 100, 0), offer('bad', 'SUPPRESSED', 100, 6)];

  it('suspends a seller and every active offer with it', () => {
    for (const standing of ['GOOD', 'AT_RISK'] as const) {
      const evaluation = suspendSeller(seller({ standing, offers }), POLICY);
      expect(evaluation.standing).toBe('SUSPENDED');
      expect(evaluation.changes).toEqual([
        { kind: 'SELLER_SUSPENDED' },
        { kind: 'OFFER_SUPPRESSED', offerId: 'fine', reason: 'SELLER_SUSPENDED' },
      ]);
    }
  });

  it('reinstates into good standing, with only the offers that meet 95% back on sale', () => {
    const suspendedOffers = [offer('fine', 'SUPPRESSED', 100, 0), offer('bad', 'SUPPRESSED', 100, 6)];
    const evaluation = reinstateSeller(seller({ standing: 'SUSPENDED', offers: suspendedOffers }), POLICY);
    expect(evaluation.standing).toBe('GOOD');
    expect(evaluation.changes).toEqual([
      { kind: 'SELLER_REINSTATED', standing: 'GOOD' },
      { kind: 'OFFER_REINSTATED', offerId: 'fine' },
    ]);
  });

  it('reinstates into AT_RISK when the figures are still under', () => {
    const input = seller({ standing: 'SUSPENDED', ratings: { sum: 369, count: 100 } });
    expect(reinstateSeller(input, POLICY).changes).toEqual([{ kind: 'SELLER_REINSTATED', standing: 'AT_RISK' }]);
  });

  it.each<[SellerQualityStanding, typeof suspendSeller, RegExp]>([
    ['SUSPENDED', suspendSeller, /already suspended/],
    ['GOOD', reinstateSeller, /Only a suspended seller can be reinstated; this seller is in good standing/],
    ['AT_RISK', reinstateSeller, /this seller is at risk/],
  ])('refuses a %s seller: %s', (standing, action, message) => {
    const attempt = () => action(seller({ standing }), POLICY);
    expect(attempt).toThrow(SellerStandingTransitionError);
    expect(attempt).toThrow(message);
    expect(attempt).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
  });
});

describe('compareRqsWorstFirst', () => {
  it('sorts the lowest exact RQS first, more orders first on a tie, no orders last', () => {
    const figures = [
      ['none', rqsFigure(counts(0, 0), 9500, 10)],
      ['95% of 20', rqsFigure(counts(20, 1), 9500, 10)],
      ['94.995%', rqsFigure(counts(20_000, 1001), 9500, 10)],
      ['100%', rqsFigure(counts(3, 0), 9500, 10)],
      ['95% of 100', rqsFigure(counts(100, 5), 9500, 10)],
      ['50%', rqsFigure(counts(2, 1), 9500, 10)],
    ] as const;
    const sorted = [...figures].sort(([, a], [, b]) => compareRqsWorstFirst(a, b)).map(([name]) => name);
    expect(sorted).toEqual(['50%', '94.995%', '95% of 100', '95% of 20', '100%', 'none']);
  });
});
