import { describe, expect, it } from 'vitest';
import {
  isFiltered,
  NO_QUEUE_FILTER,
  queueFilterFromSearch,
  queueFilterInput,
  searchWithQueueFilter,
  type QueueFilter,
} from './queue-filter';

const everything: QueueFilter = {
  marketplace: 'CA',
  state: 'IN_REVIEW',
  due: 'DUE_THIS_WEEK',
  appleRequested: true,
  failedChecks: true,
};

describe('queueFilterFromSearch', () => {
  it.each<[string, string, QueueFilter]>([
    ['no parameters: everything in the queue', '', NO_QUEUE_FILTER],
    ['a marketplace', 'marketplace=MX', { ...NO_QUEUE_FILTER, marketplace: 'MX' }],
    ['a marketplace in lower case', 'marketplace=us', { ...NO_QUEUE_FILTER, marketplace: 'US' }],
    ['unclaimed only', 'state=submitted', { ...NO_QUEUE_FILTER, state: 'SUBMITTED' }],
    ['claimed only', 'state=in-review', { ...NO_QUEUE_FILTER, state: 'IN_REVIEW' }],
    ['overdue', 'due=overdue', { ...NO_QUEUE_FILTER, due: 'OVERDUE' }],
    ['due today', 'due=today', { ...NO_QUEUE_FILTER, due: 'DUE_TODAY' }],
    ['due this week', 'due=this-week', { ...NO_QUEUE_FILTER, due: 'DUE_THIS_WEEK' }],
    ['Apple requests', 'apple=1', { ...NO_QUEUE_FILTER, appleRequested: true }],
    ['failed checks, spelled true', 'failed=true', { ...NO_QUEUE_FILTER, failedChecks: true }],
    ['all of them', 'marketplace=CA&state=in-review&due=this-week&apple=1&failed=1', everything],
    ['unknown values, ignored', 'marketplace=FR&state=APPROVED&due=tomorrow&apple=0&failed=yes', NO_QUEUE_FILTER],
  ])('%s: ?%s', (_case, search, expected) => {
    expect(queueFilterFromSearch(new URLSearchParams(search))).toEqual(expected);
  });
});

describe('searchWithQueueFilter', () => {
  it('writes every filter in a fixed order', () => {
    expect(searchWithQueueFilter(everything).toString()).toBe(
      'marketplace=CA&state=in-review&due=this-week&apple=1&failed=1',
    );
  });

  it('leaves out what is "any"', () => {
    expect(searchWithQueueFilter(NO_QUEUE_FILTER).toString()).toBe('');
    expect(searchWithQueueFilter({ ...NO_QUEUE_FILTER, due: 'OVERDUE' }).toString()).toBe('due=overdue');
  });

  it('replaces the filter parameters and keeps the others', () => {
    const current = new URLSearchParams('due=today&apple=1&view=compact');
    expect(searchWithQueueFilter({ ...NO_QUEUE_FILTER, marketplace: 'US' }, current).toString()).toBe(
      'view=compact&marketplace=US',
    );
  });

  it.each<QueueFilter>([NO_QUEUE_FILTER, everything, { ...NO_QUEUE_FILTER, state: 'SUBMITTED', failedChecks: true }])(
    'reads back what it writes: %j',
    (filter) => {
      expect(queueFilterFromSearch(searchWithQueueFilter(filter))).toEqual(filter);
    },
  );
});

describe('queueFilterInput', () => {
  it.each<[string, QueueFilter, object]>([
    ['nothing for no filter', NO_QUEUE_FILTER, {}],
    ['the state as status', { ...NO_QUEUE_FILTER, state: 'SUBMITTED' }, { status: 'SUBMITTED' }],
    [
      'every filter',
      everything,
      { marketplace: 'CA', status: 'IN_REVIEW', due: 'DUE_THIS_WEEK', appleRequested: true, failedChecks: true },
    ],
    // "Not only Apple requests" is "any", never appleRequested: false (which would hide them).
    ['no false booleans', { ...NO_QUEUE_FILTER, appleRequested: false, failedChecks: false }, {}],
  ])('%s', (_case, filter, expected) => {
    expect(queueFilterInput(filter)).toEqual(expected);
  });

  it('says whether anything narrows the queue', () => {
    expect(isFiltered(NO_QUEUE_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_QUEUE_FILTER, appleRequested: true })).toBe(true);
  });
});
