import type { Principal } from '../../auth/principal.js';

/**
 * Who acts on a return, for its audit entry: the signed-in seller or API key (`principal`), or
 * nobody signed in with `audit` saying how (the seller's signed email link).
 */
export interface ReturnActor {
  readonly principal: Principal | null;
  /** Added to the audit entry's data, e.g. `{ via: 'email link' }`. */
  readonly audit?: Readonly<Record<string, unknown>>;
}
