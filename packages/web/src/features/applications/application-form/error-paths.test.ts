import { describe, expect, it } from 'vitest';
import { completeForm, invoice, line } from '../testing/fixtures';
import { imageFieldKey, invoiceFieldKey, lineFieldKey, locateField, placeProblems } from './error-paths';

const state = completeForm({
  invoices: [
    invoice({ key: 'inv-A', lines: [line({ key: 'l-A0' })] }),
    invoice({ key: 'inv-B', lines: [line({ key: 'l-B0' }), line({ key: 'l-B1' }), line({ key: 'l-B2' })] }),
  ],
});

describe('locateField', () => {
  it.each([
    ['invoices[1].lines[2].amount', lineFieldKey('l-B2', 'amount'), 'invoices'],
    ['invoices[0].lines[0].quantity', lineFieldKey('l-A0', 'quantity'), 'invoices'],
    ['invoices[1].lines[0].unitPrice', lineFieldKey('l-B0', 'unitPrice'), 'invoices'],
    // The domain's names for the figures, as the server passes them on.
    ['invoices[1].lines[1].unitPriceMinor', lineFieldKey('l-B1', 'unitPrice'), 'invoices'],
    ['invoices[1].lines[1].amountMinor', lineFieldKey('l-B1', 'amount'), 'invoices'],
    ['invoices[0].date', invoiceFieldKey('inv-A', 'date'), 'invoices'],
    ['invoices[1].documentUploadId', invoiceFieldKey('inv-B', 'document'), 'invoices'],
    ['invoices[0].supplier', invoiceFieldKey('inv-A', 'supplier'), 'invoices'],
    ['images[3].uploadId', imageFieldKey('image-3'), 'images'],
    ['warrantyDays', 'warrantyDays', 'warranty'],
    ['legalName', 'legalName', 'business'],
    ['refurbisherName', 'refurbisherName', 'refurbishment'],
    ['inspectionAttested', 'inspectionAttested', 'warranty'],
  ])('places %s at %s on the %s step', (path, key, step) => {
    expect(locateField(path, state)).toEqual({ key, step });
  });

  it.each(['invoices[5].date', 'invoices[0].lines[9].amount', 'images[40].uploadId', 'marketplace'])(
    'has no input for %s',
    (path) => {
      expect(locateField(path, state)).toBeNull();
    },
  );

  it('keeps a message on its line when an invoice above is removed', () => {
    const before = locateField('invoices[1].lines[2].amount', state);
    const after = completeForm({ invoices: state.invoices.slice(1) });
    expect(locateField('invoices[0].lines[2].amount', after)).toEqual(before);
  });
});

describe('placeProblems', () => {
  it('puts each message at its input as a sentence, counts them per step, and keeps the rest for the alert', () => {
    const placed = placeProblems(
      [
        { field: 'invoices[1].lines[2].amount', message: '"1.234" has 3 decimal places; USD amounts have at most 2.' },
        { field: 'invoices[1].lines[2].amount', message: 'must be positive' },
        { field: 'images[0].uploadId', message: 'is not a file you uploaded' },
        { field: 'marketplace', message: 'cannot be changed' },
      ],
      state,
    );
    expect(placed.fields).toEqual({
      [lineFieldKey('l-B2', 'amount')]: '"1.234" has 3 decimal places; USD amounts have at most 2. Must be positive.',
      [imageFieldKey('image-0')]: 'Is not a file you uploaded.',
    });
    expect(placed.perStep).toEqual({ invoices: 2, images: 1 });
    expect(placed.unplaced).toEqual([{ field: 'marketplace', message: 'cannot be changed' }]);
  });
});
