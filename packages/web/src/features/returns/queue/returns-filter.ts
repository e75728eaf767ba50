import {
  isMarketplaceCode,
  isReturnReasonCode,
  RETURN_STATES,
  type MarketplaceCode,
  type ReturnReasonCode,
  type ReturnState,
} from '@recertify/domain';
import { keyOfParam } from '../../../ui/address-filter';

/** In the return policy or not (SPEC 6); `null` in the filter means either. */
export type PolicyFilter = 'IN_POLICY' | 'OUT_OF_POLICY';

/** Authorized returns whose deadline (the buyer's last day to send the item) is near or past. */
export type ReturnDueFilter = 'WITHIN_WEEK';

/** The orders the queue can be read in. */
export type ReturnSort = 'NEWEST' | 'OLDEST';

export const RETURN_SORTS: readonly ReturnSort[] = ['NEWEST', 'OLDEST'];
export const DEFAULT_RETURN_SORT: ReturnSort = 'NEWEST';

/** The queue's filters as the filter bar shows them; `null` and '' mean "any". */
export interface ReturnsFilter {
  readonly state: ReturnState | null;
  readonly policy: PolicyFilter | null;
  readonly reason: ReturnReasonCode | null;
  readonly marketplace: MarketplaceCode | null;
  readonly due: ReturnDueFilter | null;
  /** An RMA number or an order id, as typed (trimmed). */
  readonly search: string;
  readonly sort: ReturnSort;
}

export const NO_RETURNS_FILTER: ReturnsFilter = {
  state: null,
  policy: null,
  reason: null,
  marketplace: null,
  due: null,
  search: '',
  sort: DEFAULT_RETURN_SORT,
};

/** The longest search the box sends (an order id or an RMA is far shorter). */
export const RETURN_SEARCH_MAX_LENGTH = 64;

/*
 * The filters in the address, so a filtered queue can be bookmarked, shared and reached with Back:
 * /returns?state=requested&policy=out&reason=defective&marketplace=US&due=week&q=112-88&sort=oldest.
 * Values read as words; unknown ones are ignored rather than failing the page.
 */
const POLICY_PARAMS: Readonly<Record<PolicyFilter, string>> = { IN_POLICY: 'in', OUT_OF_POLICY: 'out' };
const DUE_PARAMS: Readonly<Record<ReturnDueFilter, string>> = { WITHIN_WEEK: 'week' };
const SORT_PARAMS: Readonly<Record<ReturnSort, string>> = {
  NEWEST: 'newest',
  OLDEST: 'oldest',
};

/** The parameters this filter owns; any others in the address are left as they are. */
const FILTER_PARAMS = ['state', 'policy', 'reason', 'marketplace', 'due', 'q', 'sort'] as const;

const asParam = (code: string) => code.toLowerCase().replaceAll('_', '-');
const asCode = (param: string | null) => (param ?? '').toUpperCase().replaceAll('-', '_');

function isReturnState(value: string): value is ReturnState {
  return (RETURN_STATES as readonly string[]).includes(value);
}

export function returnsFilterFromSearch(params: URLSearchParams): ReturnsFilter {
  const state = asCode(params.get('state'));
  const reason = asCode(params.get('reason'));
  const marketplace = params.get('marketplace')?.toUpperCase() ?? null;
  return {
    state: isReturnState(state) ? state : null,
    policy: keyOfParam(POLICY_PARAMS, params.get('policy')),
    reason: isReturnReasonCode(reason) ? reason : null,
    marketplace: isMarketplaceCode(marketplace) ? marketplace : null,
    due: keyOfParam(DUE_PARAMS, params.get('due')),
    search: (params.get('q') ?? '').trim().slice(0, RETURN_SEARCH_MAX_LENGTH),
    sort: keyOfParam(SORT_PARAMS, params.get('sort')) ?? DEFAULT_RETURN_SORT,
  };
}

/** Writes the filter into `current` (other parameters kept), in a fixed order, leaving out what is "any". */
export function searchWithReturnsFilter(filter: ReturnsFilter, current = new URLSearchParams()): URLSearchParams {
  const params = new URLSearchParams(current);
  for (const name of FILTER_PARAMS) params.delete(name);
  if (filter.state) params.set('state', asParam(filter.state));
  if (filter.policy) params.set('policy', POLICY_PARAMS[filter.policy]);
  if (filter.reason) params.set('reason', asParam(filter.reason));
  if (filter.marketplace) params.set('marketplace', filter.marketplace);
  if (filter.due) params.set('due', DUE_PARAMS[filter.due]);
  const search = filter.search.trim();
  if (search) params.set('q', search);
  if (filter.sort !== DEFAULT_RETURN_SORT) params.set('sort', SORT_PARAMS[filter.sort]);
  return params;
}

/** Whether anything narrows the queue (the sort does not). */
export function isReturnsFiltered(filter: ReturnsFilter): boolean {
  return (
    filter.state !== null ||
    filter.policy !== null ||
    filter.reason !== null ||
    filter.marketplace !== null ||
    filter.due !== null ||
    filter.search.trim() !== ''
  );
}

/** The same filter with nothing narrowing it, in the same order. */
export function withoutReturnsFilters(filter: ReturnsFilter): ReturnsFilter {
  return { ...NO_RETURNS_FILTER, sort: filter.sort };
}

/** The days a "deadline within a week" filter looks ahead. */
export const DUE_WITHIN_DAYS = 7;

/** The queue's arguments as the API takes them: only what narrows, so equal filters share one cache entry. */
export interface ReturnsQueryArgs {
  readonly filter: {
    state?: ReturnState;
    inPolicy?: boolean;
    reason?: ReturnReasonCode;
    marketplace?: MarketplaceCode;
    dueBefore?: string;
  };
  readonly search: string | null;
  readonly sort: 'REQUESTED_NEWEST' | 'REQUESTED_OLDEST';
}

/** `today` (YYYY-MM-DD) is the day "within a week" counts from. */
export function returnsQueryArgs(filter: ReturnsFilter, today: string): ReturnsQueryArgs {
  const input: ReturnsQueryArgs['filter'] = {};
  if (filter.state) input.state = filter.state;
  if (filter.policy) input.inPolicy = filter.policy === 'IN_POLICY';
  if (filter.reason) input.reason = filter.reason;
  if (filter.marketplace) input.marketplace = filter.marketplace;
  if (filter.due === 'WITHIN_WEEK') input.dueBefore = addDays(today, DUE_WITHIN_DAYS);
  const search = filter.search.trim();
  return {
    filter: input,
    search: search === '' ? null : search,
    sort: filter.sort === 'OLDEST' ? 'REQUESTED_OLDEST' : 'REQUESTED_NEWEST',
  };
}

function addDays(day: string, days: number): string {
  const at = new Date(`${day}T00:00:00.000Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}
