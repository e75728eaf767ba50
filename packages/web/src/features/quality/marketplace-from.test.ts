import { describe, expect, it } from 'vitest';
import { marketplaceFrom } from './quality-dashboard-page';

describe('marketplaceFrom', () => {
  it.each<[string, string, ('US' | 'CA' | 'MX')[], string]>([
    ['the address wins', '?marketplace=MX', ['CA'], 'MX'],
    ['else the first approved marketplace', '', ['CA', 'MX'], 'CA'],
    ['an unknown code is ignored', '?marketplace=XX', ['CA'], 'CA'],
    ['else US (the not-approved page explains it)', '', [], 'US'],
  ])('%s', (_why, search, approved, expected) => {
    expect(marketplaceFrom(new URLSearchParams(search), approved)).toBe(expected);
  });
});
