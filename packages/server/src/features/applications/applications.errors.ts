import type { CriterionResult } from '@recertify/domain';
import { AppError } from '../../errors/app-error.js';

/** One hard criterion that blocks submission, as the seller's form shows it. */
export interface BlockingFailure {
  readonly criterion: CriterionResult['criterion'];
  readonly summary: string;
}

/** Refusals of the seller's use cases beyond the common codes. */
export interface ApplicationsErrorDetails {
  /** Submission refused: the hard criteria that fail, each with what to fix. */
  readonly NOT_ELIGIBLE: { readonly failures: readonly BlockingFailure[] };
}

export function notEligible(
  failures: readonly Pick<CriterionResult, 'criterion' | 'summary'>[],
): AppError<'NOT_ELIGIBLE'> {
  return new AppError(
    'NOT_ELIGIBLE',
    `This application cannot be submitted yet: ${failures.map((f) => f.summary).join(' ')}`,
    { failures: failures.map((f) => ({ criterion: f.criterion, summary: f.summary })) },
  );
}
