import { describe, expect, it } from 'vitest';
import { completeForm, file, invoice, line, savedDraft } from '../testing/fixtures';
import {
  emptyInvoice,
  formStateFromApplication,
  setImageForView,
  toApplicationInput,
  toDraftInput,
  updateLine,
  type ApplicationFormState,
} from './form-state';

const withLine = (overrides: Parameters<typeof line>[0]): ApplicationFormState =>
  completeForm({ invoices: [invoice({ lines: [line(overrides)] })] });

describe('formStateFromApplication', () => {
  it('reads a saved figure of null as blacked out, and keeps the saved ids as keys', () => {
    const state = formStateFromApplication(savedDraft());
    expect(state.invoices[0]).toMatchObject({ key: 'inv-a', currency: 'CAD', date: '2026-01-15' });
    expect(state.invoices[0]?.lines).toEqual([
      {
        key: 'line-a1',
        description: 'Latitude 5420',
        brand: 'Dell',
        unitPrice: '400.00',
        quantity: '10',
        amount: '',
        quantityBlackedOut: false,
        amountBlackedOut: true,
      },
      {
        key: 'line-a2',
        description: 'MacBook Air M1',
        brand: 'Apple',
        unitPrice: '700.00',
        quantity: '',
        amount: '2100.00',
        quantityBlackedOut: true,
        amountBlackedOut: false,
      },
    ]);
    expect(state.images).toEqual([{ key: 'img-a', view: 'FRONT', file: file('img-a') }]);
    expect(state.warrantyDays).toBe('');
    expect(state.refurbisherName).toBe('FixIt Labs');
  });
});

describe('toDraftInput', () => {
  it('sends back what was loaded unchanged: a saved draft resumes and saves as it was', () => {
    const { input, problems } = toDraftInput(formStateFromApplication(savedDraft()));
    expect(problems).toEqual([]);
    expect(input).toEqual({
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
          supplier: 'Laptop Wholesale',
          invoiceNumber: 'LW-77',
          date: '2026-01-15',
          currency: 'CAD',
          documentUploadId: 'doc-a',
          lines: [
            { description: 'Latitude 5420', brand: 'Dell', unitPrice: '400.00', quantity: 10, amount: null },
            { description: 'MacBook Air M1', brand: 'Apple', unitPrice: '700.00', quantity: null, amount: '2100.00' },
          ],
        },
      ],
      images: [{ uploadId: 'img-a', view: 'FRONT' }],
    });
  });

  it('trims text, drops blank list entries, and sends money as typed for the server to parse', () => {
    const state = completeForm({
      legalName: '  Draftwood  ',
      categories: [' Laptops ', '  '],
      invoices: [
        invoice({ supplier: ' Acme ', lines: [line({ unitPrice: ' 1,250.00 ', quantity: ' 1,200 ', amount: '' })] }),
      ],
    });
    const { input, problems } = toDraftInput(state);
    expect(problems).toEqual([]);
    expect(input.legalName).toBe('Draftwood');
    expect(input.categories).toEqual(['Laptops']);
    expect(input.invoices?.[0]).toMatchObject({ supplier: 'Acme' });
    expect(input.invoices?.[0]?.lines[0]).toMatchObject({ unitPrice: '1,250.00', quantity: 1_200, amount: null });
  });

  it('sends a blacked-out figure as null whatever is left in its box', () => {
    const { input } = toDraftInput(withLine({ quantity: '7', quantityBlackedOut: true }));
    expect(input.invoices?.[0]?.lines[0]).toMatchObject({ quantity: null, amount: '50,000.00' });
    const { input: other } = toDraftInput(withLine({ amount: '9.00', amountBlackedOut: true }));
    expect(other.invoices?.[0]?.lines[0]).toMatchObject({ quantity: 200, amount: null });
  });

  it('sends the refurbisher name only for a third-party refurbisher', () => {
    expect(
      toDraftInput(completeForm({ refurbisher: 'MANUFACTURER', refurbisherName: 'Old name' })).input.refurbisherName,
    ).toBeNull();
  });

  it('reads the warranty length as whole days', () => {
    expect(toDraftInput(completeForm({ warrantyDays: '120' })).input.warrantyDays).toBe(120);
    expect(toDraftInput(completeForm({ warrantyDays: '' })).input.warrantyDays).toBeNull();
    expect(toDraftInput(completeForm({ warrantyDays: 'ninety' })).problems).toEqual([
      { field: 'warrantyDays', message: 'Write the warranty length as a whole number of days, e.g. 90.' },
    ]);
  });

  // What the server refuses on save, named with its own paths, so the same mapping places both.
  it.each<[string, Parameters<typeof line>[0], Array<{ field: string; message: RegExp }>]>([
    [
      'a line with both figures blacked out',
      { quantityBlackedOut: true, amountBlackedOut: true },
      [{ field: 'invoices[0].lines[0].quantity', message: /cannot both be blacked out/ }],
    ],
    [
      'a line with neither quantity nor amount entered',
      { quantity: '', amount: '' },
      [{ field: 'invoices[0].lines[0].quantity', message: /Enter the quantity or the line amount/ }],
    ],
    [
      'a line without a unit price',
      { unitPrice: '' },
      [{ field: 'invoices[0].lines[0].unitPrice', message: /Enter the unit selling price/ }],
    ],
    [
      'an amount with three decimals',
      { amount: '10.005' },
      [{ field: 'invoices[0].lines[0].amount', message: /3 decimal places/ }],
    ],
    ['a quantity of zero', { quantity: '0' }, [{ field: 'invoices[0].lines[0].quantity', message: /at least 1/ }]],
    [
      'a negative amount',
      { amount: '-5.00' },
      [{ field: 'invoices[0].lines[0].amount', message: /cannot be negative/ }],
    ],
    ['a complete line', {}, []],
    ['a line valued by quantity x unit price', { amount: '', amountBlackedOut: true }, []],
  ])('refuses to save %s', (_what, overrides, expected) => {
    const { problems } = toDraftInput(withLine(overrides));
    expect(problems).toHaveLength(expected.length);
    problems.forEach((problem, index) => {
      expect(problem.field).toBe(expected[index]?.field);
      expect(problem.message).toMatch(expected[index]!.message);
    });
  });

  it('names an invoice without a date, and finds problems on the right invoice and line', () => {
    const state = completeForm({
      invoices: [
        invoice(),
        invoice({ key: 'invoice-2', date: '', lines: [line(), line({ key: 'line-2', unitPrice: 'x' })] }),
      ],
    });
    expect(toDraftInput(state).problems.map((problem) => problem.field)).toEqual([
      'invoices[1].date',
      'invoices[1].lines[1].unitPrice',
    ]);
  });

  it('saves an invoice without its document yet (incomplete is fine)', () => {
    const { input, problems } = toDraftInput(completeForm({ invoices: [invoice({ document: null })] }));
    expect(problems).toEqual([]);
    expect(input.invoices?.[0]?.documentUploadId).toBeNull();
  });
});

describe('toApplicationInput', () => {
  it('is what the server builds from the same draft: minor units, trimmed text, blacked out as null', () => {
    const state = formStateFromApplication(savedDraft({ legalName: ' Draftwood ' }));
    const input = toApplicationInput(state, 'US');
    expect(input.business).toEqual({
      legalName: 'Draftwood',
      contactName: 'Dan Draft',
      contactEmail: 'draft-seller@demo.recertify.test',
      sellerType: 'PROFESSIONAL',
      existingSeller: true,
    });
    expect(input.refurbishment).toEqual({
      refurbisher: 'THIRD_PARTY_REFURBISHER',
      refurbisherName: 'FixIt Labs',
      inspectionAttested: false,
    });
    expect(input.invoices).toEqual([
      {
        id: 'inv-a',
        supplier: 'Laptop Wholesale',
        invoiceNumber: 'LW-77',
        date: '2026-01-15',
        currency: 'CAD',
        hasDocument: true,
        lines: [
          {
            id: 'line-a1',
            description: 'Latitude 5420',
            brand: 'Dell',
            unitPriceMinor: 40_000,
            quantity: 10,
            amountMinor: null,
          },
          {
            id: 'line-a2',
            description: 'MacBook Air M1',
            brand: 'Apple',
            unitPriceMinor: 70_000,
            quantity: null,
            amountMinor: 210_000,
          },
        ],
      },
    ]);
    expect(input.images).toEqual([{ id: 'img-a', view: 'FRONT' }]);
    expect(input.warranty).toEqual({ guaranteeAccepted: false, warrantyDays: null });
    expect(input).toMatchObject({ marketplace: 'US', appleRequested: true, productsHaveScreen: true });
  });

  it('reads an unreadable figure as missing, so the live check never counts a guess', () => {
    const input = toApplicationInput(withLine({ unitPrice: '12.345', quantity: 'a few', amount: '' }), 'US');
    expect(input.invoices[0]?.lines[0]).toMatchObject({ unitPriceMinor: null, quantity: null, amountMinor: null });
  });

  it('gives a refurbisher name only for a third-party refurbisher, and none when blank', () => {
    expect(
      toApplicationInput(completeForm({ refurbisher: 'MANUFACTURER', refurbisherName: 'X' }), 'US').refurbishment
        .refurbisherName,
    ).toBeNull();
    expect(
      toApplicationInput(completeForm({ refurbisher: 'THIRD_PARTY_REFURBISHER', refurbisherName: '  ' }), 'US')
        .refurbishment.refurbisherName,
    ).toBeNull();
  });
});

describe('form changes', () => {
  it('changes one line of one invoice', () => {
    const state = completeForm({ invoices: [invoice(), invoice({ key: 'invoice-2' })] });
    const changed = updateLine(state, 'invoice-2', 'line-1', { amount: '10.00' });
    expect(changed.invoices[0]?.lines[0]?.amount).toBe('50,000.00');
    expect(changed.invoices[1]?.lines[0]?.amount).toBe('10.00');
  });

  it('puts an image in the slot of its view, replacing the one there', () => {
    const state = completeForm();
    const replaced = setImageForView(state, 'FRONT', file('new-front'));
    expect(replaced.images).toHaveLength(8);
    expect(replaced.images.find((image) => image.view === 'FRONT')?.file.id).toBe('new-front');
    const added = setImageForView(state, 'SCREEN_ON', file('screen'));
    expect(added.images).toHaveLength(9);
  });

  it('starts a new invoice in the marketplace currency with one empty line', () => {
    const fresh = emptyInvoice('CAD');
    expect(fresh).toMatchObject({ currency: 'CAD', date: '', document: null });
    expect(fresh.lines).toHaveLength(1);
  });
});
