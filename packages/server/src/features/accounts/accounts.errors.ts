import { AppError, type NoDetails } from '../../errors/app-error.js';

/** Refusals of signing in and of reset links. */
export interface AccountsErrorDetails {
  readonly INVALID_CREDENTIALS: NoDetails;
  readonly ACCOUNT_LOCKED: { readonly lockedUntil: Date };
  /** A reset link that is unknown, used or expired; always about the field "token". */
  readonly INVALID_TOKEN: { readonly field: 'token' };
}

export function invalidCredentials(): AppError<'INVALID_CREDENTIALS'> {
  return new AppError(
    'INVALID_CREDENTIALS',
    'The email or password is not right. Check both, or reset your password.',
    {},
  );
}

function minutesUntil(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return `${minutes} more minute${minutes === 1 ? '' : 's'}`;
}

/**
 * Locked for this client or for everyone; answered alike for addresses without an account, so it
 * reveals nothing. The owner gets in at once with a password-reset link (already emailed when the
 * account is locked for everyone).
 */
export function accountLocked(until: Date, now: Date): AppError<'ACCOUNT_LOCKED'> {
  return new AppError(
    'ACCOUNT_LOCKED',
    `Too many failed sign-ins: this account is locked for ${minutesUntil(until, now)}. If it is yours, check your email for the link that unlocks it, or reset your password.`,
    { lockedUntil: until },
  );
}

export function invalidToken(message: string): AppError<'INVALID_TOKEN'> {
  return new AppError('INVALID_TOKEN', message, { field: 'token' });
}
