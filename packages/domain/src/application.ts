import { isIsoDate, type IsoDate } from './calendar.js';
import { DomainError } from './domain-error.js';
import type { MarketplaceCode } from './marketplace.js';
import { isCurrencyCode, type CurrencyCode } from './money.js';
import type { ImageView } from './policy.js';

/*
 * The plain data the eligibility rules read (SPEC 3). The web form builds it as the seller types
 * and the server builds it from stored rows, so both judge the same thing. A draft may be
 * incomplete: nulls, empty strings, an invoice without lines. Amounts are integers of the minor
 * unit of the invoice's currency.
 */

export const SELLER_TYPES = ['PROFESSIONAL', 'INDIVIDUAL'] as const;
export type SellerType = (typeof SELLER_TYPES)[number];

/** Words for people (summaries, forms, the reviewer's view): a code never reaches a person. */
export const SELLER_TYPE_LABELS: Readonly<Record<SellerType, string>> = {
  PROFESSIONAL: 'Professional',
  INDIVIDUAL: 'Individual',
};

export const REFURBISHERS = ['MANUFACTURER', 'THIRD_PARTY_REFURBISHER'] as const;
export type Refurbisher = (typeof REFURBISHERS)[number];

export const REFURBISHER_LABELS: Readonly<Record<Refurbisher, string>> = {
  MANUFACTURER: 'The manufacturer',
  THIRD_PARTY_REFURBISHER: 'A third-party refurbisher',
};

export interface BusinessDetailsInput {
  readonly legalName: string;
  readonly contactName: string;
  readonly contactEmail: string;
  readonly sellerType: SellerType | null;
  /** Already sells on the marketplace, so it has order data for ODR. */
  readonly existingSeller: boolean;
}

export interface RefurbishmentInput {
  readonly refurbisher: Refurbisher | null;
  /** Required for THIRD_PARTY_REFURBISHER. */
  readonly refurbisherName: string | null;
  /** Every unit is inspected, cleaned, repaired where needed, and tested to work and look like new. */
  readonly inspectionAttested: boolean;
}

export interface InvoiceLineInput {
  readonly id: string;
  readonly description: string;
  readonly brand: string;
  /** The unit selling price; never blacked out. */
  readonly unitPriceMinor: number | null;
  /** Null when blacked out on the document. */
  readonly quantity: number | null;
  /** Null when blacked out on the document; never together with the quantity. */
  readonly amountMinor: number | null;
}

export interface InvoiceInput {
  readonly id: string;
  readonly supplier: string;
  readonly invoiceNumber: string;
  readonly date: IsoDate;
  readonly currency: CurrencyCode;
  /** The PDF or image has been uploaded (and passed the content check). */
  readonly hasDocument: boolean;
  readonly lines: readonly InvoiceLineInput[];
}

export interface ApplicationImageInput {
  readonly id: string;
  readonly view: ImageView;
}

export interface WarrantyInput {
  /** The Renewed Guarantee, explicitly accepted (US, MX). */
  readonly guaranteeAccepted: boolean;
  /** The warranty length from purchase (CA). */
  readonly warrantyDays: number | null;
}

export interface ApplicationInput {
  readonly marketplace: MarketplaceCode;
  readonly business: BusinessDetailsInput;
  readonly refurbishment: RefurbishmentInput;
  readonly categories: readonly string[];
  readonly brands: readonly string[];
  readonly appleRequested: boolean;
  /** The products sold have a screen, so the images must include SCREEN_ON. */
  readonly productsHaveScreen: boolean;
  readonly invoices: readonly InvoiceInput[];
  readonly images: readonly ApplicationImageInput[];
  readonly warranty: WarrantyInput;
  readonly qualityPolicyAccepted: boolean;
}

/**
 * One thing wrong with an input, for the form to show beside the field. MISSING is what a draft may
 * lack until submission; INVALID is never acceptable, not even in a draft (a negative price, a line
 * with both quantity and amount blacked out).
 */
export interface FieldProblem {
  /** Path of the field: "unitPriceMinor" on a line, "lines[2].quantity" on an invoice. */
  readonly field: string;
  readonly kind: 'MISSING' | 'INVALID';
  readonly message: string;
}

/** Thrown by a use case that refuses an invoice; carries every problem, not only the first. */
export class InvalidInvoiceError extends DomainError {
  override readonly code = 'INVALID_INVOICE';

  constructor(readonly problems: readonly FieldProblem[]) {
    super(
      problems.length === 0
        ? 'The invoice was refused.'
        : `The invoice was refused: ${problems.map((p) => `${p.field}: ${p.message}`).join(' ')}`,
    );
  }
}

/** Both the quantity and the line amount are blacked out, so the line has no value (SPEC 3). */
export function isFullyRedacted(line: Pick<InvoiceLineInput, 'quantity' | 'amountMinor'>): boolean {
  return line.quantity === null && line.amountMinor === null;
}

/** Apple-brand lines count toward Apple approval: the brand "Apple", any case, spaces trimmed. */
export function isAppleBrand(brand: string): boolean {
  return brand.trim().toLowerCase() === 'apple';
}

/** What is wrong with one invoice line; empty when it can be valued. */
export function validateInvoiceLine(line: InvoiceLineInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { unitPriceMinor, quantity, amountMinor } = line;

  if (unitPriceMinor === null) {
    problems.push(missing('unitPriceMinor', 'Enter the unit selling price; it may not be blacked out.'));
  } else if (!Number.isSafeInteger(unitPriceMinor)) {
    problems.push(
      invalid('unitPriceMinor', `Unit selling price must be a whole number of cents; got ${unitPriceMinor}.`),
    );
  } else if (unitPriceMinor < 0) {
    problems.push(invalid('unitPriceMinor', `Unit selling price cannot be negative; got ${unitPriceMinor}.`));
  }

  if (quantity === null && amountMinor === null) {
    problems.push(
      invalid('quantity', 'The quantity and line amount cannot both be blacked out; show at least one of them.'),
    );
  }
  if (quantity !== null && (!Number.isSafeInteger(quantity) || quantity < 1)) {
    problems.push(invalid('quantity', `Quantity must be a whole number of at least 1 when shown; got ${quantity}.`));
  }
  if (amountMinor !== null) {
    if (!Number.isSafeInteger(amountMinor)) {
      problems.push(invalid('amountMinor', `Line amount must be a whole number of cents; got ${amountMinor}.`));
    } else if (amountMinor < 0) {
      problems.push(invalid('amountMinor', `Line amount cannot be negative; got ${amountMinor}.`));
    }
  }

  // With the amount hidden the value is quantity x unit price, which must stay an exact integer.
  if (problems.length === 0 && amountMinor === null && quantity !== null && unitPriceMinor !== null) {
    if (BigInt(quantity) * BigInt(unitPriceMinor) > BigInt(Number.MAX_SAFE_INTEGER)) {
      problems.push(invalid('quantity', 'Quantity x unit price is too large to be a line amount; check both figures.'));
    }
  }
  return problems;
}

/** What is wrong with an invoice and its lines; line fields are prefixed "lines[i].". */
export function validateInvoice(invoice: InvoiceInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (invoice.supplier.trim() === '') problems.push(missing('supplier', 'Enter the supplier named on the invoice.'));
  if (invoice.invoiceNumber.trim() === '') {
    problems.push(missing('invoiceNumber', 'Enter the invoice number.'));
  }
  if (invoice.date === '') {
    problems.push(missing('date', 'Enter the invoice date.'));
  } else if (!isIsoDate(invoice.date)) {
    problems.push(invalid('date', `"${String(invoice.date)}" is not a calendar date; write it as YYYY-MM-DD.`));
  }
  if (!isCurrencyCode(invoice.currency)) {
    problems.push(
      invalid('currency', `"${String(invoice.currency)}" is not a supported currency; use USD, CAD or MXN.`),
    );
  }
  if (!invoice.hasDocument) {
    problems.push(missing('document', 'Upload the invoice itself (PDF, JPEG, PNG or WebP).'));
  }
  if (invoice.lines.length === 0) problems.push(missing('lines', 'Add at least one line from the invoice.'));
  invoice.lines.forEach((line, index) => {
    for (const problem of validateInvoiceLine(line)) {
      problems.push({ ...problem, field: `lines[${index}].${problem.field}` });
    }
  });
  return problems;
}

function missing(field: string, message: string): FieldProblem {
  return { field, kind: 'MISSING', message };
}

function invalid(field: string, message: string): FieldProblem {
  return { field, kind: 'INVALID', message };
}
