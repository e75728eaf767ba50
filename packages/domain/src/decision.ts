import type { ApplicationEvent } from './application-lifecycle.js';
import type { CriterionStatus } from './eligibility.js';

/*
 * A reviewer's decision on a claimed application (SPEC 4), and what makes one acceptable. The
 * decision form checks it as the reviewer writes, and the server checks it again before changing
 * anything: the same function, so they never disagree on what is missing.
 */

export const DECISIONS = ['APPROVE', 'REJECT', 'NEEDS_INFO'] as const;
export type Decision = (typeof DECISIONS)[number];

/** The event each decision applies to the application's lifecycle. */
export const DECISION_EVENTS: Readonly<Record<Decision, ApplicationEvent>> = {
  APPROVE: 'APPROVE',
  REJECT: 'REJECT',
  NEEDS_INFO: 'REQUEST_INFO',
};

/** The seller reads these in an email and on the application: long enough for detail, not a file. */
export const DECISION_MESSAGE_MAX_LENGTH = 4000;
export const REJECTION_REASON_MAX_LENGTH = 4000;

export interface RejectionReason {
  /** A criterion of the eligibility report, e.g. QUALIFYING_PURCHASES. */
  readonly criterion: string;
  readonly reason: string;
}

/** A decision as a reviewer sends it: every part optional except the choice, text as typed. */
export interface DecisionDraft {
  readonly decision: Decision;
  readonly appleApproved?: boolean | null;
  readonly reasons?: readonly RejectionReason[] | null;
  readonly message?: string | null;
}

/** What the decision is judged against: the application and its eligibility report. */
export interface DecisionContext {
  readonly appleRequested: boolean;
  /** The criteria as the report judged them; any status other than PASS needs a reason to reject. */
  readonly criteria: ReadonlyArray<{ readonly criterion: string; readonly status: CriterionStatus }>;
}

/**
 * The decision as it is recorded: only the parts that go with the choice, text trimmed. The Apple
 * answer is null unless the seller asked for Apple-brand approval.
 */
export type CleanDecision =
  | { readonly decision: 'APPROVE'; readonly appleApproved: boolean | null }
  | { readonly decision: 'REJECT'; readonly reasons: readonly RejectionReason[] }
  | { readonly decision: 'NEEDS_INFO'; readonly message: string };

/**
 * One thing wrong with a decision. `field` is a path in the draft: `appleApproved`, `message`,
 * `reasons` (the list as a whole) or `reasons[2].reason` / `reasons[2].criterion`.
 */
export interface DecisionProblem {
  readonly field: string;
  readonly message: string;
}

/** The draft with its text trimmed and only the parts that go with the decision. */
export function cleanDecision(draft: DecisionDraft, context: Pick<DecisionContext, 'appleRequested'>): CleanDecision {
  switch (draft.decision) {
    case 'APPROVE':
      return { decision: 'APPROVE', appleApproved: context.appleRequested ? draft.appleApproved === true : null };
    case 'REJECT':
      return { decision: 'REJECT', reasons: trimmedReasons(draft) };
    case 'NEEDS_INFO':
      return { decision: 'NEEDS_INFO', message: draft.message?.trim() ?? '' };
  }
}

/**
 * Everything that keeps a decision from being recorded, in the order of the form; empty when it can
 * be. APPROVE may answer the Apple question only if the seller asked it. REJECT needs a written
 * reason for every criterion the checks did not pass, reasons only for criteria of the report, one
 * per criterion. NEEDS_INFO needs a message saying what to provide or fix.
 */
export function decisionProblems(draft: DecisionDraft, context: DecisionContext): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  const message = draft.message?.trim() ?? '';
  switch (draft.decision) {
    case 'APPROVE':
      if (draft.appleApproved === true && !context.appleRequested) {
        problems.push({ field: 'appleApproved', message: 'the seller did not ask for Apple-brand approval' });
      }
      break;
    case 'REJECT':
      problems.push(...rejectionProblems(trimmedReasons(draft), context));
      break;
    case 'NEEDS_INFO':
      if (message === '') problems.push({ field: 'message', message: 'tell the seller what to provide or fix' });
      break;
  }
  if (message.length > DECISION_MESSAGE_MAX_LENGTH) {
    problems.push({ field: 'message', message: `must be at most ${DECISION_MESSAGE_MAX_LENGTH} characters` });
  }
  return problems;
}

function rejectionProblems(reasons: readonly RejectionReason[], context: DecisionContext): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  const known = context.criteria.map((c) => c.criterion);
  const seen = new Set<string>();
  reasons.forEach((r, i) => {
    if (!known.includes(r.criterion)) {
      problems.push({ field: `reasons[${i}].criterion`, message: `is not a criterion (${known.join(', ')})` });
    } else if (seen.has(r.criterion)) {
      problems.push({ field: `reasons[${i}].criterion`, message: 'has a reason already; write one per criterion' });
    }
    seen.add(r.criterion);
    if (r.reason === '') {
      problems.push({ field: `reasons[${i}].reason`, message: 'write what the seller must know about this check' });
    } else if (r.reason.length > REJECTION_REASON_MAX_LENGTH) {
      problems.push({
        field: `reasons[${i}].reason`,
        message: `must be at most ${REJECTION_REASON_MAX_LENGTH} characters`,
      });
    }
  });
  const missing = context.criteria.filter((c) => c.status !== 'PASS' && !seen.has(c.criterion)).map((c) => c.criterion);
  if (missing.length > 0) {
    problems.push({
      field: 'reasons',
      message: `give a reason for each failed criterion; missing: ${missing.join(', ')}`,
    });
  } else if (reasons.length === 0) {
    problems.push({ field: 'reasons', message: 'give at least one reason' });
  }
  return problems;
}

function trimmedReasons(draft: DecisionDraft): RejectionReason[] {
  return (draft.reasons ?? []).map((r) => ({ criterion: r.criterion.trim(), reason: r.reason.trim() }));
}
