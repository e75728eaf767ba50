import { DomainError } from './domain-error.js';

export const APPLICATION_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'IN_REVIEW',
  'APPROVED',
  'REJECTED',
  'NEEDS_INFO',
  'WITHDRAWN',
] as const;

export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_EVENTS = [
  'SUBMIT',
  'CLAIM',
  'RELEASE',
  'APPROVE',
  'REJECT',
  'REQUEST_INFO',
  'RESUBMIT',
  'WITHDRAW',
] as const;

export type ApplicationEvent = (typeof APPLICATION_EVENTS)[number];

/** The statuses of an application still in progress. */
export type OpenApplicationStatus = Extract<ApplicationStatus, 'DRAFT' | 'SUBMITTED' | 'IN_REVIEW' | 'NEEDS_INFO'>;

export type ApplicationTransitions = Readonly<
  Record<ApplicationStatus, Readonly<Partial<Record<ApplicationEvent, ApplicationStatus>>>>
>;

/**
 * The whole lifecycle (SPEC 3 and 4) as data: from each status, the events allowed and where they
 * lead. Anything not listed is refused. A reviewer's RELEASE hands a claimed application back to
 * the queue; WITHDRAW is the seller's way out while nobody is deciding.
 */
export const APPLICATION_TRANSITIONS: ApplicationTransitions = deepFreeze({
  DRAFT: { SUBMIT: 'SUBMITTED', WITHDRAW: 'WITHDRAWN' },
  SUBMITTED: { CLAIM: 'IN_REVIEW', WITHDRAW: 'WITHDRAWN' },
  IN_REVIEW: { RELEASE: 'SUBMITTED', APPROVE: 'APPROVED', REJECT: 'REJECTED', REQUEST_INFO: 'NEEDS_INFO' },
  APPROVED: {},
  REJECTED: {},
  NEEDS_INFO: { RESUBMIT: 'SUBMITTED', WITHDRAW: 'WITHDRAWN' },
  WITHDRAWN: {},
});

/** Words for people: "in review" reads better than IN_REVIEW in a sentence. */
export const APPLICATION_STATUS_LABELS: Readonly<Record<ApplicationStatus, string>> = {
  DRAFT: 'draft',
  SUBMITTED: 'submitted',
  IN_REVIEW: 'in review',
  APPROVED: 'approved',
  REJECTED: 'rejected',
  NEEDS_INFO: 'waiting for more information',
  WITHDRAWN: 'withdrawn',
};

export class InvalidTransitionError extends DomainError {
  override readonly code = 'INVALID_TRANSITION';

  constructor(
    readonly status: ApplicationStatus,
    readonly event: ApplicationEvent,
  ) {
    super(`This application is ${status}; ${whyNot(status, event)}`);
  }
}

/** Where `event` takes an application in `status`; throws InvalidTransitionError when it may not. */
export function nextStatus(status: ApplicationStatus, event: ApplicationEvent): ApplicationStatus {
  const next = APPLICATION_TRANSITIONS[status][event];
  if (next === undefined) throw new InvalidTransitionError(status, event);
  return next;
}

export function canTransition(status: ApplicationStatus, event: ApplicationEvent): boolean {
  return APPLICATION_TRANSITIONS[status][event] !== undefined;
}

/** The events allowed from `status`, in the order of APPLICATION_EVENTS. */
export function allowedEvents(status: ApplicationStatus): ApplicationEvent[] {
  return APPLICATION_EVENTS.filter((event) => canTransition(status, event));
}

/**
 * Still in progress: a seller with an open application in a marketplace may not start another
 * there (SPEC 3).
 */
export function isOpen(status: ApplicationStatus): status is OpenApplicationStatus {
  return status === 'DRAFT' || status === 'SUBMITTED' || status === 'IN_REVIEW' || status === 'NEEDS_INFO';
}

/**
 * A reviewer's final decision has been made. NEEDS_INFO is a reviewer's answer too, but not a
 * final one: the application stays open. WITHDRAWN is closed without a decision.
 */
export function isDecided(status: ApplicationStatus): boolean {
  return status === 'APPROVED' || status === 'REJECTED';
}

/** No event leaves this status. */
export function isFinal(status: ApplicationStatus): boolean {
  return allowedEvents(status).length === 0;
}

/**
 * Events after which the application waits in the queue with a new review-due clock (SPEC 3:
 * resubmission starts a new 10-business-day clock). RELEASE puts it back in the queue under the
 * clock it already had.
 */
export function startsReviewClock(event: ApplicationEvent): boolean {
  return event === 'SUBMIT' || event === 'RESUBMIT';
}

// --- internals -------------------------------------------------------------------------------

const PAST_PARTICIPLES: Readonly<Record<ApplicationEvent, string>> = {
  SUBMIT: 'submitted',
  CLAIM: 'claimed',
  RELEASE: 'released',
  APPROVE: 'decided',
  REJECT: 'decided',
  REQUEST_INFO: 'decided',
  RESUBMIT: 'resubmitted',
  WITHDRAW: 'withdrawn',
};

/** The rest of the sentence after "This application is STATUS; ", saying what blocks the event. */
function whyNot(status: ApplicationStatus, event: ApplicationEvent): string {
  if (isFinal(status)) {
    const restart = event === 'SUBMIT' || event === 'RESUBMIT' ? ' Start a new application instead.' : '';
    return `it can no longer be ${PAST_PARTICIPLES[event]}.${restart}`;
  }
  // From here the status is DRAFT, SUBMITTED, IN_REVIEW or NEEDS_INFO.
  switch (event) {
    case 'SUBMIT':
      return status === 'NEEDS_INFO'
        ? 'resubmit it with the requested information instead.'
        : 'it has already been submitted.';
    case 'CLAIM':
      if (status === 'IN_REVIEW') return 'another reviewer has already claimed it.';
      return `it is not waiting in the queue, so there is nothing to claim (${notYetInQueue(status)}).`;
    case 'RELEASE':
      return 'only an application a reviewer has claimed (IN_REVIEW) can be released.';
    case 'APPROVE':
    case 'REJECT':
    case 'REQUEST_INFO':
      if (status === 'SUBMITTED') return 'a reviewer must claim it before deciding it.';
      return `it cannot be decided now (${notYetInQueue(status)}).`;
    case 'RESUBMIT':
      return 'only an application waiting for more information (NEEDS_INFO) can be resubmitted.';
    case 'WITHDRAW':
      return 'it cannot be withdrawn while a reviewer is deciding it.';
  }
}

function notYetInQueue(status: ApplicationStatus): string {
  return status === 'DRAFT' ? 'it has not been submitted yet' : 'it is waiting for the seller to resubmit';
}

function deepFreeze<T extends Record<string, object>>(table: T): T {
  for (const row of Object.values(table)) Object.freeze(row);
  return Object.freeze(table);
}
