import { cleanDecision, decisionProblems, type DecisionContext } from '@recertify/domain';
import type {
  CriterionStatus,
  DecideApplicationInput,
  Decision,
  RejectionReasonInput,
} from '../../../generated/graphql';
import {
  describeError,
  errorCodeOf,
  fieldProblemsOf,
  formProblemFromFields,
  formProblemOf,
  type FieldProblem,
  type FormProblem,
} from '../../../ui/graphql-errors';
import { criterionLabel } from '../../../ui/labels';

/** A criterion as the eligibility snapshot judged it. */
export interface JudgedCriterion {
  readonly criterion: string;
  readonly status: CriterionStatus;
  readonly summary: string;
}

/** One rejection reason being written: for a criterion the checks did not pass, or one the reviewer adds. */
export interface ReasonDraft {
  readonly criterion: string;
  /** What the checks found, shown beside the reason; PASS for a criterion the reviewer added. */
  readonly status: CriterionStatus;
  readonly summary: string;
  readonly reason: string;
  /** Listed because the checks did not pass it (FAIL or NEEDS_REVIEW); the others can be removed again. */
  readonly listed: boolean;
}

/** Everything the decision form holds, whichever decision is chosen. */
export interface DecisionDraft {
  readonly decision: Decision;
  readonly appleApproved: boolean;
  readonly reasons: readonly ReasonDraft[];
  readonly message: string;
}

/** A reason box for each criterion that failed or needs review, in the order of the checks. */
export function listedReasonDrafts(criteria: readonly JudgedCriterion[]): ReasonDraft[] {
  return criteria
    .filter((c) => c.status !== 'PASS')
    .map((c) => ({ criterion: c.criterion, status: c.status, summary: c.summary, reason: '', listed: true }));
}

/** The form field of a criterion's reason, e.g. `reason.QUALIFYING_PURCHASES`. */
export const reasonField = (criterion: string) => `reason.${criterion}`;

export const MESSAGE_LABEL = 'Message to the seller';
export const APPLE_LABEL = 'Apple-brand approved';

/** Field name -> label, for the alert that names the fields to fix. */
export function decisionLabels(reasons: readonly ReasonDraft[]): Record<string, string> {
  const labels: Record<string, string> = { appleApproved: APPLE_LABEL, message: MESSAGE_LABEL };
  for (const draft of reasons) labels[reasonField(draft.criterion)] = `Reason: ${criterionLabel(draft.criterion)}`;
  return labels;
}

/** The rejection reasons as the API takes them, in the form's order, trimmed. */
export function rejectionReasonsInput(reasons: readonly ReasonDraft[]): RejectionReasonInput[] {
  return reasons.map((draft) => ({ criterion: draft.criterion, reason: draft.reason.trim() }));
}

/** What the decision is judged against, from the application the reviewer sees. */
export function decisionContext(application: {
  appleRequested: boolean;
  eligibility: { criteria: readonly JudgedCriterion[] };
}): DecisionContext {
  return { appleRequested: application.appleRequested, criteria: application.eligibility.criteria };
}

/** The form as the domain's decision rule reads it. */
function ruleDraft(draft: DecisionDraft) {
  return {
    decision: draft.decision,
    appleApproved: draft.appleApproved,
    reasons: rejectionReasonsInput(draft.reasons),
    message: draft.message,
  };
}

/** The decision as the API takes it: only the parts that go with the chosen decision, as the domain cleans it. */
export function decideInput(
  application: { id: string; version: number; appleRequested: boolean },
  draft: DecisionDraft,
): DecideApplicationInput {
  const base = { id: application.id, version: application.version, decision: draft.decision };
  const clean = cleanDecision(ruleDraft(draft), application);
  switch (clean.decision) {
    case 'APPROVE':
      return clean.appleApproved === null ? base : { ...base, appleApproved: clean.appleApproved };
    case 'REJECT':
      return { ...base, reasons: [...clean.reasons] };
    case 'NEEDS_INFO':
      return { ...base, message: clean.message };
  }
}

/**
 * What the server would refuse, found before sending: the domain's decision rule, the one the
 * server applies, with each reason's problem put under the field of its criterion.
 */
export function draftProblems(draft: DecisionDraft, context: DecisionContext): FieldProblem[] {
  const rule = ruleDraft(draft);
  return decisionProblems(rule, context).map(({ field, message }) => ({
    field: formField(field, rule.reasons),
    message,
  }));
}

/** The form's name of a field the rule or the API names by position (`reasons[2].reason` -> `reason.ODR`). */
function formField(field: string, sentReasons: readonly RejectionReasonInput[]): string {
  const match = /^reasons\[(\d+)\]\.(reason|criterion)$/.exec(field);
  const sent = match ? sentReasons[Number(match[1])] : undefined;
  return sent ? reasonField(sent.criterion) : field;
}

/**
 * A refusal of the decision, for the form. The API names a reason by its position in what was
 * sent (`reasons[2].reason`); the form knows it by criterion, so positions are turned back into
 * criteria. Anything that is not about a field of the form (a conflict, "missing: ODR") is said
 * in the alert as the server words it.
 */
export function decisionProblemOf(
  error: unknown,
  sentReasons: readonly RejectionReasonInput[],
  labels: Readonly<Record<string, string>>,
): FormProblem {
  if (errorCodeOf(error) !== 'BAD_USER_INPUT') return formProblemOf(error, labels);
  const problems = fieldProblemsOf(error).map(({ field, message }) => ({
    field: formField(field, sentReasons),
    message,
  }));
  return formProblemFromFields(problems, labels, describeError(error));
}
