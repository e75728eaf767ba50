import type { ApplicationImageInput, ApplicationInput, InvoiceInput, Refurbisher, SellerType } from './application.js';
import type { MarketplaceCode } from './marketplace.js';
import type { Money } from './money.js';
import type { ImageView, PolicyVersion, WarrantyRule } from './policy.js';

/*
 * The records both sides hold and the one adapter from each into the rules' input. The server's
 * rows and the API's results have the same flat shape (the API publishes what the server stores),
 * so the server passes its entity and the web app passes the query result, and neither lists the
 * fields of the rules' input again.
 */

/**
 * A policy version as the API publishes it and the server's entity exposes it: money as
 * { amountMinor, currency }, percentages in basis points, ratings in hundredths, the warranty as a
 * kind and an optional number of days.
 */
export interface PolicyRecord {
  readonly version: number;
  /** A Date on the server, an ISO 8601 string from the API. */
  readonly effectiveFrom: Date | string;
  readonly notes: string | null;
  readonly qualifyingPurchasesMinimum: Money;
  readonly purchaseWindowDays: number;
  readonly excludedItemMaxUnitPrice: Money;
  readonly appleQualifyingPurchasesMinimum: Money;
  readonly applePurchaseWindowDays: number;
  readonly warranty: { readonly kind: WarrantyRule['kind']; readonly minimumDays: number | null };
  readonly minimumImages: number;
  readonly requiredViews: readonly ImageView[];
  readonly screenProductsRequireScreenOn: boolean;
  readonly odrMaximum: { readonly basisPoints: number };
  readonly odrWindowDays: number;
  readonly reviewDueBusinessDays: number;
  readonly offerRqsMinimum: { readonly basisPoints: number };
  readonly sellerRqsMinimum: { readonly basisPoints: number };
  readonly averageRatingMinimum: { readonly hundredths: number };
  readonly rqsWindowDays: number;
  readonly rqsMinimumOrders: number;
  readonly defaultReturnWindowDays: number;
  readonly transitAllowanceDays: number;
}

/** The policy version the rules read, from its record; exact units kept, extra fields dropped. */
export function policyFromRecord(marketplace: MarketplaceCode, record: PolicyRecord): PolicyVersion {
  const warranty: WarrantyRule =
    record.warranty.kind === 'MINIMUM_DAYS'
      ? { kind: 'MINIMUM_DAYS', minimumDays: record.warranty.minimumDays ?? 0 }
      : { kind: 'GUARANTEE_ACCEPTANCE' };
  return {
    marketplace,
    version: record.version,
    effectiveFrom: new Date(record.effectiveFrom),
    ...(record.notes ? { notes: record.notes } : {}),
    qualifyingPurchasesMinimum: moneyOf(record.qualifyingPurchasesMinimum),
    purchaseWindowDays: record.purchaseWindowDays,
    excludedItemMaxUnitPrice: moneyOf(record.excludedItemMaxUnitPrice),
    appleQualifyingPurchasesMinimum: moneyOf(record.appleQualifyingPurchasesMinimum),
    applePurchaseWindowDays: record.applePurchaseWindowDays,
    warranty,
    minimumImages: record.minimumImages,
    requiredViews: [...record.requiredViews],
    screenProductsRequireScreenOn: record.screenProductsRequireScreenOn,
    odrMaximumBps: record.odrMaximum.basisPoints,
    odrWindowDays: record.odrWindowDays,
    reviewDueBusinessDays: record.reviewDueBusinessDays,
    offerRqsMinimumBps: record.offerRqsMinimum.basisPoints,
    sellerRqsMinimumBps: record.sellerRqsMinimum.basisPoints,
    averageRatingMinimumHundredths: record.averageRatingMinimum.hundredths,
    rqsWindowDays: record.rqsWindowDays,
    rqsMinimumOrders: record.rqsMinimumOrders,
    defaultReturnWindowDays: record.defaultReturnWindowDays,
    transitAllowanceDays: record.transitAllowanceDays,
  };
}

/** An application's own fields, flat, as the server stores them and the draft input sends them. */
export interface ApplicationRecord {
  readonly marketplace: MarketplaceCode;
  readonly legalName: string;
  readonly contactName: string;
  readonly contactEmail: string;
  readonly sellerType: SellerType | null;
  readonly existingSeller: boolean;
  readonly refurbisher: Refurbisher | null;
  readonly refurbisherName: string | null;
  readonly inspectionAttested: boolean;
  readonly categories: readonly string[];
  readonly brands: readonly string[];
  readonly appleRequested: boolean;
  readonly productsHaveScreen: boolean;
  readonly guaranteeAccepted: boolean;
  readonly warrantyDays: number | null;
  readonly qualityPolicyAccepted: boolean;
}

/** An invoice with its lines as read from storage or the form: figures in minor units, null when hidden. */
export type InvoiceRecord = InvoiceInput;

/**
 * The input the eligibility rules read, from the application's fields and its evidence. Text is
 * trimmed and blank list entries dropped, and a refurbisher's name is kept only for a third-party
 * refurbisher, as the draft is saved: the live form and the server judge the same values.
 */
export function applicationFromRecord(
  record: ApplicationRecord,
  evidence: { readonly invoices: readonly InvoiceRecord[]; readonly images: readonly ApplicationImageInput[] },
): ApplicationInput {
  const refurbisherName = record.refurbisherName?.trim() ?? '';
  return {
    marketplace: record.marketplace,
    business: {
      legalName: record.legalName.trim(),
      contactName: record.contactName.trim(),
      contactEmail: record.contactEmail.trim(),
      sellerType: record.sellerType,
      existingSeller: record.existingSeller,
    },
    refurbishment: {
      refurbisher: record.refurbisher,
      refurbisherName:
        record.refurbisher === 'THIRD_PARTY_REFURBISHER' && refurbisherName !== '' ? refurbisherName : null,
      inspectionAttested: record.inspectionAttested,
    },
    categories: cleanList(record.categories),
    brands: cleanList(record.brands),
    appleRequested: record.appleRequested,
    productsHaveScreen: record.productsHaveScreen,
    invoices: evidence.invoices.map((invoice): InvoiceInput => ({
      id: invoice.id,
      supplier: invoice.supplier.trim(),
      invoiceNumber: invoice.invoiceNumber.trim(),
      date: invoice.date,
      currency: invoice.currency,
      hasDocument: invoice.hasDocument,
      lines: invoice.lines.map((line) => ({
        id: line.id,
        description: line.description.trim(),
        brand: line.brand.trim(),
        unitPriceMinor: line.unitPriceMinor,
        quantity: line.quantity,
        amountMinor: line.amountMinor,
      })),
    })),
    images: evidence.images.map((image) => ({ id: image.id, view: image.view })),
    warranty: { guaranteeAccepted: record.guaranteeAccepted, warrantyDays: record.warrantyDays },
    qualityPolicyAccepted: record.qualityPolicyAccepted,
  };
}

function moneyOf(money: Money): Money {
  return { amountMinor: money.amountMinor, currency: money.currency };
}

function cleanList(entries: readonly string[]): string[] {
  return entries.map((entry) => entry.trim()).filter((entry) => entry !== '');
}
