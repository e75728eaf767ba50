import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { GraphQLFormattedError } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  blockingFailuresOf,
  describeError,
  errorCodeOf,
  fieldProblemsOf,
  formProblemFromFields,
  formProblemOf,
  hasErrorCode,
  refusalsOf,
  refusalWithCode,
} from './graphql-errors';

const graphQLErrors = (...errors: GraphQLFormattedError[]) => new CombinedGraphQLErrors({ errors });

/** A BAD_USER_INPUT error as the server builds it (badInput in src/errors/app-error.ts). */
const badInput = (...fields: { field: string; message: string }[]) =>
  graphQLErrors({
    message: fields.map((f) => `${f.field}: ${f.message}`).join('; '),
    extensions: { code: 'BAD_USER_INPUT', fields },
  });

const serverError = (status: number, body: string) =>
  new ServerError('Response not successful', { response: new Response(body, { status }), bodyText: body });

const signUpLabels = {
  email: 'Email',
  password: 'Password',
  displayName: 'Your name',
  organizationName: 'Business name',
};

describe('errorCodeOf / hasErrorCode', () => {
  it.each([
    [
      'a GraphQL error with a code',
      graphQLErrors({ message: 'x', extensions: { code: 'ACCOUNT_LOCKED' } }),
      'ACCOUNT_LOCKED',
    ],
    [
      'the first error that has a code',
      graphQLErrors({ message: 'a' }, { message: 'b', extensions: { code: 'NOT_FOUND' } }),
      'NOT_FOUND',
    ],
    ['a GraphQL error without a code', graphQLErrors({ message: 'x' }), null],
    [
      'a 401 answer whose body carries the GraphQL errors',
      serverError(401, JSON.stringify({ errors: [{ message: 'Sign in', extensions: { code: 'UNAUTHENTICATED' } }] })),
      'UNAUTHENTICATED',
    ],
    ['a 502 answer with an HTML body', serverError(502, '<html>Bad gateway</html>'), null],
    ['a network failure', new TypeError('Failed to fetch'), null],
    ['something that is not an error', 'oops', null],
  ])('%s: %s', (_case, error, expected) => {
    expect(errorCodeOf(error)).toBe(expected);
    if (expected) expect(hasErrorCode(error, expected as 'NOT_FOUND')).toBe(true);
  });

  it('finds a code in any of several errors', () => {
    const error = graphQLErrors(
      { message: 'a', extensions: { code: 'NOT_FOUND' } },
      { message: 'b', extensions: { code: 'FORBIDDEN' } },
    );
    expect(hasErrorCode(error, 'FORBIDDEN')).toBe(true);
    expect(hasErrorCode(error, 'UNAUTHENTICATED')).toBe(false);
  });
});

describe('refusalsOf: one decoder keyed by the generated ErrorCode', () => {
  it('gives NOT_ELIGIBLE its failures, skipping malformed entries', () => {
    const error = graphQLErrors({
      message: 'This application cannot be submitted yet: …',
      extensions: {
        code: 'NOT_ELIGIBLE',
        failures: [
          { criterion: 'QUALIFYING_PURCHASES', summary: 'Qualifying purchases 49,999.99 of 50,000.00 USD' },
          { criterion: 'IMAGES', summary: '7 images, at least 8 required; missing view RIGHT' },
          { criterion: 42, summary: 'ignored: not a criterion name' },
        ],
      },
    });
    const failures = [
      { criterion: 'QUALIFYING_PURCHASES', summary: 'Qualifying purchases 49,999.99 of 50,000.00 USD' },
      { criterion: 'IMAGES', summary: '7 images, at least 8 required; missing view RIGHT' },
    ];
    expect(refusalsOf(error)).toEqual([
      { code: 'NOT_ELIGIBLE', message: 'This application cannot be submitted yet: …', failures },
    ]);
    expect(blockingFailuresOf(error)).toEqual(failures);
    expect(refusalWithCode(error, 'NOT_ELIGIBLE')?.failures).toEqual(failures);
  });

  it('gives BAD_USER_INPUT its fields and, for a file, the rule it broke', () => {
    const error = graphQLErrors({
      message: 'file: the file is empty',
      extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'file', message: 'the file is empty' }], rule: 'EMPTY' },
    });
    expect(refusalWithCode(error, 'BAD_USER_INPUT')).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'file: the file is empty',
      fields: [{ field: 'file', message: 'the file is empty' }],
      rule: 'EMPTY',
    });
  });

  it('gives CONFLICT who holds the claim, or null when the conflict is of another kind', () => {
    const claimed = graphQLErrors({
      message: 'Rita Reviewer claimed this application at 2026-11-30T09:00:00.000Z; it is theirs to decide.',
      extensions: { code: 'CONFLICT', holder: { name: 'Rita Reviewer', claimedAt: '2026-11-30T09:00:00.000Z' } },
    });
    expect(refusalWithCode(claimed, 'CONFLICT')?.holder).toEqual({
      name: 'Rita Reviewer',
      claimedAt: '2026-11-30T09:00:00.000Z',
    });
    const approved = graphQLErrors({
      message: 'You are already approved in US.',
      extensions: { code: 'CONFLICT', reason: 'ALREADY_APPROVED', field: 'marketplace' },
    });
    expect(refusalWithCode(approved, 'CONFLICT')).toEqual({
      code: 'CONFLICT',
      message: 'You are already approved in US.',
      holder: null,
      reason: 'ALREADY_APPROVED',
      field: 'marketplace',
    });
  });

  it('decodes the JSON body of a non-GraphQL error answer (413 from the server)', () => {
    const error = serverError(
      413,
      JSON.stringify({
        errors: [{ message: 'The request body is too large.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
      }),
    );
    expect(refusalsOf(error)).toEqual([
      { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.', field: null },
    ]);
  });

  it('leaves out codes the schema does not have (a newer server) and errors without a code', () => {
    const error = graphQLErrors(
      { message: 'a', extensions: { code: 'SOMETHING_NEW' } },
      { message: 'b' },
      { message: 'c', extensions: { code: 'FORBIDDEN' } },
    );
    expect(refusalsOf(error)).toEqual([{ code: 'FORBIDDEN', message: 'c', field: null }]);
    expect(errorCodeOf(error)).toBe('FORBIDDEN');
    expect(refusalWithCode(error, 'NOT_ELIGIBLE')).toBeNull();
    expect(blockingFailuresOf(error)).toEqual([]);
  });
});

describe('describeError', () => {
  it.each([
    [
      'the API message as is',
      graphQLErrors({
        message: 'Too many failed sign-ins: this account is locked for 15 more minutes.',
        extensions: { code: 'ACCOUNT_LOCKED' },
      }),
      'Too many failed sign-ins: this account is locked for 15 more minutes.',
    ],
    [
      'the message inside a non-2xx GraphQL answer',
      serverError(401, JSON.stringify({ errors: [{ message: 'This API key is not valid or has been revoked.' }] })),
      'This API key is not valid or has been revoked.',
    ],
    [
      'the status of a non-GraphQL answer',
      serverError(502, 'Bad gateway'),
      'The server answered with status 502. Please try again in a moment.',
    ],
    [
      'a network failure',
      new TypeError('Failed to fetch'),
      'Could not reach Recertify. Check your connection and try again.',
    ],
    ['any other error', new Error('Boom'), 'Boom'],
    [
      'a message already described',
      { message: 'We could not check who is signed in.' },
      'We could not check who is signed in.',
    ],
    ['a thrown non-error', 42, 'Something went wrong. Please try again.'],
  ])('%s', (_case, error, expected) => {
    expect(describeError(error)).toBe(expected);
  });
});

describe('fieldProblemsOf', () => {
  it('reads extensions.fields of BAD_USER_INPUT, in order', () => {
    const error = badInput(
      { field: 'email', message: 'must be an email address like name@example.com' },
      { field: 'password', message: 'must be at least 10 characters' },
    );
    expect(fieldProblemsOf(error)).toEqual([
      { field: 'email', message: 'must be an email address like name@example.com' },
      { field: 'password', message: 'must be at least 10 characters' },
    ]);
  });

  it('reads the single extensions.field of other codes with the error message', () => {
    const error = graphQLErrors({
      message: 'This reset link has expired. Ask for a new one.',
      extensions: { code: 'INVALID_TOKEN', field: 'token' },
    });
    expect(fieldProblemsOf(error)).toEqual([
      { field: 'token', message: 'This reset link has expired. Ask for a new one.' },
    ]);
  });

  it('skips malformed entries and errors without fields', () => {
    const error = graphQLErrors(
      {
        message: 'x',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'email' }, 'nope', null, { field: 'name', message: 'must not be empty' }],
        },
      },
      { message: 'y', extensions: { code: 'FORBIDDEN' } },
    );
    expect(fieldProblemsOf(error)).toEqual([{ field: 'name', message: 'must not be empty' }]);
    expect(fieldProblemsOf(new TypeError('Failed to fetch'))).toEqual([]);
  });
});

describe('formProblemOf', () => {
  it('puts each problem under its field and names the fields, by label, in form order', () => {
    const problem = formProblemOf(
      badInput(
        { field: 'organizationName', message: 'must not be empty' },
        { field: 'password', message: 'must be at least 10 characters' },
      ),
      signUpLabels,
    );
    expect(problem).toEqual({
      fields: { organizationName: 'Must not be empty', password: 'Must be at least 10 characters' },
      summary: 'Check these fields: Password, Business name.',
      code: 'BAD_USER_INPUT',
    });
  });

  it('says "this field" for one', () => {
    const problem = formProblemOf(
      badInput({ field: 'email', message: 'already has an account: sign in, or reset the password' }),
      signUpLabels,
    );
    expect(problem.fields).toEqual({ email: 'Already has an account: sign in, or reset the password' });
    expect(problem.summary).toBe('Check this field: Email.');
  });

  it('joins two problems of one field', () => {
    const problem = formProblemOf(
      badInput(
        { field: 'name', message: 'must not be empty' },
        { field: 'name', message: 'must be at most 100 characters' },
      ),
      { name: 'Key name' },
    );
    expect(problem.fields).toEqual({ name: 'Must not be empty; must be at most 100 characters' });
  });

  it('says problems of fields the form does not show in the summary, as sentences, without the field name', () => {
    const problem = formProblemOf(
      badInput({ field: 'userId', message: 'you cannot remove yourself; ask a colleague to do it' }),
      { email: "Colleague's email" },
    );
    expect(problem).toEqual({
      fields: {},
      summary: 'You cannot remove yourself; ask a colleague to do it.',
      code: 'BAD_USER_INPUT',
    });
  });

  it('gives other codes their message as is, and marks a field they name when the form has it', () => {
    const locked = graphQLErrors({
      message:
        'Too many failed sign-ins: this account is locked for 3 more minutes. Try again later, or reset your password.',
      extensions: { code: 'ACCOUNT_LOCKED', lockedUntil: '2026-01-01T00:00:00.000Z' },
    });
    expect(formProblemOf(locked, { email: 'Email', password: 'Password' })).toEqual({
      fields: {},
      summary:
        'Too many failed sign-ins: this account is locked for 3 more minutes. Try again later, or reset your password.',
      code: 'ACCOUNT_LOCKED',
    });

    const expired = graphQLErrors({
      message: 'This reset link has expired. Ask for a new one.',
      extensions: { code: 'INVALID_TOKEN', field: 'token' },
    });
    expect(formProblemOf(expired, { password: 'New password' })).toEqual({
      fields: {},
      summary: 'This reset link has expired. Ask for a new one.',
      code: 'INVALID_TOKEN',
    });
    expect(formProblemOf(expired, { token: 'Reset code' }).fields).toEqual({
      token: 'This reset link has expired. Ask for a new one.',
    });
  });

  it('falls back to the error message for BAD_USER_INPUT without fields, and to the network message', () => {
    const bare = graphQLErrors({
      message: 'Variable "$input" got invalid value',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(formProblemOf(bare, signUpLabels).summary).toBe('Variable "$input" got invalid value');
    expect(formProblemOf(new TypeError('Failed to fetch'), signUpLabels)).toEqual({
      fields: {},
      summary: 'Could not reach Recertify. Check your connection and try again.',
      code: null,
    });
  });
});

describe('formProblemFromFields', () => {
  it('builds the same shape from problems found before sending (client-side checks)', () => {
    expect(
      formProblemFromFields([{ field: 'confirmPassword', message: 'does not match the new password' }], {
        password: 'New password',
        confirmPassword: 'Confirm new password',
      }),
    ).toEqual({
      fields: { confirmPassword: 'Does not match the new password' },
      summary: 'Check this field: Confirm new password.',
      code: 'BAD_USER_INPUT',
    });
  });
});
