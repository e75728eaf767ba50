import { describe, expect, it } from 'vitest';
import { readMoneyInput, readQuantityInput, valueOf } from './money-input';

describe('readMoneyInput', () => {
  it.each([
    ['', { kind: 'empty' }],
    ['   ', { kind: 'empty' }],
    ['15', { kind: 'value', value: 1_500 }],
    ['15.00', { kind: 'value', value: 1_500 }],
    ['15.5', { kind: 'value', value: 1_550 }],
    ['  49,999.99 ', { kind: 'value', value: 4_999_999 }],
    ['50000.00', { kind: 'value', value: 5_000_000 }],
    ['0.01', { kind: 'value', value: 1 }],
  ] as const)('reads %j exactly', (text, expected) => {
    expect(readMoneyInput(text, 'USD')).toEqual(expected);
  });

  it.each([
    ['12.345', /3 decimal places; CAD amounts have at most 2/],
    ['1,23.00', /is not an amount/],
    ['$12', /is not an amount/],
    ['12,5', /is not an amount/],
    ['abc', /is not an amount/],
  ])('refuses %j rather than rounding or guessing', (text, message) => {
    const reading = readMoneyInput(text, 'CAD');
    expect(reading.kind).toBe('invalid');
    expect(reading.kind === 'invalid' && reading.message).toMatch(message);
  });

  it('keeps a negative amount readable: the line rule refuses it with its own message', () => {
    expect(readMoneyInput('-3.10', 'USD')).toEqual({ kind: 'value', value: -310 });
  });
});

describe('readQuantityInput', () => {
  it.each([
    ['', { kind: 'empty' }],
    ['12', { kind: 'value', value: 12 }],
    [' 1,200 ', { kind: 'value', value: 1_200 }],
    ['0', { kind: 'value', value: 0 }],
  ] as const)('reads %j', (text, expected) => {
    expect(readQuantityInput(text)).toEqual(expected);
  });

  it.each(['1.5', '-1', 'ten', '12,34', '99999999999999999999'])('refuses %j', (text) => {
    expect(readQuantityInput(text).kind).toBe('invalid');
  });
});

describe('valueOf', () => {
  it('is the number, or null when empty or unreadable', () => {
    expect(valueOf({ kind: 'value', value: 7 })).toBe(7);
    expect(valueOf({ kind: 'empty' })).toBeNull();
    expect(valueOf({ kind: 'invalid', message: 'x' })).toBeNull();
  });
});
