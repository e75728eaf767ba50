/**
 * Every code a domain rule can fail with. One closed union so the server can map them to API
 * errors with an exhaustive switch: adding a code here breaks that switch until it is handled.
 */
export type DomainErrorCode =
  | 'INVALID_MONEY'
  | 'CURRENCY_MISMATCH'
  | 'INVALID_EXCHANGE_RATE'
  | 'MISSING_EXCHANGE_RATE'
  | 'INVALID_RATIO'
  | 'ZERO_DENOMINATOR'
  | 'INVALID_ISO_DATE'
  | 'INVALID_TIME_ZONE'
  | 'NO_POLICY_IN_FORCE'
  | 'INVALID_INVOICE'
  | 'INVALID_TRANSITION'
  | 'ALREADY_APPROVED'
  | 'OPEN_APPLICATION';

/** Base of the errors the rules throw on bad data; `message` is written for a person to act on. */
export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
