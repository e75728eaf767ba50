import { CRITERION_LABELS, MARKETPLACES, type CriterionCode } from '@recertify/domain';
import type { ApplicationStatus, MarketplaceCode } from '../../generated/graphql';
import { formatUtcDate, humanizeConstant } from '../../ui/format';

export const STATUS_LABELS: Readonly<Record<ApplicationStatus, string>> = {
  DRAFT: 'Draft',
  SUBMITTED: 'Submitted',
  IN_REVIEW: 'In review',
  NEEDS_INFO: 'Needs information',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  WITHDRAWN: 'Withdrawn',
};

/** A criterion code as people read it, e.g. QUALIFYING_PURCHASES -> "Qualifying purchases". */
export function criterionLabel(code: string): string {
  return Object.hasOwn(CRITERION_LABELS, code) ? CRITERION_LABELS[code as CriterionCode] : humanizeConstant(code);
}

/** A calendar date (YYYY-MM-DD, already in the marketplace's zone) for people: "Mar 16, 2026". */
export function formatCalendarDate(date: string): string {
  return formatUtcDate(`${date}T00:00:00.000Z`);
}

/** An instant as the calendar date it was in the marketplace, where the review clock counts days. */
export function formatMarketplaceDate(iso: string, marketplace: MarketplaceCode): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: MARKETPLACES[marketplace].timeZone }).format(
    new Date(iso),
  );
}
