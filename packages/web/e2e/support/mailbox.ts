import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { POLL } from './web-first.js';

export interface ReceivedEmail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Quoted-printable bodies (nodemailer's choice for long lines): soft breaks joined, =XX decoded. */
function decodeQuotedPrintable(body: string): string {
  return Buffer.from(
    body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}

function header(message: string, name: string): string {
  return new RegExp(`^${name}: (.*)$`, 'mi').exec(message)?.[1]?.trim() ?? '';
}

/**
 * The emails the server has delivered to `to` (embedded mode writes each as an .eml file under
 * DATA_DIR/mail). A reader: poll it, since the outbox worker sends a moment after the request.
 */
export async function emailsTo(dataDir: string, to: string): Promise<ReceivedEmail[]> {
  const folder = path.join(dataDir, 'mail');
  const files = (await readdir(folder).catch(() => [])).filter((name) => name.endsWith('.eml'));
  const emails: ReceivedEmail[] = [];
  for (const file of files) {
    const message = await readFile(path.join(folder, file), 'utf8');
    const [head = '', ...rest] = message.split(/\r?\n\r?\n/);
    if (!header(head, 'To').toLowerCase().includes(to.toLowerCase())) continue;
    const body = rest.join('\n\n');
    const text = /quoted-printable/i.test(head) ? decodeQuotedPrintable(body) : body;
    emails.push({ to, subject: header(head, 'Subject'), text });
  }
  return emails;
}

/** The link to `page` (e.g. `/confirm-email`) in an email's text, or null. */
export function linkIn(email: ReceivedEmail | undefined, page: string): string | null {
  return email ? (new RegExp(`https?://\\S+${page}\\?token=\\S+`).exec(email.text)?.[0] ?? null) : null;
}

/** Waits until an email to `to` with a link to `page` has been delivered; returns the link. */
export async function waitForLink(dataDir: string, to: string, page: string): Promise<string> {
  let link: string | null = null;
  await expect
    .poll(async () => {
      for (const email of await emailsTo(dataDir, to)) link ??= linkIn(email, page);
      return link;
    }, POLL)
    .not.toBeNull();
  return link!;
}
