import { Reference } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { RETURN_TEXT_LIMITS } from '@recertify/domain';
import type { Principal } from '../../auth/principal.js';
import { InputCheck } from '../../errors/app-error.js';
import { recordAudit } from '../audit/audit.service.js';
import { enqueueEmail } from '../outbox/outbox.service.js';
import { Organization } from '../accounts/organization.entity.js';
import { loadOwnReturn } from './return-lifecycle.js';
import { ReturnMessage } from './return-message.entity.js';
import type { ReturnActor } from './return-actor.js';
import type { ReturnRequest } from './return-request.entity.js';
import { ReturnMessageAuthor } from './returns.enums.js';
import { returnReplyEmail } from './returns.emails.js';

/**
 * The seller replies to the buyer (SPEC 6): the message joins the return's thread and is emailed
 * to the buyer through the outbox, in the same flush. Any state: a closed return can still be explained.
 */
export async function replyToBuyer(
  em: EntityManager,
  principal: Principal,
  input: { readonly id: string; readonly body: string },
  now: Date,
): Promise<ReturnRequest> {
  const request = await loadOwnReturn(em, principal, input.id);
  return replyToLoadedReturn(em, request, input, { principal }, now);
}

/** The reply itself, on a request already loaded as the seller's (signed in, or through the email link). */
export async function replyToLoadedReturn(
  em: EntityManager,
  request: ReturnRequest,
  input: { readonly body: string },
  actor: ReturnActor,
  now: Date,
): Promise<ReturnRequest> {
  const body = input.body.trim();
  new InputCheck()
    .require(body.length > 0, 'body', 'write a message to the buyer')
    .require(
      body.length <= RETURN_TEXT_LIMITS.message,
      'body',
      `must be at most ${RETURN_TEXT_LIMITS.message} characters`,
    )
    .throwIfAny();
  const seller = await em.findOneOrFail(Organization, { id: request.organization.id }, { fields: ['name'] });
  const message = new ReturnMessage({
    returnRequest: Reference.create(request),
    author: ReturnMessageAuthor.SELLER,
    authorName: seller.name,
    body,
    sentAt: now,
  });
  em.persist(message);
  recordAudit(em, {
    principal: actor.principal,
    action: 'RETURN_REPLIED',
    subjectType: 'ReturnRequest',
    subjectId: request.id,
    data: { messageId: message.id, emailed: request.buyerEmail !== null, ...actor.audit },
    at: now,
  });
  if (request.buyerEmail) {
    enqueueEmail(em, { kind: 'return.reply', to: request.buyerEmail, ...returnReplyEmail(request, body) }, now);
  }
  await em.flush();
  return request;
}
