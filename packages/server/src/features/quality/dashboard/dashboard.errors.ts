import type { MarketplaceCode } from '@recertify/domain';
import { AppError } from '../../../errors/app-error.js';

/**
 * Why a seller has no dashboard in a marketplace: the status of its latest application there, or
 * NO_APPLICATION. The web page tells the seller what to do from it.
 */
export type NotApprovedReason =
  'NO_APPLICATION' | 'DRAFT' | 'SUBMITTED' | 'IN_REVIEW' | 'NEEDS_INFO' | 'REJECTED' | 'WITHDRAWN';

/** Refusals of the quality dashboard beyond the common codes. */
export interface DashboardErrorDetails {
  /** Only sellers approved in the marketplace have a quality dashboard there. */
  readonly NOT_APPROVED: { readonly marketplace: MarketplaceCode; readonly reason: NotApprovedReason };
}

export function notApproved(marketplace: MarketplaceCode, reason: NotApprovedReason): AppError<'NOT_APPROVED'> {
  return new AppError(
    'NOT_APPROVED',
    `Only sellers approved for Renewed in ${marketplace} have a quality dashboard there; ${REASONS[reason]}`,
    { marketplace, reason },
  );
}

const REASONS: Readonly<Record<NotApprovedReason, string>> = {
  NO_APPLICATION: 'this seller has not applied yet. Apply to the program to sell Renewed products.',
  DRAFT: 'this seller’s application is still a draft. Submit it for review.',
  SUBMITTED: 'this seller’s application is waiting for review.',
  IN_REVIEW: 'this seller’s application is being reviewed.',
  NEEDS_INFO: 'the reviewer asked for more information on this seller’s application. Answer it and resubmit.',
  REJECTED: 'this seller’s application was rejected. Fix what the reviewer named and apply again.',
  WITHDRAWN: 'this seller withdrew its application. Apply again to sell Renewed products.',
};
