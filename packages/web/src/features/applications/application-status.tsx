import type { ApplicationStatus } from '../../generated/graphql';

/** Status names as a seller reads them on a badge. */
export const STATUS_BADGE_LABELS: Readonly<Record<ApplicationStatus, string>> = {
  DRAFT: 'Draft',
  SUBMITTED: 'Submitted',
  IN_REVIEW: 'In review',
  NEEDS_INFO: 'Needs information',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  WITHDRAWN: 'Withdrawn',
};

const TONES: Readonly<Record<ApplicationStatus, 'neutral' | 'progress' | 'attention' | 'good' | 'bad'>> = {
  DRAFT: 'neutral',
  SUBMITTED: 'progress',
  IN_REVIEW: 'progress',
  NEEDS_INFO: 'attention',
  APPROVED: 'good',
  REJECTED: 'bad',
  WITHDRAWN: 'neutral',
};

export function StatusBadge({ status }: { status: ApplicationStatus }) {
  return <span className={`status-badge status-${TONES[status]}`}>{STATUS_BADGE_LABELS[status]}</span>;
}
