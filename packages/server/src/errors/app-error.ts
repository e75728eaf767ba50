import type { AccountsErrorDetails } from '../features/accounts/accounts.errors.js';
import type { ApplicationsErrorDetails } from '../features/applications/applications.errors.js';
import type { OutboxErrorDetails } from '../features/outbox/outbox.errors.js';
import type { LimitsErrorDetails } from '../limits/limits.errors.js';
import type { ReviewErrorDetails } from '../features/review/review.errors.js';
import type { UploadsErrorDetails } from '../features/uploads/upload.errors.js';
import type { ReturnLabelsErrorDetails } from '../features/returns/labels/return-labels.errors.js';
import type { DashboardErrorDetails } from '../features/quality/dashboard/dashboard.errors.js';
import type { ReturnsErrorDetails } from '../features/returns/returns.errors.js';
import type { QualityErrorDetails } from '../features/quality/quality.errors.js';

/** One field a person must fix, and how. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** Details of a code that carries nothing beyond its message. */
export type NoDetails = Readonly<Record<never, never>>;

/** The codes every feature may use, with what each carries. */
export interface CommonErrorDetails {
  readonly UNAUTHENTICATED: NoDetails;
  readonly FORBIDDEN: NoDetails;
  readonly NOT_FOUND: NoDetails;
  /** Every field at fault, so a form can show them all at once. */
  readonly BAD_USER_INPUT: { readonly fields: readonly FieldProblem[] };
  /** The record changed meanwhile or is in a state that does not allow this. */
  readonly CONFLICT: NoDetails;
}

/**
 * Every code a service refuses with, and the typed details each carries: the common codes plus
 * one `<feature>.errors.ts` per feature. A new code here fails to compile until the one mapping
 * (src/graphql/error-mapping.ts) handles it.
 */
export interface AppErrorDetails
  extends
    CommonErrorDetails,
    AccountsErrorDetails,
    ApplicationsErrorDetails,
    ReviewErrorDetails,
    UploadsErrorDetails,
    OutboxErrorDetails,
    LimitsErrorDetails,
    ReturnLabelsErrorDetails,
    DashboardErrorDetails,
    ReturnsErrorDetails,
    QualityErrorDetails {}

export type AppErrorCode = keyof AppErrorDetails;

/**
 * A refusal made on purpose: a stable code, a message a person can act on, and typed details.
 * Plain TypeScript, no GraphQL: entry points (GraphQL, HTTP routes, the CLI) decide how to answer.
 */
export class AppError<C extends AppErrorCode = AppErrorCode> extends Error {
  constructor(
    readonly code: C,
    message: string,
    readonly details: AppErrorDetails[C],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Any AppError, discriminated by its code (so a switch over `code` narrows `details`). */
export type AnyAppError = { [C in AppErrorCode]: AppError<C> }[AppErrorCode];

export const unauthenticated = (
  message = 'Sign in, or send an API key as "Authorization: Bearer <key>", to do this.',
): AppError<'UNAUTHENTICATED'> => new AppError('UNAUTHENTICATED', message, {});

export const forbidden = (message: string): AppError<'FORBIDDEN'> => new AppError('FORBIDDEN', message, {});

export const notFound = (what: string): AppError<'NOT_FOUND'> =>
  new AppError('NOT_FOUND', `${what} was not found.`, {});

export const conflict = (message: string): AppError<'CONFLICT'> => new AppError('CONFLICT', message, {});

/** Bad input: names each field and the rule it breaks. */
export function badInput(problems: readonly FieldProblem[]): AppError<'BAD_USER_INPUT'> {
  const message = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
  return new AppError('BAD_USER_INPUT', message, { fields: problems });
}

/** Collects field problems and throws them together, so a form can show every one at once. */
export class InputCheck {
  private readonly problems: FieldProblem[] = [];

  require(condition: boolean, field: string, message: string): this {
    if (!condition) this.problems.push({ field, message });
    return this;
  }

  throwIfAny(): void {
    if (this.problems.length > 0) throw badInput(this.problems);
  }
}
