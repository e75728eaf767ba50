import {
  applicationFromRecord,
  isCurrencyCode,
  validateInvoiceLine,
  type ApplicationInput,
  type ApplicationRecord,
  type CurrencyCode,
  type ImageView,
  type MarketplaceCode,
} from '@recertify/domain';
import type { ApplicationDraftFieldsFragment, ApplicationFileFieldsFragment } from './application-form.generated';
import type { ApplicationDraftInput } from '../../../generated/graphql';
import type { FieldProblem } from '../../../ui/graphql-errors';
import { readMoneyInput, readQuantityInput, valueOf } from './money-input';

/*
 * The application form as the seller edits it: text as typed, one key per invoice, line and image
 * that survives reordering and removal, and the two ways out of it: the draft the API saves
 * (`toDraftInput`) and the plain input the domain's eligibility rule judges (`toApplicationInput`).
 */

/** An uploaded file as the form shows it. */
export type UploadedFile = ApplicationFileFieldsFragment;

export interface InvoiceLineDraft {
  readonly key: string;
  readonly description: string;
  readonly brand: string;
  readonly unitPrice: string;
  readonly quantity: string;
  readonly amount: string;
  /** Blacked out on the document: sent as null. Never together with `amountBlackedOut`. */
  readonly quantityBlackedOut: boolean;
  readonly amountBlackedOut: boolean;
}

export interface InvoiceDraft {
  readonly key: string;
  readonly supplier: string;
  readonly invoiceNumber: string;
  /** YYYY-MM-DD, or empty until entered. */
  readonly date: string;
  readonly currency: CurrencyCode;
  readonly document: UploadedFile | null;
  readonly lines: readonly InvoiceLineDraft[];
}

export interface ImageDraft {
  readonly key: string;
  readonly view: ImageView;
  readonly file: UploadedFile;
}

/** The application's own fields as the form holds them: free text where the record has numbers or nulls. */
export interface ApplicationFormState extends Omit<
  ApplicationRecord,
  'marketplace' | 'refurbisherName' | 'warrantyDays'
> {
  readonly refurbisherName: string;
  readonly invoices: readonly InvoiceDraft[];
  readonly images: readonly ImageDraft[];
  /** Whole days as typed (CA). */
  readonly warrantyDays: string;
}

let lastKey = 0;
/** A key for something the seller adds; saved rows keep their server ids as keys. */
export function newKey(prefix: string): string {
  lastKey += 1;
  return `${prefix}-new-${lastKey}`;
}

export function emptyLine(key = newKey('line')): InvoiceLineDraft {
  return {
    key,
    description: '',
    brand: '',
    unitPrice: '',
    quantity: '',
    amount: '',
    quantityBlackedOut: false,
    amountBlackedOut: false,
  };
}

export function emptyInvoice(currency: CurrencyCode, key = newKey('invoice')): InvoiceDraft {
  return { key, supplier: '', invoiceNumber: '', date: '', currency, document: null, lines: [emptyLine()] };
}

/** The saved draft as the form's starting point. A figure saved as null was blacked out. */
export function formStateFromApplication(application: ApplicationDraftFieldsFragment): ApplicationFormState {
  return {
    legalName: application.legalName,
    contactName: application.contactName,
    contactEmail: application.contactEmail,
    sellerType: application.sellerType,
    existingSeller: application.existingSeller,
    refurbisher: application.refurbisher,
    refurbisherName: application.refurbisherName ?? '',
    inspectionAttested: application.inspectionAttested,
    categories: application.categories,
    brands: application.brands,
    appleRequested: application.appleRequested,
    productsHaveScreen: application.productsHaveScreen,
    invoices: application.invoices.map((invoice) => ({
      key: invoice.id,
      supplier: invoice.supplier,
      invoiceNumber: invoice.invoiceNumber,
      date: invoice.date,
      currency: isCurrencyCode(invoice.currency) ? invoice.currency : 'USD',
      document: invoice.document,
      lines: invoice.lines.map((line) => ({
        key: line.id,
        description: line.description,
        brand: line.brand,
        unitPrice: line.unitPrice?.amount ?? '',
        quantity: line.quantity === null ? '' : String(line.quantity),
        amount: line.amount?.amount ?? '',
        quantityBlackedOut: line.quantity === null,
        amountBlackedOut: line.amount === null,
      })),
    })),
    images: application.images.map((image) => ({ key: image.id, view: image.view, file: image.file })),
    guaranteeAccepted: application.guaranteeAccepted,
    warrantyDays: application.warrantyDays === null ? '' : String(application.warrantyDays),
    qualityPolicyAccepted: application.qualityPolicyAccepted,
  };
}

/**
 * The draft to save, and what keeps it from being saved: the same refusals the server makes
 * (`validateInvoiceLine` of the domain, money and dates it can read), named with the server's own
 * paths, e.g. `invoices[0].lines[2].amount`, so one mapping places both at the right input.
 */
export function toDraftInput(state: ApplicationFormState): {
  input: ApplicationDraftInput;
  problems: FieldProblem[];
} {
  const problems: FieldProblem[] = [];
  const invoices = state.invoices.map((invoice, i) => {
    const at = `invoices[${i}]`;
    if (invoice.date === '') {
      problems.push({ field: `${at}.date`, message: 'Enter the invoice date; an invoice is saved with its date.' });
    } else if (!/^\d{4}-\d{2}-\d{2}$/.test(invoice.date)) {
      problems.push({ field: `${at}.date`, message: 'Write the date as YYYY-MM-DD.' });
    }
    const lines = invoice.lines.map((line, j) => {
      const field = `${at}.lines[${j}]`;
      const unitPrice = readMoneyInput(line.unitPrice, invoice.currency);
      const quantity = line.quantityBlackedOut ? null : readQuantityInput(line.quantity);
      const amount = line.amountBlackedOut ? null : readMoneyInput(line.amount, invoice.currency);
      for (const [name, reading] of [
        ['unitPrice', unitPrice],
        ['quantity', quantity],
        ['amount', amount],
      ] as const) {
        if (reading?.kind === 'invalid') problems.push({ field: `${field}.${name}`, message: reading.message });
      }
      const figures = {
        unitPriceMinor: valueOf(unitPrice),
        quantity: quantity === null ? null : valueOf(quantity),
        amountMinor: amount === null ? null : valueOf(amount),
      };
      // A figure that cannot be read is reported above; the line's rule is judged once all can be.
      if (![unitPrice, quantity, amount].some((reading) => reading?.kind === 'invalid')) {
        const nothingEntered =
          figures.quantity === null &&
          figures.amountMinor === null &&
          !line.quantityBlackedOut &&
          !line.amountBlackedOut;
        for (const problem of validateInvoiceLine({ id: line.key, description: '', brand: '', ...figures })) {
          const message =
            nothingEntered && problem.field === 'quantity'
              ? 'Enter the quantity or the line amount (or mark one blacked out); a line needs at least one.'
              : problem.message;
          problems.push({ field: `${field}.${serverLineField(problem.field)}`, message });
        }
      }
      return {
        description: line.description.trim(),
        brand: line.brand.trim(),
        unitPrice: blankToNull(line.unitPrice),
        quantity: figures.quantity,
        amount: line.amountBlackedOut ? null : blankToNull(line.amount),
      };
    });
    return {
      supplier: invoice.supplier.trim(),
      invoiceNumber: invoice.invoiceNumber.trim(),
      date: invoice.date,
      currency: invoice.currency,
      documentUploadId: invoice.document?.id ?? null,
      lines,
    };
  });

  const warrantyDays = readQuantityInput(state.warrantyDays);
  if (warrantyDays.kind === 'invalid') {
    problems.push({ field: 'warrantyDays', message: 'Write the warranty length as a whole number of days, e.g. 90.' });
  }

  const input: ApplicationDraftInput = {
    legalName: state.legalName.trim(),
    contactName: state.contactName.trim(),
    contactEmail: state.contactEmail.trim(),
    sellerType: state.sellerType,
    existingSeller: state.existingSeller,
    refurbisher: state.refurbisher,
    refurbisherName: state.refurbisher === 'THIRD_PARTY_REFURBISHER' ? blankToNull(state.refurbisherName) : null,
    inspectionAttested: state.inspectionAttested,
    categories: cleanList(state.categories),
    brands: cleanList(state.brands),
    appleRequested: state.appleRequested,
    productsHaveScreen: state.productsHaveScreen,
    guaranteeAccepted: state.guaranteeAccepted,
    warrantyDays: valueOf(warrantyDays),
    qualityPolicyAccepted: state.qualityPolicyAccepted,
    invoices,
    images: state.images.map((image) => ({ uploadId: image.file.id, view: image.view })),
  };
  return { input, problems };
}

/**
 * The form as the domain's eligibility rule reads it, exactly as the server will build it from the
 * saved draft: trimmed text, figures in minor units, a blacked-out or unreadable figure as null.
 */
export function toApplicationInput(state: ApplicationFormState, marketplace: MarketplaceCode): ApplicationInput {
  return applicationFromRecord(
    { ...state, marketplace, warrantyDays: valueOf(readQuantityInput(state.warrantyDays)) },
    {
      invoices: state.invoices.map((invoice) => ({
        id: invoice.key,
        supplier: invoice.supplier,
        invoiceNumber: invoice.invoiceNumber,
        date: invoice.date,
        currency: invoice.currency,
        hasDocument: invoice.document !== null,
        lines: invoice.lines.map((line) => ({
          id: line.key,
          description: line.description,
          brand: line.brand,
          unitPriceMinor: valueOf(readMoneyInput(line.unitPrice, invoice.currency)),
          quantity: line.quantityBlackedOut ? null : valueOf(readQuantityInput(line.quantity)),
          amountMinor: line.amountBlackedOut ? null : valueOf(readMoneyInput(line.amount, invoice.currency)),
        })),
      })),
      images: state.images.map((image) => ({ id: image.key, view: image.view })),
    },
  );
}

// --- changes the form makes ------------------------------------------------------------------

export function updateInvoice(
  state: ApplicationFormState,
  invoiceKey: string,
  change: (invoice: InvoiceDraft) => InvoiceDraft,
): ApplicationFormState {
  return {
    ...state,
    invoices: state.invoices.map((invoice) => (invoice.key === invoiceKey ? change(invoice) : invoice)),
  };
}

export function updateLine(
  state: ApplicationFormState,
  invoiceKey: string,
  lineKey: string,
  change: Partial<Omit<InvoiceLineDraft, 'key'>>,
): ApplicationFormState {
  return updateInvoice(state, invoiceKey, (invoice) => ({
    ...invoice,
    lines: invoice.lines.map((line) => (line.key === lineKey ? { ...line, ...change } : line)),
  }));
}

/** Puts `file` in the slot of `view`, replacing what was there. */
export function setImageForView(
  state: ApplicationFormState,
  view: ImageView,
  file: UploadedFile,
): ApplicationFormState {
  const existing = state.images.find((image) => image.view === view);
  if (existing) {
    return { ...state, images: state.images.map((image) => (image === existing ? { ...image, file } : image)) };
  }
  return { ...state, images: [...state.images, { key: newKey('image'), view, file }] };
}

// --- internals -------------------------------------------------------------------------------

function blankToNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

function cleanList(entries: readonly string[]): string[] {
  return entries.map((entry) => entry.trim()).filter((entry) => entry !== '');
}

/** The domain names line figures in minor units; the API names them as the input does. */
function serverLineField(domainField: string): string {
  if (domainField === 'unitPriceMinor') return 'unitPrice';
  if (domainField === 'amountMinor') return 'amount';
  return domainField;
}
