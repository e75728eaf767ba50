import { AppError, badInput, type FieldProblem } from '../../errors/app-error.js';
import type { QualityRecordProblem } from '@recertify/domain';

/** Refusals of the quality use cases beyond the common codes. */
export interface QualityErrorDetails {
  /** The complaint no longer counts already: a reviewer invalidated it before. */
  readonly COMPLAINT_ALREADY_INVALIDATED: { readonly invalidatedAt: Date; readonly reason: string | null };
}

export function complaintAlreadyInvalidated(
  invalidatedAt: Date,
  reason: string | null,
): AppError<'COMPLAINT_ALREADY_INVALIDATED'> {
  return new AppError(
    'COMPLAINT_ALREADY_INVALIDATED',
    `This complaint was invalidated at ${invalidatedAt.toISOString()}${reason ? ` (${reason})` : ''}; it no longer counts.`,
    { invalidatedAt, reason },
  );
}

/**
 * A quality record's problems (quality-records.ts in the domain) as the one BAD_USER_INPUT every
 * refusal of input uses: each field named, with the rule it breaks in the message.
 */
export function badRecord(problems: readonly QualityRecordProblem[]): AppError<'BAD_USER_INPUT'> {
  const fields: FieldProblem[] = problems.map((p) => ({ field: p.field, message: `${p.message} (${p.rule})` }));
  return badInput(fields);
}
