import { CLOSE_REASON_LABELS, RETURN_REASON_LABELS, type CloseReason } from '@recertify/domain';
import type { EmailContent } from '../accounts/accounts.emails.js';
import type { ReturnRequest } from './return-request.entity.js';

type Facts = Pick<
  ReturnRequest,
  | 'externalId'
  | 'orderExternalId'
  | 'marketplace'
  | 'reasonCode'
  | 'buyerComment'
  | 'inPolicy'
  | 'policyExplanation'
  | 'authorizationExplanation'
  | 'status'
  | 'rma'
  | 'deadline'
>;

/** To the seller on arrival (SPEC 6): the reason, and when out of policy, why. */
export function returnRequestedEmail(request: Facts, link: string): EmailContent {
  const reason = RETURN_REASON_LABELS[request.reasonCode];
  return {
    subject: `Return request for order ${request.orderExternalId}: ${reason}${request.inPolicy ? '' : ' (out of policy)'}`,
    text: [
      `A buyer asked to return items of order ${request.orderExternalId} (${request.marketplace}).`,
      '',
      `Reason: ${reason}`,
      ...(request.buyerComment ? [`Buyer's comment: ${request.buyerComment}`] : []),
      '',
      request.inPolicy ? request.policyExplanation : `This request is out of policy. ${request.policyExplanation}`,
      request.authorizationExplanation,
      ...(request.status === 'AUTHORIZED' && request.rma
        ? [`RMA ${request.rma}; the item may arrive until ${request.deadline}.`]
        : []),
      '',
      `Open the request: ${link}`,
    ].join('\n'),
  };
}

/** To the buyer when the return is authorized. */
export function returnAuthorizedEmail(
  request: Pick<ReturnRequest, 'orderExternalId' | 'rma' | 'deadline'>,
): EmailContent {
  return {
    subject: `Your return for order ${request.orderExternalId} is authorized (RMA ${request.rma})`,
    text: [
      `Your return for order ${request.orderExternalId} is authorized.`,
      `RMA number: ${request.rma}. Put the packing slip with this number in the parcel.`,
      `Please send the item so that it arrives by ${request.deadline}.`,
    ].join('\n'),
  };
}

/** The seller's reply, to the buyer. */
export function returnReplyEmail(request: Pick<ReturnRequest, 'orderExternalId'>, body: string): EmailContent {
  return {
    subject: `About your return for order ${request.orderExternalId}`,
    text: body,
  };
}

/** To the buyer when the seller closes the request. */
export function returnClosedEmail(request: Pick<ReturnRequest, 'orderExternalId'>, reason: CloseReason): EmailContent {
  return {
    subject: `Your return request for order ${request.orderExternalId} is closed`,
    text: [
      `Your return request for order ${request.orderExternalId} is closed.`,
      `Reason: ${CLOSE_REASON_LABELS[reason]}.`,
    ].join('\n'),
  };
}
