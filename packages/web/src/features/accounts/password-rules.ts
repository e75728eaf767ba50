import { passwordProblem } from '@recertify/domain';
import type { FieldProblem } from '../../ui/graphql-errors';

/**
 * The domain's rule for new passwords (the server enforces the same), checked on the reset form
 * together with the confirmation, which only the browser can check.
 */
export { PASSWORD_MIN_LENGTH } from '@recertify/domain';

export function checkNewPassword(password: string, field = 'password'): FieldProblem[] {
  const problem = passwordProblem(password);
  return problem ? [{ field, message: problem }] : [];
}

/** The new password twice, as the reset form asks for it. */
export function checkPasswordChoice(password: string, confirmation: string): FieldProblem[] {
  const problems = checkNewPassword(password);
  if (confirmation !== password)
    problems.push({ field: 'confirmPassword', message: 'does not match the new password' });
  return problems;
}
