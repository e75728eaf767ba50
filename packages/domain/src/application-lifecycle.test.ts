import { describe, expect, it } from 'vitest';

import {
  allowedEvents,
  APPLICATION_EVENTS,
  APPLICATION_STATUSES,
  APPLICATION_TRANSITIONS,
  type ApplicationEvent,
  type ApplicationStatus,
  canTransition,
  InvalidTransitionError,
  isDecided,
  isFinal,
  isOpen,
  nextStatus,
  startsReviewClock,
} from './application-lifecycle.js';

/** SPEC 3 and 4, written out independently of the table under test. */
const ALLOWED: readonly [ApplicationStatus, ApplicationEvent, ApplicationStatus][] = [
  ['DRAFT', 'SUBMIT', 'SUBMITTED'],
  ['DRAFT', 'WITHDRAW', 'WITHDRAWN'],
  ['SUBMITTED', 'CLAIM', 'IN_REVIEW'],
  ['SUBMITTED', 'WITHDRAW', 'WITHDRAWN'],
  ['IN_REVIEW', 'RELEASE', 'SUBMITTED'],
  ['IN_REVIEW', 'APPROVE', 'APPROVED'],
  ['IN_REVIEW', 'REJECT', 'REJECTED'],
  ['IN_REVIEW', 'REQUEST_INFO', 'NEEDS_INFO'],
  ['NEEDS_INFO', 'RESUBMIT', 'SUBMITTED'],
  ['NEEDS_INFO', 'WITHDRAW', 'WITHDRAWN'],
];

const isAllowed = (status: ApplicationStatus, event: ApplicationEvent) =>
  ALLOWED.some(([from, on]) => from === status && on === event);

const DISALLOWED = APPLICATION_STATUSES.flatMap((status) =>
  APPLICATION_EVENTS.filter((event) => !isAllowed(status, event)).map((event) => [status, event] as const),
);

/** The sentence after "This application is STATUS; " for every refused pair. */
const REFUSALS: Readonly<Record<string, string>> = {
  'DRAFT RELEASE': 'only an application a reviewer has claimed (IN_REVIEW) can be released.',
  'DRAFT CLAIM': 'it is not waiting in the queue, so there is nothing to claim (it has not been submitted yet).',
  'DRAFT APPROVE': 'it cannot be decided now (it has not been submitted yet).',
  'DRAFT REJECT': 'it cannot be decided now (it has not been submitted yet).',
  'DRAFT REQUEST_INFO': 'it cannot be decided now (it has not been submitted yet).',
  'DRAFT RESUBMIT': 'only an application waiting for more information (NEEDS_INFO) can be resubmitted.',
  'SUBMITTED SUBMIT': 'it has already been submitted.',
  'SUBMITTED RELEASE': 'only an application a reviewer has claimed (IN_REVIEW) can be released.',
  'SUBMITTED APPROVE': 'a reviewer must claim it before deciding it.',
  'SUBMITTED REJECT': 'a reviewer must claim it before deciding it.',
  'SUBMITTED REQUEST_INFO': 'a reviewer must claim it before deciding it.',
  'SUBMITTED RESUBMIT': 'only an application waiting for more information (NEEDS_INFO) can be resubmitted.',
  'IN_REVIEW SUBMIT': 'it has already been submitted.',
  'IN_REVIEW CLAIM': 'another reviewer has already claimed it.',
  'IN_REVIEW RESUBMIT': 'only an application waiting for more information (NEEDS_INFO) can be resubmitted.',
  'IN_REVIEW WITHDRAW': 'it cannot be withdrawn while a reviewer is deciding it.',
  'NEEDS_INFO SUBMIT': 'resubmit it with the requested information instead.',
  'NEEDS_INFO CLAIM':
    'it is not waiting in the queue, so there is nothing to claim (it is waiting for the seller to resubmit).',
  'NEEDS_INFO RELEASE': 'only an application a reviewer has claimed (IN_REVIEW) can be released.',
  'NEEDS_INFO APPROVE': 'it cannot be decided now (it is waiting for the seller to resubmit).',
  'NEEDS_INFO REJECT': 'it cannot be decided now (it is waiting for the seller to resubmit).',
  'NEEDS_INFO REQUEST_INFO': 'it cannot be decided now (it is waiting for the seller to resubmit).',
  ...Object.fromEntries(
    (['APPROVED', 'REJECTED', 'WITHDRAWN'] as const).flatMap((status) => [
      [`${status} SUBMIT`, 'it can no longer be submitted. Start a new application instead.'],
      [`${status} CLAIM`, 'it can no longer be claimed.'],
      [`${status} RELEASE`, 'it can no longer be released.'],
      [`${status} APPROVE`, 'it can no longer be decided.'],
      [`${status} REJECT`, 'it can no longer be decided.'],
      [`${status} REQUEST_INFO`, 'it can no longer be decided.'],
      [`${status} RESUBMIT`, 'it can no longer be resubmitted. Start a new application instead.'],
      [`${status} WITHDRAW`, 'it can no longer be withdrawn.'],
    ]),
  ),
};

describe('the transition table', () => {
  it.each(ALLOWED)('%s --%s--> %s', (status, event, expected) => {
    expect(nextStatus(status, event)).toBe(expected);
    expect(canTransition(status, event)).toBe(true);
  });

  it('holds exactly the allowed transitions', () => {
    const rows = Object.entries(APPLICATION_TRANSITIONS).flatMap(([status, events]) =>
      Object.entries(events).map(([event, to]) => [status, event, to]),
    );
    expect(rows).toHaveLength(ALLOWED.length);
    expect(rows).toEqual(expect.arrayContaining(ALLOWED.map((row) => [...row])));
    expect(Object.keys(APPLICATION_TRANSITIONS)).toEqual([...APPLICATION_STATUSES]);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(APPLICATION_TRANSITIONS)).toBe(true);
    for (const events of Object.values(APPLICATION_TRANSITIONS)) expect(Object.isFrozen(events)).toBe(true);
  });

  it('has 46 refused pairs, each with its own sentence', () => {
    expect(DISALLOWED).toHaveLength(APPLICATION_STATUSES.length * APPLICATION_EVENTS.length - ALLOWED.length);
    expect(Object.keys(REFUSALS).sort()).toEqual(DISALLOWED.map(([s, e]) => `${s} ${e}`).sort());
  });
});

describe('nextStatus refuses what the table does not allow', () => {
  it.each(DISALLOWED)('%s --%s--> refused', (status, event) => {
    expect(canTransition(status, event)).toBe(false);
    let thrown: unknown;
    try {
      nextStatus(status, event);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidTransitionError);
    const error = thrown as InvalidTransitionError;
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.name).toBe('InvalidTransitionError');
    expect(error.status).toBe(status);
    expect(error.event).toBe(event);
    expect(error.message).toBe(`This application is ${status}; ${REFUSALS[`${status} ${event}`]}`);
  });

  it('says a decided application can no longer be decided', () => {
    expect(() => nextStatus('APPROVED', 'APPROVE')).toThrow(
      'This application is APPROVED; it can no longer be decided.',
    );
    expect(() => nextStatus('REJECTED', 'APPROVE')).toThrow(
      'This application is REJECTED; it can no longer be decided.',
    );
  });
});

describe('allowedEvents', () => {
  it.each([
    ['DRAFT', ['SUBMIT', 'WITHDRAW']],
    ['SUBMITTED', ['CLAIM', 'WITHDRAW']],
    ['IN_REVIEW', ['RELEASE', 'APPROVE', 'REJECT', 'REQUEST_INFO']],
    ['APPROVED', []],
    ['REJECTED', []],
    ['NEEDS_INFO', ['RESUBMIT', 'WITHDRAW']],
    ['WITHDRAWN', []],
  ] as const)('%s -> %j', (status, expected) => {
    expect(allowedEvents(status)).toEqual(expected);
  });
});

describe('status predicates', () => {
  it.each([
    // status, open, decided, final
    ['DRAFT', true, false, false],
    ['SUBMITTED', true, false, false],
    ['IN_REVIEW', true, false, false],
    ['NEEDS_INFO', true, false, false],
    ['APPROVED', false, true, true],
    ['REJECTED', false, true, true],
    ['WITHDRAWN', false, false, true],
  ] as const)('%s: open %s, decided %s, final %s', (status, open, decided, final) => {
    expect(isOpen(status)).toBe(open);
    expect(isDecided(status)).toBe(decided);
    expect(isFinal(status)).toBe(final);
  });

  it.each([
    ['SUBMIT', true],
    ['RESUBMIT', true],
    ['RELEASE', false],
    ['CLAIM', false],
    ['APPROVE', false],
    ['REJECT', false],
    ['REQUEST_INFO', false],
    ['WITHDRAW', false],
  ] as const)('%s starts a new review clock: %s', (event, expected) => {
    expect(startsReviewClock(event)).toBe(expected);
  });
});
