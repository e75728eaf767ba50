import type { ApplicationDraftFieldsFragment } from '../application-form/application-form.generated';
import type {
  EligibilityExchangeRateFragment,
  EligibilityPolicyFieldsFragment,
} from '../eligibility/eligibility-policy.generated';
import type { ApplicationFormState, InvoiceDraft, InvoiceLineDraft } from '../application-form/form-state';

/** Test data shaped as the API sends it: the seeded US policy version 1 and the seeded rates. */

const usd = (amountMinor: number, formatted: string) => ({ amountMinor, currency: 'USD' as const, formatted });

export function usPolicy(overrides: Partial<EligibilityPolicyFieldsFragment> = {}): EligibilityPolicyFieldsFragment {
  return {
    id: 'policy-us-1',
    marketplace: 'US',
    version: 1,
    effectiveFrom: '2024-01-01T08:00:00.000Z',
    notes: 'Program rules at launch.',
    qualifyingPurchasesMinimum: usd(5_000_000, '50,000.00 USD'),
    purchaseWindowDays: 90,
    excludedItemMaxUnitPrice: usd(1_500, '15.00 USD'),
    appleQualifyingPurchasesMinimum: usd(250_000_000, '2,500,000.00 USD'),
    applePurchaseWindowDays: 90,
    warranty: { kind: 'GUARANTEE_ACCEPTANCE', minimumDays: null },
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

export const exchangeRates: EligibilityExchangeRateFragment[] = [
  { id: 'rate-1', base: 'CAD', quote: 'USD', validFrom: '2024-01-01', rate: '0.7400' },
  { id: 'rate-2', base: 'MXN', quote: 'USD', validFrom: '2024-01-01', rate: '0.0580' },
];

export const file = (id: string, contentType = 'image/jpeg') => ({
  id,
  url: `/uploads/${id}`,
  originalName: `${id}.${contentType === 'application/pdf' ? 'pdf' : 'jpg'}`,
  contentType,
  width: contentType === 'application/pdf' ? null : 1200,
  height: contentType === 'application/pdf' ? null : 900,
});

export function line(overrides: Partial<InvoiceLineDraft> = {}): InvoiceLineDraft {
  return {
    key: 'line-1',
    description: 'iPhone 13, 128 GB, refurbished',
    brand: 'Apple',
    unitPrice: '250.00',
    quantity: '200',
    amount: '50,000.00',
    quantityBlackedOut: false,
    amountBlackedOut: false,
    ...overrides,
  };
}

export function invoice(overrides: Partial<InvoiceDraft> = {}): InvoiceDraft {
  return {
    key: 'invoice-1',
    supplier: 'Refurb Supply Co.',
    invoiceNumber: 'INV-1001',
    date: '2026-02-10',
    currency: 'USD',
    document: file('doc-1', 'application/pdf'),
    lines: [line()],
    ...overrides,
  };
}

const VIEWS = ['SHIPPING_BOX', 'INNER_PACKAGING', 'TOP', 'BOTTOM', 'FRONT', 'BACK', 'LEFT', 'RIGHT'] as const;

/** A form that passes every hard check in US on 2026-03-02, as a new seller. */
export function completeForm(overrides: Partial<ApplicationFormState> = {}): ApplicationFormState {
  return {
    legalName: 'Draftwood Devices LLC',
    contactName: 'Dan Draft',
    contactEmail: 'dan@draftwood.test',
    sellerType: 'PROFESSIONAL',
    existingSeller: false,
    refurbisher: 'MANUFACTURER',
    refurbisherName: '',
    inspectionAttested: true,
    categories: ['Cell phones'],
    brands: ['Apple'],
    appleRequested: false,
    productsHaveScreen: false,
    invoices: [invoice()],
    images: VIEWS.map((view, index) => ({ key: `image-${index}`, view, file: file(`img-${index}`) })),
    guaranteeAccepted: true,
    warrantyDays: '',
    qualityPolicyAccepted: true,
    ...overrides,
  };
}

/** A saved draft as the ApplicationForm query returns it. */
export function savedDraft(overrides: Partial<ApplicationDraftFieldsFragment> = {}): ApplicationDraftFieldsFragment {
  return {
    id: 'app-1',
    marketplace: 'US',
    status: 'DRAFT',
    version: 3,
    updatedAt: '2026-03-01T10:00:00.000Z',
    reviewerMessage: null,
    legalName: 'Draftwood Devices',
    contactName: 'Dan Draft',
    contactEmail: 'draft-seller@demo.recertify.test',
    sellerType: 'PROFESSIONAL',
    existingSeller: true,
    refurbisher: 'THIRD_PARTY_REFURBISHER',
    refurbisherName: 'FixIt Labs',
    inspectionAttested: false,
    categories: ['Laptops'],
    brands: ['Dell', 'Apple'],
    appleRequested: true,
    productsHaveScreen: true,
    guaranteeAccepted: false,
    warrantyDays: null,
    qualityPolicyAccepted: false,
    invoices: [
      {
        id: 'inv-a',
        supplier: 'Laptop Wholesale',
        invoiceNumber: 'LW-77',
        date: '2026-01-15',
        currency: 'CAD',
        document: file('doc-a', 'application/pdf'),
        lines: [
          {
            id: 'line-a1',
            description: 'Latitude 5420',
            brand: 'Dell',
            quantity: 10,
            unitPrice: { amount: '400.00' },
            amount: null,
          },
          {
            id: 'line-a2',
            description: 'MacBook Air M1',
            brand: 'Apple',
            quantity: null,
            unitPrice: { amount: '700.00' },
            amount: { amount: '2100.00' },
          },
        ],
      },
    ],
    images: [{ id: 'img-a', view: 'FRONT', file: file('img-a') }],
    ...overrides,
  };
}
