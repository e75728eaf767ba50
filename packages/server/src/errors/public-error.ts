import { DomainError, type DomainErrorCode } from '@recertify/domain';
import type { BlockingFailure } from '../features/applications/applications.errors.js';
import type { UploadRule } from '../features/uploads/upload.errors.js';
import { returnRefusalReason } from '../features/returns/returns.errors.js';
import { AppError, type AnyAppError, type FieldProblem } from './app-error.js';

/**
 * Every `extensions.code` a client may see. The refusals services make on purpose, what the
 * server answers when it cannot read a request, and the one masked internal error.
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'INVALID_TOKEN',
  'NOT_ELIGIBLE',
  'NOT_APPROVED',
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'INTERNAL_SERVER_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && KNOWN_CODES.has(value);
}

/**
 * What a client may branch on besides the code, as JSON (dates as ISO strings). The GraphQL type
 * `ErrorExtensions` (src/graphql/error-types.ts) describes the same fields in schema.graphql.
 */
export interface PublicErrorExtensions {
  /** BAD_USER_INPUT: every field at fault. */
  readonly fields?: readonly FieldProblem[];
  /** NOT_ELIGIBLE: the hard criteria that block submission. */
  readonly failures?: readonly BlockingFailure[];
  /** CONFLICT: the reviewer who holds the claim, and since when. */
  readonly holder?: { readonly name: string | null; readonly claimedAt: string | null };
  /** CONFLICT (and BAD_USER_INPUT from a domain rule): the rule that refused. */
  readonly reason?: string;
  /** The one input field at fault, for codes other than BAD_USER_INPUT. */
  readonly field?: string;
  /** ACCOUNT_LOCKED: when signing in works again. */
  readonly lockedUntil?: string;
  /** BAD_USER_INPUT about an uploaded file: the upload rule it broke. */
  readonly rule?: UploadRule;
  /** RATE_LIMITED and QUERY_TOO_COMPLEX: the limit that refused (e.g. `graphql-ip`, `depth`). */
  readonly limit?: string;
  /** RATE_LIMITED and QUERY_TOO_COMPLEX: the limit's value (requests per window, deepest nesting, ...). */
  readonly max?: number;
  /** RATE_LIMITED: seconds until a retry can succeed (also the Retry-After header). */
  readonly retryAfterSeconds?: number;
  /** CONFLICT (COMPLAINT_ALREADY_INVALIDATED): when the complaint stopped counting. */
  readonly invalidatedAt?: string;
}

/** A refusal as clients see it, whatever the transport. */
export interface PublicError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly extensions: PublicErrorExtensions;
  /** The status an HTTP route answers with (GraphQL answers 200 except for UNAUTHENTICATED). */
  readonly status: number;
}

const STATUS: Readonly<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  INVALID_TOKEN: 400,
  NOT_ELIGIBLE: 409,
  NOT_APPROVED: 403,
  BAD_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  QUERY_TOO_COMPLEX: 400,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  PERSISTED_QUERY_NOT_FOUND: 400,
  PERSISTED_QUERY_NOT_SUPPORTED: 400,
  OPERATION_RESOLUTION_FAILURE: 400,
  INTERNAL_SERVER_ERROR: 500,
};

function refusal(
  code: ErrorCode,
  error: Error,
  extensions: PublicErrorExtensions = {},
  status = STATUS[code],
): PublicError {
  return { code, message: error.message, extensions, status };
}

/**
 * The one mapping from what services and domain rules throw to what clients see; null for
 * anything else (a bug or an outage: logged and masked by the caller). Exhaustive: a new code in
 * AppErrorDetails or DomainErrorCode does not compile until it is handled here.
 */
export function publicErrorOf(error: unknown): PublicError | null {
  // AppError<AppErrorCode> and the union of its instantiations are the same set of values; the
  // union lets the switch narrow `details` by `code`.
  if (error instanceof AppError) return publicAppError(error as AnyAppError);
  if (error instanceof DomainError) return publicDomainError(error, error.code);
  return null;
}

function publicAppError(error: AnyAppError): PublicError | null {
  switch (error.code) {
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
    case 'NOT_FOUND':
    case 'CONFLICT':
    case 'INVALID_CREDENTIALS':
      return refusal(error.code, error);
    case 'BAD_USER_INPUT':
      return refusal('BAD_USER_INPUT', error, { fields: error.details.fields });
    case 'ACCOUNT_LOCKED':
      return refusal('ACCOUNT_LOCKED', error, { lockedUntil: error.details.lockedUntil.toISOString() });
    case 'INVALID_TOKEN':
      return refusal('INVALID_TOKEN', error, { field: error.details.field });
    case 'NOT_ELIGIBLE':
      return refusal('NOT_ELIGIBLE', error, { failures: error.details.failures });
    case 'CLAIMED_BY_OTHER': {
      const { name, claimedAt } = error.details.holder;
      return refusal('CONFLICT', error, { holder: { name, claimedAt: claimedAt?.toISOString() ?? null } });
    }
    case 'UPLOAD_REFUSED': {
      const { rule, problem } = error.details;
      const status = rule === 'TOO_LARGE' || rule === 'QUOTA' ? STATUS.PAYLOAD_TOO_LARGE : STATUS.BAD_USER_INPUT;
      return refusal('BAD_USER_INPUT', error, { fields: [{ field: 'file', message: problem }], rule }, status);
    }
    case 'RATE_LIMITED': {
      const { limit, max, retryAfterSeconds } = error.details;
      return refusal('RATE_LIMITED', error, { limit, max, retryAfterSeconds });
    }
    case 'INVALID_OUTBOX_EMAIL':
      return null;
    // The return's own data (its address, the seller's name) cannot go on a generated label.
    case 'LABEL_TEXT_UNPRINTABLE':
      return refusal('BAD_USER_INPUT', error, {
        fields: error.details.fields.map((f) => ({
          field: f.field,
          message: `the label font cannot print ${f.characters.map((c) => `"${c}"`).join(', ')}`,
        })),
        reason: error.code,
      });
    case 'LABEL_ADDRESS_TOO_LONG':
      return refusal('BAD_USER_INPUT', error, {
        fields: [{ field: error.details.field, message: `needs more than ${error.details.maxLines} lines` }],
        reason: error.code,
      });
    case 'PREPAID_LABEL_REFUSED': {
      const { field, rule, problem } = error.details;
      return refusal('BAD_USER_INPUT', error, { fields: [{ field, message: problem }], reason: rule });
    }
    case 'NOT_APPROVED':
      return refusal('NOT_APPROVED', error, { reason: error.details.reason, field: 'marketplace' });
    case 'RMA_TAKEN':
      return refusal('CONFLICT', error, { reason: 'RMA_TAKEN', field: error.details.field });
    case 'RETURN_REFUSED': {
      const { refusal: why } = error.details;
      return refusal('CONFLICT', error, {
        reason: returnRefusalReason(why),
        ...(why === 'CLOSE_REASON' ? { field: 'reason' } : {}),
      });
    }
    // The complaint is out of the figures already; the client shows since when.
    case 'COMPLAINT_ALREADY_INVALIDATED':
      return refusal('CONFLICT', error, {
        reason: error.code,
        invalidatedAt: error.details.invalidatedAt.toISOString(),
      });
    default:
      return unhandled(error);
  }
}

function publicDomainError(error: DomainError, code: DomainErrorCode): PublicError | null {
  switch (code) {
    // The lifecycle or a marketplace rule does not allow this now: the record's state is in the way.
    case 'INVALID_TRANSITION':
      return refusal('CONFLICT', error, { reason: code });
    case 'ALREADY_APPROVED':
    case 'OPEN_APPLICATION':
      return refusal('CONFLICT', error, { reason: code, field: 'marketplace' });
    // Reference data an admin must add first.
    case 'NO_POLICY_IN_FORCE':
    case 'MISSING_EXCHANGE_RATE':
      return refusal('CONFLICT', error, { reason: code });
    // Values a person typed.
    case 'INVALID_MONEY':
    case 'INVALID_ISO_DATE':
    case 'INVALID_INVOICE':
      return refusal('BAD_USER_INPUT', error, { fields: [], reason: code });
    // The program passed the rule data it should never have: a bug.
    case 'CURRENCY_MISMATCH':
    case 'INVALID_EXCHANGE_RATE':
    case 'INVALID_RATIO':
    case 'ZERO_DENOMINATOR':
    case 'INVALID_TIME_ZONE':
      return null;
    default:
      return unhandled(code);
  }
}

function unhandled(value: never): never {
  throw new Error(`error code not mapped: ${JSON.stringify(value)}`);
}
