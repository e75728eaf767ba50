import {
  APPLICATION_STATUS_LABELS,
  isOpen,
  type ApplicationStatus,
  type OpenApplicationStatus,
} from './application-lifecycle.js';
import { DomainError } from './domain-error.js';
import type { MarketplaceCode } from './marketplace.js';

/**
 * The other marketplaces an approval grants (SPEC 3): approval in US also grants CA, recorded as
 * granted through the US approval. CA and MX grant nothing beyond themselves; MX needs its own
 * application and neither grants US.
 */
export const APPROVAL_GRANTS: Readonly<Record<MarketplaceCode, readonly MarketplaceCode[]>> = Object.freeze({
  US: Object.freeze(['CA'] as const),
  CA: Object.freeze([] as const),
  MX: Object.freeze([] as const),
});

/** The marketplaces an approval in `marketplace` grants besides itself. */
export function approvalGrants(marketplace: MarketplaceCode): readonly MarketplaceCode[] {
  return APPROVAL_GRANTS[marketplace];
}

/** One of the seller's applications or grants, as far as the apply rule needs it. */
export interface ExistingApplication {
  readonly marketplace: MarketplaceCode;
  readonly status: ApplicationStatus;
  /** Set on an approval that came with another marketplace's approval, e.g. CA through US. */
  readonly grantedThrough?: MarketplaceCode | null;
}

export type ApplyRefusalCode = 'ALREADY_APPROVED' | 'OPEN_APPLICATION';

export interface ApplyRefusal {
  readonly code: ApplyRefusalCode;
  readonly message: string;
}

export class CannotApplyError extends DomainError {
  readonly code: ApplyRefusalCode;

  constructor(
    readonly marketplace: MarketplaceCode,
    refusal: ApplyRefusal,
  ) {
    super(refusal.message);
    this.code = refusal.code;
  }
}

/**
 * Whether the seller may start an application in `marketplace`, given all its applications and
 * grants: null when it may, else why not (SPEC 3). An approval, direct or granted, is reported
 * before an open application. REJECTED and WITHDRAWN applications never block: a rejected seller
 * may apply again after fixing what failed.
 */
export function checkCanApply(
  marketplace: MarketplaceCode,
  existing: readonly ExistingApplication[],
): ApplyRefusal | null {
  const approvals = existing.filter((application) => application.status === 'APPROVED');
  if (approvals.some((a) => a.marketplace === marketplace && (a.grantedThrough ?? null) === null)) {
    return { code: 'ALREADY_APPROVED', message: `You are already approved in ${marketplace}.` };
  }
  for (const approval of approvals) {
    // Either the grant was recorded (CA, through US) or only the granting approval is passed (US).
    const through =
      approval.marketplace === marketplace
        ? (approval.grantedThrough ?? null)
        : approvalGrants(approval.marketplace).includes(marketplace)
          ? approval.marketplace
          : null;
    if (through !== null) {
      return {
        code: 'ALREADY_APPROVED',
        message: `You are already approved in ${marketplace} through your ${through} approval.`,
      };
    }
  }
  for (const application of existing) {
    if (application.marketplace !== marketplace || !isOpen(application.status)) continue;
    return {
      code: 'OPEN_APPLICATION',
      message:
        `You already have an application in ${marketplace} that is ` +
        `${APPLICATION_STATUS_LABELS[application.status]}; ${OPEN_ADVICE[application.status]}`,
    };
  }
  return null;
}

/** checkCanApply for a use case that refuses by throwing: load, validate (this), change. */
export function assertCanApply(marketplace: MarketplaceCode, existing: readonly ExistingApplication[]): void {
  const refusal = checkCanApply(marketplace, existing);
  if (refusal) throw new CannotApplyError(marketplace, refusal);
}

const OPEN_ADVICE: Readonly<Record<OpenApplicationStatus, string>> = {
  DRAFT: 'continue that draft, or withdraw it before starting another.',
  SUBMITTED: 'wait for its decision, or withdraw it before starting another.',
  IN_REVIEW: 'a reviewer is deciding it now.',
  NEEDS_INFO: 'add the requested information and resubmit it, or withdraw it before starting another.',
};
