import type { FieldProblem } from '../../ui/graphql-errors';

/**
 * The server's rule for new passwords (PASSWORD_MIN_LENGTH in the accounts service), stated on the
 * forms and checked on the reset form together with the confirmation, which only the browser can
 * check. The server stays the authority and says the same.
 */
export const PASSWORD_MIN_LENGTH = 10;

export function checkNewPassword(password: string, field = 'password'): FieldProblem[] {
  return password.length < PASSWORD_MIN_LENGTH
    ? [{ field, message: `must be at least ${PASSWORD_MIN_LENGTH} characters` }]
    : [];
}

/** The new password twice, as the reset form asks for it. */
export function checkPasswordChoice(password: string, confirmation: string): FieldProblem[] {
  const problems = checkNewPassword(password);
  if (confirmation !== password)
    problems.push({ field: 'confirmPassword', message: 'does not match the new password' });
  return problems;
}
