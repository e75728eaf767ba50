import type { ReviewEligibilityFragment } from './eligibility-section.generated';
import { formatDateTime } from '../../../ui/format';
import { criterionLabel } from '../../../ui/labels';
import { CriterionBadge } from '../status-badge';

/** The eligibility result criterion by criterion, as computed when the application was submitted. */
export function EligibilitySection({ application }: { application: ReviewEligibilityFragment }) {
  const { eligibility } = application;
  const counts = {
    FAIL: eligibility.criteria.filter((c) => c.status === 'FAIL').length,
    NEEDS_REVIEW: eligibility.criteria.filter((c) => c.status === 'NEEDS_REVIEW').length,
  };
  return (
    <section className="card rv-review-section" aria-labelledby="eligibility-title">
      <h2 id="eligibility-title">Eligibility checks</h2>
      <p className="muted small">
        {counts.FAIL === 0 && counts.NEEDS_REVIEW === 0
          ? 'Every check passes.'
          : [
              counts.FAIL > 0 ? `${counts.FAIL} failing` : null,
              counts.NEEDS_REVIEW > 0 ? `${counts.NEEDS_REVIEW} to review` : null,
            ]
              .filter(Boolean)
              .join(', ') + '.'}{' '}
        Policy version {eligibility.policyVersion}, computed {formatDateTime(eligibility.evaluatedAt)}.
      </p>
      <ul className="rv-criteria-list">
        {eligibility.criteria.map((criterion) => (
          <li key={criterion.criterion} className={`rv-criterion rv-criterion-${criterion.status.toLowerCase()}`}>
            <div className="rv-criterion-head">
              <CriterionBadge status={criterion.status} />
              <strong>{criterionLabel(criterion.criterion)}</strong>
              {!criterion.hard && <span className="badge">decided by the reviewer</span>}
            </div>
            <p className="rv-criterion-summary">{criterion.summary}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
