import { Reference } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { CLOSE_REASON_LABELS, CLOSE_REASONS, RETURN_TEXT_LIMITS } from '@recertify/domain';
import type { AppConfig } from '../../../config.js';
import { badInput } from '../../../errors/app-error.js';
import { recordAudit } from '../../audit/audit.service.js';
import { enqueueEmail } from '../../outbox/outbox.service.js';
import { applyAuthorization, newRmaNumber } from '../return-authorizing.js';
import { ReturnMessage } from '../return-message.entity.js';
import { nextReturnStateOrRefuse, transitionContext } from '../return-lifecycle.js';
import { defaultReturnAddress, marketplaceReturnPolicy, sellerReturnSettings } from '../return-policy-context.js';
import type { ReturnRequest } from '../return-request.entity.js';
import { returnAuthorizedEmail, returnClosedEmail, returnReplyEmail } from '../returns.emails.js';
import { ReturnMessageAuthor } from '../returns.enums.js';
import type { ReturnLinkAction } from './return-link-token.js';

/** What a confirmed link page sends besides its action. */
export interface LinkActionInput {
  readonly reason: string;
  readonly message: string;
}

export interface LinkActionContext {
  /** The return, loaded in the action's transaction. */
  readonly request: ReturnRequest;
  readonly config: Pick<AppConfig, 'publicUrl'>;
  readonly now: Date;
}

/** Who acted, in the audit log: the seller, through the link emailed to it. */
const ACTOR = { via: 'email link' } as const;

/**
 * What each link does, inside the transaction that claimed the link; each returns one sentence
 * for the page. They act as the seller would from the queue, with the same lifecycle rules
 * (a refusal is RETURN_REFUSED and rolls the claim back), audit entries and buyer emails.
 */
export const LINK_ACTIONS: Readonly<
  Record<ReturnLinkAction, (em: EntityManager, context: LinkActionContext, input: LinkActionInput) => Promise<string>>
> = {
  async AUTHORIZE(em, { request, now }) {
    request.status = nextReturnStateOrRefuse(request.status, 'AUTHORIZE', transitionContext(request, now));
    const [policy, { rmaPrefix }, address] = await Promise.all([
      marketplaceReturnPolicy(em, request.marketplace, now),
      sellerReturnSettings(em, request.organization.id, request.marketplace),
      defaultReturnAddress(em, request.organization.id),
    ]);
    applyAuthorization(request, { rma: newRmaNumber(rmaPrefix), rmaGenerated: true, address, at: now }, policy);
    recordAudit(em, {
      principal: null,
      action: 'RETURN_AUTHORIZED',
      subjectType: 'ReturnRequest',
      subjectId: request.id,
      data: { rma: request.rma, automatic: false, deadline: request.deadline, ...ACTOR },
      at: now,
    });
    if (request.buyerEmail) {
      enqueueEmail(em, { kind: 'return.authorized', to: request.buyerEmail, ...returnAuthorizedEmail(request) }, now);
    }
    return `The return is authorized with RMA ${request.rma}; the item may arrive until ${request.deadline}.`;
  },

  async CLOSE(em, { request, now }, input) {
    const reason = CLOSE_REASONS.find((r) => r === input.reason);
    if (!reason) throw badInput([{ field: 'reason', message: 'choose why the request is closed' }]);
    request.status = nextReturnStateOrRefuse(request.status, 'CLOSE', transitionContext(request, now, reason));
    request.closeReason = reason;
    request.closedAt = now;
    recordAudit(em, {
      principal: null,
      action: 'RETURN_CLOSED',
      subjectType: 'ReturnRequest',
      subjectId: request.id,
      data: { reason, ...ACTOR },
      at: now,
    });
    if (request.buyerEmail) {
      enqueueEmail(em, { kind: 'return.closed', to: request.buyerEmail, ...returnClosedEmail(request, reason) }, now);
    }
    await Promise.resolve();
    return `The return request is closed: ${CLOSE_REASON_LABELS[reason]}.`;
  },

  async REPLY(em, { request, now }, input) {
    const body = input.message.trim();
    if (body.length === 0 || body.length > RETURN_TEXT_LIMITS.message) {
      throw badInput([{ field: 'message', message: `write 1 to ${RETURN_TEXT_LIMITS.message} characters` }]);
    }
    em.persist(
      new ReturnMessage({
        returnRequest: Reference.create(request),
        author: ReturnMessageAuthor.SELLER,
        authorName: null,
        body,
        sentAt: now,
      }),
    );
    recordAudit(em, {
      principal: null,
      action: 'RETURN_REPLIED',
      subjectType: 'ReturnRequest',
      subjectId: request.id,
      data: { length: body.length, ...ACTOR },
      at: now,
    });
    if (request.buyerEmail) {
      enqueueEmail(em, { kind: 'return.reply', to: request.buyerEmail, ...returnReplyEmail(request, body) }, now);
    }
    await Promise.resolve();
    return request.buyerEmail
      ? 'Your reply is sent to the buyer.'
      : 'Your reply is on the return’s thread (the marketplace gave no buyer address to email it to).';
  },
};

/** The default return address in one line, for the authorize page; null when the seller has none. */
export async function defaultAddressLine(em: EntityManager, request: ReturnRequest): Promise<string | null> {
  const address = await defaultReturnAddress(em, request.organization.id);
  if (!address) return null;
  return [
    address.name,
    address.line1,
    address.line2,
    `${address.city}, ${address.region} ${address.postalCode}`,
    address.country,
  ]
    .filter(Boolean)
    .join(', ');
}
