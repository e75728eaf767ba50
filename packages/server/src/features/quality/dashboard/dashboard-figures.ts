import {
  addCalendarDays,
  calendarDaysBetween,
  type DailyQualityRollup,
  type IsoDate,
  odrFigure,
  type OdrFigure,
  type PolicyParameters,
  ratioToBps,
  rqsFigure,
  type RqsFigure,
} from '@recertify/domain';

/*
 * The dashboard's figures from the seller's daily rollups (pure: the service loads the rows, this
 * sums them). A trend point is the trailing-window figure AS OF that day, so a chart point and the
 * card of the same day agree: each day's window is summed from the rows by prefix sums, one pass.
 */

/** The policy parameters the trend reads per day. */
export type TrendPolicy = Pick<
  PolicyParameters,
  'sellerRqsMinimumBps' | 'odrMaximumBps' | 'rqsWindowDays' | 'odrWindowDays' | 'rqsMinimumOrders'
>;

/** One day of the trend: the trailing figures on that day against the thresholds in force that day. */
export interface QualityTrendPoint {
  readonly date: IsoDate;
  /** Orders in the RQS window ending that day, and those with a valid complaint. */
  readonly rqsOrders: number;
  readonly rqsDefectiveOrders: number;
  /** RQS in basis points, rounded for display; null over no orders. */
  readonly rqsBps: number | null;
  readonly rqsMinimumBps: number;
  readonly odrOrders: number;
  readonly odrDefectiveOrders: number;
  readonly odrBps: number | null;
  readonly odrMaximumBps: number;
  /** Orders placed that very day (the rollup row of the day). */
  readonly ordersThatDay: number;
}

/** Days the dashboard's trend covers, ending today. */
export const TREND_DAYS = 90;

/**
 * The earliest order date the trend needs: the first trend day's window reaches back `window - 1`
 * days before it. The service loads rows from here to `today`.
 */
export function trendRowsFrom(today: IsoDate, longestWindowDays: number, days = TREND_DAYS): IsoDate {
  return addCalendarDays(today, -(days - 1) - (longestWindowDays - 1));
}

/**
 * The trailing figures of each of the `days` days ending `today`, from the seller's daily rows
 * (any order, gaps allowed; rows outside the range ignored). `policyOn` gives the parameters in
 * force on a day, so a new policy version moves the threshold line from its first day.
 */
export function qualityTrend(
  rows: Iterable<DailyQualityRollup>,
  today: IsoDate,
  policyOn: (date: IsoDate) => TrendPolicy,
  days = TREND_DAYS,
): QualityTrendPoint[] {
  const first = addCalendarDays(today, -(days - 1));
  const policies = Array.from({ length: days }, (_, i) => policyOn(addCalendarDays(first, i)));
  const longest = Math.max(1, ...policies.map((p) => Math.max(p.rqsWindowDays, p.odrWindowDays)));
  const start = addCalendarDays(first, -(longest - 1));
  const span = calendarDaysBetween(start, today) + 1;
  // prefix[i] = sums of the rows before day start + i.
  const orders = new Array<number>(span).fill(0);
  const complaints = new Array<number>(span).fill(0);
  const defects = new Array<number>(span).fill(0);
  for (const row of rows) {
    const at = calendarDaysBetween(start, row.date);
    if (at < 0 || at >= span) continue;
    orders[at] = orders[at]! + row.orders;
    complaints[at] = complaints[at]! + row.ordersWithComplaint;
    defects[at] = defects[at]! + row.ordersWithDefect;
  }
  const prefix = (values: number[]) => {
    const sums = [0];
    for (const value of values) sums.push(sums.at(-1)! + value);
    return sums;
  };
  const ordersSum = prefix(orders);
  const complaintsSum = prefix(complaints);
  const defectsSum = prefix(defects);
  const windowSum = (sums: number[], end: number, length: number) =>
    sums[end + 1]! - sums[Math.max(0, end + 1 - length)]!;

  return policies.map((policy, i) => {
    const end = span - days + i;
    const rqsOrders = windowSum(ordersSum, end, policy.rqsWindowDays);
    const rqsDefectiveOrders = windowSum(complaintsSum, end, policy.rqsWindowDays);
    const odrOrders = windowSum(ordersSum, end, policy.odrWindowDays);
    const odrDefectiveOrders = windowSum(defectsSum, end, policy.odrWindowDays);
    return {
      date: addCalendarDays(first, i),
      rqsOrders,
      rqsDefectiveOrders,
      rqsBps: rqsOrders === 0 ? null : ratioToBps(rqsOrders - rqsDefectiveOrders, rqsOrders),
      rqsMinimumBps: policy.sellerRqsMinimumBps,
      odrOrders,
      odrDefectiveOrders,
      odrBps: odrOrders === 0 ? null : ratioToBps(odrDefectiveOrders, odrOrders),
      odrMaximumBps: policy.odrMaximumBps,
      ordersThatDay: orders[end] ?? 0,
    };
  });
}

/** The seller's RQS and ODR today: the trend's last point against today's policy. */
export function currentFigures(
  today: QualityTrendPoint,
  policy: TrendPolicy,
): { readonly rqs: RqsFigure; readonly odr: OdrFigure } {
  return {
    rqs: rqsFigure(
      { orders: today.rqsOrders, defectiveOrders: today.rqsDefectiveOrders },
      policy.sellerRqsMinimumBps,
      policy.rqsMinimumOrders,
    ),
    odr: odrFigure({ orders: today.odrOrders, defectiveOrders: today.odrDefectiveOrders }, policy.odrMaximumBps),
  };
}
