import { describe, expect, it } from 'vitest';

import {
  averageAtLeastHundredths,
  averageToHundredths,
  formatBps,
  formatHundredths,
  InvalidRatioError,
  ratioAtLeastBps,
  ratioAtMostBps,
  ratioToBps,
  ZeroDenominatorError,
} from './ratio.js';

describe('ratioAtMostBps (ODR at most 0.80%)', () => {
  it.each([
    [8, 1000, true], // exactly 0.80%
    [81, 10_000, false], // 0.81%
    [79, 10_000, true], // 0.79%
    [9, 1000, false], // 0.90%
    [0, 1, true],
    [1, 125, true], // exactly 0.80% with an awkward denominator
    [1, 124, false], // 0.806...%
    [800_001, 100_000_000, false], // 0.800001%: a hair over
    [800_000, 100_000_000, true],
  ])('%d of %d', (numerator, denominator, expected) => {
    expect(ratioAtMostBps(numerator, denominator, 80)).toBe(expected);
  });

  it.each([
    [0, 5, 0, true],
    [1, 5, 0, false],
    [5, 5, 10_000, true],
  ])('%d of %d at most %d bps', (numerator, denominator, bps, expected) => {
    expect(ratioAtMostBps(numerator, denominator, bps)).toBe(expected);
  });
});

describe('ratioAtLeastBps (RQS at least 95% / 98%)', () => {
  it.each([
    [95, 100, 9500, true], // exactly 95%
    [94, 100, 9500, false],
    [19, 20, 9500, true], // 95% exactly from small counts
    [18_999, 20_000, 9500, false], // 94.995%: would display as 95.00% yet fails
    [9_501, 10_000, 9500, true],
    [98, 100, 9800, true],
    [97, 100, 9800, false],
    [49, 50, 9800, true],
    [10, 10, 10_000, true],
    [0, 10, 0, true],
  ])('%d of %d at least %d bps', (numerator, denominator, bps, expected) => {
    expect(ratioAtLeastBps(numerator, denominator, bps)).toBe(expected);
  });
});

describe('ratioToBps (display)', () => {
  it.each([
    [8, 1000, 80],
    [81, 10_000, 81],
    [95, 100, 9500],
    [1, 3, 3333], // 3333.33
    [2, 3, 6667], // 6666.67
    [1, 8, 1250],
    [1, 16, 625],
    [1, 32, 313], // 312.5 -> half-up
    [18_999, 20_000, 9500], // 9499.5 -> 9500: why pass/fail never comes from this
    [0, 7, 0],
    [7, 7, 10_000],
  ])('%d of %d = %d bps', (numerator, denominator, expected) => {
    expect(ratioToBps(numerator, denominator)).toBe(expected);
  });
});

describe('zero and bad counts', () => {
  const ratioFunctions = {
    ratioAtMostBps: (n: number, d: number) => ratioAtMostBps(n, d, 80),
    ratioAtLeastBps: (n: number, d: number) => ratioAtLeastBps(n, d, 9500),
    ratioToBps,
  };

  it.each(Object.entries(ratioFunctions))('%s throws ZeroDenominatorError for 0 of 0', (_name, fn) => {
    expect(() => fn(0, 0)).toThrow(ZeroDenominatorError);
    expect(() => fn(0, 0)).toThrow(expect.objectContaining({ code: 'ZERO_DENOMINATOR' }));
  });

  it.each(Object.entries(ratioFunctions))('%s refuses negative, fractional and inverted counts', (_name, fn) => {
    expect(() => fn(-1, 10)).toThrow(InvalidRatioError);
    expect(() => fn(1.5, 10)).toThrow(InvalidRatioError);
    expect(() => fn(1, 10.5)).toThrow(InvalidRatioError);
    expect(() => fn(11, 10)).toThrow(/numerator 11 exceeds denominator 10/);
  });

  it('refuses a fractional or negative threshold', () => {
    expect(() => ratioAtMostBps(1, 10, 80.5)).toThrow(InvalidRatioError);
    expect(() => ratioAtLeastBps(1, 10, -1)).toThrow(InvalidRatioError);
  });

  it('averages throw ZeroDenominatorError for no ratings', () => {
    expect(() => averageAtLeastHundredths(0, 0, 370)).toThrow(ZeroDenominatorError);
    expect(() => averageToHundredths(0, 0)).toThrow(ZeroDenominatorError);
  });
});

describe('formatBps', () => {
  it.each([
    [80, '0.80%'],
    [9500, '95.00%'],
    [9800, '98.00%'],
    [10_000, '100.00%'],
    [0, '0.00%'],
    [5, '0.05%'],
    [81, '0.81%'],
    [3333, '33.33%'],
  ])('%d -> %s', (bps, expected) => {
    expect(formatBps(bps)).toBe(expected);
  });

  it('refuses a fraction of a basis point', () => {
    expect(() => formatBps(80.5)).toThrow(InvalidRatioError);
  });
});

describe('formatHundredths', () => {
  it.each([
    [370, '3.70'],
    [369, '3.69'],
    [500, '5.00'],
    [100, '1.00'],
    [5, '0.05'],
    [0, '0.00'],
  ])('%d -> %s', (hundredths, expected) => {
    expect(formatHundredths(hundredths)).toBe(expected);
  });
});

describe('averageAtLeastHundredths (rating at least 3.70)', () => {
  it.each([
    [37, 10, true], // 3.70 exactly
    [369, 100, false], // 3.69
    [371, 100, true], // 3.71
    [3_699, 1000, false], // 3.699: would display as 3.70 yet fails
    [370, 100, true],
    [11, 3, false], // 3.666...
    [15, 4, true], // 3.75
    [5, 1, true],
    [1, 1, false],
  ])('sum %d over %d ratings', (sum, count, expected) => {
    expect(averageAtLeastHundredths(sum, count, 370)).toBe(expected);
  });
});

describe('averageToHundredths (display)', () => {
  it.each([
    [37, 10, 370],
    [11, 3, 367], // 3.666... -> 3.67
    [3_699, 1000, 370], // 369.9 -> 370
    [3_695, 1000, 370], // 369.5 -> 370, half-up
    [3_694, 1000, 369],
    [5, 1, 500],
  ])('sum %d over %d = %d hundredths', (sum, count, expected) => {
    expect(averageToHundredths(sum, count)).toBe(expected);
  });
});
