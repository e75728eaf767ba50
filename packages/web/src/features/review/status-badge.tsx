import type { ApplicationStatus, CriterionStatus } from '../../generated/graphql';
import { STATUS_LABELS } from './review-format';

export function StatusBadge({ status }: { status: ApplicationStatus }) {
  return (
    <span className={`rv-status-badge rv-status-${status.toLowerCase().replace('_', '-')}`}>
      {STATUS_LABELS[status]}
    </span>
  );
}

const CRITERION_STATUS_LABELS: Readonly<Record<CriterionStatus, string>> = {
  PASS: 'Pass',
  FAIL: 'Fail',
  NEEDS_REVIEW: 'Needs review',
};

export function CriterionBadge({ status }: { status: CriterionStatus }) {
  return (
    <span className={`rv-criterion-badge rv-criterion-badge-${status.toLowerCase().replace('_', '-')}`}>
      {CRITERION_STATUS_LABELS[status]}
    </span>
  );
}
