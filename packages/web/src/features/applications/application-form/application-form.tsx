import type { ExchangeRate, PolicyVersion } from '@recertify/domain';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import {
  useSaveApplicationDraftMutation,
  useSubmitApplicationMutation,
  type ApplicationDraftFieldsFragment,
} from './application-form.generated';
import { type EligibilityPolicyFieldsFragment } from '../eligibility/eligibility-policy.generated';
import { UnsavedChangesGuard } from '../../../ui/unsaved-changes';
import {
  blockingFailuresOf,
  describeError,
  errorCodeOf,
  fieldProblemsOf,
  type FieldProblem,
} from '../../../ui/graphql-errors';
import {
  LiveEligibilityChecklist,
  useLiveEligibility,
  useNow,
  type ChecklistCriterion,
} from '../eligibility/eligibility-checklist';
import { placeProblems, type PlacedProblems } from './error-paths';
import { fieldAdviceOf } from './field-advice';
import type { FormApi } from './form-api';
import { formStateFromApplication, toDraftInput, type ApplicationFormState } from './form-state';
import { BusinessStep } from './steps/business-step';
import { CatalogStep } from './steps/catalog-step';
import { ImagesStep } from './steps/images-step';
import { InvoicesStep } from './steps/invoices-step';
import { RefurbishmentStep } from './steps/refurbishment-step';
import { missingFieldsOf, ReviewStep, type SubmissionFailure } from './steps/review-step';
import { WarrantyStep } from './steps/warranty-step';
import { isStepId, stepForCriterion, STEPS, type StepId } from './steps';
import { formatTime } from '../../../ui/format';

type SaveState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly at: Date }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'conflict'; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string };

const NO_PROBLEMS: PlacedProblems = { fields: {}, perStep: {}, unplaced: [] };

interface Props {
  readonly application: ApplicationDraftFieldsFragment;
  readonly marketplace: FormApi['marketplace'];
  readonly policy: EligibilityPolicyFieldsFragment;
  readonly domainPolicy: PolicyVersion;
  readonly exchangeRates: readonly ExchangeRate[];
  /** Reloads the saved application, dropping what is typed here (after a CONFLICT). */
  readonly onReload: () => void;
}

/**
 * The application as steps, with the live checklist beside it. Edits stay in the browser until
 * "Save draft" (or a change of step) sends the whole draft with the version it was loaded at.
 */
export function ApplicationForm({ application, marketplace, policy, domainPolicy, exchangeRates, onReload }: Props) {
  const navigate = useNavigate();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const stepTitleId = useId();
  const [params, setParams] = useSearchParams();
  const requestedStep = params.get('step');
  const step: StepId = isStepId(requestedStep) ? requestedStep : 'business';
  const stepIndex = STEPS.findIndex((candidate) => candidate.id === step);

  const [state, setState] = useState<ApplicationFormState>(() => formStateFromApplication(application));
  const [savedJson, setSavedJson] = useState(() => JSON.stringify(state));
  const dirty = JSON.stringify(state) !== savedJson;
  const [problems, setProblems] = useState<PlacedProblems>(NO_PROBLEMS);
  // Once the seller saves, fields the checklist finds incomplete or malformed say so at the field.
  const [adviseFields, setAdviseFields] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const version = useRef(application.version);
  const saving = useRef<Promise<boolean> | null>(null);

  const now = useNow();
  const liveInput = { state, marketplace: marketplace.code, policy: domainPolicy, exchangeRates, now };
  const report = useLiveEligibility(liveInput);

  const [saveDraft] = useSaveApplicationDraftMutation();
  const [submitApplication] = useSubmitApplicationMutation();
  const [submitting, setSubmitting] = useState(false);
  const [failures, setFailures] = useState<readonly SubmissionFailure[] | null>(null);
  const [submitError, setSubmitError] = useState<string | null>(null);

  const update = useCallback<FormApi['update']>((change, ...clears) => {
    setState(change);
    if (clears.length > 0) {
      setProblems((current) => {
        if (!clears.some((key) => key in current.fields)) return current;
        const fields = { ...current.fields };
        for (const key of clears) delete fields[key];
        return { ...current, fields };
      });
    }
  }, []);

  /** Sends the whole draft; resolves true when saved. One save at a time, each with the latest version. */
  const save = async (toSave: ApplicationFormState, { explicit = false } = {}): Promise<boolean> => {
    setAdviseFields(true);
    const saved = await sendDraft(toSave);
    // A save the seller asked for shows what stopped it: focus moves to the first field to fix.
    if (!saved && explicit) setFocusRequest((count) => count + 1);
    return saved;
  };

  const sendDraft = async (toSave: ApplicationFormState): Promise<boolean> => {
    while (saving.current) await saving.current;
    const { input, problems: local } = toDraftInput(toSave);
    if (local.length > 0) {
      setProblems(placeProblems(local, toSave));
      setSaveState({ kind: 'invalid' });
      return false;
    }
    const attempt = (async () => {
      setSaveState({ kind: 'saving' });
      try {
        const { data } = await saveDraft({ variables: { id: application.id, version: version.current, input } });
        if (data) version.current = data.saveApplicationDraft.version;
        setSavedJson(JSON.stringify(toSave));
        setProblems(NO_PROBLEMS);
        setSaveState({ kind: 'saved', at: new Date() });
        return true;
      } catch (error) {
        const code = errorCodeOf(error);
        if (code === 'BAD_USER_INPUT') {
          const fromServer: FieldProblem[] = fieldProblemsOf(error);
          setProblems(placeProblems(fromServer.length > 0 ? fromServer : [], toSave));
          setSaveState(fromServer.length > 0 ? { kind: 'invalid' } : { kind: 'failed', message: describeError(error) });
        } else if (code === 'CONFLICT') {
          setSaveState({ kind: 'conflict', message: describeError(error) });
        } else {
          setSaveState({ kind: 'failed', message: describeError(error) });
        }
        return false;
      }
    })();
    saving.current = attempt;
    try {
      return await attempt;
    } finally {
      saving.current = null;
    }
  };

  const goTo = (next: StepId) => {
    // Moving on saves what was typed, unless saving cannot succeed until the seller acts.
    if (dirty && saveState.kind !== 'conflict') void save(state);
    setParams(
      (current) => {
        const nextParams = new URLSearchParams(current);
        nextParams.set('step', next);
        return nextParams;
      },
      { preventScrollReset: true },
    );
  };

  // A new step is announced and scrolled to: focus moves to its heading.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, [step]);

  useEffect(() => {
    if (focusRequest === 0) return;
    const form = formRef.current;
    const target =
      form?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form?.querySelector<HTMLElement>('[data-save-alert]');
    target?.focus();
  }, [focusRequest]);

  const submit = async () => {
    setSubmitting(true);
    setFailures(null);
    setSubmitError(null);
    try {
      if (dirty && !(await save(state, { explicit: true }))) {
        setSubmitError(
          'The latest changes could not be saved, so nothing was submitted. See the message above the form.',
        );
        return;
      }
      await submitApplication({ variables: { id: application.id, version: version.current } });
      void navigate(`/applications/${application.id}`, { state: { submitted: true } });
    } catch (error) {
      const listed = blockingFailuresOf(error);
      if (listed.length > 0) setFailures(listed);
      else setSubmitError(describeError(error));
    } finally {
      setSubmitting(false);
    }
  };

  // The server's refusal of a field wins over the checklist's advice on it.
  const errors = useMemo(
    () => (adviseFields ? { ...fieldAdviceOf(report), ...problems.fields } : problems.fields),
    [adviseFields, report, problems.fields],
  );
  const form: FormApi = { state, update, errors, marketplace, policy, report, goTo };
  const stepStatus = useMemo(() => stepStatuses(report.criteria), [report.criteria]);
  const goToCriterion = (criterion: ChecklistCriterion) =>
    goTo(stepForCriterion(criterion.criterion, missingFieldsOf(criterion.figures)));

  const current = STEPS[stepIndex] ?? STEPS[0];
  const previous = STEPS[stepIndex - 1];
  const next = STEPS[stepIndex + 1];
  return (
    <div className="application-layout">
      <UnsavedChangesGuard
        when={dirty}
        message="Your changes to the application are not saved yet. Save the draft first to keep them."
      />
      <nav className="step-nav" aria-label="Steps of the application">
        <ol>
          {STEPS.map((candidate, index) => {
            const fieldErrors = problems.perStep[candidate.id] ?? 0;
            const status = stepStatus[candidate.id];
            return (
              <li key={candidate.id}>
                <button
                  type="button"
                  className={`step-link${candidate.id === step ? ' is-current' : ''}${status ? ` step-${status}` : ''}`}
                  aria-current={candidate.id === step ? 'step' : undefined}
                  onClick={() => goTo(candidate.id)}
                >
                  <span className="step-number" aria-hidden="true">
                    {status === 'pass' ? '✓' : index + 1}
                  </span>
                  <span className="step-label">{candidate.label}</span>
                  {fieldErrors > 0 ? (
                    <span className="step-flag">
                      {fieldErrors} to fix<span className="visually-hidden"> before saving</span>
                    </span>
                  ) : status === 'fail' ? (
                    <span className="visually-hidden"> (a check fails)</span>
                  ) : null}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>

      <form
        ref={formRef}
        className="application-form card"
        noValidate
        aria-labelledby={stepTitleId}
        onSubmit={(event) => {
          event.preventDefault();
          void save(state, { explicit: true });
        }}
      >
        <h2 id={stepTitleId} ref={headingRef} tabIndex={-1} className="step-title">
          <span className="step-count">
            Step {stepIndex + 1} of {STEPS.length}
          </span>
          {current.label}
        </h2>
        {!report.eligible && (
          <a className="checklist-jump" href="#eligibility-checklist">
            {report.blockingFailures.length === 1 ? '1 check fails' : `${report.blockingFailures.length} checks fail`}:
            see the checklist
          </a>
        )}
        <SaveProblems saveState={saveState} problems={problems} goTo={goTo} onReload={onReload} />
        {step === 'business' && <BusinessStep form={form} />}
        {step === 'refurbishment' && <RefurbishmentStep form={form} />}
        {step === 'catalog' && <CatalogStep form={form} />}
        {step === 'invoices' && <InvoicesStep form={form} />}
        {step === 'images' && <ImagesStep form={form} />}
        {step === 'warranty' && <WarrantyStep form={form} />}
        {step === 'review' && (
          <ReviewStep
            form={form}
            submit={{
              onSubmit: () => void submit(),
              submitting,
              resubmission: application.status === 'NEEDS_INFO',
              failures,
              error: submitError,
            }}
          />
        )}
        <div className="form-actions">
          {previous ? (
            <button type="button" className="button button-secondary" onClick={() => goTo(previous.id)}>
              ← {previous.label}
            </button>
          ) : (
            <span />
          )}
          <div className="save-area">
            <button type="submit" className="button button-secondary" disabled={saveState.kind === 'saving'}>
              {saveState.kind === 'saving' ? 'Saving…' : 'Save draft'}
            </button>
            <SaveStatus saveState={saveState} dirty={dirty} />
          </div>
          {next ? (
            <button type="button" className="button" onClick={() => goTo(next.id)}>
              {next.label} →
            </button>
          ) : (
            <span />
          )}
        </div>
      </form>

      <aside className="application-aside" id="eligibility-checklist" aria-label="Eligibility">
        <LiveEligibilityChecklist {...liveInput} onGoTo={goToCriterion} />
      </aside>
    </div>
  );
}

/** The line beside "Save draft": when it was saved, or that it was not. */
function SaveStatus({ saveState, dirty }: { saveState: SaveState; dirty: boolean }) {
  let text: ReactNode = dirty ? 'Unsaved changes' : 'No changes since it was opened';
  if (saveState.kind === 'saving') text = 'Saving…';
  else if (saveState.kind === 'saved')
    text = dirty ? `Saved at ${formatTime(saveState.at)} · changes since` : `Saved at ${formatTime(saveState.at)}`;
  else if (saveState.kind === 'invalid' || saveState.kind === 'failed' || saveState.kind === 'conflict')
    text = 'Not saved';
  return (
    <span className={saveState.kind === 'saved' && !dirty ? 'save-status is-saved' : 'save-status'} role="status">
      {text}
    </span>
  );
}

function SaveProblems({
  saveState,
  problems,
  goTo,
  onReload,
}: {
  saveState: SaveState;
  problems: PlacedProblems;
  goTo: (step: StepId) => void;
  onReload: () => void;
}) {
  if (saveState.kind === 'conflict') {
    return (
      <div className="alert alert-error" role="alert" tabIndex={-1} data-save-alert="">
        <p>
          <strong>This application changed elsewhere</strong> — in another tab, or by a colleague — since you opened it.{' '}
          {saveState.message}
        </p>
        <p>Reloading shows the saved application; what you typed here since your last save is lost.</p>
        <button type="button" className="button button-small" onClick={onReload}>
          Reload the application
        </button>
      </div>
    );
  }
  if (saveState.kind === 'failed') {
    return (
      <div className="alert alert-error" role="alert" tabIndex={-1} data-save-alert="">
        <p>The draft was not saved: {saveState.message}</p>
      </div>
    );
  }
  if (saveState.kind !== 'invalid') return null;
  const steps = STEPS.filter((candidate) => (problems.perStep[candidate.id] ?? 0) > 0);
  const placed = Object.keys(problems.fields).length;
  return (
    <div className="alert alert-error" role="alert" tabIndex={-1} data-save-alert="">
      <p>
        The draft was not saved
        {placed > 0 ? `: ${placed === 1 ? 'one field needs' : `${placed} fields need`} fixing` : ''}
        {steps.length > 0 && (
          <>
            {' '}
            in{' '}
            {steps.map((candidate, index) => (
              <span key={candidate.id}>
                {index > 0 && ', '}
                <button type="button" className="link-button" onClick={() => goTo(candidate.id)}>
                  {candidate.label}
                </button>
              </span>
            ))}
          </>
        )}
        .
      </p>
      {problems.unplaced.map((problem) => (
        <p key={`${problem.field}:${problem.message}`}>
          {problem.field}: {problem.message}
        </p>
      ))}
    </div>
  );
}

type StepStatus = 'pass' | 'fail' | 'review';

/** Each step's standing in the live report: failing if one of its hard checks fails. */
function stepStatuses(criteria: readonly ChecklistCriterion[]): Partial<Record<StepId, StepStatus>> {
  const statuses: Partial<Record<StepId, StepStatus>> = {};
  const rank: Record<StepStatus, number> = { pass: 0, review: 1, fail: 2 };
  for (const criterion of criteria) {
    const step = stepForCriterion(criterion.criterion, missingFieldsOf(criterion.figures));
    const status: StepStatus =
      criterion.status === 'PASS' || (!criterion.hard && criterion.status === 'FAIL')
        ? 'pass'
        : criterion.status === 'FAIL'
          ? 'fail'
          : 'review';
    const before = statuses[step];
    if (before === undefined || rank[status] > rank[before]) statuses[step] = status;
  }
  return statuses;
}
