import { AppError } from '../../errors/app-error.js';

type OutboxEmailField = 'kind' | 'to' | 'subject' | 'text';

export interface OutboxErrorDetails {
  /** An email the program built wrong: a bug, never shown to the person who caused it. */
  readonly INVALID_OUTBOX_EMAIL: { readonly field: OutboxEmailField; readonly rule: string };
}

/** Why an email was refused by the outbox; `field` and `rule` name what to fix. */
export class InvalidOutboxEmailError extends AppError<'INVALID_OUTBOX_EMAIL'> {
  constructor(
    readonly field: OutboxEmailField,
    readonly rule: string,
  ) {
    super('INVALID_OUTBOX_EMAIL', `Email not queued: ${field} ${rule}`, { field, rule });
    this.name = 'InvalidOutboxEmailError';
  }
}
