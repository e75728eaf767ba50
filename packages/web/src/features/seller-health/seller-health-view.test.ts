import { describe, expect, it } from 'vitest';
import {
  searchWithSellerHealthView,
  sellerDashboardPath,
  sellerHealthFilterInput,
  sellerHealthViewFromSearch,
  type SellerHealthView,
} from './seller-health-view';

describe('the seller-health view in the address', () => {
  it.each<[string, SellerHealthView]>([
    ['', { sort: 'RQS', marketplace: null, standing: null }],
    ['sort=odr', { sort: 'ODR', marketplace: null, standing: null }],
    ['sort=since&marketplace=CA&standing=suspended', { sort: 'SINCE', marketplace: 'CA', standing: 'SUSPENDED' }],
    ['sort=rating&standing=at-risk', { sort: 'RATING', marketplace: null, standing: 'AT_RISK' }],
    // Unknown values read as the default rather than failing the page.
    ['sort=best&marketplace=XX&standing=GOOD', { sort: 'RQS', marketplace: null, standing: null }],
  ])('reads %j', (search, view) => {
    expect(sellerHealthViewFromSearch(new URLSearchParams(search))).toEqual(view);
  });

  it('writes it back without defaults, keeping other parameters, and reads the same view again', () => {
    const view: SellerHealthView = { sort: 'ODR', marketplace: 'MX', standing: 'AT_RISK' };
    const written = searchWithSellerHealthView(view, new URLSearchParams('keep=1&sort=rqs'));
    expect(written.toString()).toBe('keep=1&sort=odr&marketplace=MX&standing=at-risk');
    expect(sellerHealthViewFromSearch(written)).toEqual(view);
    expect(searchWithSellerHealthView({ sort: 'RQS', marketplace: null, standing: null }).toString()).toBe('');
  });

  it('sends filters only when one is chosen', () => {
    expect(sellerHealthFilterInput({ sort: 'RQS', marketplace: null, standing: null })).toBeNull();
    expect(sellerHealthFilterInput({ sort: 'RQS', marketplace: 'CA', standing: null })).toEqual({
      marketplace: 'CA',
      standing: null,
    });
  });

  it("links a row to the seller's dashboard in the row's marketplace", () => {
    expect(sellerDashboardPath({ seller: { id: 'a1b2' }, marketplace: 'CA' })).toBe(
      '/review/sellers/a1b2/quality?marketplace=CA',
    );
  });
});
