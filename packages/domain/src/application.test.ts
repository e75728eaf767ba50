import { describe, expect, it } from 'vitest';

import {
  type FieldProblem,
  InvalidInvoiceError,
  type InvoiceInput,
  type InvoiceLineInput,
  isAppleBrand,
  isFullyRedacted,
  validateInvoice,
  validateInvoiceLine,
} from './application.js';
import type { CurrencyCode } from './money.js';

const line = (overrides: Partial<InvoiceLineInput> = {}): InvoiceLineInput => ({
  id: 'l1',
  description: 'iPhone 13, 128 GB, refurbished',
  brand: 'Apple',
  unitPriceMinor: 30_000,
  quantity: 2,
  amountMinor: 60_000,
  ...overrides,
});

const invoice = (overrides: Partial<InvoiceInput> = {}): InvoiceInput => ({
  id: 'i1',
  supplier: 'Refurb Wholesale Inc.',
  invoiceNumber: 'RW-1001',
  date: '2026-04-01',
  currency: 'USD',
  hasDocument: true,
  lines: [line()],
  ...overrides,
});

const fields = (problems: FieldProblem[]) => problems.map((p) => `${p.kind} ${p.field}`);

describe('validateInvoiceLine', () => {
  it.each([
    ['all three shown', {}],
    ['quantity blacked out', { quantity: null }],
    ['amount blacked out', { amountMinor: null }],
    ['a zero unit price (the exclusion rule decides, not validation)', { unitPriceMinor: 0 }],
    ['a zero amount', { amountMinor: 0 }],
    ['quantity 1', { quantity: 1 }],
    ['disagreeing figures (flagged by eligibility, not refused)', { amountMinor: 59_999 }],
    ['an empty description and brand in a draft', { description: '', brand: '' }],
  ])('accepts %s', (_label, overrides) => {
    expect(validateInvoiceLine(line(overrides))).toEqual([]);
  });

  it('refuses a line with both quantity and amount blacked out, naming the rule', () => {
    expect(validateInvoiceLine(line({ quantity: null, amountMinor: null }))).toEqual([
      {
        field: 'quantity',
        kind: 'INVALID',
        message: 'The quantity and line amount cannot both be blacked out; show at least one of them.',
      },
    ]);
  });

  it.each([
    ['unit price missing', { unitPriceMinor: null }, ['MISSING unitPriceMinor'], /Enter the unit selling price/],
    ['negative unit price', { unitPriceMinor: -1 }, ['INVALID unitPriceMinor'], /cannot be negative; got -1/],
    [
      'fractional unit price',
      { unitPriceMinor: 1999.5 },
      ['INVALID unitPriceMinor'],
      /whole number of cents; got 1999.5/,
    ],
    ['NaN unit price', { unitPriceMinor: Number.NaN }, ['INVALID unitPriceMinor'], /whole number/],
    ['quantity 0', { quantity: 0 }, ['INVALID quantity'], /at least 1 when shown; got 0/],
    ['negative quantity', { quantity: -2 }, ['INVALID quantity'], /at least 1 when shown; got -2/],
    ['fractional quantity', { quantity: 1.5 }, ['INVALID quantity'], /whole number of at least 1/],
    ['negative amount', { amountMinor: -100 }, ['INVALID amountMinor'], /cannot be negative; got -100/],
    ['fractional amount', { amountMinor: 0.5 }, ['INVALID amountMinor'], /whole number of cents; got 0.5/],
    ['infinite amount', { amountMinor: Infinity }, ['INVALID amountMinor'], /whole number/],
    [
      'quantity x unit price too large to hold with the amount hidden',
      { unitPriceMinor: 2 ** 40, quantity: 2 ** 14, amountMinor: null },
      ['INVALID quantity'],
      /too large/,
    ],
  ])('refuses %s', (_label, overrides, expected, message) => {
    const problems = validateInvoiceLine(line(overrides));
    expect(fields(problems)).toEqual(expected);
    expect(problems[0]?.message).toMatch(message);
  });

  it('allows a large product while the amount is shown', () => {
    expect(validateInvoiceLine(line({ unitPriceMinor: 2 ** 40, quantity: 2 ** 14 }))).toEqual([]);
  });

  it('reports every problem of a line at once', () => {
    expect(fields(validateInvoiceLine(line({ unitPriceMinor: null, quantity: null, amountMinor: null })))).toEqual([
      'MISSING unitPriceMinor',
      'INVALID quantity',
    ]);
    expect(fields(validateInvoiceLine(line({ unitPriceMinor: -5, quantity: 0, amountMinor: -1 })))).toEqual([
      'INVALID unitPriceMinor',
      'INVALID quantity',
      'INVALID amountMinor',
    ]);
  });
});

describe('validateInvoice', () => {
  it('accepts a complete invoice', () => {
    expect(validateInvoice(invoice())).toEqual([]);
  });

  it.each([
    ['supplier blank', { supplier: '  ' }, ['MISSING supplier']],
    ['invoice number empty', { invoiceNumber: '' }, ['MISSING invoiceNumber']],
    ['date empty', { date: '' }, ['MISSING date']],
    ['date not a date', { date: '2026-02-30' }, ['INVALID date']],
    ['currency unsupported', { currency: 'EUR' as CurrencyCode }, ['INVALID currency']],
    ['document not uploaded', { hasDocument: false }, ['MISSING document']],
    ['no lines', { lines: [] }, ['MISSING lines']],
  ])('reports %s', (_label, overrides, expected) => {
    expect(fields(validateInvoice(invoice(overrides)))).toEqual(expected);
  });

  it('prefixes line problems with the line index', () => {
    const problems = validateInvoice(
      invoice({
        lines: [line(), line({ id: 'l2', quantity: null, amountMinor: null }), line({ id: 'l3', unitPriceMinor: -1 })],
      }),
    );
    expect(fields(problems)).toEqual(['INVALID lines[1].quantity', 'INVALID lines[2].unitPriceMinor']);
    expect(problems[0]?.message).toMatch(/quantity and line amount cannot both be blacked out/);
  });
});

describe('InvalidInvoiceError', () => {
  it('carries every problem and names them in its message', () => {
    const problems = validateInvoice(invoice({ supplier: '', lines: [line({ quantity: null, amountMinor: null })] }));
    const error = new InvalidInvoiceError(problems);
    expect(error.code).toBe('INVALID_INVOICE');
    expect(error.problems).toBe(problems);
    expect(error.message).toBe(
      'The invoice was refused: supplier: Enter the supplier named on the invoice. ' +
        'lines[0].quantity: The quantity and line amount cannot both be blacked out; show at least one of them.',
    );
  });
});

describe('isFullyRedacted and isAppleBrand', () => {
  it.each([
    [null, null, true],
    [0, null, false],
    [null, 0, false],
    [1, 100, false],
  ])('quantity %s, amount %s -> %s', (quantity, amountMinor, expected) => {
    expect(isFullyRedacted({ quantity, amountMinor })).toBe(expected);
  });

  it.each([
    ['Apple', true],
    ['apple', true],
    ['  APPLE ', true],
    ['Apple Inc.', false],
    ['Pineapple', false],
    ['', false],
  ])('%j is Apple: %s', (brand, expected) => {
    expect(isAppleBrand(brand)).toBe(expected);
  });
});
