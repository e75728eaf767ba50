import { apiErrorsOf } from '../../../ui/graphql-errors';
import type { SubmissionFailure } from './steps/review-step';

/** The failing criteria of a NOT_ELIGIBLE refusal (`extensions.failures`); empty for any other error. */
export function submissionFailuresOf(error: unknown): SubmissionFailure[] {
  const failures: SubmissionFailure[] = [];
  for (const apiError of apiErrorsOf(error)) {
    if (apiError.extensions?.['code'] !== 'NOT_ELIGIBLE') continue;
    const listed = apiError.extensions['failures'];
    if (!Array.isArray(listed)) continue;
    for (const entry of listed as unknown[]) {
      if (typeof entry !== 'object' || entry === null) continue;
      const { criterion, summary } = entry as Record<string, unknown>;
      if (typeof criterion === 'string' && typeof summary === 'string') failures.push({ criterion, summary });
    }
  }
  return failures;
}
