import type { EmailContent } from '../accounts/accounts.emails.js';

export function submissionReceivedEmail(p: {
  legalName: string;
  marketplace: string;
  dueDate: string;
  resubmission: boolean;
  link: string;
}): EmailContent {
  return {
    subject: `We received your Renewed application for ${p.marketplace}`,
    text: [
      `Hello ${p.legalName},`,
      '',
      p.resubmission
        ? `Thank you for the information. Your Renewed application for ${p.marketplace} is back in the review queue.`
        : `Your Renewed application for ${p.marketplace} is in the review queue.`,
      `We aim to decide by ${p.dueDate} (10 business days).`,
      '',
      `Follow it here: ${p.link}`,
    ].join('\n'),
  };
}

export function approvedEmail(p: {
  legalName: string;
  marketplace: string;
  grantedAlso: string[];
  appleRequested: boolean;
  appleApproved: boolean;
  link: string;
}): EmailContent {
  return {
    subject: `Welcome to Renewed in ${p.marketplace}: your next steps`,
    text: [
      `Hello ${p.legalName},`,
      '',
      `Your application to sell Renewed products in ${p.marketplace} is approved.`,
      ...(p.grantedAlso.length
        ? [`This approval also lets you sell Renewed products in ${p.grantedAlso.join(', ')}.`]
        : []),
      ...(p.appleRequested
        ? [
            p.appleApproved
              ? 'Apple-brand products are approved too.'
              : 'Apple-brand products are not approved for now.',
          ]
        : []),
      '',
      'Next steps:',
      '1. List your refurbished products in the Renewed condition, with the images and warranty you described.',
      '2. Keep every unit inspected, cleaned, repaired where needed and tested to work and look like new.',
      '3. Watch your quality dashboard: offer RQS at least 95%, seller RQS at least 98%, ODR at most 0.8%,',
      '   average rating at least 3.70.',
      '4. Set up returns: your return address, authorization settings, or a returns provider.',
      '',
      p.link,
    ].join('\n'),
  };
}

export function rejectedEmail(p: {
  legalName: string;
  marketplace: string;
  reasons: Array<{ criterion: string; reason: string }>;
  link: string;
}): EmailContent {
  return {
    subject: `Your Renewed application for ${p.marketplace} was not approved`,
    text: [
      `Hello ${p.legalName},`,
      '',
      `Your application to sell Renewed products in ${p.marketplace} was not approved, for these reasons:`,
      ...p.reasons.map((r) => `- ${r.criterion}: ${r.reason}`),
      '',
      'You may apply again once these are fixed.',
      p.link,
    ].join('\n'),
  };
}

export function needsInfoEmail(p: {
  legalName: string;
  marketplace: string;
  message: string;
  link: string;
}): EmailContent {
  return {
    subject: `More information needed for your Renewed application (${p.marketplace})`,
    text: [
      `Hello ${p.legalName},`,
      '',
      'The reviewer needs more information before deciding:',
      '',
      p.message,
      '',
      `Update your application and resubmit it here: ${p.link}`,
    ].join('\n'),
  };
}
