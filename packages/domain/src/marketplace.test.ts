import { describe, expect, it } from 'vitest';

import { localDateOf } from './calendar.js';
import { isMarketplaceCode, MARKETPLACE_CODES, MARKETPLACES } from './marketplace.js';

describe('MARKETPLACES', () => {
  it.each([
    ['US', 'United States', 'USD', 'America/Los_Angeles'],
    ['CA', 'Canada', 'CAD', 'America/Toronto'],
    ['MX', 'Mexico', 'MXN', 'America/Mexico_City'],
  ] as const)('%s is %s, in %s, on %s time', (code, name, currency, timeZone) => {
    expect(MARKETPLACES[code]).toEqual({ code, name, currency, timeZone });
  });

  it('lists exactly the codes it describes', () => {
    expect(Object.keys(MARKETPLACES)).toEqual([...MARKETPLACE_CODES]);
  });

  it('uses zones the runtime knows', () => {
    for (const { timeZone } of Object.values(MARKETPLACES)) {
      expect(localDateOf(new Date('2026-01-01T12:00:00Z'), timeZone)).toBe('2026-01-01');
    }
  });

  it.each([
    ['US', true],
    ['CA', true],
    ['MX', true],
    ['us', false],
    ['UK', false],
    ['', false],
    [undefined, false],
  ])('isMarketplaceCode(%j) is %s', (value, expected) => {
    expect(isMarketplaceCode(value)).toBe(expected);
  });
});
