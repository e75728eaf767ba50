import { describe, expect, it } from 'vitest';
import { countedNoun, formatCappedCount } from './capped-count';

describe('formatCappedCount', () => {
  it.each([
    [{ value: 0, atLeast: false }, '0'],
    [{ value: 9_999, atLeast: false }, '9,999'],
    [{ value: 10_000, atLeast: false }, '10,000'],
    [{ value: 10_000, atLeast: true }, '10,000+'],
    [{ value: 5, atLeast: true }, '5+'],
  ])('%o reads %s', (count, text) => {
    expect(formatCappedCount(count)).toBe(text);
  });

  it('makes the noun agree with the count', () => {
    expect(countedNoun({ value: 1, atLeast: false }, 'return', 'returns')).toBe('1 return');
    expect(countedNoun({ value: 1, atLeast: true }, 'return', 'returns')).toBe('1+ returns');
    expect(countedNoun({ value: 10_000, atLeast: true }, 'return', 'returns')).toBe('10,000+ returns');
  });
});
