import type { FieldProblem } from '../../../ui/graphql-errors';
import type { ApplicationFormState } from './form-state';
import { FIELD_STEPS, type StepId } from './steps';

/*
 * The API names a bad field by its path in the draft input, e.g. `invoices[0].lines[2].amount`.
 * The form keys its inputs by the stable keys of invoices, lines and images, so a message stays on
 * its input when an invoice above it is removed. These functions translate one into the other.
 */

export type InvoiceField = 'supplier' | 'invoiceNumber' | 'date' | 'currency' | 'document' | 'lines';
export type LineField = 'description' | 'brand' | 'unitPrice' | 'quantity' | 'amount';

export const invoiceFieldKey = (invoiceKey: string, field: InvoiceField) => `invoice:${invoiceKey}:${field}`;
export const lineFieldKey = (lineKey: string, field: LineField) => `line:${lineKey}:${field}`;
export const imageFieldKey = (imageKey: string) => `image:${imageKey}`;

/** Input names the API or the domain uses for a figure, as the form names them. */
const INVOICE_FIELD_ALIASES: Readonly<Record<string, InvoiceField>> = {
  supplier: 'supplier',
  invoiceNumber: 'invoiceNumber',
  date: 'date',
  currency: 'currency',
  documentUploadId: 'document',
  document: 'document',
  lines: 'lines',
};
const LINE_FIELD_ALIASES: Readonly<Record<string, LineField>> = {
  description: 'description',
  brand: 'brand',
  unitPrice: 'unitPrice',
  unitPriceMinor: 'unitPrice',
  quantity: 'quantity',
  amount: 'amount',
  amountMinor: 'amount',
};

export interface FieldLocation {
  /** The form's key of the input, e.g. `line:<key>:amount`. */
  readonly key: string;
  readonly step: StepId;
}

const INVOICE_PATH = /^invoices\[(\d+)\](?:\.lines\[(\d+)\])?(?:\.(\w+))?$/;
const IMAGE_PATH = /^images\[(\d+)\](?:\.\w+)?$/;

/** Where the form shows a problem with `path`; null when the form has no such input. */
export function locateField(path: string, state: ApplicationFormState): FieldLocation | null {
  const invoiceMatch = INVOICE_PATH.exec(path);
  if (invoiceMatch) {
    const [, invoiceIndex, lineIndex, name] = invoiceMatch;
    const invoice = state.invoices[Number(invoiceIndex)];
    if (!invoice) return null;
    if (lineIndex !== undefined) {
      const line = invoice.lines[Number(lineIndex)];
      const field = LINE_FIELD_ALIASES[name ?? ''];
      if (!line) return null;
      // A problem with the line as a whole is shown at its first figure.
      return { key: lineFieldKey(line.key, field ?? 'unitPrice'), step: 'invoices' };
    }
    const field = INVOICE_FIELD_ALIASES[name ?? ''];
    return { key: invoiceFieldKey(invoice.key, field ?? 'supplier'), step: 'invoices' };
  }
  const imageMatch = IMAGE_PATH.exec(path);
  if (imageMatch) {
    const image = state.images[Number(imageMatch[1])];
    return image ? { key: imageFieldKey(image.key), step: 'images' } : null;
  }
  const step = FIELD_STEPS[path];
  return step ? { key: path, step } : null;
}

export interface PlacedProblems {
  /** Message per input key; two problems with one input are joined. */
  readonly fields: Readonly<Record<string, string>>;
  /** How many placed problems each step has, for the step list. */
  readonly perStep: Readonly<Partial<Record<StepId, number>>>;
  /** Problems with no input in the form, for the alert above it. */
  readonly unplaced: readonly FieldProblem[];
}

export function placeProblems(problems: readonly FieldProblem[], state: ApplicationFormState): PlacedProblems {
  const fields: Record<string, string> = {};
  const perStep: Partial<Record<StepId, number>> = {};
  const unplaced: FieldProblem[] = [];
  for (const problem of problems) {
    const location = locateField(problem.field, state);
    if (!location) {
      unplaced.push(problem);
      continue;
    }
    const message = sentence(problem.message);
    fields[location.key] = fields[location.key] ? `${fields[location.key]} ${message}` : message;
    perStep[location.step] = (perStep[location.step] ?? 0) + 1;
  }
  return { fields, perStep, unplaced };
}

function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
