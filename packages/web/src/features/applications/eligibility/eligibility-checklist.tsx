import type { CriterionStatus } from '@recertify/domain';
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { CRITERION_STATUS_LABELS, criterionLabel } from '../../../ui/labels';
import { evaluateForm, type LiveEligibilityInput } from './policy-mapping';

/** One criterion as the API and the domain both report it. */
export interface ChecklistCriterion {
  readonly criterion: string;
  readonly status: CriterionStatus;
  readonly hard: boolean;
  readonly summary: string;
  readonly figures?: unknown;
}

const STATUS_ICONS: Readonly<Record<CriterionStatus, string>> = { PASS: '✓', FAIL: '✗', NEEDS_REVIEW: '?' };

interface ChecklistProps {
  readonly title: string;
  readonly criteria: readonly ChecklistCriterion[];
  readonly eligible: boolean;
  /** What the figures are judged by, e.g. "Policy version 1 in force in US". */
  readonly basis?: ReactNode;
  /** Turns each criterion's name into a way to the step that fixes it. */
  readonly onGoTo?: ((criterion: ChecklistCriterion) => void) | undefined;
  /** Heading level of the title: 2 beside a form, 3 inside a section. */
  readonly level?: 2 | 3;
  /**
   * A rejected application: the reviewer's reason by criterion. Shown at the criterion, so a check
   * that passes on the figures but was rejected says why, and the page does not contradict itself.
   */
  readonly reviewerReasons?: Readonly<Record<string, string>>;
}

/** Every criterion with its outcome and the sentence of figures behind it, failures first to the eye by colour. */
export function EligibilityChecklist({
  title,
  criteria,
  eligible,
  basis,
  onGoTo,
  level = 2,
  reviewerReasons = {},
}: ChecklistProps) {
  const titleId = useId();
  const failing = criteria.filter((c) => c.hard && c.status === 'FAIL').length;
  const toReview = criteria.filter((c) => c.status === 'NEEDS_REVIEW').length;
  const Heading = level === 3 ? 'h3' : 'h2';
  const rejectedOn = criteria.map((c) => c.criterion).filter((criterion) => Object.hasOwn(reviewerReasons, criterion));
  return (
    <section className="checklist" aria-labelledby={titleId}>
      <Heading id={titleId} className="checklist-title">
        {title}
      </Heading>
      <p className={eligible ? 'checklist-verdict verdict-ok' : 'checklist-verdict verdict-blocked'}>
        {eligible
          ? `No hard check fails${toReview > 0 ? `; ${toReview === 1 ? 'one is' : `${toReview} are`} left to the reviewer` : ''}.`
          : `${failing === 1 ? '1 check fails' : `${failing} checks fail`}: ${
              failing === 1 ? 'it blocks' : 'they block'
            } submission.`}
      </p>
      {rejectedOn.length > 0 && (
        <p className="checklist-verdict verdict-blocked">
          The reviewer rejected it on {rejectedOn.map((criterion) => criterionLabel(criterion)).join(', ')}: the reasons
          are at {rejectedOn.length === 1 ? 'that check' : 'those checks'} below.
        </p>
      )}
      {basis && <p className="checklist-basis">{basis}</p>}
      <ul className="criteria">
        {criteria.map((criterion) => (
          <li key={criterion.criterion} className={`criterion criterion-${criterion.status.toLowerCase()}`}>
            <span className="criterion-icon" aria-hidden="true">
              {STATUS_ICONS[criterion.status]}
            </span>
            <div className="criterion-body">
              <p className="criterion-head">
                {onGoTo ? (
                  <button type="button" className="link-button criterion-name" onClick={() => onGoTo(criterion)}>
                    {criterionLabel(criterion.criterion)}
                  </button>
                ) : (
                  <span className="criterion-name">{criterionLabel(criterion.criterion)}</span>
                )}
                <span className="criterion-status">
                  {CRITERION_STATUS_LABELS[criterion.status]}
                  {!criterion.hard && ' · decided in the approval'}
                </span>
              </p>
              <p className="criterion-summary">{criterion.summary}</p>
              {Object.hasOwn(reviewerReasons, criterion.criterion) && (
                <p className="criterion-reviewer-reason">
                  <strong>
                    {criterion.status === 'PASS'
                      ? 'Passes on the figures, but the reviewer rejected it: '
                      : 'Rejected by the reviewer: '}
                  </strong>
                  {reviewerReasons[criterion.criterion]}
                </p>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The current time, moving on every `intervalMs`, so a purchase window that moves at midnight moves on screen too. */
export function useNow(intervalMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** The live report of a form, recomputed when its inputs change. */
export function useLiveEligibility({ state, marketplace, policy, exchangeRates, now }: LiveEligibilityInput) {
  return useMemo(
    () => evaluateForm({ state, marketplace, policy, exchangeRates, now }),
    [state, marketplace, policy, exchangeRates, now],
  );
}

/**
 * The checklist beside the form: the domain's `evaluateEligibility` run in the browser on what the
 * seller has typed, with the policy in force, the exchange rates and the order counts the server
 * will use on submission, so what it shows is what submitting will find.
 */
export function LiveEligibilityChecklist({
  onGoTo,
  ...input
}: LiveEligibilityInput & { onGoTo?: ChecklistProps['onGoTo'] }) {
  const report = useLiveEligibility(input);
  return (
    <EligibilityChecklist
      title="Eligibility checklist"
      criteria={report.criteria}
      eligible={report.eligible}
      onGoTo={onGoTo}
      basis={
        <>
          Live, as you type: policy version {report.policyVersion} in force in {report.marketplace}.
        </>
      }
    />
  );
}
