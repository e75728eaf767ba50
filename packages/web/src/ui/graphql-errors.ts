import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';

/**
 * What the API says when it refuses (`extensions.code`, a message a person can act on, and for
 * BAD_USER_INPUT `extensions.fields: [{ field, message }]`), turned into what a form shows.
 * Pure functions of the error, so every form reads errors the same way.
 */

/** The error codes the API sends on purpose (packages/server/src/graphql/app-errors.ts). */
export type ApiErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_CREDENTIALS'
  | 'ACCOUNT_LOCKED'
  | 'INVALID_TOKEN';

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

interface ApiError {
  readonly message: string;
  readonly extensions?: Readonly<Record<string, unknown>>;
}

const NETWORK_MESSAGE = 'Could not reach Recertify. Check your connection and try again.';
const UNKNOWN_MESSAGE = 'Something went wrong. Please try again.';

/** The GraphQL errors carried by an Apollo error, including those in the body of a non-2xx answer. */
export function apiErrorsOf(error: unknown): readonly ApiError[] {
  if (CombinedGraphQLErrors.is(error)) return error.errors;
  if (ServerError.is(error)) {
    try {
      const body = JSON.parse(error.bodyText) as { errors?: unknown };
      if (Array.isArray(body.errors)) return body.errors.filter(isApiError);
    } catch {
      // Not a GraphQL answer (a proxy's error page, say): no API errors in it.
    }
  }
  return [];
}

/** The `extensions.code` of the first error that has one. */
export function errorCodeOf(error: unknown): string | null {
  for (const apiError of apiErrorsOf(error)) {
    const code = apiError.extensions?.['code'];
    if (typeof code === 'string') return code;
  }
  return null;
}

export function hasErrorCode(error: unknown, code: ApiErrorCode): boolean {
  return apiErrorsOf(error).some((apiError) => apiError.extensions?.['code'] === code);
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

/** Every `{ field, message }` of BAD_USER_INPUT errors, plus the single `extensions.field` some codes name. */
export function fieldProblemsOf(error: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const apiError of apiErrorsOf(error)) {
    const fields = apiError.extensions?.['fields'];
    if (Array.isArray(fields)) {
      for (const entry of fields) if (isFieldProblem(entry)) problems.push(entry);
    }
    const field = apiError.extensions?.['field'];
    if (typeof field === 'string') problems.push({ field, message: apiError.message });
  }
  return problems;
}

/** What a form shows for a failure: messages under its fields and one alert above them. */
export interface FormProblem {
  /** Message under each field the form has, by field name, e.g. `{ password: 'Must be at least 10 characters' }`. */
  readonly fields: Readonly<Record<string, string>>;
  /** The alert: which fields to check, or the API's message when no field of the form is at fault. */
  readonly summary: string;
  readonly code: string | null;
}

/**
 * Sorts field problems into the form's fields (by `labels`, field name -> label as shown) and the
 * rest. The summary names the failing fields by their labels, so it makes sense read on its own.
 */
export function formProblemFromFields(
  problems: readonly FieldProblem[],
  labels: Readonly<Record<string, string>>,
  fallback = UNKNOWN_MESSAGE,
  code: string | null = 'BAD_USER_INPUT',
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
  if (failing.length > 0) {
    const names = failing.map((field) => labels[field]).join(', ');
    parts.push(`Check ${failing.length === 1 ? 'this field' : 'these fields'}: ${names}.`);
  }
  parts.push(...elsewhere);
  return { fields, summary: parts.length > 0 ? parts.join(' ') : fallback, code };
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

function isFieldProblem(value: unknown): value is FieldProblem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldProblem).field === 'string' &&
    typeof (value as FieldProblem).message === 'string'
  );
}
