import { GraphQLError } from 'graphql';

/**
 * Every refusal the API makes on purpose, with a stable `extensions.code` and a message a person
 * can act on. Anything else that escapes a resolver is an internal error and is masked.
 */
export type AppErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_CREDENTIALS'
  | 'ACCOUNT_LOCKED'
  | 'INVALID_TOKEN'
  | 'NOT_ELIGIBLE';

const HTTP_STATUS: Partial<Record<AppErrorCode, number>> = {
  UNAUTHENTICATED: 401,
};

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export class AppError extends GraphQLError {
  constructor(code: AppErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    const status = HTTP_STATUS[code];
    super(message, { extensions: { code, ...extensions, ...(status ? { http: { status } } : {}) } });
    this.name = 'AppError';
  }
}

export const unauthenticated = (
  message = 'Sign in, or send an API key as "Authorization: Bearer <key>", to do this.',
) => new AppError('UNAUTHENTICATED', message);

export const forbidden = (message: string) => new AppError('FORBIDDEN', message);

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} was not found.`);

export const conflict = (message: string) => new AppError('CONFLICT', message);

/** Bad input: names each field and the rule it breaks. */
export function badInput(problems: FieldProblem[]): AppError {
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
