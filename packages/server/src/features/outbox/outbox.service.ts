import type { EntityManager } from '@mikro-orm/core';
import { OutboxEmail } from './outbox-email.entity.js';
import { InvalidOutboxEmailError } from './outbox.errors.js';

export interface EmailToSend {
  /** What the email is about, for logs and operators: `application.approved`, `password.reset`, ... */
  readonly kind: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string | null;
}

// One plain address: no display name, no list (a comma would make a second recipient), no spaces.
const SINGLE_ADDRESS = /^[^\s@,;<>"]+@[^\s@,;<>"]+$/;

/**
 * Queues an email on `em` WITHOUT flushing. The row is written by the caller's own flush, so it
 * commits or rolls back together with the change that caused it: call this inside the
 * `em.transactional(...)` of the use case (e.g. the decision), never on a separate fork. A worker
 * sends it later; an SMTP outage delays the email but cannot fail or undo the use case.
 */
export function enqueueEmail(em: EntityManager, email: EmailToSend, now: Date): OutboxEmail {
  const row = outboxEmail(email, now);
  em.persist(row);
  return row;
}

/**
 * A checked outbox row, not yet persisted: for callers that insert many at once (`em.insertMany`)
 * inside the transaction of their change. Throws InvalidOutboxEmailError as enqueueEmail does.
 */
export function outboxEmail(email: EmailToSend, now: Date): OutboxEmail {
  const to = email.to.trim();
  if (!SINGLE_ADDRESS.test(to)) {
    throw new InvalidOutboxEmailError('to', 'must be a single email address like name@example.com');
  }
  if (to.length > 254) throw new InvalidOutboxEmailError('to', 'must be at most 254 characters');
  const kind = email.kind.trim();
  if (kind.length === 0 || kind.length > 64) {
    throw new InvalidOutboxEmailError('kind', 'must be 1 to 64 characters');
  }
  // Header values are single lines; nodemailer would encode them anyway, this keeps the stored row readable.
  const subject = email.subject.replace(/\s+/g, ' ').trim();
  if (subject.length === 0 || subject.length > 300) {
    throw new InvalidOutboxEmailError('subject', 'must be 1 to 300 characters');
  }
  if (email.text.trim().length === 0) throw new InvalidOutboxEmailError('text', 'must not be empty');

  return new OutboxEmail({ kind, to, subject, text: email.text, html: email.html ?? null, now });
}
