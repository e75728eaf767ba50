import {
  type DateWindow,
  InvalidIsoDateError,
  isInDateWindow,
  isIsoDate,
  type IsoDate,
  localDateOf,
  trailingWindow,
} from './calendar.js';
import type { OrderCounts } from './eligibility.js';
import type { PolicyParameters } from './policy.js';
import { InvalidRatioError, type Ratio } from './ratio.js';
import { PRODUCT_RATING_MAX_STARS, PRODUCT_RATING_MIN_STARS } from './quality.js';

/*
 * The counts behind RQS and ODR (SPEC 5), exact. Both are "orders with at least one valid
 * complaint (RQS) or order defect (ODR), of the orders placed in the trailing window", so an order
 * with three complaints counts once, a complaint filed weeks later counts against the day its order
 * was placed, and invalidating one of two complaints leaves the order defective.
 *
 * The server keeps daily rollups per offer and per seller, keyed by ORDER date in the marketplace's
 * zone, so no figure reads raw orders: each row holds that day's orders and how many of them have a
 * valid complaint / a defect. rollupDeltas says how one order's change moves those rows; the
 * window figure is the sum of the rows in the window (countsFromRollups).
 */

/** The windows of one evaluation: RQS and ODR each have their own length in the policy. */
export interface QualityWindows {
  readonly rqs: DateWindow;
  readonly odr: DateWindow;
}

/** Orders and defective orders per figure, each over its own window. */
export interface QualityCounts {
  /** defectiveOrders: orders with at least one valid complaint. */
  readonly rqs: OrderCounts;
  /** defectiveOrders: orders with at least one order defect. */
  readonly odr: OrderCounts;
}

/** One day of one offer or one seller. */
export interface DailyQualityRollup {
  /** The date the orders were placed, in the marketplace's zone. */
  readonly date: IsoDate;
  readonly orders: number;
  /** Orders of that day with at least one valid complaint, whenever the complaint came. */
  readonly ordersWithComplaint: number;
  /** Orders of that day with at least one valid order defect. */
  readonly ordersWithDefect: number;
}

export interface OfferDailyRollup extends DailyQualityRollup {
  readonly offerId: string;
}

/** An order as the figures need it. */
export interface QualityOrderRecord {
  readonly id: string;
  readonly offerId: string;
  readonly orderedAt: Date;
}

/** A complaint or an order defect: counts against its order until invalidated. */
export interface OrderIssueRecord {
  readonly orderId: string;
  readonly invalidatedAt?: Date | null;
}

/** What one order contributes to the rollups: where it counts and how many valid issues it has. */
export interface OrderRollupState {
  readonly offerId: string;
  /** Order date in the marketplace's zone. */
  readonly date: IsoDate;
  readonly validComplaints: number;
  readonly validDefects: number;
}

/** A change to add to the (offerId, date) row and to the same date of the offer's seller. */
export interface RollupDelta {
  readonly offerId: string;
  readonly date: IsoDate;
  readonly orders: -1 | 0 | 1;
  readonly ordersWithComplaint: -1 | 0 | 1;
  readonly ordersWithDefect: -1 | 0 | 1;
}

/** Star ratings as a sum and a count, so the average stays exact and tallies add up. */
export interface RatingTally {
  readonly sum: number;
  readonly count: number;
}

/** The date an order counts on: its order time as a calendar in the marketplace's zone shows it. */
export function orderDateOf(orderedAt: Date, timeZone: string): IsoDate {
  return localDateOf(orderedAt, timeZone);
}

/**
 * The RQS and ODR windows at `at`, from the policy in force that day: the trailing N calendar days
 * in the marketplace's zone, both ends included (day 90 in, day 91 out).
 */
export function qualityWindows(
  at: Date,
  policy: Pick<PolicyParameters, 'rqsWindowDays' | 'odrWindowDays'>,
  timeZone: string,
): QualityWindows {
  return {
    rqs: trailingWindow(at, policy.rqsWindowDays, timeZone),
    odr: trailingWindow(at, policy.odrWindowDays, timeZone),
  };
}

/** The window figures from daily rows: each row counts toward every window holding its date. */
export function countsFromRollups(rows: Iterable<DailyQualityRollup>, windows: QualityWindows): QualityCounts {
  let rqsOrders = 0;
  let rqsDefective = 0;
  let odrOrders = 0;
  let odrDefective = 0;
  for (const row of rows) {
    assertRollup(row);
    if (isInDateWindow(row.date, windows.rqs)) {
      rqsOrders += row.orders;
      rqsDefective += row.ordersWithComplaint;
    }
    if (isInDateWindow(row.date, windows.odr)) {
      odrOrders += row.orders;
      odrDefective += row.ordersWithDefect;
    }
  }
  return {
    rqs: { orders: rqsOrders, defectiveOrders: rqsDefective },
    odr: { orders: odrOrders, defectiveOrders: odrDefective },
  };
}

/**
 * Rows per (offer, order date) built from the records themselves, sorted by offer then date: what
 * the rollups must hold, for a rebuild or a check. Issues of orders not in `orders` are ignored.
 */
export function dailyRollupsFromRecords(
  orders: readonly QualityOrderRecord[],
  complaints: readonly OrderIssueRecord[],
  defects: readonly OrderIssueRecord[],
  timeZone: string,
): OfferDailyRollup[] {
  const complaintsPerOrder = validIssuesPerOrder(complaints);
  const defectsPerOrder = validIssuesPerOrder(defects);
  const rows = new Map<string, MutableRollup & { offerId: string }>();
  const seen = new Set<string>();
  for (const order of orders) {
    if (seen.has(order.id)) throw new InvalidRatioError(`order ${order.id} is listed twice`);
    seen.add(order.id);
    const state: OrderRollupState = {
      offerId: order.offerId,
      date: orderDateOf(order.orderedAt, timeZone),
      validComplaints: complaintsPerOrder.get(order.id) ?? 0,
      validDefects: defectsPerOrder.get(order.id) ?? 0,
    };
    const key = rowKey(state.offerId, state.date);
    const row = rows.get(key) ?? { offerId: state.offerId, ...emptyRollup(state.date) };
    addContribution(row, state, 1);
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => compareText(a.offerId, b.offerId) || compareText(a.date, b.date));
}

/** A seller's rows: its offers' rows summed per date, sorted by date. */
export function sellerRollups(offerRows: Iterable<DailyQualityRollup>): DailyQualityRollup[] {
  const rows = new Map<IsoDate, MutableRollup>();
  for (const row of offerRows) {
    assertRollup(row);
    const sum = rows.get(row.date) ?? emptyRollup(row.date);
    sum.orders += row.orders;
    sum.ordersWithComplaint += row.ordersWithComplaint;
    sum.ordersWithDefect += row.ordersWithDefect;
    rows.set(row.date, sum);
  }
  return [...rows.values()].sort((a, b) => compareText(a.date, b.date));
}

/** The window figures straight from records (demo data, tests, a rebuild check). */
export function countsFromRecords(
  orders: readonly QualityOrderRecord[],
  complaints: readonly OrderIssueRecord[],
  defects: readonly OrderIssueRecord[],
  windows: QualityWindows,
  timeZone: string,
): QualityCounts {
  return countsFromRollups(dailyRollupsFromRecords(orders, complaints, defects, timeZone), windows);
}

/** One order's contribution from its own record and its complaints and defects (others ignored). */
export function orderRollupState(
  order: QualityOrderRecord,
  complaints: readonly OrderIssueRecord[],
  defects: readonly OrderIssueRecord[],
  timeZone: string,
): OrderRollupState {
  const validFor = (issues: readonly OrderIssueRecord[]) =>
    issues.filter((issue) => issue.orderId === order.id && isValidIssue(issue)).length;
  return {
    offerId: order.offerId,
    date: orderDateOf(order.orderedAt, timeZone),
    validComplaints: validFor(complaints),
    validDefects: validFor(defects),
  };
}

/**
 * How an order's change moves the rollups: `before` null for a new order, `after` null for one
 * removed. A second complaint on a defective order moves nothing; invalidating the last valid one
 * takes the order's day down by one; an order whose date or offer changed leaves one row for
 * another. Rows that do not move are left out, so an empty list means "write nothing".
 */
export function rollupDeltas(before: OrderRollupState | null, after: OrderRollupState | null): RollupDelta[] {
  const rows = new Map<string, MutableRollup & { offerId: string }>();
  const apply = (state: OrderRollupState | null, sign: 1 | -1) => {
    if (state === null) return;
    assertState(state);
    const key = rowKey(state.offerId, state.date);
    const row = rows.get(key) ?? { offerId: state.offerId, ...emptyRollup(state.date) };
    addContribution(row, state, sign);
    rows.set(key, row);
  };
  apply(before, -1);
  apply(after, 1);
  const deltas: RollupDelta[] = [];
  for (const row of rows.values()) {
    if (row.orders === 0 && row.ordersWithComplaint === 0 && row.ordersWithDefect === 0) continue;
    deltas.push({
      offerId: row.offerId,
      date: row.date,
      orders: unit(row.orders),
      ordersWithComplaint: unit(row.ordersWithComplaint),
      ordersWithDefect: unit(row.ordersWithDefect),
    });
  }
  return deltas;
}

/** RQS as "orders without a valid complaint of orders"; null over no orders. */
export function rqsRatio(counts: OrderCounts): Ratio | null {
  assertOrderCounts(counts);
  if (counts.orders === 0) return null;
  return { numerator: counts.orders - counts.defectiveOrders, denominator: counts.orders };
}

/** ODR as "orders with a defect of orders"; null over no orders. */
export function odrRatio(counts: OrderCounts): Ratio | null {
  assertOrderCounts(counts);
  if (counts.orders === 0) return null;
  return { numerator: counts.defectiveOrders, denominator: counts.orders };
}

/**
 * How many more of the window's orders can become defective (a valid complaint) before RQS drops
 * under `minimumBps`: the largest k with (orders - defective - k) / orders >= minimum. 0 at the
 * threshold and 0 when already under. New orders raise it; it is about the orders already placed.
 */
export function rqsDefectBudget(counts: OrderCounts, minimumBps: number): number {
  return defectBudget(counts, 10_000 - basisPoints(minimumBps));
}

/** How many more of the window's orders can get a defect before ODR goes over `maximumBps`. */
export function odrDefectBudget(counts: OrderCounts, maximumBps: number): number {
  return defectBudget(counts, basisPoints(maximumBps));
}

/** Sum and count of whole-star ratings; a 0, a 6 or a 4.5 is refused. */
export function tallyRatings(stars: Iterable<number>): RatingTally {
  let sum = 0;
  let count = 0;
  for (const value of stars) {
    if (!Number.isInteger(value) || value < PRODUCT_RATING_MIN_STARS || value > PRODUCT_RATING_MAX_STARS) {
      throw new InvalidRatioError(`a rating is 1 to 5 whole stars, got ${value}`);
    }
    sum += value;
    count += 1;
  }
  return { sum, count };
}

/** Tallies of several offers or days as one. */
export function addRatingTallies(tallies: Iterable<RatingTally>): RatingTally {
  let sum = 0;
  let count = 0;
  for (const tally of tallies) {
    assertRatingTally(tally);
    sum += tally.sum;
    count += tally.count;
  }
  return { sum, count };
}

/** Counts from the server's own computation: wrong ones are a bug to surface, never a figure. */
export function assertOrderCounts({ orders, defectiveOrders }: OrderCounts): void {
  if (!isCount(orders) || !isCount(defectiveOrders)) {
    throw new InvalidRatioError(`order counts must be whole numbers, 0 or more; got ${defectiveOrders} of ${orders}`);
  }
  if (defectiveOrders > orders) {
    throw new InvalidRatioError(`${defectiveOrders} defective orders exceed the ${orders} orders they are part of`);
  }
}

export function assertRatingTally({ sum, count }: RatingTally): void {
  if (!isCount(sum) || !isCount(count)) {
    throw new InvalidRatioError(`a rating tally must be whole numbers, 0 or more; got ${sum} over ${count}`);
  }
  // Every rating is 1 to 5 stars, so the sum lies between count and 5 x count.
  if (sum < PRODUCT_RATING_MIN_STARS * count || sum > PRODUCT_RATING_MAX_STARS * count) {
    throw new InvalidRatioError(`${count} ratings of 1 to 5 stars cannot sum to ${sum}`);
  }
}

// --- internals -------------------------------------------------------------------------------

interface MutableRollup {
  date: IsoDate;
  orders: number;
  ordersWithComplaint: number;
  ordersWithDefect: number;
}

function emptyRollup(date: IsoDate): MutableRollup {
  return { date, orders: 0, ordersWithComplaint: 0, ordersWithDefect: 0 };
}

function addContribution(row: MutableRollup, state: OrderRollupState, sign: 1 | -1): void {
  row.orders += sign;
  if (state.validComplaints > 0) row.ordersWithComplaint += sign;
  if (state.validDefects > 0) row.ordersWithDefect += sign;
}

function validIssuesPerOrder(issues: readonly OrderIssueRecord[]): Map<string, number> {
  const perOrder = new Map<string, number>();
  for (const issue of issues) {
    if (isValidIssue(issue)) perOrder.set(issue.orderId, (perOrder.get(issue.orderId) ?? 0) + 1);
  }
  return perOrder;
}

function isValidIssue(issue: OrderIssueRecord): boolean {
  return issue.invalidatedAt === undefined || issue.invalidatedAt === null;
}

function defectBudget(counts: OrderCounts, allowedBps: number): number {
  assertOrderCounts(counts);
  // defective / orders <= allowed / 10000, so at most floor(orders x allowed / 10000) defective.
  const mostDefective = (BigInt(counts.orders) * BigInt(allowedBps)) / 10_000n;
  const budget = mostDefective - BigInt(counts.defectiveOrders);
  return budget > 0n ? Number(budget) : 0;
}

function basisPoints(value: number): number {
  if (!Number.isSafeInteger(value) || value < 0 || value > 10_000) {
    throw new InvalidRatioError(`a threshold is 0 to 10000 basis points, got ${value}`);
  }
  return value;
}

function assertRollup(row: DailyQualityRollup): void {
  if (!isIsoDate(row.date)) throw new InvalidIsoDateError(String(row.date));
  const { orders, ordersWithComplaint, ordersWithDefect } = row;
  if (![orders, ordersWithComplaint, ordersWithDefect].every(isCount)) {
    throw new InvalidRatioError(`rollup of ${row.date} must hold whole numbers, 0 or more`);
  }
  if (ordersWithComplaint > orders || ordersWithDefect > orders) {
    throw new InvalidRatioError(`rollup of ${row.date} has more defective orders than its ${orders} orders`);
  }
}

function assertState(state: OrderRollupState): void {
  if (!isIsoDate(state.date)) throw new InvalidIsoDateError(String(state.date));
  if (!isCount(state.validComplaints) || !isCount(state.validDefects)) {
    throw new InvalidRatioError('complaint and defect counts must be whole numbers, 0 or more');
  }
}

function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

function unit(value: number): -1 | 0 | 1 {
  // One order moves each count by at most one.
  return Math.sign(value) as -1 | 0 | 1;
}

function rowKey(offerId: string, date: IsoDate): string {
  return `${offerId}\u0000${date}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
