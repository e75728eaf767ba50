/** The words of account emails; plain text first, because that is what every client shows. */
export interface EmailContent {
  readonly subject: string;
  readonly text: string;
}

export function welcomeEmail(p: {
  displayName: string;
  organizationName: string;
  link: string;
  validMinutes: number;
}): EmailContent {
  return {
    subject: 'Welcome to Recertify: confirm your email',
    text: [
      `Hello ${p.displayName},`,
      '',
      `Your seller account for ${p.organizationName} is almost ready. Open this link within`,
      `${Math.round(p.validMinutes / 60)} hours to confirm your email address and sign in (it works once):`,
      '',
      p.link,
      '',
      'Next: read the program rules, then start your Renewed application for a marketplace.',
      '',
      'If you did not sign up, ignore this email: without the link the account is never opened.',
    ].join('\n'),
  };
}

/** To the owner of an address someone tried to sign up with: sign-up answers the same either way. */
export function signUpAttemptEmail(p: {
  displayName: string;
  link: string;
  validMinutes: number;
  appUrl: string;
}): EmailContent {
  return {
    subject: 'Someone tried to sign up with your address',
    text: [
      `Hello ${p.displayName},`,
      '',
      'Someone tried to sign up for Recertify with your email address, which already has an account.',
      `If it was you, sign in at ${p.appUrl}/sign-in, or choose a new password with this link`,
      `(within ${p.validMinutes} minutes, once):`,
      '',
      p.link,
      '',
      'If it was not you, ignore this email: nothing has changed.',
    ].join('\n'),
  };
}

/** Answer to a password reset for an address without an account (the form says the same either way). */
export function noAccountEmail(p: { appUrl: string }): EmailContent {
  return {
    subject: 'Reset your Recertify password',
    text: [
      'Hello,',
      '',
      'Someone (hopefully you) asked to reset the password of the Recertify account of this email',
      'address, but no account uses it. If you have an account under another address, ask again',
      `with that one; to open an account, sign up at ${p.appUrl}/sign-up.`,
      '',
      'If you did not ask for this, ignore this email.',
    ].join('\n'),
  };
}

export function passwordResetEmail(p: { displayName: string; link: string; validMinutes: number }): EmailContent {
  return {
    subject: 'Reset your Recertify password',
    text: [
      `Hello ${p.displayName},`,
      '',
      'Someone (hopefully you) asked to reset the password of your Recertify account.',
      `Open this link within ${p.validMinutes} minutes to choose a new password. It works once.`,
      '',
      p.link,
      '',
      'If you did not ask for this, ignore this email: your password stays as it is.',
    ].join('\n'),
  };
}

export function accountLockedEmail(p: {
  displayName: string;
  failures: number;
  lockedMinutes: number;
  link: string;
  validMinutes: number;
}): EmailContent {
  return {
    subject: 'Your Recertify account is locked',
    text: [
      `Hello ${p.displayName},`,
      '',
      `Someone failed to sign in to your Recertify account ${p.failures} times in a row, so it is locked`,
      `for ${p.lockedMinutes} minutes. If it was you, choose a new password with this link (within`,
      `${p.validMinutes} minutes, once): it unlocks the account at once.`,
      '',
      p.link,
      '',
      'If it was not you, someone is guessing your password. It held; a new one from this link',
      'makes it harder still. Otherwise the lock ends by itself.',
    ].join('\n'),
  };
}

export function invitationEmail(p: {
  displayName: string;
  invitedBy: string;
  organizationName: string;
  link: string;
  validMinutes: number;
}): EmailContent {
  return {
    subject: `${p.invitedBy} added you to ${p.organizationName} on Recertify`,
    text: [
      `Hello ${p.displayName},`,
      '',
      `${p.invitedBy} added you to the seller account of ${p.organizationName} on Recertify.`,
      `Choose your password within ${p.validMinutes} minutes with this link (it works once):`,
      '',
      p.link,
    ].join('\n'),
  };
}
