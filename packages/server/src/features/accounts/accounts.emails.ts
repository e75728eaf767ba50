/** The words of account emails; plain text first, because that is what every client shows. */
export interface EmailContent {
  readonly subject: string;
  readonly text: string;
}

export function welcomeEmail(p: { displayName: string; organizationName: string; appUrl: string }): EmailContent {
  return {
    subject: 'Welcome to Recertify',
    text: [
      `Hello ${p.displayName},`,
      '',
      `Your seller account for ${p.organizationName} is ready.`,
      'Next: read the program rules, then start your Renewed application for a marketplace.',
      '',
      `${p.appUrl}/program-rules`,
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
