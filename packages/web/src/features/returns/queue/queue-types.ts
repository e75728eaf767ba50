import type { MarketplaceCode, ReturnReasonCode, ReturnState } from '@recertify/domain';

/*
 * What the queue's components need of a return, of the counts and of a bulk call's answer. These
 * are the shapes the components are written against; the page maps the API's answer into them.
 */

export interface ReturnsQueueRow {
  readonly id: string;
  readonly state: ReturnState;
  readonly marketplace: MarketplaceCode;
  readonly orderId: string;
  readonly rma: string | null;
  readonly reason: ReturnReasonCode;
  readonly inPolicy: boolean;
  /** When the buyer asked (an instant). */
  readonly requestedAt: string;
  /** The buyer's last day to send the item back (a calendar date), once authorized. */
  readonly deadline: string | null;
  /** The first item's title and how many more the request holds. */
  readonly firstItemTitle: string;
  readonly itemCount: number;
}

export interface CountOf<K extends string> {
  readonly key: K;
  readonly count: number;
}

/** How many returns each filter chip would show, as if it were added to the current filter. */
export interface ReturnsCounts {
  readonly total: number;
  readonly byState: readonly CountOf<ReturnState>[];
  readonly byReason: readonly CountOf<ReturnReasonCode>[];
  readonly byMarketplace: readonly CountOf<MarketplaceCode>[];
  readonly inPolicy: number;
  readonly outOfPolicy: number;
  readonly overdue: number;
  readonly dueSoon: number;
}

export type BulkAction = 'AUTHORIZE' | 'CLOSE';

/** One return's answer to a bulk call: what it is now, or the typed refusal it got. */
export type BulkOutcome =
  | { readonly returnId: string; readonly ok: true; readonly state: ReturnState; readonly rma: string | null }
  | { readonly returnId: string; readonly ok: false; readonly code: string; readonly message: string };
