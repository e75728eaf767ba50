import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import type { ErrorCode } from '../generated/graphql';
import type { ErrorExtensionsFieldsFragment } from './graphql-errors.generated';

/**
 * What the API says when it refuses: `extensions.code`, a message a person can act on, and the
 * details clients branch on. The codes and the shapes of those details are generated from the
 * schema (`ErrorCode`, `ErrorExtensions`, see graphql-errors.graphql), never copied by hand, and
 * decoded in one place into a union keyed by the code. Pure functions of the error, so every form
 * reads errors the same way.
 */

export type { ErrorCode };
type Extensions = ErrorExtensionsFieldsFragment;
export type FieldProblem = NonNullable<Extensions['fields']>[number];
export type BlockingFailure = NonNullable<Extensions['failures']>[number];
export type ClaimHolder = NonNullable<Extensions['holder']>;

/** Codes with nothing to branch on but the code itself. */
type PlainCode = Exclude<ErrorCode, 'BAD_USER_INPUT' | 'NOT_ELIGIBLE' | 'CONFLICT' | 'ACCOUNT_LOCKED' | 'NOT_APPROVED'>;

/** One refusal of the API, by its code, with the details of that code. */
export type ApiRefusal = { readonly message: string } & (
  | {
      readonly code: 'BAD_USER_INPUT';
      readonly fields: readonly FieldProblem[];
      /** For an uploaded file: the upload rule it broke. */
      readonly rule: string | null;
    }
  | { readonly code: 'NOT_ELIGIBLE'; readonly failures: readonly BlockingFailure[] }
  | {
      readonly code: 'CONFLICT';
      /** Who holds the claim, when another reviewer does. */
      readonly holder: ClaimHolder | null;
      /** The rule that refused, e.g. ALREADY_APPROVED. */
      readonly reason: string | null;
      readonly field: string | null;
    }
  | { readonly code: 'ACCOUNT_LOCKED'; readonly lockedUntil: string | null }
  /** No quality dashboard: `reason` is the status of the seller's latest application there, or NO_APPLICATION. */
  | { readonly code: 'NOT_APPROVED'; readonly reason: string | null }
  | { readonly code: PlainCode; readonly field: string | null }
);

type Decode = (message: string, extensions: Readonly<Record<string, unknown>>) => ApiRefusal;

const plain =
  (code: PlainCode): Decode =>
  (message, extensions) => ({ code, message, field: stringOrNull(extensions['field']) });

/** One decoder per generated code: a code added to the schema does not compile until it is here. */
const DECODERS: { readonly [C in ErrorCode]: Decode } = {
  BAD_USER_INPUT: (message, extensions) => ({
    code: 'BAD_USER_INPUT',
    message,
    fields: listOf(extensions['fields'], isFieldProblem),
    rule: stringOrNull(extensions['rule']),
  }),
  NOT_ELIGIBLE: (message, extensions) => ({
    code: 'NOT_ELIGIBLE',
    message,
    failures: listOf(extensions['failures'], isBlockingFailure),
  }),
  CONFLICT: (message, extensions) => ({
    code: 'CONFLICT',
    message,
    holder: isClaimHolder(extensions['holder']) ? extensions['holder'] : null,
    reason: stringOrNull(extensions['reason']),
    field: stringOrNull(extensions['field']),
  }),
  ACCOUNT_LOCKED: (message, extensions) => ({
    code: 'ACCOUNT_LOCKED',
    message,
    lockedUntil: stringOrNull(extensions['lockedUntil']),
  }),
  NOT_APPROVED: (message, extensions) => ({
    code: 'NOT_APPROVED',
    message,
    reason: stringOrNull(extensions['reason']),
  }),
  UNAUTHENTICATED: plain('UNAUTHENTICATED'),
  FORBIDDEN: plain('FORBIDDEN'),
  NOT_FOUND: plain('NOT_FOUND'),
  INVALID_CREDENTIALS: plain('INVALID_CREDENTIALS'),
  INVALID_TOKEN: plain('INVALID_TOKEN'),
  BAD_REQUEST: plain('BAD_REQUEST'),
  PAYLOAD_TOO_LARGE: plain('PAYLOAD_TOO_LARGE'),
  // The message says which limit and when to try again.
  RATE_LIMITED: plain('RATE_LIMITED'),
  QUERY_TOO_COMPLEX: plain('QUERY_TOO_COMPLEX'),
  GRAPHQL_PARSE_FAILED: plain('GRAPHQL_PARSE_FAILED'),
  GRAPHQL_VALIDATION_FAILED: plain('GRAPHQL_VALIDATION_FAILED'),
  PERSISTED_QUERY_NOT_FOUND: plain('PERSISTED_QUERY_NOT_FOUND'),
  PERSISTED_QUERY_NOT_SUPPORTED: plain('PERSISTED_QUERY_NOT_SUPPORTED'),
  OPERATION_RESOLUTION_FAILURE: plain('OPERATION_RESOLUTION_FAILURE'),
  INTERNAL_SERVER_ERROR: plain('INTERNAL_SERVER_ERROR'),
};

interface ApiError {
  readonly message: string;
  readonly extensions?: Readonly<Record<string, unknown>>;
}

const NETWORK_MESSAGE = 'Could not reach Recertify. Check your connection and try again.';
const UNKNOWN_MESSAGE = 'Something went wrong. Please try again.';

/** The errors carried by an Apollo error, including those in the body of a non-2xx answer. */
export function apiErrorsOf(error: unknown): readonly ApiError[] {
  if (CombinedGraphQLErrors.is(error)) return error.errors;
  if (ServerError.is(error)) {
    try {
      const body = JSON.parse(error.bodyText) as { errors?: unknown };
      if (Array.isArray(body.errors)) return body.errors.filter(isApiError);
    } catch {
      // Not a JSON answer (a proxy's error page, say): no API errors in it.
    }
  }
  return [];
}

/** Every refusal in an error, decoded by its code; errors without a known code are left out. */
export function refusalsOf(error: unknown): ApiRefusal[] {
  const refusals: ApiRefusal[] = [];
  for (const apiError of apiErrorsOf(error)) {
    const code = apiError.extensions?.['code'];
    if (isErrorCode(code)) refusals.push(DECODERS[code](apiError.message, apiError.extensions ?? {}));
  }
  return refusals;
}

/** The first refusal with this code, typed by it. */
export function refusalWithCode<C extends ErrorCode>(error: unknown, code: C): Extract<ApiRefusal, { code: C }> | null {
  const hasCode = (refusal: ApiRefusal): refusal is Extract<ApiRefusal, { code: C }> => refusal.code === code;
  return refusalsOf(error).find(hasCode) ?? null;
}

/** The code of the first refusal. */
export function errorCodeOf(error: unknown): ErrorCode | null {
  return refusalsOf(error)[0]?.code ?? null;
}

export function hasErrorCode(error: unknown, code: ErrorCode): boolean {
  return refusalsOf(error).some((refusal) => refusal.code === code);
}

/** A sentence for people: the API's own message, or what went wrong on the way to it. */
export function describeError(error: unknown): string {
  const [first] = apiErrorsOf(error);
  if (first) return first.message;
  if (ServerError.is(error))
    return `The server answered with status ${error.statusCode}. Please try again in a moment.`;
  if (ServerParseError.is(error)) return 'The server sent an answer the app could not read. Please try again.';
  // fetch() rejects with a TypeError when the server cannot be reached at all.
  if (error instanceof TypeError) return NETWORK_MESSAGE;
  if (isApiError(error) && error.message) return error.message; // any Error, or a `{ message }` already described
  return UNKNOWN_MESSAGE;
}

/** Every `{ field, message }` of BAD_USER_INPUT refusals, plus the single `field` other codes name. */
export function fieldProblemsOf(error: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const refusal of refusalsOf(error)) {
    if (refusal.code === 'BAD_USER_INPUT') problems.push(...refusal.fields);
    else if ('field' in refusal && refusal.field) problems.push({ field: refusal.field, message: refusal.message });
  }
  return problems;
}

/** The failing criteria of a NOT_ELIGIBLE refusal; empty for any other error. */
export function blockingFailuresOf(error: unknown): BlockingFailure[] {
  return refusalsOf(error).flatMap((refusal) => (refusal.code === 'NOT_ELIGIBLE' ? refusal.failures : []));
}

/** What a form shows for a failure: messages under its fields and one alert above them. */
export interface FormProblem {
  /** Message under each field the form has, by field name, e.g. `{ password: 'Must be at least 10 characters' }`. */
  readonly fields: Readonly<Record<string, string>>;
  /** The alert: which fields to check, or the API's message when no field of the form is at fault. */
  readonly summary: string;
  readonly code: ErrorCode | null;
}

/**
 * Sorts field problems into the form's fields (by `labels`, field name -> label as shown) and the
 * rest. The summary names the failing fields by their labels, so it makes sense read on its own.
 */
export function formProblemFromFields(
  problems: readonly FieldProblem[],
  labels: Readonly<Record<string, string>>,
  fallback = UNKNOWN_MESSAGE,
  code: ErrorCode | null = 'BAD_USER_INPUT',
): FormProblem {
  const fields: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const { field, message } of problems) {
    if (Object.hasOwn(labels, field)) {
      const sentence = capitalize(message);
      fields[field] = fields[field] ? `${fields[field]}; ${message}` : sentence;
    } else {
      elsewhere.push(toSentence(message));
    }
  }
  const failing = Object.keys(labels).filter((field) => field in fields);
  const parts: string[] = [];
  if (failing.length > 0) parts.push(checkFieldsSentence(failing.map((field) => labels[field] ?? field)));
  parts.push(...elsewhere);
  return { fields, summary: parts.length > 0 ? parts.join(' ') : fallback, code };
}

/**
 * What a form shows when its own checks fail, before anything is sent: each message under its
 * field, and an alert naming the failing fields by their labels, in the order checked. Null when
 * every field passes.
 */
export function checkedFormProblem(
  fields: Readonly<Record<string, string>>,
  labels: Readonly<Record<string, string>>,
): FormProblem | null {
  const names = Object.keys(fields).map((field) => labels[field] ?? field);
  return names.length === 0 ? null : { fields, summary: checkFieldsSentence(names), code: null };
}

function checkFieldsSentence(labels: readonly string[]): string {
  return `Check ${labels.length === 1 ? 'this field' : 'these fields'}: ${labels.join(', ')}.`;
}

/** `formProblemFromFields` for an error from the API (or the network). */
export function formProblemOf(error: unknown, labels: Readonly<Record<string, string>>): FormProblem {
  const problems = fieldProblemsOf(error);
  const code = errorCodeOf(error);
  // Only bad input is about the fields; other codes (INVALID_TOKEN, ACCOUNT_LOCKED...) speak for themselves.
  if (code !== 'BAD_USER_INPUT') {
    const fields = Object.fromEntries(
      problems.filter((p) => Object.hasOwn(labels, p.field)).map((p) => [p.field, capitalize(p.message)]),
    );
    return { fields, summary: describeError(error), code };
  }
  return formProblemFromFields(problems, labels, describeError(error), code);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function toSentence(text: string): string {
  const sentence = capitalize(text.trim());
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && typeof (value as ApiError).message === 'string';
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(DECODERS, value);
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function listOf<T>(value: unknown, isItem: (item: unknown) => item is T): T[] {
  return Array.isArray(value) ? value.filter(isItem) : [];
}

function isFieldProblem(value: unknown): value is FieldProblem {
  return isRecord(value) && typeof value['field'] === 'string' && typeof value['message'] === 'string';
}

function isBlockingFailure(value: unknown): value is BlockingFailure {
  return isRecord(value) && typeof value['criterion'] === 'string' && typeof value['summary'] === 'string';
}

function isClaimHolder(value: unknown): value is ClaimHolder {
  return (
    isRecord(value) &&
    (value['name'] === null || typeof value['name'] === 'string') &&
    (value['claimedAt'] === null || typeof value['claimedAt'] === 'string')
  );
}
