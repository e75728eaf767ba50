import type { EntityManager } from '@mikro-orm/knex';
import {
  InvalidReturnTransitionError,
  localDateOf,
  MARKETPLACES,
  nextReturnState,
  type CloseReason,
  type ReturnEvent,
  type ReturnState,
  type ReturnTransitionContext,
} from '@recertify/domain';
import type { Principal } from '../../auth/principal.js';
import { notFound } from '../../errors/app-error.js';
import type { Lifecycle } from '../shared/state-change.js';
import { ReturnRequest } from './return-request.entity.js';
import { returnsOrganizationOf } from './returns-access.js';
import { returnRefused } from './returns.errors.js';

/**
 * The domain's return lifecycle for beginStateChange, judged with what guarded events need (today
 * and the deadline in the marketplace's zone, the close reason); its refusals become RETURN_REFUSED.
 */
export function returnLifecycle(context: ReturnTransitionContext): Lifecycle<ReturnState, ReturnEvent> {
  return {
    subjectType: 'ReturnRequest',
    noun: 'return',
    next: (state, event) => nextReturnStateOrRefuse(state, event, context),
  };
}

export function nextReturnStateOrRefuse(
  state: ReturnState,
  event: ReturnEvent,
  context: ReturnTransitionContext,
): ReturnState {
  try {
    return nextReturnState(state, event, context);
  } catch (error) {
    if (error instanceof InvalidReturnTransitionError) throw returnRefused(error);
    throw error;
  }
}

/** What a guarded event of this request is judged with, at `now`. */
export function transitionContext(
  request: Pick<ReturnRequest, 'marketplace' | 'deadline'>,
  now: Date,
  closeReason?: CloseReason,
): ReturnTransitionContext {
  return {
    today: localDateOf(now, MARKETPLACES[request.marketplace].timeZone),
    deadline: request.deadline,
    ...(closeReason ? { closeReason } : {}),
  };
}

/** One of the caller's returns to change (write:returns for keys); NOT_FOUND for anyone else's. */
export async function loadOwnReturn(em: EntityManager, principal: Principal, id: string): Promise<ReturnRequest> {
  const organizationId = returnsOrganizationOf(principal, 'write');
  const request = await em.findOne(ReturnRequest, { id, organization: organizationId });
  if (!request) throw notFound('That return request');
  return request;
}
