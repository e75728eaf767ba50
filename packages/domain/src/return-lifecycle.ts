import { calendarDaysBetween, type IsoDate } from './calendar.js';
import { DomainError } from './domain-error.js';

export const RETURN_STATES = [
  'REQUESTED',
  'AUTHORIZED',
  'IN_TRANSIT',
  'RECEIVED',
  'GRADED',
  'REFUNDED',
  'CLOSED',
  'EXPIRED',
] as const;

export type ReturnState = (typeof RETURN_STATES)[number];

export const RETURN_EVENTS = ['AUTHORIZE', 'SHIP', 'RECEIVE', 'GRADE', 'REFUND', 'CLOSE', 'EXPIRE'] as const;

export type ReturnEvent = (typeof RETURN_EVENTS)[number];

/**
 * Why a seller closes a return. NOT_RETURNED is the only one for an authorized return, and only
 * once its deadline has passed (SPEC 6); the others end a request nobody is going to ship, or a
 * graded return that ends without a refund.
 */
export const CLOSE_REASONS = [
  'NOT_RETURNED',
  'BUYER_CANCELLED',
  'DECLINED',
  'REFUNDED_WITHOUT_RETURN',
  'REPLACEMENT_SENT',
  'OTHER',
] as const;

export type CloseReason = (typeof CLOSE_REASONS)[number];

export const CLOSE_REASON_LABELS: Readonly<Record<CloseReason, string>> = {
  NOT_RETURNED: 'Not returned by the deadline',
  BUYER_CANCELLED: 'The buyer cancelled the request',
  DECLINED: 'Declined by the seller',
  REFUNDED_WITHOUT_RETURN: 'Refunded without a return',
  REPLACEMENT_SENT: 'Replacement sent',
  OTHER: 'Other',
};

/** Where an event leads; `afterDeadline` events are refused until the return's deadline has passed. */
export interface ReturnTransition {
  readonly to: ReturnState;
  readonly afterDeadline?: true;
}

export type ReturnTransitions = Readonly<Record<ReturnState, Readonly<Partial<Record<ReturnEvent, ReturnTransition>>>>>;

/**
 * The whole lifecycle (SPEC 6, 7) as data: from each state, the events allowed and where they
 * lead; anything not listed is refused. Beyond the SPEC's main line:
 * - AUTHORIZED --RECEIVE--> RECEIVED: an unpaid label has no tracking, so a parcel can arrive
 *   without anyone having seen it ship.
 * - EXPIRED --RECEIVE--> RECEIVED: a parcel that arrives late is still the buyer's item in the
 *   seller's hands; it is graded, and the seller then refunds or closes it.
 * - AUTHORIZED and EXPIRED --CLOSE--> CLOSED: closing as not returned, only after the deadline.
 */
export const RETURN_TRANSITIONS: ReturnTransitions = deepFreeze({
  REQUESTED: { AUTHORIZE: { to: 'AUTHORIZED' }, CLOSE: { to: 'CLOSED' } },
  AUTHORIZED: {
    SHIP: { to: 'IN_TRANSIT' },
    RECEIVE: { to: 'RECEIVED' },
    CLOSE: { to: 'CLOSED', afterDeadline: true },
    EXPIRE: { to: 'EXPIRED', afterDeadline: true },
  },
  IN_TRANSIT: { RECEIVE: { to: 'RECEIVED' } },
  RECEIVED: { GRADE: { to: 'GRADED' } },
  GRADED: { REFUND: { to: 'REFUNDED' }, CLOSE: { to: 'CLOSED' } },
  REFUNDED: {},
  CLOSED: {},
  EXPIRED: { RECEIVE: { to: 'RECEIVED' }, CLOSE: { to: 'CLOSED' } },
});

/** The reasons a return in each state may be closed with; empty where CLOSE is not allowed. */
export const CLOSE_REASONS_BY_STATE: Readonly<Record<ReturnState, readonly CloseReason[]>> = deepFreeze({
  REQUESTED: ['BUYER_CANCELLED', 'DECLINED', 'REFUNDED_WITHOUT_RETURN', 'REPLACEMENT_SENT', 'OTHER'],
  AUTHORIZED: ['NOT_RETURNED'],
  IN_TRANSIT: [],
  RECEIVED: [],
  GRADED: ['REPLACEMENT_SENT', 'OTHER'],
  REFUNDED: [],
  CLOSED: [],
  EXPIRED: ['NOT_RETURNED'],
});

/** Words for people: "in transit" reads better than IN_TRANSIT in a sentence. */
export const RETURN_STATE_LABELS: Readonly<Record<ReturnState, string>> = {
  REQUESTED: 'requested',
  AUTHORIZED: 'authorized',
  IN_TRANSIT: 'in transit',
  RECEIVED: 'received',
  GRADED: 'graded',
  REFUNDED: 'refunded',
  CLOSED: 'closed',
  EXPIRED: 'expired',
};

/**
 * What a guarded event needs to know: the local date today and the return's deadline (both in the
 * marketplace's zone), and for CLOSE the reason.
 */
export interface ReturnTransitionContext {
  readonly today?: IsoDate;
  /** Null before the return is authorized. */
  readonly deadline?: IsoDate | null;
  readonly closeReason?: CloseReason;
}

/**
 * Why an event was refused: the state does not allow it at all, the deadline has not passed yet,
 * or the close reason does not fit the state.
 */
export const RETURN_REFUSALS = ['NOT_FROM_STATE', 'BEFORE_DEADLINE', 'CLOSE_REASON'] as const;
export type ReturnRefusal = (typeof RETURN_REFUSALS)[number];

export class InvalidReturnTransitionError extends DomainError {
  override readonly code = 'INVALID_TRANSITION';

  constructor(
    readonly state: ReturnState,
    readonly event: ReturnEvent,
    readonly refusal: ReturnRefusal,
    readonly context: ReturnTransitionContext = {},
  ) {
    super(`This return is ${state}; ${whyNot(state, event, refusal, context)}`);
  }
}

/**
 * Where `event` takes a return in `state`; throws InvalidReturnTransitionError when it may not.
 * CLOSE needs `closeReason`; EXPIRE and closing an authorized return need `today` and `deadline`
 * (a RangeError when missing: that is the caller's bug, not the user's).
 */
export function nextReturnState(
  state: ReturnState,
  event: ReturnEvent,
  context: ReturnTransitionContext = {},
): ReturnState {
  const transition = RETURN_TRANSITIONS[state][event];
  const refusal = refusalOf(state, event, context);
  if (transition === undefined || refusal !== null) {
    throw new InvalidReturnTransitionError(state, event, refusal ?? 'NOT_FROM_STATE', context);
  }
  return transition.to;
}

export function canTransitionReturn(
  state: ReturnState,
  event: ReturnEvent,
  context: ReturnTransitionContext = {},
): boolean {
  return refusalOf(state, event, context) === null;
}

/**
 * The events a return in `state` may take, in the order of RETURN_EVENTS. With `today` and
 * `deadline`, events waiting for the deadline are left out until it has passed; without them the
 * table's events are listed as they stand.
 */
export function allowedReturnEvents(
  state: ReturnState,
  context?: Pick<ReturnTransitionContext, 'today' | 'deadline'>,
): ReturnEvent[] {
  return RETURN_EVENTS.filter((event) => {
    const transition = RETURN_TRANSITIONS[state][event];
    if (transition === undefined) return false;
    if (!transition.afterDeadline || context === undefined) return true;
    return deadlinePassed(context);
  });
}

/** No event leaves this state. */
export function isFinalReturnState(state: ReturnState): boolean {
  return Object.keys(RETURN_TRANSITIONS[state]).length === 0;
}

// --- internals -------------------------------------------------------------------------------

function refusalOf(state: ReturnState, event: ReturnEvent, context: ReturnTransitionContext): ReturnRefusal | null {
  const transition = RETURN_TRANSITIONS[state][event];
  if (transition === undefined) return 'NOT_FROM_STATE';
  if (event === 'CLOSE') {
    if (context.closeReason === undefined) throw new RangeError('CLOSE needs a closeReason');
    if (!CLOSE_REASONS_BY_STATE[state].includes(context.closeReason)) return 'CLOSE_REASON';
  }
  if (transition.afterDeadline && !deadlinePassed(context)) return 'BEFORE_DEADLINE';
  return null;
}

function deadlinePassed(context: Pick<ReturnTransitionContext, 'today' | 'deadline'>): boolean {
  const { today, deadline } = context;
  if (today === undefined || deadline === undefined) {
    throw new RangeError('an event that waits for the deadline needs today and the deadline');
  }
  // An authorized return always has a deadline; without one there is nothing that has passed.
  if (deadline === null) return false;
  return calendarDaysBetween(deadline, today) > 0;
}

const PARTICIPLES: Readonly<Record<ReturnEvent, string>> = {
  AUTHORIZE: 'authorized',
  SHIP: 'marked in transit',
  RECEIVE: 'received',
  GRADE: 'graded',
  REFUND: 'refunded',
  CLOSE: 'closed',
  EXPIRE: 'expired',
};

/** The rest of the sentence after "This return is STATE; ", saying what blocks the event. */
function whyNot(
  state: ReturnState,
  event: ReturnEvent,
  refusal: ReturnRefusal,
  context: ReturnTransitionContext,
): string {
  switch (refusal) {
    case 'BEFORE_DEADLINE': {
      const deadline = context.deadline ? ` (${context.deadline})` : '';
      const what = event === 'EXPIRE' ? 'it expires' : 'it can be closed as not returned';
      return `${what} only after its return deadline${deadline} has passed.`;
    }
    case 'CLOSE_REASON': {
      const reasons = CLOSE_REASONS_BY_STATE[state].join(', ');
      return `it cannot be closed as ${context.closeReason ?? 'that'}; the reasons that fit are ${reasons}.`;
    }
    case 'NOT_FROM_STATE':
      if (isFinalReturnState(state)) return `it can no longer be ${PARTICIPLES[event]}.`;
      return notYet(state, event);
  }
}

/** The refusal for a state that is still moving, in the state's own terms. */
function notYet(state: ReturnState, event: ReturnEvent): string {
  const arrived = state === 'RECEIVED' || state === 'GRADED';
  switch (event) {
    case 'AUTHORIZE':
      return 'it has already been authorized.';
    case 'SHIP':
      if (state === 'REQUESTED') return 'it must be authorized before it can ship.';
      if (state === 'IN_TRANSIT') return 'it is already in transit.';
      if (state === 'EXPIRED') return 'it expired before it shipped; if it arrives anyway, record it as received.';
      return 'it has already arrived.';
    case 'RECEIVE':
      return arrived ? 'it has already been received.' : 'it must be authorized before it can be received.';
    case 'GRADE':
      return state === 'GRADED' ? 'it has already been graded.' : 'it must be received before it can be graded.';
    case 'REFUND':
      return state === 'RECEIVED'
        ? 'it must be graded before it is refunded.'
        : 'it must be received and graded before it is refunded.';
    case 'CLOSE':
      return state === 'RECEIVED'
        ? 'it can be closed once it has been graded.'
        : 'it is on its way back; it can be closed once it has been received and graded.';
    case 'EXPIRE':
      if (state === 'REQUESTED') return 'only an authorized return can expire.';
      if (state === 'IN_TRANSIT') return 'it has shipped, so it does not expire.';
      if (state === 'EXPIRED') return 'it has already expired.';
      return 'it has already arrived.';
  }
}

function deepFreeze<T extends Record<string, object>>(table: T): T {
  for (const row of Object.values(table)) {
    for (const cell of Object.values(row)) if (typeof cell === 'object' && cell !== null) Object.freeze(cell);
    Object.freeze(row);
  }
  return Object.freeze(table);
}
