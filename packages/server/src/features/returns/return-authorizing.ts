import { randomBytes } from 'node:crypto';
import { Reference } from '@mikro-orm/core';
import { generateRmaNumber, returnDeadline, type ReturnPolicyVerdict } from '@recertify/domain';
import type { ReturnAddress } from './return-address.entity.js';
import type { MarketplaceReturnPolicy } from './return-policy-context.js';
import type { ReturnRequest } from './return-request.entity.js';

/** A new RMA number in the seller's format: the generated number, after the seller's prefix if it set one. */
export function newRmaNumber(prefix: string | null): string {
  const generated = generateRmaNumber(randomBytes(9));
  return prefix ? `${prefix}-${generated}` : generated;
}

/** What authorizing writes on a request: the RMA, the address and the deadline (window close + transit). */
export interface Authorization {
  readonly rma: string;
  readonly rmaGenerated: boolean;
  readonly address: ReturnAddress | null;
  readonly at: Date;
}

/** The deadline of a request authorized at `at`, from the verdict stored on it. */
export function deadlineOf(
  request: Pick<ReturnRequest, 'lastDayToRequest'>,
  at: Date,
  policy: MarketplaceReturnPolicy,
): { deadline: string; passesAt: Date } {
  const verdict: Pick<ReturnPolicyVerdict, 'lastDayToRequest'> = { lastDayToRequest: request.lastDayToRequest };
  return returnDeadline(verdict, at, policy);
}

/** Sets the fields of an authorization (the status is the caller's: a state change or a conditional update). */
export function applyAuthorization(
  request: ReturnRequest,
  authorization: Authorization,
  policy: MarketplaceReturnPolicy,
): void {
  const { deadline, passesAt } = deadlineOf(request, authorization.at, policy);
  request.rma = authorization.rma;
  request.rmaGenerated = authorization.rmaGenerated;
  request.authorizedAt = authorization.at;
  request.deadline = deadline;
  request.deadlinePassesAt = passesAt;
  request.returnAddress = authorization.address ? Reference.create(authorization.address) : null;
}
