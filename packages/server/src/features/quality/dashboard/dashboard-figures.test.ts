import { addCalendarDays, type DailyQualityRollup, INITIAL_POLICY_PARAMETERS, type IsoDate } from '@recertify/domain';
import { describe, expect, it } from 'vitest';
import { currentFigures, qualityTrend, trendRowsFrom, type TrendPolicy } from './dashboard-figures.js';

const US = INITIAL_POLICY_PARAMETERS.US;
const today = '2026-11-30' as IsoDate;
const day = (offset: number) => addCalendarDays(today, offset);
const row = (offset: number, orders: number, complaint = 0, defect = 0): DailyQualityRollup => ({
  date: day(offset),
  orders,
  ordersWithComplaint: complaint,
  ordersWithDefect: defect,
});

describe('qualityTrend', () => {
  it('has one point per day for 90 days, ending today', () => {
    const trend = qualityTrend([], today, () => US);
    expect(trend).toHaveLength(90);
    expect(trend[0]!.date).toBe(day(-89));
    expect(trend.at(-1)!.date).toBe(today);
    expect(trend.at(-1)!.rqsBps).toBeNull();
    expect(trend.at(-1)!.rqsMinimumBps).toBe(9_800);
    expect(trend.at(-1)!.odrMaximumBps).toBe(80);
  });

  it("counts a day's orders in each window holding it: day 90 in, day 91 out", () => {
    // Orders 89 days before today are on day 90 of today's window, 90 days before on day 91.
    const trend = qualityTrend([row(-89, 10, 1), row(-90, 5, 5)], today, () => US);
    expect(trend.at(-1)).toMatchObject({ rqsOrders: 10, rqsDefectiveOrders: 1, rqsBps: 9_000 });
    // Yesterday's window still held both days.
    expect(trend.at(-2)).toMatchObject({ rqsOrders: 15, rqsDefectiveOrders: 6 });
  });

  it('reaches back a full window before the first trend day', () => {
    expect(trendRowsFrom(today, 90)).toBe(day(-178));
    const trend = qualityTrend([row(-178, 4, 0, 1), row(-179, 100, 100, 100)], today, () => US);
    expect(trend[0]).toMatchObject({ odrOrders: 4, odrDefectiveOrders: 1, odrBps: 2_500 });
  });

  it('draws each day against the policy in force that day', () => {
    const stricter: TrendPolicy = { ...US, sellerRqsMinimumBps: 9_900 };
    const trend = qualityTrend([], today, (date) => (date >= day(-9) ? stricter : US));
    expect(trend.at(-11)!.rqsMinimumBps).toBe(9_800);
    expect(trend.at(-10)!.rqsMinimumBps).toBe(9_900);
  });

  it('keeps the orders of each day', () => {
    const trend = qualityTrend([row(0, 7), row(-1, 3)], today, () => US);
    expect(trend.at(-1)!.ordersThatDay).toBe(7);
    expect(trend.at(-2)!.ordersThatDay).toBe(3);
  });
});

describe('currentFigures', () => {
  const figures = (orders: number, complaints: number, defects = 0) =>
    currentFigures(qualityTrend([row(0, orders, complaints, defects)], today, () => US).at(-1)!, US);

  it.each([
    // 100 orders at 98%: 2 defective is on the threshold, budget 0; 1 defective leaves a budget of 1.
    [100, 2, false, 0],
    [100, 1, false, 1],
    [100, 3, true, 0],
  ])('RQS of %i orders with %i defective: breached %s, budget %i', (orders, complaints, breached, budget) => {
    const { rqs } = figures(orders, complaints);
    expect(rqs.breached).toBe(breached);
    expect(rqs.defectBudget).toBe(budget);
  });

  it('does not enforce RQS under the minimum orders (9 vs 10)', () => {
    expect(figures(9, 9).rqs).toMatchObject({ enforced: false, breached: false, defectBudget: null });
    expect(figures(10, 9).rqs).toMatchObject({ enforced: true, breached: true });
  });

  it('ODR 0.80% passes and 0.81% fails', () => {
    expect(figures(10_000, 0, 80).odr).toMatchObject({ breached: false, defectBudget: 0 });
    expect(figures(10_000, 0, 81).odr).toMatchObject({ breached: true, defectBudget: 0 });
    expect(figures(10_000, 0, 79).odr.defectBudget).toBe(1);
  });
});
