import type { MarketplaceCode, ReturnReasonCode, ReturnState } from '@recertify/domain';
import type { CappedCount } from '../../../ui/capped-count';

/*
 * What the queue's components need of a return, of the counts and of a bulk call's answer: the
 * fields of the API's types by the same names, so a fragment of the schema fits them as it is.
 */

export interface ReturnsQueueRow {
  readonly id: string;
  readonly state: ReturnState;
  readonly marketplace: MarketplaceCode;
  readonly orderExternalId: string;
  readonly rma: string | null;
  readonly reason: ReturnReasonCode;
  readonly inPolicy: boolean;
  /** When the buyer asked (an instant). */
  readonly requestedAt: string;
  /** The buyer's last day to send the item back (a calendar date), once authorized. */
  readonly deadline: string | null;
  readonly items: ReadonlyArray<{ readonly sku: string; readonly title: string | null; readonly quantity: number }>;
}

/**
 * How many returns each filter chip would show, as if it were added to the current filter; each
 * stops at the server's cap and says so.
 */
export interface ReturnsCounts {
  readonly total: CappedCount;
  readonly inPolicy: CappedCount;
  readonly outOfPolicy: CappedCount;
  readonly dueWithinWeek: CappedCount;
  readonly byState: ReadonlyArray<{ readonly state: ReturnState; readonly count: CappedCount }>;
  readonly byReason: ReadonlyArray<{ readonly reason: ReturnReasonCode; readonly count: CappedCount }>;
  readonly byMarketplace: ReadonlyArray<{ readonly marketplace: MarketplaceCode; readonly count: CappedCount }>;
}

export type BulkAction = 'AUTHORIZE' | 'CLOSE';

/** One return's answer to a bulk call: what it is now, or the typed refusal it got. */
export type BulkOutcome =
  | { readonly returnId: string; readonly ok: true; readonly state: ReturnState; readonly rma: string | null }
  | { readonly returnId: string; readonly ok: false; readonly code: string; readonly message: string };
