import { describe, expect, it } from 'vitest';
import {
  isReturnsFiltered,
  NO_RETURNS_FILTER,
  returnsFilterFromSearch,
  returnsQueryArgs,
  searchWithReturnsFilter,
  withoutReturnsFilters,
  type ReturnsFilter,
} from './returns-filter';

const everything: ReturnsFilter = {
  state: 'IN_TRANSIT',
  policy: 'OUT_OF_POLICY',
  reason: 'DAMAGED_IN_TRANSIT',
  marketplace: 'CA',
  due: 'WITHIN_WEEK',
  search: '112-8842',
  sort: 'OLDEST',
};

describe('returnsFilterFromSearch', () => {
  it.each<[string, string, ReturnsFilter]>([
    ['no parameters: every return, newest first', '', NO_RETURNS_FILTER],
    ['a state', 'state=requested', { ...NO_RETURNS_FILTER, state: 'REQUESTED' }],
    ['a state of two words', 'state=in-transit', { ...NO_RETURNS_FILTER, state: 'IN_TRANSIT' }],
    ['in policy', 'policy=in', { ...NO_RETURNS_FILTER, policy: 'IN_POLICY' }],
    ['out of policy', 'policy=out', { ...NO_RETURNS_FILTER, policy: 'OUT_OF_POLICY' }],
    ['a reason', 'reason=wrong-item', { ...NO_RETURNS_FILTER, reason: 'WRONG_ITEM' }],
    ['a marketplace in lower case', 'marketplace=mx', { ...NO_RETURNS_FILTER, marketplace: 'MX' }],
    ['deadline within a week', 'due=week', { ...NO_RETURNS_FILTER, due: 'WITHIN_WEEK' }],
    ['a search, trimmed', 'q=%20%20AB-12%20', { ...NO_RETURNS_FILTER, search: 'AB-12' }],
    ['oldest first', 'sort=oldest', { ...NO_RETURNS_FILTER, sort: 'OLDEST' }],
    [
      'all of them',
      'state=in-transit&policy=out&reason=damaged-in-transit&marketplace=CA&due=week&q=112-8842&sort=oldest',
      everything,
    ],
    [
      'unknown values, ignored',
      'state=lost&policy=maybe&reason=bored&marketplace=FR&due=later&sort=random',
      NO_RETURNS_FILTER,
    ],
  ])('%s: ?%s', (_case, search, expected) => {
    expect(returnsFilterFromSearch(new URLSearchParams(search))).toEqual(expected);
  });

  it('cuts a search pasted far too long', () => {
    expect(returnsFilterFromSearch(new URLSearchParams(`q=${'9'.repeat(500)}`)).search).toHaveLength(64);
  });
});

describe('searchWithReturnsFilter', () => {
  it('writes every filter in a fixed order, and reads back the same filter', () => {
    const params = searchWithReturnsFilter(everything);
    expect(params.toString()).toBe(
      'state=in-transit&policy=out&reason=damaged-in-transit&marketplace=CA&due=week&q=112-8842&sort=oldest',
    );
    expect(returnsFilterFromSearch(params)).toEqual(everything);
  });

  it('leaves out what is "any" and the default sort, and keeps parameters it does not own', () => {
    const params = searchWithReturnsFilter(NO_RETURNS_FILTER, new URLSearchParams('state=closed&tab=2&q=old'));
    expect(params.toString()).toBe('tab=2');
  });
});

describe('isReturnsFiltered', () => {
  it('counts every filter but not the sort', () => {
    expect(isReturnsFiltered(NO_RETURNS_FILTER)).toBe(false);
    expect(isReturnsFiltered({ ...NO_RETURNS_FILTER, sort: 'OLDEST' })).toBe(false);
    expect(isReturnsFiltered({ ...NO_RETURNS_FILTER, search: '  ' })).toBe(false);
    expect(isReturnsFiltered({ ...NO_RETURNS_FILTER, search: 'RMA-1' })).toBe(true);
    expect(isReturnsFiltered({ ...NO_RETURNS_FILTER, policy: 'IN_POLICY' })).toBe(true);
  });

  it('clears the filters and keeps the sort', () => {
    expect(withoutReturnsFilters(everything)).toEqual({ ...NO_RETURNS_FILTER, sort: 'OLDEST' });
  });
});

describe('returnsQueryArgs', () => {
  it('sends only what narrows, with the policy as a flag and the week counted from today', () => {
    expect(returnsQueryArgs(NO_RETURNS_FILTER, '2026-11-30')).toEqual({
      filter: {},
      search: null,
      sort: 'REQUESTED_NEWEST',
    });
    expect(returnsQueryArgs(everything, '2026-12-28')).toEqual({
      filter: {
        state: 'IN_TRANSIT',
        inPolicy: false,
        reason: 'DAMAGED_IN_TRANSIT',
        marketplace: 'CA',
        dueBefore: '2027-01-04',
      },
      search: '112-8842',
      sort: 'REQUESTED_OLDEST',
    });
    expect(returnsQueryArgs({ ...NO_RETURNS_FILTER, policy: 'IN_POLICY' }, '2026-11-30').filter).toEqual({
      inPolicy: true,
    });
  });
});
