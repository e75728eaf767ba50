import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExchangeRateFieldsFragment } from '../../graphql/policy.generated';
import type { MarketplacePolicyFragment, PolicyParametersFragment } from './program-rules.generated';
import { MarketplacePolicyCard } from './marketplace-policy-card';

// The seeded rates: 1 CAD = 0.7400 USD until the end of 2025, then 0.7150.
const exchangeRates: ExchangeRateFieldsFragment[] = [
  { id: 'rate-1', base: 'CAD', quote: 'USD', validFrom: '2024-01-01', rate: '0.7400' },
  { id: 'rate-2', base: 'MXN', quote: 'USD', validFrom: '2024-01-01', rate: '0.0580' },
  { id: 'rate-3', base: 'CAD', quote: 'USD', validFrom: '2026-01-01', rate: '0.7150' },
  { id: 'rate-4', base: 'MXN', quote: 'USD', validFrom: '2026-01-01', rate: '0.0545' },
];

const usd = (amountMinor: number, formatted: string) => ({ amountMinor, currency: 'USD' as const, formatted });

/** Canada's first policy version as the ProgramRules query returns it. */
function canadaPolicy(overrides: Partial<PolicyParametersFragment> = {}): PolicyParametersFragment {
  return {
    id: 'policy-ca-1',
    marketplace: 'CA',
    version: 1,
    effectiveFrom: '2024-01-01T00:00:00.000Z',
    notes: 'Program rules at launch.',
    defaultedParameters: ['rqsWindowDays', 'rqsMinimumOrders', 'defaultReturnWindowDays'],
    qualifyingPurchasesMinimum: usd(5_000_000, '50,000.00 USD'),
    purchaseWindowDays: 90,
    excludedItemMaxUnitPrice: usd(1_500, '15.00 USD'),
    appleQualifyingPurchasesMinimum: usd(7_500_000, '75,000.00 USD'),
    applePurchaseWindowDays: 90,
    warranty: { kind: 'MINIMUM_DAYS', minimumDays: 90 },
    minimumImages: 8,
    requiredViews: ['SHIPPING_BOX', 'INNER_PACKAGING', 'TOP', 'BOTTOM', 'FRONT', 'BACK', 'LEFT', 'RIGHT'],
    screenProductsRequireScreenOn: true,
    odrMaximum: { basisPoints: 80, formatted: '0.80%' },
    odrWindowDays: 90,
    reviewDueBusinessDays: 10,
    offerRqsMinimum: { basisPoints: 9_500, formatted: '95.00%' },
    sellerRqsMinimum: { basisPoints: 9_800, formatted: '98.00%' },
    averageRatingMinimum: { hundredths: 370, formatted: '3.70' },
    rqsWindowDays: 90,
    rqsMinimumOrders: 10,
    defaultReturnWindowDays: 30,
    transitAllowanceDays: 15,
    ...overrides,
  };
}

function marketplace(
  code: 'US' | 'CA' | 'MX',
  policyInForce: PolicyParametersFragment | null = canadaPolicy(),
  policyVersions: MarketplacePolicyFragment['policyVersions'] = [
    { id: 'policy-1', version: 1, effectiveFrom: '2024-01-01T00:00:00.000Z', notes: 'Program rules at launch.' },
  ],
): MarketplacePolicyFragment {
  const places = {
    US: { name: 'United States', currency: 'USD', timeZone: 'America/Los_Angeles' },
    CA: { name: 'Canada', currency: 'CAD', timeZone: 'America/Toronto' },
    MX: { name: 'Mexico', currency: 'MXN', timeZone: 'America/Mexico_City' },
  } as const;
  return { code, ...places[code], policyInForce, policyVersions };
}

/** A parameter row, by the start of its label. */
const row = (label: string) => screen.getByRole('row', { name: new RegExp(`^${label}`) });

/** Labels of the rows carrying the "program default" badge, badge text left out. */
function rowsMarkedDefault(): string[] {
  return screen
    .getAllByRole('rowheader')
    .filter((header) => within(header).queryByText('program default') !== null)
    .map((header) => (header.firstChild?.textContent ?? '').trim());
}

describe('MarketplacePolicyCard', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-02T12:00:00.000Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the version in force with its USD thresholds and the marketplace-currency equivalents', () => {
    render(<MarketplacePolicyCard marketplace={marketplace('CA')} exchangeRates={exchangeRates} />);

    expect(screen.getByRole('article', { name: 'CA Canada' })).toBeInTheDocument();
    expect(screen.getByText('Version 1, in force since 1 Jan 2024 — Program rules at launch.')).toBeInTheDocument();
    // 50,000.00 USD / 0.7150 = 69,930.0699... CAD, rounded half-up to the cent (convertMoney).
    expect(within(row('Qualifying purchases')).getByText('50,000.00 USD')).toBeInTheDocument();
    expect(within(row('Qualifying purchases')).getByText('≈ 69,930.07 CAD today')).toBeInTheDocument();
    expect(within(row('Apple-brand approval')).getByText('≈ 104,895.10 CAD today')).toBeInTheDocument();
    // 15.00 USD / 0.7150 = 20.979... CAD; the rule's boundary is 20.97 CAD, since 20.98 CAD is 15.0007 USD and counts.
    expect(within(row('Items that do not count')).getByText('20.97 CAD or less today')).toBeInTheDocument();
    expect(within(row('Warranty')).getByText('At least 90 days from purchase')).toBeInTheDocument();
  });

  // Which rate applies is decided by today's date in the marketplace's zone (Toronto, UTC-5 in winter).
  it.each([
    ['2025-12-31T12:00:00.000Z', '≈ 67,567.57 CAD today'], // 0.7400: 50,000 / 0.74 = 67,567.567...
    ['2026-01-01T04:59:59.999Z', '≈ 67,567.57 CAD today'], // still Dec 31 in Toronto
    ['2026-01-01T05:00:00.000Z', '≈ 69,930.07 CAD today'], // Jan 1 in Toronto: 0.7150
  ])('at %s converts with the rate in force that day in Toronto: %s', (now, expected) => {
    vi.setSystemTime(new Date(now));
    render(<MarketplacePolicyCard marketplace={marketplace('CA')} exchangeRates={exchangeRates} />);
    expect(within(row('Qualifying purchases')).getByText(expected)).toBeInTheDocument();
  });

  it('converts to pesos for Mexico with the MXN rate', () => {
    render(<MarketplacePolicyCard marketplace={marketplace('MX')} exchangeRates={exchangeRates} />);
    // 50,000.00 USD / 0.0545 = 917,431.192... MXN
    expect(within(row('Qualifying purchases')).getByText('≈ 917,431.19 MXN today')).toBeInTheDocument();
  });

  it('shows no equivalent for a USD marketplace', () => {
    render(<MarketplacePolicyCard marketplace={marketplace('US')} exchangeRates={exchangeRates} />);
    expect(within(row('Qualifying purchases')).getByText('50,000.00 USD')).toBeInTheDocument();
    expect(screen.queryByText(/≈/)).not.toBeInTheDocument();
  });

  it('shows the USD figure alone when no rate for the currency is on file', () => {
    const cadOnly = exchangeRates.filter((rate) => rate.base === 'CAD');
    render(<MarketplacePolicyCard marketplace={marketplace('MX')} exchangeRates={cadOnly} />);
    expect(within(row('Qualifying purchases')).getByText('50,000.00 USD')).toBeInTheDocument();
    expect(screen.queryByText(/≈/)).not.toBeInTheDocument();
  });

  it('labels as "program default" exactly the rows of the defaulted parameters', () => {
    render(<MarketplacePolicyCard marketplace={marketplace('CA')} exchangeRates={exchangeRates} />);
    expect(rowsMarkedDefault()).toEqual([
      'RQS window',
      'Orders before an RQS is enforced',
      'Return window (unless the category says otherwise)',
    ]);
  });

  it('labels the purchase rows and the warranty too when the source policy is silent on them (Mexico)', () => {
    const mexico = canadaPolicy({
      warranty: { kind: 'GUARANTEE_ACCEPTANCE', minimumDays: null },
      defaultedParameters: [
        'qualifyingPurchasesMinimum',
        'purchaseWindowDays',
        'excludedItemMaxUnitPrice',
        'appleQualifyingPurchasesMinimum',
        'applePurchaseWindowDays',
        'warranty',
        'rqsWindowDays',
        'rqsMinimumOrders',
        'defaultReturnWindowDays',
      ],
    });
    render(<MarketplacePolicyCard marketplace={marketplace('MX', mexico)} exchangeRates={exchangeRates} />);
    expect(rowsMarkedDefault()).toEqual([
      'Qualifying purchases, trailing 90 days',
      'Items that do not count: unit price at or below',
      'Apple-brand approval: Apple refurbished purchases, trailing 90 days',
      'Warranty',
      'RQS window',
      'Orders before an RQS is enforced',
      'Return window (unless the category says otherwise)',
    ]);
  });

  it('labels nothing when no parameter is defaulted', () => {
    const policy = canadaPolicy({ defaultedParameters: [] });
    render(<MarketplacePolicyCard marketplace={marketplace('CA', policy)} exchangeRates={exchangeRates} />);
    expect(screen.queryByText('program default')).not.toBeInTheDocument();
  });

  it('says no version is in force yet when the only version starts later, and still lists it', () => {
    const scheduled = [{ id: 'policy-ca-1', version: 1, effectiveFrom: '2027-01-01T05:00:00.000Z', notes: null }];
    render(<MarketplacePolicyCard marketplace={marketplace('CA', null, scheduled)} exchangeRates={exchangeRates} />);

    expect(screen.getByText('No policy version is in force yet in this marketplace.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByText('Version history (1)')).toBeInTheDocument();
    expect(screen.getByText('Version 1, effective 1 Jan 2027')).toBeInTheDocument();
    expect(screen.queryByText('in force')).not.toBeInTheDocument();
  });

  it('marks the version in force in the history', () => {
    const versions = [
      { id: 'policy-ca-2', version: 2, effectiveFrom: '2027-01-01T05:00:00.000Z', notes: 'Higher Apple threshold.' },
      { id: 'policy-ca-1', version: 1, effectiveFrom: '2024-01-01T00:00:00.000Z', notes: 'Program rules at launch.' },
    ];
    render(
      <MarketplacePolicyCard marketplace={marketplace('CA', canadaPolicy(), versions)} exchangeRates={exchangeRates} />,
    );

    const [newer, older] = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(newer).toHaveTextContent(/^Version 2, effective 1 Jan 2027/);
    expect(within(newer!).queryByText('in force')).not.toBeInTheDocument();
    expect(older).toHaveTextContent(/^Version 1, effective 1 Jan 2024/);
    expect(within(older!).getByText('in force')).toBeInTheDocument();
  });
});
