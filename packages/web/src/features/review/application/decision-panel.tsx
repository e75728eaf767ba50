import { DECISION_MESSAGE_MAX_LENGTH, REJECTION_REASON_MAX_LENGTH } from '@recertify/domain';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useDecideApplicationMutation } from './review-application.generated';
import { type ApplicationStatus, type Decision } from '../../../generated/graphql';
import { type ReviewDecisionPanelFragment } from './decision-panel.generated';
import { Form, FormAlert, Notice, SubmitButton, TextAreaField } from '../../../ui/form';
import { formatDateTime } from '../../../ui/format';
import { formProblemFromFields, type FormProblem } from '../../../ui/graphql-errors';
import type { SignedInViewer } from '../../accounts/viewer/viewer-state';
import { criterionLabel } from '../../../ui/labels';
import { CriterionBadge, StatusBadge } from '../status-badge';
import { ActionProblem } from './action-problem';
import { claimStanding } from './claim';
import {
  APPLE_LABEL,
  decideInput,
  decisionContext,
  decisionLabels,
  decisionProblemOf,
  draftProblems,
  listedReasonDrafts,
  MESSAGE_LABEL,
  reasonField,
  type ReasonDraft,
} from './decision-form';
import { UnsavedChangesGuard } from '../../../ui/unsaved-changes';

interface Props {
  application: ReviewDecisionPanelFragment;
  viewer: SignedInViewer;
  onReload: () => Promise<unknown>;
}

const DECIDED_NOTICE: Partial<Record<ApplicationStatus, string>> = {
  APPROVED: 'Approved. The seller is emailed the onboarding instructions.',
  REJECTED: 'Rejected. The seller is emailed the reasons.',
  NEEDS_INFO: 'Information requested. The seller is emailed your message and can resubmit.',
};

/**
 * The decision: a form for the reviewer who holds the claim, what was decided once decided, and
 * otherwise what has to happen first.
 */
export function DecisionPanel({ application, viewer, onReload }: Props) {
  const [recorded, setRecorded] = useState<ApplicationStatus | null>(null);
  const standing = claimStanding(application, viewer);
  return (
    <section className="card rv-review-section rv-decision-panel" aria-labelledby="decision-title">
      <h2 id="decision-title">Decision</h2>
      {recorded && DECIDED_NOTICE[recorded] && <Notice>{DECIDED_NOTICE[recorded]}</Notice>}
      {standing === 'MINE' ? (
        <DecisionForm application={application} onDecided={setRecorded} onReload={onReload} />
      ) : standing === 'UNCLAIMED' ? (
        <p className="muted">Claim this application to decide it. While it is yours, no one else can decide it.</p>
      ) : standing === 'OTHERS' ? (
        <p className="muted">
          {application.claimedByName ?? 'Another reviewer'} is reviewing this application; only they can decide it.
        </p>
      ) : (
        <DecisionOutcome application={application} />
      )}
    </section>
  );
}

function DecisionOutcome({ application: a }: { application: ReviewDecisionPanelFragment }) {
  return (
    <div className="rv-decision-outcome">
      <p>
        <StatusBadge status={a.status} />
        {a.decidedAt && <span className="muted"> on {formatDateTime(a.decidedAt)}</span>}
      </p>
      {a.status === 'APPROVED' && a.appleRequested && (
        <p>{a.appleApproved ? 'Apple-brand products approved too.' : 'Apple-brand products not approved.'}</p>
      )}
      {a.status === 'REJECTED' && a.rejectionReasons.length > 0 && (
        <dl className="rv-reason-list">
          {a.rejectionReasons.map((r) => (
            <div key={r.criterion}>
              <dt>{criterionLabel(r.criterion)}</dt>
              <dd>{r.reason}</dd>
            </div>
          ))}
        </dl>
      )}
      {a.status === 'NEEDS_INFO' && a.reviewerMessage && (
        <blockquote className="rv-timeline-message">{a.reviewerMessage}</blockquote>
      )}
      {a.status === 'WITHDRAWN' && <p className="muted">The seller withdrew this application.</p>}
      {a.status === 'DRAFT' && <p className="muted">The seller has not submitted this application.</p>}
    </div>
  );
}

const CHOICES: ReadonlyArray<{ decision: Decision; label: string; hint: string; submit: string; busy: string }> = [
  {
    decision: 'APPROVE',
    label: 'Approve',
    hint: 'The seller may sell Renewed products here.',
    submit: 'Approve',
    busy: 'Approving…',
  },
  {
    decision: 'REJECT',
    label: 'Reject',
    hint: 'With a reason for each check that did not pass.',
    submit: 'Reject',
    busy: 'Rejecting…',
  },
  {
    decision: 'NEEDS_INFO',
    label: 'Needs information',
    hint: 'The seller fixes the application and resubmits.',
    submit: 'Ask for information',
    busy: 'Sending…',
  },
];

function DecisionForm({
  application,
  onDecided,
  onReload,
}: {
  application: ReviewDecisionPanelFragment;
  onDecided: (status: ApplicationStatus) => void;
  onReload: () => Promise<unknown>;
}) {
  const idBase = useId();
  const criteria = application.eligibility.criteria;
  const [decision, setDecision] = useState<Decision | null>(null);
  const [appleApproved, setAppleApproved] = useState(false);
  const [reasons, setReasons] = useState<ReasonDraft[]>(() => listedReasonDrafts(criteria));
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [decide, { loading }] = useDecideApplicationMutation();
  const labels = useMemo(() => decisionLabels(reasons), [reasons]);
  const apple = criteria.find((c) => c.criterion === 'APPLE_PURCHASES');
  const choice = CHOICES.find((c) => c.decision === decision);

  const setReason = (criterion: string, reason: string) =>
    setReasons((current) => current.map((r) => (r.criterion === criterion ? { ...r, reason } : r)));
  // Anything chosen or typed is work a reviewer would lose by leaving.
  const edited =
    decision !== null ||
    message.trim() !== '' ||
    appleApproved ||
    reasons.some((reason) => reason.reason.trim() !== '') ||
    reasons.length !== listedReasonDrafts(criteria).length;
  const unlisted = criteria.filter((c) => !reasons.some((r) => r.criterion === c.criterion));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!decision) return;
    setProblem(null);
    const draft = { decision, appleApproved, reasons, message };
    const problems = draftProblems(draft, decisionContext(application));
    if (problems.length > 0) {
      setProblem(formProblemFromFields(problems, labels));
      return;
    }
    const input = decideInput(application, draft);
    try {
      const { data } = await decide({ variables: { input } });
      if (data) onDecided(data.decideApplication.status);
    } catch (error) {
      setProblem(decisionProblemOf(error, input.reasons ?? [], labels));
    }
  };

  return (
    <Form problem={problem} className="form rv-decision-form" onSubmit={submit}>
      <UnsavedChangesGuard when={edited && !loading} message="Your decision is not recorded yet." />
      <fieldset className="field rv-decision-choices">
        <legend>Your decision</legend>
        {CHOICES.map((c) => (
          <div key={c.decision} className="checkbox">
            <input
              type="radio"
              id={`${idBase}-${c.decision}`}
              name="decision"
              value={c.decision}
              checked={decision === c.decision}
              onChange={() => {
                setDecision(c.decision);
                setProblem(null);
              }}
              aria-describedby={`${idBase}-${c.decision}-hint`}
            />
            <label htmlFor={`${idBase}-${c.decision}`}>{c.label}</label>
            <p id={`${idBase}-${c.decision}-hint`} className="checkbox-description">
              {c.hint}
            </p>
          </div>
        ))}
      </fieldset>

      {problem &&
        (problem.code === 'CONFLICT' ? (
          <ActionProblem
            problem={problem}
            onReload={() => {
              setProblem(null);
              void onReload();
            }}
          />
        ) : (
          <FormAlert problem={problem} />
        ))}

      {decision === 'APPROVE' && application.appleRequested && (
        <div className={problem?.fields['appleApproved'] ? 'field field-invalid' : 'field'}>
          <div className="checkbox">
            <input
              type="checkbox"
              id={`${idBase}-apple`}
              name="appleApproved"
              checked={appleApproved}
              onChange={(event) => setAppleApproved(event.target.checked)}
              aria-describedby={`${idBase}-apple-hint`}
              aria-invalid={problem?.fields['appleApproved'] ? true : undefined}
            />
            <label htmlFor={`${idBase}-apple`}>{APPLE_LABEL}</label>
            <div id={`${idBase}-apple-hint`} className="checkbox-description">
              The seller asked to sell Apple-brand products.
              {apple && (
                <>
                  {' '}
                  <CriterionBadge status={apple.status} /> {apple.summary}
                </>
              )}
            </div>
          </div>
          {problem?.fields['appleApproved'] && <p className="field-error">{problem.fields['appleApproved']}</p>}
        </div>
      )}

      {decision === 'REJECT' && (
        <div className="rv-reason-fields">
          {reasons.length === 0 && (
            <p className="muted">Every check passed: add a reason for the criterion you reject the application on.</p>
          )}
          {reasons.map((draft) => (
            <div key={draft.criterion} className="rv-reason-field">
              <TextAreaField
                label={labels[reasonField(draft.criterion)] ?? draft.criterion}
                name={reasonField(draft.criterion)}
                value={draft.reason}
                onChange={(value) => setReason(draft.criterion, value)}
                error={problem?.fields[reasonField(draft.criterion)]}
                hint={
                  <>
                    <CriterionBadge status={draft.status} /> {draft.summary}
                  </>
                }
                maxLength={REJECTION_REASON_MAX_LENGTH}
                required
              />
              {!draft.listed && (
                <button
                  type="button"
                  className="link-button small"
                  onClick={() => setReasons((current) => current.filter((r) => r.criterion !== draft.criterion))}
                >
                  Remove this reason
                </button>
              )}
            </div>
          ))}
          {unlisted.length > 0 && (
            <AddReason
              criteria={unlisted}
              onAdd={(criterion) => {
                const judged = criteria.find((c) => c.criterion === criterion);
                if (!judged) return;
                setReasons((current) => [
                  ...current,
                  { criterion, status: judged.status, summary: judged.summary, reason: '', listed: false },
                ]);
              }}
            />
          )}
        </div>
      )}

      {decision === 'NEEDS_INFO' && (
        <TextAreaField
          label={MESSAGE_LABEL}
          name="message"
          value={message}
          onChange={setMessage}
          error={problem?.fields['message']}
          hint="What the seller must provide or fix. They read it in the email and on their application."
          rows={5}
          maxLength={DECISION_MESSAGE_MAX_LENGTH}
          required
        />
      )}

      {choice && <SubmitButton busy={loading} label={choice.submit} busyLabel={choice.busy} />}
    </Form>
  );
}

/** A reason for a criterion the checks passed: the reviewer found something the checks cannot see. */
function AddReason({
  criteria,
  onAdd,
}: {
  criteria: ReadonlyArray<{ criterion: string }>;
  onAdd: (criterion: string) => void;
}) {
  const id = useId();
  const [criterion, setCriterion] = useState('');
  return (
    <div className="field field-inline rv-add-reason">
      <label htmlFor={id}>Add a reason for another criterion</label>
      <select id={id} value={criterion} onChange={(event) => setCriterion(event.target.value)}>
        <option value="">Choose a criterion…</option>
        {criteria.map((c) => (
          <option key={c.criterion} value={c.criterion}>
            {criterionLabel(c.criterion)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={!criterion}
        onClick={() => {
          onAdd(criterion);
          setCriterion('');
        }}
      >
        Add
      </button>
    </div>
  );
}
