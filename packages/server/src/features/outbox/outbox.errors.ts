/** Why an email was refused by the outbox; `field` and `rule` name what to fix. */
export class InvalidOutboxEmailError extends Error {
  readonly code = 'INVALID_OUTBOX_EMAIL';

  constructor(
    readonly field: 'kind' | 'to' | 'subject' | 'text',
    readonly rule: string,
  ) {
    super(`Email not queued: ${field} ${rule}`);
    this.name = 'InvalidOutboxEmailError';
  }
}
