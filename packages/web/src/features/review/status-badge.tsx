import type { ApplicationStatus, CriterionStatus } from '../../generated/graphql';
import { APPLICATION_STATUS_LABELS, CRITERION_STATUS_LABELS } from '../../ui/labels';

export function StatusBadge({ status }: { status: ApplicationStatus }) {
  return (
    <span className={`rv-status-badge rv-status-${status.toLowerCase().replace('_', '-')}`}>
      {APPLICATION_STATUS_LABELS[status]}
    </span>
  );
}

export function CriterionBadge({ status }: { status: CriterionStatus }) {
  return (
    <span className={`rv-criterion-badge rv-criterion-badge-${status.toLowerCase().replace('_', '-')}`}>
      {CRITERION_STATUS_LABELS[status]}
    </span>
  );
}
