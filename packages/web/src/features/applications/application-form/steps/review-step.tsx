import { findCriterion, formatMoney } from '@recertify/domain';
import { useId, type ReactNode } from 'react';
import { criterionLabel, SELLER_TYPE_NAMES } from '../../../../ui/labels';
import type { FormApi } from '../form-api';
import { stepForCriterion, type StepId } from '../steps';

/** A failing criterion as the server lists it when it refuses a submission. */
export interface SubmissionFailure {
  readonly criterion: string;
  readonly summary: string;
}

export interface SubmitControls {
  readonly onSubmit: () => void;
  readonly submitting: boolean;
  /** NEEDS_INFO: the seller resubmits. */
  readonly resubmission: boolean;
  /** The server's NOT_ELIGIBLE list from the last attempt. */
  readonly failures: readonly SubmissionFailure[] | null;
  /** Any other refusal of the last attempt, as a sentence. */
  readonly error: string | null;
}

export function ReviewStep({ form, submit }: { form: FormApi; submit: SubmitControls }) {
  const { state, report, policy } = form;
  const purchases = findCriterion(report, 'QUALIFYING_PURCHASES');
  const lines = state.invoices.reduce((sum, invoice) => sum + invoice.lines.length, 0);
  const yes = (value: boolean) => (value ? 'Yes' : 'No');
  // The live checklist runs the server's own rule: while a hard check fails, submitting cannot succeed.
  const blocked = report.blockingFailures.length > 0;
  const blockedId = useId();
  return (
    <div className="step-fields">
      <div className="review-grid">
        <ReviewSection title="Business" step="business" form={form}>
          <Row label="Legal name" value={state.legalName} />
          <Row label="Contact" value={[state.contactName, state.contactEmail].filter(Boolean).join(' · ')} />
          <Row label="Seller type" value={state.sellerType ? SELLER_TYPE_NAMES[state.sellerType] : ''} />
          <Row label={`Already sells in ${form.marketplace.name}`} value={yes(state.existingSeller)} />
        </ReviewSection>
        <ReviewSection title="Refurbishment" step="refurbishment" form={form}>
          <Row
            label="Refurbished by"
            value={
              state.refurbisher === 'MANUFACTURER'
                ? 'The manufacturer'
                : state.refurbisher === 'THIRD_PARTY_REFURBISHER'
                  ? `Third party: ${state.refurbisherName.trim() || '(name missing)'}`
                  : ''
            }
          />
        </ReviewSection>
        <ReviewSection title="Categories & brands" step="catalog" form={form}>
          <Row label="Categories" value={state.categories.join(', ')} />
          <Row label="Brands" value={state.brands.join(', ')} />
          <Row label="Products have a screen" value={yes(state.productsHaveScreen)} />
          <Row label="Apple-brand approval asked" value={yes(state.appleRequested)} />
        </ReviewSection>
        <ReviewSection title="Invoices" step="invoices" form={form}>
          <Row
            label="Invoices"
            value={`${state.invoices.length} ${state.invoices.length === 1 ? 'invoice' : 'invoices'}, ${lines} ${lines === 1 ? 'line' : 'lines'}`}
          />
          {purchases && (
            <Row
              label="Qualifying purchases"
              value={`${formatMoney(purchases.figures.totalUsd)} of ${formatMoney(purchases.figures.minimumUsd)}`}
            />
          )}
        </ReviewSection>
        <ReviewSection title="Images" step="images" form={form}>
          <Row label="Images" value={`${state.images.length} of at least ${policy.minimumImages}`} />
        </ReviewSection>
        <ReviewSection title="Warranty & attestations" step="warranty" form={form}>
          {policy.warranty.kind === 'MINIMUM_DAYS' ? (
            <Row label="Warranty" value={state.warrantyDays.trim() ? `${state.warrantyDays.trim()} days` : ''} />
          ) : (
            <Row label="Renewed Guarantee accepted" value={yes(state.guaranteeAccepted)} />
          )}
          <Row label="Inspection attested" value={yes(state.inspectionAttested)} />
          <Row label="Quality policy accepted" value={yes(state.qualityPolicyAccepted)} />
        </ReviewSection>
      </div>

      <section className="submit-box" aria-labelledby="submit-title">
        <h3 id="submit-title">{submit.resubmission ? 'Resubmit' : 'Submit'} the application</h3>
        {blocked ? (
          <div className="alert alert-info" id={blockedId}>
            <p>
              Submitting is blocked until{' '}
              {report.blockingFailures.length === 1
                ? 'this check passes'
                : `these ${report.blockingFailures.length} checks pass`}
              :
            </p>
            <FailureList failures={report.blockingFailures} goTo={form.goTo} />
          </div>
        ) : submit.failures ? null : (
          <p>
            No hard check fails. Submitting saves your latest changes and sends the application to a reviewer; a
            decision is due within {policy.reviewDueBusinessDays} business days.
          </p>
        )}
        {submit.failures && (
          <div className="alert alert-error" role="alert" tabIndex={-1}>
            <p>The application was not submitted. These checks fail:</p>
            <FailureList failures={submit.failures} goTo={form.goTo} />
          </div>
        )}
        {submit.error && (
          <div className="alert alert-error" role="alert">
            <p>{submit.error}</p>
          </div>
        )}
        <button
          type="button"
          className="button"
          disabled={submit.submitting || blocked}
          aria-describedby={blocked ? blockedId : undefined}
          onClick={submit.onSubmit}
        >
          {submit.submitting
            ? submit.resubmission
              ? 'Resubmitting…'
              : 'Submitting…'
            : submit.resubmission
              ? 'Resubmit the application'
              : 'Submit the application'}
        </button>
      </section>
    </div>
  );
}

function FailureList({
  failures,
  goTo,
}: {
  failures: ReadonlyArray<SubmissionFailure & { figures?: unknown }>;
  goTo: (step: StepId) => void;
}) {
  return (
    <ul className="failure-list">
      {failures.map((failure) => (
        <li key={failure.criterion}>
          <button
            type="button"
            className="link-button"
            onClick={() => goTo(stepForCriterion(failure.criterion, missingFieldsOf(failure.figures)))}
          >
            {criterionLabel(failure.criterion)}
          </button>
          : {failure.summary}
        </li>
      ))}
    </ul>
  );
}

export function missingFieldsOf(figures: unknown): string[] {
  if (typeof figures !== 'object' || figures === null) return [];
  const missing = (figures as { missingFields?: unknown }).missingFields;
  return Array.isArray(missing) ? missing.filter((field): field is string => typeof field === 'string') : [];
}

function ReviewSection({
  title,
  step,
  form,
  children,
}: {
  title: string;
  step: StepId;
  form: FormApi;
  children: ReactNode;
}) {
  return (
    <section className="review-section">
      <header>
        <h3>{title}</h3>
        <button
          type="button"
          className="link-button"
          aria-label={`Edit ${title.replace('&', 'and')}`}
          onClick={() => form.goTo(step)}
        >
          Edit
        </button>
      </header>
      <dl>{children}</dl>
    </section>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="review-row">
      <dt>{label}</dt>
      <dd className={value ? undefined : 'muted'}>{value || 'Not given'}</dd>
    </div>
  );
}
