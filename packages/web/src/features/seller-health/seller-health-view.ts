import { isMarketplaceCode } from '@recertify/domain';
import type { MarketplaceCode, SellerHealthFilter } from '../../generated/graphql';
import type { SellerHealthSortCode } from '../../ui/labels';
import { keyOfParam } from '../../ui/address-filter';

/** The list holds sellers at risk and suspended sellers. */
export type ListedStanding = 'AT_RISK' | 'SUSPENDED';

/** How the seller-health list is shown: its order and filters; `null` means "any". */
export interface SellerHealthView {
  readonly sort: SellerHealthSortCode;
  readonly marketplace: MarketplaceCode | null;
  readonly standing: ListedStanding | null;
}

const SORT_PARAMS: Readonly<Record<SellerHealthSortCode, string>> = {
  RQS: 'rqs',
  ODR: 'odr',
  RATING: 'rating',
  SINCE: 'since',
};
const STANDING_PARAMS: Readonly<Record<ListedStanding, string>> = { AT_RISK: 'at-risk', SUSPENDED: 'suspended' };
const VIEW_PARAMS = ['sort', 'marketplace', 'standing'] as const;

/**
 * The view in the address (/review/seller-health?sort=odr&marketplace=CA&standing=suspended), so
 * Back from a seller's dashboard returns to the same order; unknown values read as the default.
 */
export function sellerHealthViewFromSearch(params: URLSearchParams): SellerHealthView {
  const marketplace = params.get('marketplace')?.toUpperCase() ?? null;
  return {
    sort: keyOfParam(SORT_PARAMS, params.get('sort')) ?? 'RQS',
    marketplace: isMarketplaceCode(marketplace) ? marketplace : null,
    standing: keyOfParam(STANDING_PARAMS, params.get('standing')),
  };
}

/** Writes the view into `current` (other parameters kept), leaving out defaults. */
export function searchWithSellerHealthView(view: SellerHealthView, current = new URLSearchParams()): URLSearchParams {
  const params = new URLSearchParams(current);
  for (const name of VIEW_PARAMS) params.delete(name);
  if (view.sort !== 'RQS') params.set('sort', SORT_PARAMS[view.sort]);
  if (view.marketplace) params.set('marketplace', view.marketplace);
  if (view.standing) params.set('standing', STANDING_PARAMS[view.standing]);
  return params;
}

export function sellerHealthFilterInput(view: SellerHealthView): SellerHealthFilter | null {
  return view.marketplace || view.standing ? { marketplace: view.marketplace, standing: view.standing } : null;
}

/** The seller's quality dashboard in the row's marketplace, as program staff see it. */
export function sellerDashboardPath(row: { seller: { id: string }; marketplace: MarketplaceCode }): string {
  return `/review/sellers/${encodeURIComponent(row.seller.id)}/quality?marketplace=${row.marketplace}`;
}
