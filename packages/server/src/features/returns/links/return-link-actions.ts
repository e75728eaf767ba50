import type { EntityManager } from '@mikro-orm/knex';
import { CLOSE_REASON_LABELS, CLOSE_REASONS } from '@recertify/domain';
import type { AppConfig } from '../../../config.js';
import { badInput } from '../../../errors/app-error.js';
import { authorizeLoadedReturn } from '../authorize-return.js';
import { closeLoadedReturn } from '../close-return.js';
import { replyToLoadedReturn } from '../reply-to-buyer.js';
import type { ReturnActor } from '../return-actor.js';
import { defaultReturnAddress } from '../return-policy-context.js';
import type { ReturnRequest } from '../return-request.entity.js';
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
const LINK_ACTOR: ReturnActor = { principal: null, audit: { via: 'email link' } };

/**
 * What each link does, inside the transaction that claimed the link; each returns one sentence
 * for the page. They call the seller's own use cases (authorize-return.ts, close-return.ts,
 * reply-to-buyer.ts) on the return as loaded in that transaction: the same lifecycle rules (a
 * refusal rolls the claim back), audit entries and buyer emails.
 */
export const LINK_ACTIONS: Readonly<
  Record<ReturnLinkAction, (em: EntityManager, context: LinkActionContext, input: LinkActionInput) => Promise<string>>
> = {
  async AUTHORIZE(em, { request, now }) {
    // A generated RMA, to the default address.
    await authorizeLoadedReturn(em, request, { version: request.version }, LINK_ACTOR, now);
    return `The return is authorized with RMA ${request.rma}; the item may arrive until ${request.deadline}.`;
  },

  async CLOSE(em, { request, now }, input) {
    const reason = CLOSE_REASONS.find((r) => r === input.reason);
    if (!reason) throw badInput([{ field: 'reason', message: 'choose why the request is closed' }]);
    await closeLoadedReturn(em, request, { version: request.version, reason }, LINK_ACTOR, now);
    return `The return request is closed: ${CLOSE_REASON_LABELS[reason]}.`;
  },

  async REPLY(em, { request, now }, input) {
    await replyToLoadedReturn(em, request, { body: input.message }, LINK_ACTOR, now);
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
