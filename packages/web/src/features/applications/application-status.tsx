import type { ApplicationStatus } from '../../generated/graphql';
import { APPLICATION_STATUS_LABELS } from '../../ui/labels';

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
  return <span className={`pill status-badge status-${TONES[status]}`}>{APPLICATION_STATUS_LABELS[status]}</span>;
}
