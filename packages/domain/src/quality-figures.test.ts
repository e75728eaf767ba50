import { describe, expect, it } from 'vitest';

import { InvalidIsoDateError } from './calendar.js';
import {
  addRatingTallies,
  countsFromRecords,
  countsFromRollups,
  type DailyQualityRollup,
  dailyRollupsFromRecords,
  odrDefectBudget,
  odrRatio,
  type OrderIssueRecord,
  type OrderRollupState,
  orderRollupState,
  qualityWindows,
  type QualityOrderRecord,
  rollupDeltas,
  rqsDefectBudget,
  rqsRatio,
  sellerRollups,
  tallyRatings,
} from './quality-figures.js';
import { InvalidRatioError, ratioAtLeastBps, ratioAtMostBps } from './ratio.js';

const LA = 'America/Los_Angeles';
const at = (iso: string) => new Date(iso);
const NINETY = { rqsWindowDays: 90, odrWindowDays: 90 };
// Noon Pacific on 2026-04-30: the 90-day windows run 2026-01-31 (day 90) to 2026-04-30 (day 1).
const T = at('2026-04-30T19:00:00Z');
const WINDOWS = qualityWindows(T, NINETY, LA);

const order = (id: string, orderedAt: string, offerId = 'offer-1'): QualityOrderRecord => ({
  id,
  offerId,
  orderedAt: at(orderedAt),
});
const issue = (orderId: string, invalidatedAt: Date | null = null): OrderIssueRecord => ({ orderId, invalidatedAt });

describe('qualityWindows', () => {
  it('is the trailing 90 calendar days in the marketplace zone, both ends included', () => {
    expect(WINDOWS).toEqual({
      rqs: { from: '2026-01-31', to: '2026-04-30' },
      odr: { from: '2026-01-31', to: '2026-04-30' },
    });
  });

  it('gives each figure the length of its own policy window', () => {
    expect(qualityWindows(T, { rqsWindowDays: 90, odrWindowDays: 30 }, LA)).toEqual({
      rqs: { from: '2026-01-31', to: '2026-04-30' },
      odr: { from: '2026-04-01', to: '2026-04-30' },
    });
  });
});

describe('the window by order date (day 90 in, day 91 out)', () => {
  it.each([
    ['2026-01-31T08:00:00.000Z', 'day 90 at 00:00 Pacific', 1],
    ['2026-01-31T07:59:59.999Z', 'day 91 at 23:59:59.999 Pacific (already day 90 in UTC)', 0],
    ['2026-01-30T20:00:00.000Z', 'day 91 at noon', 0],
    ['2026-04-30T07:00:00.000Z', 'day 1 at 00:00 Pacific', 1],
    ['2026-05-01T06:59:59.999Z', 'day 1 at 23:59:59.999 Pacific (already the next day in UTC)', 1],
    ['2026-05-01T07:00:00.000Z', 'the day after', 0],
  ])('an order placed %s (%s) counts %d time(s)', (orderedAt, _label, expected) => {
    const counts = countsFromRecords([order('o1', orderedAt)], [issue('o1')], [issue('o1')], WINDOWS, LA);
    expect(counts.rqs).toEqual({ orders: expected, defectiveOrders: expected });
    expect(counts.odr).toEqual({ orders: expected, defectiveOrders: expected });
  });

  it('counts a complaint against its order, in the window of the order date', () => {
    // The complaint's own date plays no part: only the order's.
    const orders = [order('in', '2026-02-01T20:00:00Z'), order('out', '2026-01-29T20:00:00Z')];
    const counts = countsFromRecords(orders, [issue('in'), issue('out')], [], WINDOWS, LA);
    expect(counts.rqs).toEqual({ orders: 1, defectiveOrders: 1 });
  });
});

describe('orders with at least one valid complaint or defect', () => {
  const ORDERS = [
    order('o1', '2026-03-01T20:00:00Z'),
    order('o2', '2026-03-02T20:00:00Z'),
    order('o3', '2026-03-03T20:00:00Z'),
    order('o4', '2026-03-04T20:00:00Z'),
  ];
  const invalidated = at('2026-04-01T00:00:00Z');

  it.each<[string, OrderIssueRecord[], number]>([
    ['no complaints', [], 0],
    ['one complaint', [issue('o1')], 1],
    ['three complaints on one order count once', [issue('o1'), issue('o1'), issue('o1')], 1],
    ['complaints on two orders', [issue('o1'), issue('o2'), issue('o2')], 2],
    ['one of two complaints invalidated: still defective', [issue('o1', invalidated), issue('o1')], 1],
    ['both complaints invalidated: no longer defective', [issue('o1', invalidated), issue('o1', invalidated)], 0],
    ['a complaint on an order not given is ignored', [issue('elsewhere')], 0],
  ])('%s', (_label, complaints, defective) => {
    const counts = countsFromRecords(ORDERS, complaints, complaints, WINDOWS, LA);
    expect(counts.rqs).toEqual({ orders: 4, defectiveOrders: defective });
    expect(counts.odr).toEqual({ orders: 4, defectiveOrders: defective });
  });

  it('keeps complaints (RQS) and order defects (ODR) apart', () => {
    const counts = countsFromRecords(ORDERS, [issue('o1'), issue('o2')], [issue('o3')], WINDOWS, LA);
    expect(counts).toEqual({
      rqs: { orders: 4, defectiveOrders: 2 },
      odr: { orders: 4, defectiveOrders: 1 },
    });
  });

  it('refuses an order listed twice', () => {
    expect(() => countsFromRecords([ORDERS[0]!, ORDERS[0]!], [], [], WINDOWS, LA)).toThrow(/listed twice/);
  });
});

describe('daily rollups', () => {
  it('keys rows by offer and by order date in the marketplace zone', () => {
    const orders = [
      order('a1', '2026-03-02T07:30:00Z', 'A'), // 23:30 on 03-01 Pacific
      order('a2', '2026-03-02T08:30:00Z', 'A'), // 00:30 on 03-02
      order('a3', '2026-03-02T20:00:00Z', 'A'),
      order('b1', '2026-03-01T20:00:00Z', 'B'),
    ];
    const rows = dailyRollupsFromRecords(orders, [issue('a1'), issue('a2'), issue('a2')], [issue('a3')], LA);
    expect(rows).toEqual([
      { offerId: 'A', date: '2026-03-01', orders: 1, ordersWithComplaint: 1, ordersWithDefect: 0 },
      { offerId: 'A', date: '2026-03-02', orders: 2, ordersWithComplaint: 1, ordersWithDefect: 1 },
      { offerId: 'B', date: '2026-03-01', orders: 1, ordersWithComplaint: 0, ordersWithDefect: 0 },
    ]);
    expect(sellerRollups(rows)).toEqual([
      { date: '2026-03-01', orders: 2, ordersWithComplaint: 1, ordersWithDefect: 0 },
      { date: '2026-03-02', orders: 2, ordersWithComplaint: 1, ordersWithDefect: 1 },
    ]);
  });

  it('sum into each window the rows whose date it holds', () => {
    const rows: DailyQualityRollup[] = [
      { date: '2026-01-30', orders: 100, ordersWithComplaint: 50, ordersWithDefect: 50 }, // day 91
      { date: '2026-01-31', orders: 10, ordersWithComplaint: 1, ordersWithDefect: 2 }, // day 90
      { date: '2026-04-01', orders: 20, ordersWithComplaint: 3, ordersWithDefect: 0 },
      { date: '2026-04-30', orders: 5, ordersWithComplaint: 0, ordersWithDefect: 1 }, // day 1
      { date: '2026-05-01', orders: 7, ordersWithComplaint: 7, ordersWithDefect: 7 }, // after
    ];
    expect(countsFromRollups(rows, WINDOWS)).toEqual({
      rqs: { orders: 35, defectiveOrders: 4 },
      odr: { orders: 35, defectiveOrders: 3 },
    });
    const shortOdr = qualityWindows(T, { rqsWindowDays: 90, odrWindowDays: 30 }, LA);
    expect(countsFromRollups(rows, shortOdr).odr).toEqual({ orders: 25, defectiveOrders: 1 });
  });

  it.each<[string, DailyQualityRollup, typeof InvalidRatioError | typeof InvalidIsoDateError]>([
    [
      'more complaint orders than orders',
      { date: '2026-03-01', orders: 1, ordersWithComplaint: 2, ordersWithDefect: 0 },
      InvalidRatioError,
    ],
    [
      'more defect orders than orders',
      { date: '2026-03-01', orders: 1, ordersWithComplaint: 0, ordersWithDefect: 2 },
      InvalidRatioError,
    ],
    [
      'a negative count',
      { date: '2026-03-01', orders: -1, ordersWithComplaint: 0, ordersWithDefect: 0 },
      InvalidRatioError,
    ],
    ['a fraction', { date: '2026-03-01', orders: 1.5, ordersWithComplaint: 0, ordersWithDefect: 0 }, InvalidRatioError],
    ['a bad date', { date: '2026-02-30', orders: 1, ordersWithComplaint: 0, ordersWithDefect: 0 }, InvalidIsoDateError],
  ])('refuse %s', (_label, row, error) => {
    expect(() => countsFromRollups([row], WINDOWS)).toThrow(error);
    expect(() => sellerRollups([row])).toThrow(error);
  });
});

describe('rollupDeltas: how one order change moves the rows', () => {
  const state = (validComplaints: number, validDefects = 0, date = '2026-03-01', offerId = 'A'): OrderRollupState => ({
    offerId,
    date,
    validComplaints,
    validDefects,
  });
  const delta = (
    date: string,
    orders: number,
    ordersWithComplaint: number,
    ordersWithDefect: number,
    offerId = 'A',
  ) => ({
    offerId,
    date,
    orders,
    ordersWithComplaint,
    ordersWithDefect,
  });

  it.each<[string, OrderRollupState | null, OrderRollupState | null, ReturnType<typeof delta>[]]>([
    ['a new order', null, state(0), [delta('2026-03-01', 1, 0, 0)]],
    ['a new order arriving with a complaint and a defect', null, state(1, 1), [delta('2026-03-01', 1, 1, 1)]],
    [
      'a first complaint, filed weeks later: counts on the order date',
      state(0),
      state(1),
      [delta('2026-03-01', 0, 1, 0)],
    ],
    ['a second complaint: nothing moves', state(1), state(2), []],
    ['a third complaint: nothing moves', state(2), state(3), []],
    ['one of two complaints invalidated: still defective', state(2), state(1), []],
    ['the last valid complaint invalidated', state(1), state(0), [delta('2026-03-01', 0, -1, 0)]],
    ['a first order defect', state(1, 0), state(1, 1), [delta('2026-03-01', 0, 0, 1)]],
    ['the same order sent again', state(1, 1), state(1, 1), []],
    [
      'the order date corrected',
      state(1, 0, '2026-03-01'),
      state(1, 0, '2026-03-03'),
      [delta('2026-03-01', -1, -1, 0), delta('2026-03-03', 1, 1, 0)],
    ],
    [
      'the offer corrected',
      state(0, 1, '2026-03-01', 'A'),
      state(0, 1, '2026-03-01', 'B'),
      [delta('2026-03-01', -1, 0, -1, 'A'), delta('2026-03-01', 1, 0, 1, 'B')],
    ],
    ['an order removed', state(3, 1), null, [delta('2026-03-01', -1, -1, -1)]],
    ['nothing before or after', null, null, []],
  ])('%s', (_label, before, after, expected) => {
    expect(rollupDeltas(before, after)).toEqual(expected);
  });

  it('refuses a bad date or a negative count', () => {
    expect(() => rollupDeltas(null, state(0, 0, '2026-13-01'))).toThrow(InvalidIsoDateError);
    expect(() => rollupDeltas(null, state(-1))).toThrow(InvalidRatioError);
  });

  it('keep rows maintained change by change equal to rows rebuilt from the records', () => {
    // A deterministic stream of ingestion events over three offers and two weeks of order dates,
    // around midnight Pacific so the zone matters; after every event the maintained rows must be
    // the rebuilt ones.
    let seed = 20_260_430;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0;
      return Math.floor((seed / 2 ** 32) * n);
    };
    let repeatedComplaints = 0;
    let invalidationsKeepingDefective = 0;
    const orders = new Map<string, QualityOrderRecord>();
    let complaints: OrderIssueRecord[] = [];
    let defects: OrderIssueRecord[] = [];
    const maintained = new Map<string, DailyQualityRollup & { offerId: string }>();
    const stateOf = (id: string) => {
      const found = orders.get(id);
      return found ? orderRollupState(found, complaints, defects, LA) : null;
    };
    const randomInstant = () => new Date(Date.UTC(2026, 2, 1 + random(14), 6 + random(3), random(60)));
    const ids = () => [...orders.keys()];

    for (let step = 0; step < 600; step += 1) {
      const known = ids();
      const target = known.length > 0 && random(4) > 0 ? known[random(known.length)]! : `o${step}`;
      const before = stateOf(target);
      const invalidatedAt = at('2026-04-01T00:00:00Z');
      switch (before === null ? 0 : 1 + random(6)) {
        case 0:
          orders.set(target, { id: target, offerId: `offer-${random(3)}`, orderedAt: randomInstant() });
          break;
        case 1:
          if (before!.validComplaints > 0) repeatedComplaints += 1;
          complaints = [...complaints, issue(target)];
          break;
        case 2: {
          // Invalidate one valid complaint of the order, if it has one.
          if (before!.validComplaints > 1) invalidationsKeepingDefective += 1;
          const index = complaints.findIndex((c) => c.orderId === target && !c.invalidatedAt);
          if (index >= 0) complaints = complaints.map((c, i) => (i === index ? { ...c, invalidatedAt } : c));
          break;
        }
        case 3:
          defects = [...defects, issue(target)];
          break;
        case 4:
          orders.set(target, { ...orders.get(target)!, orderedAt: randomInstant() });
          break;
        case 5:
          orders.delete(target);
          complaints = complaints.filter((c) => c.orderId !== target);
          defects = defects.filter((d) => d.orderId !== target);
          break;
        default:
          orders.set(target, { ...orders.get(target)!, offerId: `offer-${random(3)}` });
      }
      for (const change of rollupDeltas(before, stateOf(target))) {
        const key = `${change.offerId} ${change.date}`;
        const row = maintained.get(key) ?? {
          offerId: change.offerId,
          date: change.date,
          orders: 0,
          ordersWithComplaint: 0,
          ordersWithDefect: 0,
        };
        const next = {
          ...row,
          orders: row.orders + change.orders,
          ordersWithComplaint: row.ordersWithComplaint + change.ordersWithComplaint,
          ordersWithDefect: row.ordersWithDefect + change.ordersWithDefect,
        };
        if (next.orders === 0) {
          expect(next).toMatchObject({ ordersWithComplaint: 0, ordersWithDefect: 0 });
          maintained.delete(key);
        } else {
          maintained.set(key, next);
        }
      }
      const rebuilt = dailyRollupsFromRecords([...orders.values()], complaints, defects, LA);
      const ordered = [...maintained.values()].sort(
        (a, b) => a.offerId.localeCompare(b.offerId) || a.date.localeCompare(b.date),
      );
      expect(ordered).toEqual(rebuilt);
    }
    // The stream did exercise the rule: second and third complaints, invalidating one of several.
    expect(repeatedComplaints).toBeGreaterThan(10);
    expect(invalidationsKeepingDefective).toBeGreaterThan(5);
    expect(orders.size).toBeGreaterThan(20);
  });
});

describe('rqsRatio and odrRatio', () => {
  it('are exact counts, null over no orders', () => {
    expect(rqsRatio({ orders: 200, defectiveOrders: 3 })).toEqual({ numerator: 197, denominator: 200 });
    expect(odrRatio({ orders: 200, defectiveOrders: 3 })).toEqual({ numerator: 3, denominator: 200 });
    expect(rqsRatio({ orders: 0, defectiveOrders: 0 })).toBeNull();
    expect(odrRatio({ orders: 0, defectiveOrders: 0 })).toBeNull();
  });

  it('refuse impossible counts', () => {
    expect(() => rqsRatio({ orders: 2, defectiveOrders: 3 })).toThrow(InvalidRatioError);
    expect(() => odrRatio({ orders: 2.5, defectiveOrders: 0 })).toThrow(InvalidRatioError);
  });
});

describe('the defect budget', () => {
  it.each([
    // orders, defective, budget: offer RQS at least 95%
    [100, 4, 1], // one more and it sits exactly on 95%
    [100, 5, 0], // exactly 95%: not one more
    [100, 6, 0], // already under: 0, never negative
    [100, 0, 5],
    [20, 0, 1],
    [19, 0, 0], // 18/19 = 94.7%
    [10, 0, 0], // the minimum number of orders: 9/10 = 90%
    [0, 0, 0],
    [20_000, 999, 1],
    [20_000, 1000, 0],
  ])('offer RQS 95%%: %d orders, %d defective -> %d more', (orders, defectiveOrders, expected) => {
    expect(rqsDefectBudget({ orders, defectiveOrders }, 9500)).toBe(expected);
  });

  it.each([
    [100, 1, 1],
    [100, 2, 0], // exactly 98%
    [100, 3, 0],
    [50, 0, 1],
    [49, 0, 0], // 48/49 = 97.96%
    [1000, 19, 1],
  ])('seller RQS 98%%: %d orders, %d defective -> %d more', (orders, defectiveOrders, expected) => {
    expect(rqsDefectBudget({ orders, defectiveOrders }, 9800)).toBe(expected);
  });

  it.each([
    [125, 0, 1], // 1/125 is exactly 0.80%
    [125, 1, 0],
    [124, 0, 0], // 1/124 = 0.806%
    [10_000, 79, 1],
    [10_000, 80, 0], // exactly 0.80%
    [10_000, 81, 0], // 0.81%: already over
    [1, 0, 0],
  ])('ODR 0.80%%: %d orders, %d defective -> %d more', (orders, defectiveOrders, expected) => {
    expect(odrDefectBudget({ orders, defectiveOrders }, 80)).toBe(expected);
  });

  it('is exactly the number of defective orders the threshold still allows, for every small count', () => {
    for (const [threshold, meets, budget] of [
      [9500, ratioAtLeastGood, rqsDefectBudget],
      [9800, ratioAtLeastGood, rqsDefectBudget],
      [80, ratioAtMostDefective, odrDefectBudget],
      [500, ratioAtMostDefective, odrDefectBudget],
    ] as const) {
      for (let orders = 1; orders <= 300; orders += 1) {
        for (let defectiveOrders = 0; defectiveOrders <= Math.min(orders, 20); defectiveOrders += 1) {
          const k = budget({ orders, defectiveOrders }, threshold);
          const stillMeets = (extra: number) =>
            defectiveOrders + extra <= orders && meets(defectiveOrders + extra, orders, threshold);
          if (stillMeets(0)) {
            expect(stillMeets(k)).toBe(true);
            expect(stillMeets(k + 1)).toBe(false);
          } else {
            expect(k).toBe(0);
          }
        }
      }
    }
  });

  it('refuses a threshold that is not 0 to 10000 basis points', () => {
    expect(() => rqsDefectBudget({ orders: 10, defectiveOrders: 0 }, 10_001)).toThrow(InvalidRatioError);
    expect(() => odrDefectBudget({ orders: 10, defectiveOrders: 0 }, 0.8)).toThrow(InvalidRatioError);
  });
});

function ratioAtLeastGood(defective: number, orders: number, minimumBps: number): boolean {
  return ratioAtLeastBps(orders - defective, orders, minimumBps);
}

function ratioAtMostDefective(defective: number, orders: number, maximumBps: number): boolean {
  return ratioAtMostBps(defective, orders, maximumBps);
}

describe('rating tallies', () => {
  it('sum whole stars and add up across offers', () => {
    expect(tallyRatings([5, 4, 4, 1])).toEqual({ sum: 14, count: 4 });
    expect(tallyRatings([])).toEqual({ sum: 0, count: 0 });
    expect(
      addRatingTallies([
        { sum: 14, count: 4 },
        { sum: 0, count: 0 },
        { sum: 23, count: 6 },
      ]),
    ).toEqual({
      sum: 37,
      count: 10,
    });
  });

  it.each([0, 6, 4.5, -3])('refuse a rating of %d stars', (stars) => {
    expect(() => tallyRatings([5, stars])).toThrow(InvalidRatioError);
  });

  it.each([
    { sum: 4, count: 5 }, // below one star each
    { sum: 26, count: 5 }, // above five stars each
    { sum: -1, count: 0 },
    { sum: 3.5, count: 1 },
  ])('refuse the impossible tally %j', (tally) => {
    expect(() => addRatingTallies([tally])).toThrow(InvalidRatioError);
  });
});
