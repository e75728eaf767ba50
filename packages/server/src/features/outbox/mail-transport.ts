import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { AppConfig } from '../../config.js';

/** One email as the transport needs it; `id` is the outbox row id. */
export interface OutgoingEmail {
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string | null;
}

export interface MailTransport {
  /** `smtp`, or `file` (embedded mode: .eml files in a folder). */
  readonly kind: 'smtp' | 'file';
  /** Human-readable target for logs, without credentials. */
  readonly target: string;
  /** Resolves once the message is accepted (SMTP) or written (file); rejects otherwise. */
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

export interface MailTransportOptions {
  /** Connection, greeting and socket-inactivity timeout: an unreachable server fails fast. */
  readonly timeoutMs?: number;
}

/**
 * The Message-ID of an outbox email, stable across retries: if a worker dies after the server
 * accepted the message but before the row was marked SENT, the resend carries the same id and
 * receivers can recognise the duplicate.
 */
export function messageIdFor(outboxId: string): string {
  return `<${outboxId}@recertify>`;
}

export function createMailTransport(
  mail: AppConfig['mail'],
  { timeoutMs = 10_000 }: MailTransportOptions = {},
): MailTransport {
  return mail.smtpUrl ? smtpTransport(mail.smtpUrl, mail.from, timeoutMs) : fileTransport(mail.fileDir, mail.from);
}

function message(email: OutgoingEmail, from: string) {
  return {
    from,
    to: email.to,
    subject: email.subject,
    text: email.text,
    ...(email.html === null ? {} : { html: email.html }),
    messageId: messageIdFor(email.id),
  };
}

function smtpTransport(smtpUrl: string, from: string, timeoutMs: number): MailTransport {
  // Settings in the URL's query string (e.g. ?connectionTimeout=30000) override these.
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
  });
  const url = new URL(smtpUrl);
  return {
    kind: 'smtp',
    target: `${url.protocol}//${url.host}`,
    async send(email) {
      await transporter.sendMail(message(email, from));
    },
    close: () => transporter.close(),
  };
}

function fileTransport(dir: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true });
  return {
    kind: 'file',
    target: dir,
    async send(email) {
      const info = await transporter.sendMail(message(email, from));
      if (!Buffer.isBuffer(info.message)) throw new Error('stream transport did not return a buffer');
      const name = emlFileName(email.id);
      await mkdir(dir, { recursive: true });
      // Written beside the target, then renamed: a reader never sees half a message.
      const temp = path.join(dir, `.${name}.${randomBytes(4).toString('hex')}.tmp`);
      try {
        await writeFile(temp, info.message);
        await rename(temp, path.join(dir, name));
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },
    close: () => transporter.close(),
  };
}

/** `<id>.eml`; ids are UUIDs, anything else is refused rather than used as a path. */
export function emlFileName(outboxId: string): string {
  if (!/^[0-9A-Za-z-]{1,64}$/.test(outboxId)) throw new Error(`not a valid outbox id: ${outboxId}`);
  return `${outboxId}.eml`;
}
