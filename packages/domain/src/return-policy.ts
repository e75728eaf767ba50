import { addCalendarDays, calendarDaysBetween, localDateOf, startOfLocalDay, type IsoDate } from './calendar.js';
import type { PolicyParameters } from './policy.js';

/*
 * Whether a return request is in policy, and until when the item may come back (SPEC 6). Days are
 * calendar days in the marketplace's time zone (SPEC 1), counted from the delivery date as day 0:
 * with a 30-day window a request on day 30 is in policy and one on day 31 is not; the item may
 * arrive until the window's last day plus the transit allowance (day 45 in, day 46 out).
 */

/** The longest window an admin may give a category; a year is already far past any marketplace's. */
export const CATEGORY_RETURN_WINDOW_MAX_DAYS = 365;

export const OUT_OF_POLICY_REASONS = ['WINDOW_CLOSED', 'NOT_DELIVERED'] as const;
export type OutOfPolicyReason = (typeof OUT_OF_POLICY_REASONS)[number];

export const OUT_OF_POLICY_REASON_LABELS: Readonly<Record<OutOfPolicyReason, string>> = {
  WINDOW_CLOSED: 'Requested after the return window closed',
  NOT_DELIVERED: 'The order has no recorded delivery',
};

/** Where a window's length comes from: the item's category, or the policy version's default. */
export const RETURN_WINDOW_SOURCES = ['CATEGORY', 'DEFAULT'] as const;
export type ReturnWindowSource = (typeof RETURN_WINDOW_SOURCES)[number];

/** What the policy needs to know about one returned item. */
export interface ReturnItemPolicyFacts {
  readonly sku: string;
  readonly categoryName: string | null;
  /** The category's own window (admin-managed); null when the category has none. */
  readonly categoryReturnWindowDays: number | null;
}

export interface ReturnWindow {
  readonly days: number;
  readonly source: ReturnWindowSource;
  /** The category the window belongs to, for the sentence that explains a verdict. */
  readonly categoryName: string | null;
}

/** The request as the policy judges it. */
export interface ReturnPolicyFacts {
  /** Null when the marketplace has recorded no delivery for the order. */
  readonly deliveredAt: Date | null;
  readonly requestedAt: Date;
  readonly items: readonly ReturnItemPolicyFacts[];
}

/** The policy a request is judged by: the version in force and the marketplace's zone. */
export interface ReturnPolicyContext extends Pick<PolicyParameters, 'defaultReturnWindowDays'> {
  readonly timeZone: string;
}

interface VerdictFacts {
  readonly deliveredOn: IsoDate | null;
  readonly requestedOn: IsoDate;
  /** Calendar days from the delivery date (day 0) to the request date; null without a delivery. */
  readonly daysAfterDelivery: number | null;
  /** The window the request is judged by: the shortest of its items' windows. */
  readonly window: ReturnWindow;
  /** The window's last day (delivery date + window days); null without a delivery. */
  readonly lastDayToRequest: IsoDate | null;
  /** One sentence for the seller: the dates, the window, and the reason when out of policy. */
  readonly explanation: string;
}

export type ReturnPolicyVerdict =
  | (VerdictFacts & { readonly inPolicy: true; readonly reason: null })
  | (VerdictFacts & { readonly inPolicy: false; readonly reason: OutOfPolicyReason });

/** The window of one item: its category's when the category has one, else the policy default. */
export function returnWindowFor(
  item: Pick<ReturnItemPolicyFacts, 'categoryName' | 'categoryReturnWindowDays'>,
  defaultReturnWindowDays: number,
): ReturnWindow {
  if (!Number.isSafeInteger(defaultReturnWindowDays) || defaultReturnWindowDays < 1) {
    throw new RangeError(
      `defaultReturnWindowDays must be a whole number of at least 1; got ${defaultReturnWindowDays}`,
    );
  }
  const categoryName = item.categoryName ?? null;
  if (item.categoryReturnWindowDays === null) {
    return { days: defaultReturnWindowDays, source: 'DEFAULT', categoryName };
  }
  const problem = categoryReturnWindowProblem(item.categoryReturnWindowDays);
  if (problem !== null) throw new RangeError(problem);
  return { days: item.categoryReturnWindowDays, source: 'CATEGORY', categoryName };
}

/**
 * In policy or not (SPEC 6): requested within the return window after delivery. A request with
 * several items is judged by the shortest of their windows, so no item comes back past its own.
 * A request dated before the recorded delivery (the carrier's scan can lag) is within the window.
 */
export function judgeReturnPolicy(request: ReturnPolicyFacts, policy: ReturnPolicyContext): ReturnPolicyVerdict {
  if (request.items.length === 0) throw new RangeError('a return request has at least one item');
  const window = request.items
    .map((item) => returnWindowFor(item, policy.defaultReturnWindowDays))
    .reduce((shortest, next) => (next.days < shortest.days ? next : shortest));
  const requestedOn = localDateOf(request.requestedAt, policy.timeZone);
  const windowWords = `the ${window.days}-day return window${window.categoryName ? ` for ${window.categoryName}` : ''}`;

  if (request.deliveredAt === null) {
    return {
      inPolicy: false,
      reason: 'NOT_DELIVERED',
      deliveredOn: null,
      requestedOn,
      daysAfterDelivery: null,
      window,
      lastDayToRequest: null,
      explanation: `Out of policy: the order has no recorded delivery, and ${windowWords} starts at delivery.`,
    };
  }

  const deliveredOn = localDateOf(request.deliveredAt, policy.timeZone);
  const daysAfterDelivery = calendarDaysBetween(deliveredOn, requestedOn);
  const lastDayToRequest = addCalendarDays(deliveredOn, window.days);
  const facts = { deliveredOn, requestedOn, daysAfterDelivery, window, lastDayToRequest };
  const requested = `requested on ${requestedOn}, ${daysPhrase(daysAfterDelivery)} delivery on ${deliveredOn}`;
  if (daysAfterDelivery <= window.days) {
    return {
      ...facts,
      inPolicy: true,
      reason: null,
      explanation: `In policy: ${requested}; ${windowWords} ends on ${lastDayToRequest}.`,
    };
  }
  return {
    ...facts,
    inPolicy: false,
    reason: 'WINDOW_CLOSED',
    explanation: `Out of policy: ${requested}; ${windowWords} ended on ${lastDayToRequest}.`,
  };
}

/** Until when an authorized return may arrive, and the instant that date is over. */
export interface ReturnDeadline {
  /** The last local date on which the item may arrive. */
  readonly deadline: IsoDate;
  /** The start of the next local day: from this instant on the return may expire or be closed as not returned. */
  readonly passesAt: Date;
}

/**
 * The deadline of an authorized return (SPEC 6): the return window's last day plus the transit
 * allowance. When the seller authorizes after the window has closed (an out-of-policy request, a
 * late manual authorization) or without a recorded delivery, the transit days count from the
 * authorization date instead, so a return is never authorized already expired.
 */
export function returnDeadline(
  verdict: Pick<ReturnPolicyVerdict, 'lastDayToRequest'>,
  authorizedAt: Date,
  policy: Pick<PolicyParameters, 'transitAllowanceDays'> & { readonly timeZone: string },
): ReturnDeadline {
  const days = policy.transitAllowanceDays;
  if (!Number.isSafeInteger(days) || days < 0) {
    throw new RangeError(`transitAllowanceDays must be a whole number, 0 or more; got ${days}`);
  }
  const authorizedOn = localDateOf(authorizedAt, policy.timeZone);
  const windowCloses =
    verdict.lastDayToRequest !== null && verdict.lastDayToRequest > authorizedOn
      ? verdict.lastDayToRequest
      : authorizedOn;
  const deadline = addCalendarDays(windowCloses, days);
  return { deadline, passesAt: startOfLocalDay(addCalendarDays(deadline, 1), policy.timeZone) };
}

/** True from the local day after the deadline: an item may still arrive all of the deadline's day. */
export function isPastReturnDeadline(deadline: IsoDate, now: Date, timeZone: string): boolean {
  return calendarDaysBetween(deadline, localDateOf(now, timeZone)) > 0;
}

/**
 * What is wrong with a window an admin gives a category, as a sentence; null when it is usable.
 * Null input means "no window of its own" and is always fine.
 */
export function categoryReturnWindowProblem(days: number | null): string | null {
  if (days === null) return null;
  if (!Number.isSafeInteger(days) || days < 1 || days > CATEGORY_RETURN_WINDOW_MAX_DAYS) {
    return `The return window must be a whole number of days from 1 to ${CATEGORY_RETURN_WINDOW_MAX_DAYS}; got ${days}.`;
  }
  return null;
}

// --- internals -------------------------------------------------------------------------------

function daysPhrase(days: number): string {
  if (days === 0) return 'the day of';
  const count = Math.abs(days);
  return `${count} day${count === 1 ? '' : 's'} ${days > 0 ? 'after' : 'before'}`;
}
