import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { cleanCustomRma, customRmaProblem } from '@recertify/domain';
import type { Principal } from '../../auth/principal.js';
import { badInput } from '../../errors/app-error.js';
import { beginStateChange } from '../shared/state-change.js';
import { chooseReturnAddress, type ReturnAddressFields } from './return-address-input.js';
import { applyAuthorization, newRmaNumber } from './return-authorizing.js';
import { loadOwnReturn, returnLifecycle, transitionContext } from './return-lifecycle.js';
import { marketplaceReturnPolicy, sellerReturnSettings } from './return-policy-context.js';
import { ReturnRequest } from './return-request.entity.js';
import { returnAuthorizedEmail } from './returns.emails.js';
import { rmaTaken } from './returns.errors.js';
import type { ReturnActor } from './return-actor.js';

export interface AuthorizeReturnInput {
  readonly id: string;
  /** The version the seller looked at. */
  readonly version: number;
  /** The seller's own RMA; absent or empty for a generated one. */
  readonly rma?: string | null;
  readonly addressId?: string | null;
  readonly newAddress?: ReturnAddressFields | null;
}

/**
 * The seller authorizes a requested return (SPEC 6): with a generated RMA or its own (validated,
 * unique per seller), to its default, a saved or a new return address; the deadline is the window's
 * close plus the transit days. The buyer is emailed the RMA. The authorized request is returned:
 * its label and packing slip are drawn from it (rma, returnAddress, labelKind) when downloaded.
 */
export async function authorizeReturn(
  em: EntityManager,
  principal: Principal,
  input: AuthorizeReturnInput,
  now: Date,
): Promise<ReturnRequest> {
  const request = await loadOwnReturn(em, principal, input.id);
  return authorizeLoadedReturn(em, request, input, { principal }, now);
}

/**
 * The authorization itself, of a request already loaded as the seller's (signed in, or through the
 * signed email link, which authorizes with a generated RMA to the default address).
 */
export async function authorizeLoadedReturn(
  em: EntityManager,
  request: ReturnRequest,
  input: Omit<AuthorizeReturnInput, 'id'>,
  actor: ReturnActor,
  now: Date,
): Promise<ReturnRequest> {
  const organizationId = request.organization.id;
  const change = beginStateChange(em, returnLifecycle(transitionContext(request, now)), {
    record: request,
    expectedVersion: input.version,
    event: 'AUTHORIZE',
  });

  const custom = input.rma?.trim() ? input.rma : null;
  if (custom !== null) {
    const problem = customRmaProblem(custom, 'rma');
    if (problem) throw badInput([{ field: problem.field, message: problem.message }]);
  }
  const [policy, { rmaPrefix }] = await Promise.all([
    marketplaceReturnPolicy(em, request.marketplace, now),
    sellerReturnSettings(em, organizationId, request.marketplace),
  ]);
  const rma = custom !== null ? cleanCustomRma(custom) : newRmaNumber(rmaPrefix);
  if (custom !== null && (await em.count(ReturnRequest, { organization: organizationId, rma }))) throw rmaTaken(rma);
  const address = await chooseReturnAddress(em, organizationId, input);

  applyAuthorization(request, { rma, rmaGenerated: custom === null, address, at: now }, policy);
  try {
    await change.commit({
      principal: actor.principal,
      at: now,
      audit: {
        action: 'RETURN_AUTHORIZED',
        data: { rma, generated: custom === null, deadline: request.deadline, ...actor.audit },
      },
      emails: request.buyerEmail
        ? [{ kind: 'return.authorized', to: request.buyerEmail, ...returnAuthorizedEmail(request) }]
        : [],
    });
  } catch (error) {
    // Two authorizations with the same new RMA at once: the unique index refuses the second.
    if (error instanceof UniqueConstraintViolationException) throw rmaTaken(rma);
    throw error;
  }
  return request;
}
