import type { EntityManager } from '@mikro-orm/knex';
import type { CloseReason } from '@recertify/domain';
import type { Principal } from '../../auth/principal.js';
import { beginStateChange } from '../shared/state-change.js';
import { loadOwnReturn, returnLifecycle, transitionContext } from './return-lifecycle.js';
import type { ReturnActor } from './return-actor.js';
import type { ReturnRequest } from './return-request.entity.js';
import { returnClosedEmail } from './returns.emails.js';

export interface CloseReturnInput {
  readonly id: string;
  readonly version: number;
  readonly reason: CloseReason;
  readonly note?: string | null;
}

/**
 * The seller closes a return with a reason (SPEC 6). The lifecycle decides which reasons fit the
 * state; an authorized return closes only as NOT_RETURNED and only after its deadline
 * (BEFORE_DEADLINE otherwise). The buyer is told.
 */
export async function closeReturn(
  em: EntityManager,
  principal: Principal,
  input: CloseReturnInput,
  now: Date,
): Promise<ReturnRequest> {
  const request = await loadOwnReturn(em, principal, input.id);
  return closeLoadedReturn(em, request, input, { principal }, now);
}

/** The closing itself, of a request already loaded as the seller's (signed in, or through the email link). */
export async function closeLoadedReturn(
  em: EntityManager,
  request: ReturnRequest,
  input: Omit<CloseReturnInput, 'id'>,
  actor: ReturnActor,
  now: Date,
): Promise<ReturnRequest> {
  const change = beginStateChange(em, returnLifecycle(transitionContext(request, now, input.reason)), {
    record: request,
    expectedVersion: input.version,
    event: 'CLOSE',
  });
  request.closeReason = input.reason;
  request.closedAt = now;
  request.closedNote = input.note?.trim() || null;
  await change.commit({
    principal: actor.principal,
    at: now,
    audit: { action: 'RETURN_CLOSED', data: { reason: input.reason, from: change.from, ...actor.audit } },
    emails: request.buyerEmail
      ? [{ kind: 'return.closed', to: request.buyerEmail, ...returnClosedEmail(request, input.reason) }]
      : [],
  });
  return request;
}
