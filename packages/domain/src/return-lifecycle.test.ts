import { describe, expect, it } from 'vitest';

import {
  allowedReturnEvents,
  canTransitionReturn,
  CLOSE_REASONS,
  CLOSE_REASONS_BY_STATE,
  type CloseReason,
  InvalidReturnTransitionError,
  isFinalReturnState,
  nextReturnState,
  RETURN_EVENTS,
  RETURN_STATES,
  RETURN_TRANSITIONS,
  type ReturnEvent,
  type ReturnState,
  type ReturnTransitionContext,
} from './return-lifecycle.js';

/** SPEC 6 (and the late-parcel rows of the table's comment), written out independently of the table. */
const ALLOWED: readonly [ReturnState, ReturnEvent, ReturnState][] = [
  ['REQUESTED', 'AUTHORIZE', 'AUTHORIZED'],
  ['REQUESTED', 'CLOSE', 'CLOSED'],
  ['AUTHORIZED', 'SHIP', 'IN_TRANSIT'],
  ['AUTHORIZED', 'RECEIVE', 'RECEIVED'],
  ['AUTHORIZED', 'CLOSE', 'CLOSED'],
  ['AUTHORIZED', 'EXPIRE', 'EXPIRED'],
  ['IN_TRANSIT', 'RECEIVE', 'RECEIVED'],
  ['RECEIVED', 'GRADE', 'GRADED'],
  ['GRADED', 'REFUND', 'REFUNDED'],
  ['GRADED', 'CLOSE', 'CLOSED'],
  ['EXPIRED', 'RECEIVE', 'RECEIVED'],
  ['EXPIRED', 'CLOSE', 'CLOSED'],
];

/** The pairs that wait for the deadline: expiring, and closing an authorized return as not returned. */
const AFTER_DEADLINE: readonly string[] = ['AUTHORIZED EXPIRE', 'AUTHORIZED CLOSE'];

const isAllowed = (state: ReturnState, event: ReturnEvent) =>
  ALLOWED.some(([from, on]) => from === state && on === event);

const DISALLOWED = RETURN_STATES.flatMap((state) =>
  RETURN_EVENTS.filter((event) => !isAllowed(state, event)).map((event) => [state, event] as const),
);

/** A close reason that fits each state where CLOSE is allowed. */
const FITTING_REASON: Partial<Record<ReturnState, CloseReason>> = {
  REQUESTED: 'BUYER_CANCELLED',
  AUTHORIZED: 'NOT_RETURNED',
  GRADED: 'REPLACEMENT_SENT',
  EXPIRED: 'NOT_RETURNED',
};

const DEADLINE = '2026-08-15';
const ON_DEADLINE: ReturnTransitionContext = { today: '2026-08-15', deadline: DEADLINE };
const DAY_AFTER: ReturnTransitionContext = { today: '2026-08-16', deadline: DEADLINE };

const contextFor = (state: ReturnState, event: ReturnEvent, base: ReturnTransitionContext = DAY_AFTER) =>
  event === 'CLOSE' ? { ...base, closeReason: FITTING_REASON[state] ?? 'OTHER' } : base;

/** The sentence after "This return is STATE; " for every pair the table refuses. */
const REFUSALS: Readonly<Record<string, string>> = {
  'REQUESTED SHIP': 'it must be authorized before it can ship.',
  'REQUESTED RECEIVE': 'it must be authorized before it can be received.',
  'REQUESTED GRADE': 'it must be received before it can be graded.',
  'REQUESTED REFUND': 'it must be received and graded before it is refunded.',
  'REQUESTED EXPIRE': 'only an authorized return can expire.',
  'AUTHORIZED AUTHORIZE': 'it has already been authorized.',
  'AUTHORIZED GRADE': 'it must be received before it can be graded.',
  'AUTHORIZED REFUND': 'it must be received and graded before it is refunded.',
  'IN_TRANSIT AUTHORIZE': 'it has already been authorized.',
  'IN_TRANSIT SHIP': 'it is already in transit.',
  'IN_TRANSIT GRADE': 'it must be received before it can be graded.',
  'IN_TRANSIT REFUND': 'it must be received and graded before it is refunded.',
  'IN_TRANSIT CLOSE': 'it is on its way back; it can be closed once it has been received and graded.',
  'IN_TRANSIT EXPIRE': 'it has shipped, so it does not expire.',
  'RECEIVED AUTHORIZE': 'it has already been authorized.',
  'RECEIVED SHIP': 'it has already arrived.',
  'RECEIVED RECEIVE': 'it has already been received.',
  'RECEIVED REFUND': 'it must be graded before it is refunded.',
  'RECEIVED CLOSE': 'it can be closed once it has been graded.',
  'RECEIVED EXPIRE': 'it has already arrived.',
  'GRADED AUTHORIZE': 'it has already been authorized.',
  'GRADED SHIP': 'it has already arrived.',
  'GRADED RECEIVE': 'it has already been received.',
  'GRADED GRADE': 'it has already been graded.',
  'GRADED EXPIRE': 'it has already arrived.',
  'EXPIRED AUTHORIZE': 'it has already been authorized.',
  'EXPIRED SHIP': 'it expired before it shipped; if it arrives anyway, record it as received.',
  'EXPIRED GRADE': 'it must be received before it can be graded.',
  'EXPIRED REFUND': 'it must be received and graded before it is refunded.',
  'EXPIRED EXPIRE': 'it has already expired.',
  ...Object.fromEntries(
    (['REFUNDED', 'CLOSED'] as const).flatMap((state) => [
      [`${state} AUTHORIZE`, 'it can no longer be authorized.'],
      [`${state} SHIP`, 'it can no longer be marked in transit.'],
      [`${state} RECEIVE`, 'it can no longer be received.'],
      [`${state} GRADE`, 'it can no longer be graded.'],
      [`${state} REFUND`, 'it can no longer be refunded.'],
      [`${state} CLOSE`, 'it can no longer be closed.'],
      [`${state} EXPIRE`, 'it can no longer be expired.'],
    ]),
  ),
};

function refusalOf(run: () => unknown): InvalidReturnTransitionError {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(InvalidReturnTransitionError);
  return thrown as InvalidReturnTransitionError;
}

describe('the return transition table', () => {
  it.each(ALLOWED)('%s --%s--> %s', (state, event, expected) => {
    const context = contextFor(state, event);
    expect(nextReturnState(state, event, context)).toBe(expected);
    expect(canTransitionReturn(state, event, context)).toBe(true);
  });

  it('holds exactly the allowed transitions, the deadline ones marked', () => {
    const rows = Object.entries(RETURN_TRANSITIONS).flatMap(([state, events]) =>
      Object.entries(events).map(([event, transition]) => [state, event, transition.to]),
    );
    expect(rows).toHaveLength(ALLOWED.length);
    expect(rows).toEqual(expect.arrayContaining(ALLOWED.map((row) => [...row])));
    expect(Object.keys(RETURN_TRANSITIONS)).toEqual([...RETURN_STATES]);
    const guarded = Object.entries(RETURN_TRANSITIONS).flatMap(([state, events]) =>
      Object.entries(events)
        .filter(([, transition]) => transition.afterDeadline)
        .map(([event]) => `${state} ${event}`),
    );
    expect(guarded.sort()).toEqual([...AFTER_DEADLINE].sort());
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(RETURN_TRANSITIONS)).toBe(true);
    for (const events of Object.values(RETURN_TRANSITIONS)) {
      expect(Object.isFrozen(events)).toBe(true);
      for (const transition of Object.values(events)) expect(Object.isFrozen(transition)).toBe(true);
    }
    expect(Object.isFrozen(CLOSE_REASONS_BY_STATE)).toBe(true);
    expect(Object.isFrozen(CLOSE_REASONS_BY_STATE.REQUESTED)).toBe(true);
  });

  it('has a sentence for each of the 44 refused pairs', () => {
    expect(DISALLOWED).toHaveLength(RETURN_STATES.length * RETURN_EVENTS.length - ALLOWED.length);
    expect(Object.keys(REFUSALS).sort()).toEqual(DISALLOWED.map(([s, e]) => `${s} ${e}`).sort());
  });
});

describe('nextReturnState refuses what the table does not allow', () => {
  it.each(DISALLOWED)('%s --%s--> refused', (state, event) => {
    // Even with the deadline passed and a close reason: the state itself is in the way.
    const context = contextFor(state, event);
    expect(canTransitionReturn(state, event, context)).toBe(false);
    const error = refusalOf(() => nextReturnState(state, event, context));
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.name).toBe('InvalidReturnTransitionError');
    expect(error.state).toBe(state);
    expect(error.event).toBe(event);
    expect(error.refusal).toBe('NOT_FROM_STATE');
    expect(error.message).toBe(`This return is ${state}; ${REFUSALS[`${state} ${event}`]}`);
  });

  it('says a closed return can no longer be authorized (SPEC 9)', () => {
    expect(() => nextReturnState('CLOSED', 'AUTHORIZE')).toThrow(
      'This return is CLOSED; it can no longer be authorized.',
    );
  });
});

describe('the deadline: expiring and closing as not returned only once it has passed', () => {
  // Every (state, event) pair at three moments: the deadline is 2026-08-15, so the return may
  // still arrive all that day and is late from 2026-08-16 on.
  const MOMENTS = [
    ['the day before', '2026-08-14', false],
    ['the deadline', '2026-08-15', false],
    ['the day after', '2026-08-16', true],
    ['a month after', '2026-09-15', true],
  ] as const;

  const CASES = RETURN_STATES.flatMap((state) =>
    RETURN_EVENTS.flatMap((event) =>
      MOMENTS.map(([label, today, passed]) => [state, event, label, today, passed] as const),
    ),
  );

  it.each(CASES)('%s --%s-- on %s (%s)', (state, event, _label, today, passed) => {
    const context = contextFor(state, event, { today, deadline: DEADLINE });
    const inTable = isAllowed(state, event);
    const waits = AFTER_DEADLINE.includes(`${state} ${event}`);
    const expected = inTable && (!waits || passed);
    expect(canTransitionReturn(state, event, context)).toBe(expected);
    if (expected) return;
    const error = refusalOf(() => nextReturnState(state, event, context));
    expect(error.refusal).toBe(inTable ? 'BEFORE_DEADLINE' : 'NOT_FROM_STATE');
  });

  it.each([
    [
      'EXPIRE',
      undefined,
      'This return is AUTHORIZED; it expires only after its return deadline (2026-08-15) has passed.',
    ],
    [
      'CLOSE',
      'NOT_RETURNED',
      'This return is AUTHORIZED; it can be closed as not returned only after its return deadline (2026-08-15) has passed.',
    ],
  ] as const)('refuses %s on day 45 and names the deadline', (event, closeReason, message) => {
    const error = refusalOf(() =>
      nextReturnState('AUTHORIZED', event, { ...ON_DEADLINE, ...(closeReason ? { closeReason } : {}) }),
    );
    expect(error.refusal).toBe('BEFORE_DEADLINE');
    expect(error.message).toBe(message);
  });

  it('does not let a return without a deadline expire', () => {
    expect(canTransitionReturn('AUTHORIZED', 'EXPIRE', { today: '2026-08-16', deadline: null })).toBe(false);
  });

  it('needs today and the deadline for a guarded event: a missing one is a bug, not a refusal', () => {
    expect(() => nextReturnState('AUTHORIZED', 'EXPIRE')).toThrow(RangeError);
    expect(() => nextReturnState('AUTHORIZED', 'EXPIRE', { today: '2026-08-16' })).toThrow(RangeError);
    expect(() => nextReturnState('AUTHORIZED', 'CLOSE', { closeReason: 'NOT_RETURNED' })).toThrow(RangeError);
  });

  it('refuses a malformed date rather than comparing it', () => {
    expect(() => nextReturnState('AUTHORIZED', 'EXPIRE', { today: '2026-8-16', deadline: DEADLINE })).toThrow(
      'is not a calendar date',
    );
  });
});

describe('close reasons', () => {
  /** SPEC 6, written out independently of CLOSE_REASONS_BY_STATE. */
  const FITS: Readonly<Record<ReturnState, readonly CloseReason[]>> = {
    REQUESTED: ['BUYER_CANCELLED', 'DECLINED', 'REFUNDED_WITHOUT_RETURN', 'REPLACEMENT_SENT', 'OTHER'],
    AUTHORIZED: ['NOT_RETURNED'],
    IN_TRANSIT: [],
    RECEIVED: [],
    GRADED: ['REPLACEMENT_SENT', 'OTHER'],
    REFUNDED: [],
    CLOSED: [],
    EXPIRED: ['NOT_RETURNED'],
  };

  const CASES = RETURN_STATES.flatMap((state) => CLOSE_REASONS.map((reason) => [state, reason] as const));

  it.each(CASES)('%s closed as %s', (state, closeReason) => {
    const context = { ...DAY_AFTER, closeReason };
    const fits = FITS[state].includes(closeReason);
    expect(canTransitionReturn(state, 'CLOSE', context)).toBe(fits);
    if (fits) {
      expect(nextReturnState(state, 'CLOSE', context)).toBe('CLOSED');
      return;
    }
    const error = refusalOf(() => nextReturnState(state, 'CLOSE', context));
    expect(error.refusal).toBe(FITS[state].length === 0 ? 'NOT_FROM_STATE' : 'CLOSE_REASON');
  });

  it('refuses to close a requested return as not returned: it was never authorized', () => {
    const error = refusalOf(() => nextReturnState('REQUESTED', 'CLOSE', { closeReason: 'NOT_RETURNED' }));
    expect(error.message).toBe(
      'This return is REQUESTED; it cannot be closed as NOT_RETURNED; the reasons that fit are ' +
        'BUYER_CANCELLED, DECLINED, REFUNDED_WITHOUT_RETURN, REPLACEMENT_SENT, OTHER.',
    );
  });

  it('refuses any other reason for an authorized return, even after the deadline', () => {
    const error = refusalOf(() => nextReturnState('AUTHORIZED', 'CLOSE', { ...DAY_AFTER, closeReason: 'DECLINED' }));
    expect(error.refusal).toBe('CLOSE_REASON');
  });

  it('needs a reason to close', () => {
    expect(() => nextReturnState('REQUESTED', 'CLOSE')).toThrow(RangeError);
  });
});

describe('allowedReturnEvents', () => {
  it.each([
    ['REQUESTED', ['AUTHORIZE', 'CLOSE']],
    ['AUTHORIZED', ['SHIP', 'RECEIVE', 'CLOSE', 'EXPIRE']],
    ['IN_TRANSIT', ['RECEIVE']],
    ['RECEIVED', ['GRADE']],
    ['GRADED', ['REFUND', 'CLOSE']],
    ['REFUNDED', []],
    ['CLOSED', []],
    ['EXPIRED', ['RECEIVE', 'CLOSE']],
  ] as const)('%s -> %j from the table', (state, expected) => {
    expect(allowedReturnEvents(state)).toEqual(expected);
  });

  it.each([
    ['on the deadline', ON_DEADLINE, ['SHIP', 'RECEIVE']],
    ['the day after', DAY_AFTER, ['SHIP', 'RECEIVE', 'CLOSE', 'EXPIRE']],
  ] as const)('an authorized return %s', (_label, context, expected) => {
    expect(allowedReturnEvents('AUTHORIZED', context)).toEqual(expected);
  });
});

describe('isFinalReturnState', () => {
  it.each([
    ['REQUESTED', false],
    ['AUTHORIZED', false],
    ['IN_TRANSIT', false],
    ['RECEIVED', false],
    ['GRADED', false],
    ['REFUNDED', true],
    ['CLOSED', true],
    ['EXPIRED', false],
  ] as const)('%s: %s', (state, final) => {
    expect(isFinalReturnState(state)).toBe(final);
  });
});
