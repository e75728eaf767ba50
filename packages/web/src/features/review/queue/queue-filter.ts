import { isMarketplaceCode } from '@recertify/domain';
import type { DueFilter, MarketplaceCode, ReviewQueueFilter } from '../../../generated/graphql';
import { keyOfParam } from '../../../ui/address-filter';

/** The queue holds unclaimed (SUBMITTED) and claimed (IN_REVIEW) applications. */
export type QueueState = 'SUBMITTED' | 'IN_REVIEW';

/** The queue's filters as the filter bar shows them; `null` and `false` mean "any". */
export interface QueueFilter {
  readonly marketplace: MarketplaceCode | null;
  readonly state: QueueState | null;
  readonly due: DueFilter | null;
  readonly appleRequested: boolean;
  readonly failedChecks: boolean;
}

export const NO_QUEUE_FILTER: QueueFilter = {
  marketplace: null,
  state: null,
  due: null,
  appleRequested: false,
  failedChecks: false,
};

/**
 * The filters in the address, so a filtered queue can be bookmarked, shared and reached with Back:
 * /review?marketplace=CA&state=in-review&due=overdue&apple=1&failed=1. Values read as words.
 */
const STATE_PARAMS: Readonly<Record<QueueState, string>> = { SUBMITTED: 'submitted', IN_REVIEW: 'in-review' };
const DUE_PARAMS: Readonly<Record<DueFilter, string>> = {
  OVERDUE: 'overdue',
  DUE_TODAY: 'today',
  DUE_THIS_WEEK: 'this-week',
};

/** The parameters this filter owns; any others in the address are left as they are. */
const FILTER_PARAMS = ['marketplace', 'state', 'due', 'apple', 'failed'] as const;

const isOn = (value: string | null) => value === '1' || value === 'true';

/** Reads the filter from the query string; unknown values are ignored rather than failing the page. */
export function queueFilterFromSearch(params: URLSearchParams): QueueFilter {
  const marketplace = params.get('marketplace')?.toUpperCase() ?? null;
  return {
    marketplace: isMarketplaceCode(marketplace) ? marketplace : null,
    state: keyOfParam(STATE_PARAMS, params.get('state')),
    due: keyOfParam(DUE_PARAMS, params.get('due')),
    appleRequested: isOn(params.get('apple')),
    failedChecks: isOn(params.get('failed')),
  };
}

/** Writes the filter into `current` (other parameters kept), in a fixed order, leaving out what is "any". */
export function searchWithQueueFilter(filter: QueueFilter, current = new URLSearchParams()): URLSearchParams {
  const params = new URLSearchParams(current);
  for (const name of FILTER_PARAMS) params.delete(name);
  if (filter.marketplace) params.set('marketplace', filter.marketplace);
  if (filter.state) params.set('state', STATE_PARAMS[filter.state]);
  if (filter.due) params.set('due', DUE_PARAMS[filter.due]);
  if (filter.appleRequested) params.set('apple', '1');
  if (filter.failedChecks) params.set('failed', '1');
  return params;
}

/** The API's filter input: only what narrows, so equal filters make equal query variables (one cache entry). */
export function queueFilterInput(filter: QueueFilter): ReviewQueueFilter {
  const input: ReviewQueueFilter = {};
  if (filter.marketplace) input.marketplace = filter.marketplace;
  if (filter.state) input.status = filter.state;
  if (filter.due) input.due = filter.due;
  if (filter.appleRequested) input.appleRequested = true;
  if (filter.failedChecks) input.failedChecks = true;
  return input;
}

export function isFiltered(filter: QueueFilter): boolean {
  return Object.keys(queueFilterInput(filter)).length > 0;
}
