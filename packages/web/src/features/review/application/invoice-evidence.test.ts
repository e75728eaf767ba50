import { describe, expect, it } from 'vitest';
import { amountIn, exclusionText, fileLink, rateDateText, rateText, sharedRate } from './invoice-evidence';

describe('rateText / rateDateText', () => {
  it.each([
    ['a USD invoice', null, 'No conversion', null],
    [
      'a USD line with its identity rate',
      { from: 'USD', to: 'USD', rate: null, validFrom: null, inverted: false },
      'No conversion',
      null,
    ],
    [
      'a CAD row as stored',
      { from: 'CAD', to: 'USD', rate: '0.7150', validFrom: '2026-01-01', inverted: false },
      '1 CAD = 0.7150 USD',
      'in force from 1 Jan 2026',
    ],
    [
      'a USD->MXN row used inverted',
      { from: 'MXN', to: 'USD', rate: '18.3486', validFrom: '2025-07-01', inverted: true },
      '1 USD = 18.3486 MXN, inverted',
      'in force from 1 Jul 2025',
    ],
  ])('%s', (_case, rate, text, date) => {
    expect(rateText(rate)).toBe(text);
    expect(rateDateText(rate)).toBe(date);
  });
});

describe('exclusionText', () => {
  const context = { excludedPrice: '15.00 USD', windowDays: 90 };
  it.each([
    ['AT_OR_BELOW_EXCLUSION', 'Unit price at or below 15.00 USD'],
    ['OUTSIDE_WINDOW', 'Invoice outside the 90-day window'],
    ['FULLY_REDACTED', 'Quantity and amount both blacked out'],
    ['MISSING_RATE', 'No exchange rate for the invoice date'],
    ['SOMETHING_NEW', 'SOMETHING_NEW'],
  ])('%s', (reason, expected) => {
    expect(exclusionText(reason, context)).toBe(expected);
  });
});

describe('fileLink', () => {
  it('downloads a PDF and opens an image in place', () => {
    expect(fileLink({ url: '/uploads/u1', contentType: 'application/pdf' })).toEqual({
      href: '/uploads/u1?download=1',
      download: true,
    });
    expect(fileLink({ url: '/uploads/u2', contentType: 'image/png' })).toEqual({
      href: '/uploads/u2',
      download: false,
    });
  });
});

describe('sharedRate', () => {
  const cad = { from: 'CAD', to: 'USD', rate: '0.7150', validFrom: '2026-01-01', inverted: false };
  it.each([
    ['every line on the same row', [{ rate: cad }, { rate: { ...cad } }], cad],
    ['a line without a rate (blacked out) does not break it', [{ rate: cad }, { rate: null }], cad],
    ['lines on different rows', [{ rate: cad }, { rate: { ...cad, rate: '0.7400', validFrom: '2024-01-01' } }], null],
    [
      'USD lines: nothing converted',
      [{ rate: { from: 'USD', to: 'USD', rate: null, validFrom: null, inverted: false } }],
      null,
    ],
  ])('%s', (_case, lines, expected) => {
    expect(sharedRate(lines)).toEqual(expected);
  });
});

describe('amountIn', () => {
  it.each([
    [{ formatted: '56,000.00 CAD' }, 'CAD', '56,000.00'],
    [{ formatted: '56,000.00 CAD' }, 'USD', '56,000.00 CAD'],
    [null, 'USD', null],
  ])('%j in a %s column is %j', (money, currency, expected) => {
    expect(amountIn(money, currency)).toBe(expected);
  });
});
