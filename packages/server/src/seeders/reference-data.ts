import {
  INITIAL_POLICY_PARAMETERS,
  MARKETPLACES,
  MARKETPLACE_CODES as DOMAIN_MARKETPLACE_CODES,
  PARAMETERS_MARKED_DEFAULT,
  type ExchangeRate,
  type IsoDate,
  type MarketplaceCode,
} from '@recertify/domain';
import { OrganizationKind } from '../features/accounts/accounts.enums.js';

/** When the program rules of SPEC section 2 took effect in every marketplace. */
export const INITIAL_POLICY_EFFECTIVE_FROM = new Date('2024-01-01T00:00:00.000Z');

/**
 * The marketplace's own systems (order, complaint and rating feeds): one organization that acts
 * only through the ingestion keys an admin creates for it (ingest:marketplace-data).
 */
export const MARKETPLACE_SYSTEMS = { name: 'Marketplace Systems', kind: OrganizationKind.MARKETPLACE } as const;

export const MARKETPLACE_CODES: readonly MarketplaceCode[] = DOMAIN_MARKETPLACE_CODES;

export { INITIAL_POLICY_PARAMETERS, MARKETPLACES, PARAMETERS_MARKED_DEFAULT };

/** Marketplace holidays for 2025-2027 (observed dates: a holiday on a weekend moves to the weekday off). */
export const HOLIDAYS: Record<MarketplaceCode, ReadonlyArray<{ date: IsoDate; name: string }>> = {
  US: [
    { date: '2025-01-01', name: "New Year's Day" },
    { date: '2025-01-20', name: 'Martin Luther King Jr. Day' },
    { date: '2025-02-17', name: "Presidents' Day" },
    { date: '2025-05-26', name: 'Memorial Day' },
    { date: '2025-06-19', name: 'Juneteenth' },
    { date: '2025-07-04', name: 'Independence Day' },
    { date: '2025-09-01', name: 'Labor Day' },
    { date: '2025-11-27', name: 'Thanksgiving Day' },
    { date: '2025-12-25', name: 'Christmas Day' },
    { date: '2026-01-01', name: "New Year's Day" },
    { date: '2026-01-19', name: 'Martin Luther King Jr. Day' },
    { date: '2026-02-16', name: "Presidents' Day" },
    { date: '2026-05-25', name: 'Memorial Day' },
    { date: '2026-06-19', name: 'Juneteenth' },
    { date: '2026-07-03', name: 'Independence Day (observed)' },
    { date: '2026-09-07', name: 'Labor Day' },
    { date: '2026-11-26', name: 'Thanksgiving Day' },
    { date: '2026-12-25', name: 'Christmas Day' },
    { date: '2027-01-01', name: "New Year's Day" },
    { date: '2027-01-18', name: 'Martin Luther King Jr. Day' },
    { date: '2027-02-15', name: "Presidents' Day" },
    { date: '2027-05-31', name: 'Memorial Day' },
    { date: '2027-06-18', name: 'Juneteenth (observed)' },
    { date: '2027-07-05', name: 'Independence Day (observed)' },
    { date: '2027-09-06', name: 'Labor Day' },
    { date: '2027-11-25', name: 'Thanksgiving Day' },
    { date: '2027-12-24', name: 'Christmas Day (observed)' },
  ],
  CA: [
    { date: '2025-01-01', name: "New Year's Day" },
    { date: '2025-04-18', name: 'Good Friday' },
    { date: '2025-05-19', name: 'Victoria Day' },
    { date: '2025-07-01', name: 'Canada Day' },
    { date: '2025-09-01', name: 'Labour Day' },
    { date: '2025-10-13', name: 'Thanksgiving' },
    { date: '2025-12-25', name: 'Christmas Day' },
    { date: '2025-12-26', name: 'Boxing Day' },
    { date: '2026-01-01', name: "New Year's Day" },
    { date: '2026-04-03', name: 'Good Friday' },
    { date: '2026-05-18', name: 'Victoria Day' },
    { date: '2026-07-01', name: 'Canada Day' },
    { date: '2026-09-07', name: 'Labour Day' },
    { date: '2026-10-12', name: 'Thanksgiving' },
    { date: '2026-12-25', name: 'Christmas Day' },
    { date: '2026-12-28', name: 'Boxing Day (observed)' },
    { date: '2027-01-01', name: "New Year's Day" },
    { date: '2027-03-26', name: 'Good Friday' },
    { date: '2027-05-24', name: 'Victoria Day' },
    { date: '2027-07-01', name: 'Canada Day' },
    { date: '2027-09-06', name: 'Labour Day' },
    { date: '2027-10-11', name: 'Thanksgiving' },
    { date: '2027-12-27', name: 'Christmas Day (observed)' },
    { date: '2027-12-28', name: 'Boxing Day (observed)' },
  ],
  MX: [
    { date: '2025-01-01', name: 'Año Nuevo' },
    { date: '2025-02-03', name: 'Día de la Constitución' },
    { date: '2025-03-17', name: 'Natalicio de Benito Juárez' },
    { date: '2025-05-01', name: 'Día del Trabajo' },
    { date: '2025-09-16', name: 'Día de la Independencia' },
    { date: '2025-11-17', name: 'Día de la Revolución' },
    { date: '2025-12-25', name: 'Navidad' },
    { date: '2026-01-01', name: 'Año Nuevo' },
    { date: '2026-02-02', name: 'Día de la Constitución' },
    { date: '2026-03-16', name: 'Natalicio de Benito Juárez' },
    { date: '2026-05-01', name: 'Día del Trabajo' },
    { date: '2026-09-16', name: 'Día de la Independencia' },
    { date: '2026-11-16', name: 'Día de la Revolución' },
    { date: '2026-12-25', name: 'Navidad' },
    { date: '2027-01-01', name: 'Año Nuevo' },
    { date: '2027-02-01', name: 'Día de la Constitución' },
    { date: '2027-03-15', name: 'Natalicio de Benito Juárez' },
    { date: '2027-05-01', name: 'Día del Trabajo' },
    { date: '2027-09-16', name: 'Día de la Independencia' },
    { date: '2027-11-15', name: 'Día de la Revolución' },
    { date: '2027-12-25', name: 'Navidad' },
  ],
};

/**
 * Starting exchange rates (1 base = rate USD). Admins add dated rates as they change; these are
 * illustrative values so that embedded mode can convert CAD and MXN invoices out of the box.
 */
export const INITIAL_EXCHANGE_RATES: readonly ExchangeRate[] = [
  { base: 'CAD', quote: 'USD', validFrom: '2024-01-01', rate: '0.7400' },
  { base: 'MXN', quote: 'USD', validFrom: '2024-01-01', rate: '0.0580' },
  { base: 'CAD', quote: 'USD', validFrom: '2026-01-01', rate: '0.7150' },
  { base: 'MXN', quote: 'USD', validFrom: '2026-01-01', rate: '0.0545' },
];
