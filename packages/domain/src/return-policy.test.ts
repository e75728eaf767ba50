import { describe, expect, it } from 'vitest';

import { addCalendarDays, startOfLocalDay } from './calendar.js';
import { INITIAL_POLICY_PARAMETERS } from './policy.js';
import {
  categoryReturnWindowProblem,
  isPastReturnDeadline,
  judgeReturnPolicy,
  type ReturnItemPolicyFacts,
  returnDeadline,
  returnWindowFor,
} from './return-policy.js';

const LA = 'America/Los_Angeles';
const US = { defaultReturnWindowDays: 30, transitAllowanceDays: 15, timeZone: LA };

const at = (iso: string) => new Date(iso);

/** Noon in Los Angeles on `date`: far from midnight, so only the date matters. */
const noonLA = (date: string) => new Date(startOfLocalDay(date, LA).getTime() + 12 * 3_600_000);

const item = (
  categoryReturnWindowDays: number | null = null,
  categoryName: string | null = null,
): ReturnItemPolicyFacts => ({
  sku: 'SKU-1',
  categoryName,
  categoryReturnWindowDays,
});

const DELIVERED = '2026-07-01';

describe('the SPEC 2 defaults', () => {
  it('are a 30-day window and 15 days of transit in every marketplace', () => {
    for (const parameters of Object.values(INITIAL_POLICY_PARAMETERS)) {
      expect(parameters.defaultReturnWindowDays).toBe(30);
      expect(parameters.transitAllowanceDays).toBe(15);
    }
  });
});

describe('in policy or not: the day of the window the request falls on', () => {
  it.each([
    // category window (null = the policy's 30 days), day of the request after delivery, in policy
    [null, -1, true], // the carrier's scan lagged behind the request
    [null, 0, true],
    [null, 1, true],
    [null, 29, true],
    [null, 30, true],
    [null, 31, false],
    [null, 90, false],
    [15, 15, true],
    [15, 16, false],
    [90, 31, true],
    [90, 90, true],
    [90, 91, false],
    [1, 1, true],
    [1, 2, false],
  ] as const)('window %s, day %d -> in policy %s', (categoryDays, day, inPolicy) => {
    const requestedOn = addCalendarDays(DELIVERED, day);
    const verdict = judgeReturnPolicy(
      { deliveredAt: noonLA(DELIVERED), requestedAt: noonLA(requestedOn), items: [item(categoryDays)] },
      US,
    );
    expect(verdict.inPolicy).toBe(inPolicy);
    expect(verdict.reason).toBe(inPolicy ? null : 'WINDOW_CLOSED');
    expect(verdict.daysAfterDelivery).toBe(day);
    expect(verdict.deliveredOn).toBe(DELIVERED);
    expect(verdict.requestedOn).toBe(requestedOn);
    expect(verdict.window.days).toBe(categoryDays ?? 30);
    expect(verdict.window.source).toBe(categoryDays === null ? 'DEFAULT' : 'CATEGORY');
    expect(verdict.lastDayToRequest).toBe(addCalendarDays(DELIVERED, categoryDays ?? 30));
  });

  it.each([
    // Delivered at 23:30 on June 30 in Los Angeles, already July 1 in UTC.
    ['just before local midnight of day 30', '2026-07-31T06:59:59Z', 30, true],
    ['at local midnight, day 31', '2026-07-31T07:00:00Z', 31, false],
  ])('counts days in the marketplace zone: %s', (_label, requestedAt, day, inPolicy) => {
    const verdict = judgeReturnPolicy(
      { deliveredAt: at('2026-07-01T06:30:00Z'), requestedAt: at(requestedAt), items: [item()] },
      US,
    );
    expect(verdict.deliveredOn).toBe('2026-06-30');
    expect(verdict.daysAfterDelivery).toBe(day);
    expect(verdict.inPolicy).toBe(inPolicy);
  });

  it('counts the same instants differently in Mexico City, an hour ahead of it in summer', () => {
    const verdict = judgeReturnPolicy(
      { deliveredAt: at('2026-07-01T06:30:00Z'), requestedAt: at('2026-07-31T06:59:59Z'), items: [item()] },
      { defaultReturnWindowDays: 30, timeZone: 'America/Mexico_City' },
    );
    expect(verdict.deliveredOn).toBe('2026-07-01');
    expect(verdict.requestedOn).toBe('2026-07-31');
    expect(verdict.inPolicy).toBe(true);
  });

  it('judges several items by the shortest window, and names its category', () => {
    const verdict = judgeReturnPolicy(
      {
        deliveredAt: noonLA(DELIVERED),
        requestedAt: noonLA('2026-07-20'),
        items: [item(90, 'Laptops'), item(null, 'Headphones'), item(15, 'Phones')],
      },
      US,
    );
    expect(verdict.window).toEqual({ days: 15, source: 'CATEGORY', categoryName: 'Phones' });
    expect(verdict.inPolicy).toBe(false);
    expect(verdict.explanation).toBe(
      'Out of policy: requested on 2026-07-20, 19 days after delivery on 2026-07-01; ' +
        'the 15-day return window for Phones ended on 2026-07-16.',
    );
  });

  it('is out of policy without a recorded delivery, and says why', () => {
    const verdict = judgeReturnPolicy({ deliveredAt: null, requestedAt: noonLA('2026-07-20'), items: [item()] }, US);
    expect(verdict).toEqual({
      inPolicy: false,
      reason: 'NOT_DELIVERED',
      deliveredOn: null,
      requestedOn: '2026-07-20',
      daysAfterDelivery: null,
      window: { days: 30, source: 'DEFAULT', categoryName: null },
      lastDayToRequest: null,
      explanation:
        'Out of policy: the order has no recorded delivery, and the 30-day return window starts at delivery.',
    });
  });

  it.each([
    [
      0,
      'In policy: requested on 2026-07-01, the day of delivery on 2026-07-01; the 30-day return window ends on 2026-07-31.',
    ],
    [
      1,
      'In policy: requested on 2026-07-02, 1 day after delivery on 2026-07-01; the 30-day return window ends on 2026-07-31.',
    ],
    [
      -1,
      'In policy: requested on 2026-06-30, 1 day before delivery on 2026-07-01; the 30-day return window ends on 2026-07-31.',
    ],
    [
      31,
      'Out of policy: requested on 2026-08-01, 31 days after delivery on 2026-07-01; the 30-day return window ended on 2026-07-31.',
    ],
  ])('explains day %d in a sentence', (day, explanation) => {
    const verdict = judgeReturnPolicy(
      { deliveredAt: noonLA(DELIVERED), requestedAt: noonLA(addCalendarDays(DELIVERED, day)), items: [item()] },
      US,
    );
    expect(verdict.explanation).toBe(explanation);
  });

  it('refuses what no stored request can be', () => {
    const request = { deliveredAt: noonLA(DELIVERED), requestedAt: noonLA(DELIVERED) };
    expect(() => judgeReturnPolicy({ ...request, items: [] }, US)).toThrow(RangeError);
    expect(() => judgeReturnPolicy({ ...request, items: [item(0)] }, US)).toThrow(RangeError);
    expect(() => judgeReturnPolicy({ ...request, items: [item()] }, { ...US, defaultReturnWindowDays: 0 })).toThrow(
      RangeError,
    );
    expect(() => judgeReturnPolicy({ ...request, items: [item()] }, { ...US, timeZone: 'Nowhere/Town' })).toThrow(
      'is not a known IANA time zone',
    );
  });
});

describe('returnWindowFor', () => {
  it.each([
    [null, null, 30, { days: 30, source: 'DEFAULT', categoryName: null }],
    [null, 'Headphones', 30, { days: 30, source: 'DEFAULT', categoryName: 'Headphones' }],
    [90, 'Laptops', 30, { days: 90, source: 'CATEGORY', categoryName: 'Laptops' }],
    [15, 'Phones', 30, { days: 15, source: 'CATEGORY', categoryName: 'Phones' }],
    [null, null, 45, { days: 45, source: 'DEFAULT', categoryName: null }], // a newer policy version
  ] as const)('category %s (%s), default %d -> %j', (categoryDays, name, defaultDays, expected) => {
    expect(returnWindowFor(item(categoryDays, name), defaultDays)).toEqual(expected);
  });
});

describe('categoryReturnWindowProblem', () => {
  it.each([
    [null, null],
    [1, null],
    [30, null],
    [365, null],
    [0, 'The return window must be a whole number of days from 1 to 365; got 0.'],
    [366, 'The return window must be a whole number of days from 1 to 365; got 366.'],
    [-30, 'The return window must be a whole number of days from 1 to 365; got -30.'],
    [1.5, 'The return window must be a whole number of days from 1 to 365; got 1.5.'],
    [Number.NaN, 'The return window must be a whole number of days from 1 to 365; got NaN.'],
  ])('%s -> %s', (days, problem) => {
    expect(categoryReturnWindowProblem(days)).toBe(problem);
  });
});

describe('the deadline: the window close plus the transit allowance', () => {
  const verdictOn = (delivered: string, categoryDays: number | null = null) =>
    judgeReturnPolicy(
      { deliveredAt: noonLA(delivered), requestedAt: noonLA(delivered), items: [item(categoryDays)] },
      US,
    );

  it.each([
    // delivered, category window, authorized (days after delivery), deadline (days after delivery)
    [DELIVERED, null, 0, 45],
    [DELIVERED, null, 5, 45],
    [DELIVERED, null, 30, 45], // authorized on the window's last day
    [DELIVERED, null, 31, 46], // authorized after the window closed: 15 days from authorization
    [DELIVERED, null, 40, 55],
    [DELIVERED, 90, 3, 105],
    [DELIVERED, 15, 3, 30],
  ] as const)(
    'delivered %s, window %s, authorized on day %d -> deadline day %d',
    (delivered, days, authorized, due) => {
      const { deadline } = returnDeadline(
        verdictOn(delivered, days),
        noonLA(addCalendarDays(delivered, authorized)),
        US,
      );
      expect(deadline).toBe(addCalendarDays(delivered, due));
    },
  );

  it('counts from the authorization without a recorded delivery', () => {
    const { deadline } = returnDeadline({ lastDayToRequest: null }, noonLA('2026-07-20'), US);
    expect(deadline).toBe('2026-08-04');
  });

  it('is the window close itself with no transit allowance', () => {
    const { deadline } = returnDeadline(verdictOn(DELIVERED), noonLA(DELIVERED), { ...US, transitAllowanceDays: 0 });
    expect(deadline).toBe('2026-07-31');
  });

  it.each([
    ['summer (PDT)', '2026-07-01', '2026-08-15', '2026-08-16T07:00:00.000Z'],
    ['after the change to PST', '2026-10-01', '2026-11-15', '2026-11-16T08:00:00.000Z'],
  ])('passes at local midnight after the deadline, in %s', (_label, delivered, deadline, passesAt) => {
    const result = returnDeadline(verdictOn(delivered), noonLA(delivered), US);
    expect(result.deadline).toBe(deadline);
    expect(result.passesAt.toISOString()).toBe(passesAt);
  });

  it.each([
    ['day 44', '2026-08-14T19:00:00Z', false],
    ['day 45, first instant', '2026-08-15T07:00:00Z', false],
    ['day 45, last instant', '2026-08-16T06:59:59.999Z', false],
    ['day 46, first instant', '2026-08-16T07:00:00Z', true],
    ['day 60', '2026-08-30T19:00:00Z', true],
  ])('a return due on day 45 (2026-08-15) is past its deadline on %s: %s', (_label, now, past) => {
    expect(isPastReturnDeadline('2026-08-15', at(now), LA)).toBe(past);
  });

  it('agrees with passesAt to the millisecond', () => {
    const { deadline, passesAt } = returnDeadline(verdictOn(DELIVERED), noonLA(DELIVERED), US);
    expect(isPastReturnDeadline(deadline, new Date(passesAt.getTime() - 1), LA)).toBe(false);
    expect(isPastReturnDeadline(deadline, passesAt, LA)).toBe(true);
  });

  it('refuses a transit allowance that is not a whole number of days, 0 or more', () => {
    expect(() => returnDeadline(verdictOn(DELIVERED), noonLA(DELIVERED), { ...US, transitAllowanceDays: -1 })).toThrow(
      RangeError,
    );
    expect(() => returnDeadline(verdictOn(DELIVERED), noonLA(DELIVERED), { ...US, transitAllowanceDays: 1.5 })).toThrow(
      RangeError,
    );
  });

  it('refuses a malformed deadline', () => {
    expect(() => isPastReturnDeadline('2026-8-15', at('2026-08-16T07:00:00Z'), LA)).toThrow('is not a calendar date');
  });
});
