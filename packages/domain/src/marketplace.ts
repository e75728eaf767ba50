import type { CurrencyCode } from './money.js';

export const MARKETPLACE_CODES = ['US', 'CA', 'MX'] as const;

export type MarketplaceCode = (typeof MARKETPLACE_CODES)[number];

export interface Marketplace {
  readonly code: MarketplaceCode;
  readonly name: string;
  readonly currency: CurrencyCode;
  /** The zone whose calendar days make "day" windows and business days (SPEC 1). */
  readonly timeZone: string;
}

export const MARKETPLACES: Readonly<Record<MarketplaceCode, Marketplace>> = {
  US: { code: 'US', name: 'United States', currency: 'USD', timeZone: 'America/Los_Angeles' },
  CA: { code: 'CA', name: 'Canada', currency: 'CAD', timeZone: 'America/Toronto' },
  MX: { code: 'MX', name: 'Mexico', currency: 'MXN', timeZone: 'America/Mexico_City' },
};

export function isMarketplaceCode(value: unknown): value is MarketplaceCode {
  return typeof value === 'string' && (MARKETPLACE_CODES as readonly string[]).includes(value);
}
