import { describe, expect, it } from 'vitest';
import { orderDataFor } from './eligibility.js';
import { INITIAL_POLICY_PARAMETERS, type PolicyParameters } from './policy.js';
import { applicationFromRecord, policyFromRecord, type ApplicationRecord, type PolicyRecord } from './records.js';

/** A record as the API publishes one, with the extra fields the API adds. */
function recordOf(p: PolicyParameters, change: Partial<PolicyRecord> = {}): PolicyRecord & { formatted: string } {
  return {
    version: 3,
    effectiveFrom: '2024-01-01T08:00:00.000Z',
    notes: 'Program rules at launch.',
    qualifyingPurchasesMinimum: { ...p.qualifyingPurchasesMinimum, formatted: '50,000.00 USD' } as never,
    purchaseWindowDays: p.purchaseWindowDays,
    excludedItemMaxUnitPrice: p.excludedItemMaxUnitPrice,
    appleQualifyingPurchasesMinimum: p.appleQualifyingPurchasesMinimum,
    applePurchaseWindowDays: p.applePurchaseWindowDays,
    warranty:
      p.warranty.kind === 'MINIMUM_DAYS'
        ? { kind: 'MINIMUM_DAYS', minimumDays: p.warranty.minimumDays }
        : { kind: 'GUARANTEE_ACCEPTANCE', minimumDays: null },
    minimumImages: p.minimumImages,
    requiredViews: p.requiredViews,
    screenProductsRequireScreenOn: p.screenProductsRequireScreenOn,
    odrMaximum: { basisPoints: p.odrMaximumBps },
    odrWindowDays: p.odrWindowDays,
    reviewDueBusinessDays: p.reviewDueBusinessDays,
    offerRqsMinimum: { basisPoints: p.offerRqsMinimumBps },
    sellerRqsMinimum: { basisPoints: p.sellerRqsMinimumBps },
    averageRatingMinimum: { hundredths: p.averageRatingMinimumHundredths },
    rqsWindowDays: p.rqsWindowDays,
    rqsMinimumOrders: p.rqsMinimumOrders,
    defaultReturnWindowDays: p.defaultReturnWindowDays,
    transitAllowanceDays: p.transitAllowanceDays,
    formatted: 'extra fields are dropped',
    ...change,
  };
}

describe('policyFromRecord', () => {
  it.each(['US', 'CA', 'MX'] as const)('gives back the %s parameters the record was made from', (marketplace) => {
    const policy = policyFromRecord(marketplace, recordOf(INITIAL_POLICY_PARAMETERS[marketplace]));
    const { marketplace: code, version, effectiveFrom, notes, ...parameters } = policy;
    expect({ code, version, effectiveFrom, notes }).toEqual({
      code: marketplace,
      version: 3,
      effectiveFrom: new Date('2024-01-01T08:00:00.000Z'),
      notes: 'Program rules at launch.',
    });
    expect(parameters).toEqual(INITIAL_POLICY_PARAMETERS[marketplace]);
  });

  it('takes a Date as the server holds it', () => {
    const at = new Date('2025-06-01T00:00:00.000Z');
    expect(policyFromRecord('US', recordOf(INITIAL_POLICY_PARAMETERS.US, { effectiveFrom: at })).effectiveFrom).toEqual(
      at,
    );
  });

  it('leaves notes out when there are none', () => {
    expect('notes' in policyFromRecord('US', recordOf(INITIAL_POLICY_PARAMETERS.US, { notes: null }))).toBe(false);
    expect('notes' in policyFromRecord('US', recordOf(INITIAL_POLICY_PARAMETERS.US, { notes: '' }))).toBe(false);
  });
});

const record: ApplicationRecord = {
  marketplace: 'CA',
  legalName: '  Renewed Goods Ltd ',
  contactName: 'Ada',
  contactEmail: ' ada@example.com ',
  sellerType: 'PROFESSIONAL',
  existingSeller: true,
  refurbisher: 'THIRD_PARTY_REFURBISHER',
  refurbisherName: '  FixIt Inc ',
  inspectionAttested: true,
  categories: [' Laptops', '', '  '],
  brands: ['Apple ', 'Dell'],
  appleRequested: true,
  productsHaveScreen: true,
  guaranteeAccepted: false,
  warrantyDays: 90,
  qualityPolicyAccepted: true,
};

describe('applicationFromRecord', () => {
  const evidence = {
    invoices: [
      {
        id: 'inv-1',
        supplier: ' Supplier ',
        invoiceNumber: ' 42 ',
        date: '2026-01-02',
        currency: 'CAD' as const,
        hasDocument: true,
        lines: [
          {
            id: 'l-1',
            description: ' Laptop ',
            brand: ' Apple ',
            unitPriceMinor: 2098,
            quantity: null,
            amountMinor: 4196,
          },
        ],
      },
    ],
    images: [{ id: 'img-1', view: 'FRONT' as const }],
  };

  it('groups the fields as the rules read them, text trimmed and blank list entries dropped', () => {
    expect(applicationFromRecord(record, evidence)).toEqual({
      marketplace: 'CA',
      business: {
        legalName: 'Renewed Goods Ltd',
        contactName: 'Ada',
        contactEmail: 'ada@example.com',
        sellerType: 'PROFESSIONAL',
        existingSeller: true,
      },
      refurbishment: { refurbisher: 'THIRD_PARTY_REFURBISHER', refurbisherName: 'FixIt Inc', inspectionAttested: true },
      categories: ['Laptops'],
      brands: ['Apple', 'Dell'],
      appleRequested: true,
      productsHaveScreen: true,
      invoices: [
        {
          id: 'inv-1',
          supplier: 'Supplier',
          invoiceNumber: '42',
          date: '2026-01-02',
          currency: 'CAD',
          hasDocument: true,
          lines: [
            {
              id: 'l-1',
              description: 'Laptop',
              brand: 'Apple',
              unitPriceMinor: 2098,
              quantity: null,
              amountMinor: 4196,
            },
          ],
        },
      ],
      images: [{ id: 'img-1', view: 'FRONT' }],
      warranty: { guaranteeAccepted: false, warrantyDays: 90 },
      qualityPolicyAccepted: true,
    });
  });

  it.each<[string, Partial<ApplicationRecord>, string | null]>([
    ['a third-party refurbisher keeps its name', {}, 'FixIt Inc'],
    ['a blank name is no name', { refurbisherName: '   ' }, null],
    ['a missing name is no name', { refurbisherName: null }, null],
    ['a manufacturer has no refurbisher name', { refurbisher: 'MANUFACTURER' }, null],
    ['nothing chosen has no refurbisher name', { refurbisher: null }, null],
  ])('%s', (_case, change, name) => {
    expect(applicationFromRecord({ ...record, ...change }, evidence).refurbishment.refurbisherName).toBe(name);
  });
});

describe('orderDataFor', () => {
  it.each([
    ['a new seller has zero orders', false, null, { orders: 0, defectiveOrders: 0 }],
    [
      'a new seller is judged as new whatever counts are passed',
      false,
      { orders: 5, defectiveOrders: 1 },
      { orders: 0, defectiveOrders: 0 },
    ],
    ['an existing seller without known counts has none (a reviewer checks ODR)', true, null, null],
    [
      'an existing seller is judged on its counts',
      true,
      { orders: 660, defectiveOrders: 3 },
      { orders: 660, defectiveOrders: 3 },
    ],
  ])('%s', (_case, existingSeller, known, expected) => {
    expect(orderDataFor(existingSeller, known)).toEqual(expected);
  });
});
