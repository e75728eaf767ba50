import {
  type InvalidReturnTransitionError,
  type ReturnEvent,
  type ReturnRefusal,
  type ReturnState,
} from '@recertify/domain';
import { AppError } from '../../errors/app-error.js';

/** Refusals of the returns use cases beyond the common codes. */
export interface ReturnsErrorDetails {
  /** The seller already used this RMA number on another return. */
  readonly RMA_TAKEN: { readonly field: 'rma'; readonly rma: string };
  /**
   * The lifecycle does not allow the event now: not from this state (INVALID_TRANSITION), not
   * before the deadline (BEFORE_DEADLINE), or not with that close reason (CLOSE_REASON).
   */
  readonly RETURN_REFUSED: {
    readonly state: ReturnState;
    readonly event: ReturnEvent;
    readonly refusal: ReturnRefusal;
    readonly deadline: string | null;
  };
}

export function rmaTaken(rma: string): AppError<'RMA_TAKEN'> {
  return new AppError(
    'RMA_TAKEN',
    `You already used the RMA number ${rma} on another return; enter another one, or use the generated one.`,
    { field: 'rma', rma },
  );
}

/** The domain's refusal as the API's typed error. */
export function returnRefused(error: InvalidReturnTransitionError): AppError<'RETURN_REFUSED'> {
  return new AppError('RETURN_REFUSED', error.message, {
    state: error.state,
    event: error.event,
    refusal: error.refusal,
    deadline: error.context.deadline ?? null,
  });
}

/** The `reason` clients branch on for a refused transition. */
export function returnRefusalReason(refusal: ReturnRefusal): string {
  return refusal === 'NOT_FROM_STATE' ? 'INVALID_TRANSITION' : refusal;
}
