import { describe, expect, it } from 'vitest';

import { InvalidIsoDateError } from './calendar.js';
import {
  addMoney,
  compareConverted,
  compareMoney,
  convertMoney,
  CURRENCIES,
  CurrencyMismatchError,
  type ExchangeRate,
  formatMoney,
  InvalidExchangeRateError,
  InvalidMoneyError,
  isCurrencyCode,
  isZero,
  largestAmountAtOrBelow,
  MissingExchangeRateError,
  money,
  multiplyMoney,
  parseMoney,
  rateOn,
  subtractMoney,
  sumMoney,
  toDecimalString,
  validateExchangeRate,
  type CurrencyCode,
} from './money.js';

const usd = (amountMinor: number) => money(amountMinor, 'USD');
const cad = (amountMinor: number) => money(amountMinor, 'CAD');

describe('CURRENCIES', () => {
  it('lists USD, CAD and MXN with two decimals each', () => {
    expect(Object.values(CURRENCIES).map((c) => [c.code, c.exponent])).toEqual([
      ['USD', 2],
      ['CAD', 2],
      ['MXN', 2],
    ]);
  });

  it.each([
    ['USD', true],
    ['MXN', true],
    ['usd', false],
    ['EUR', false],
    ['toString', false],
    [42, false],
  ])('isCurrencyCode(%s) is %s', (value, expected) => {
    expect(isCurrencyCode(value)).toBe(expected);
  });
});

describe('money', () => {
  it.each([0, 1, -1, 5_000_000, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER])(
    'accepts the safe integer %d',
    (amountMinor) => {
      expect(money(amountMinor, 'USD')).toEqual({ amountMinor, currency: 'USD' });
    },
  );

  it.each([0.5, 1.1, Number.NaN, Infinity, Number.MAX_SAFE_INTEGER + 1])('refuses %d', (amountMinor) => {
    expect(() => money(amountMinor, 'USD')).toThrow(InvalidMoneyError);
  });

  it('refuses a currency that arrived untyped', () => {
    expect(() => money(1, 'EUR' as CurrencyCode)).toThrow(/"EUR" is not a supported currency/);
  });

  it('turns -0 into 0', () => {
    expect(Object.is(money(-0, 'USD').amountMinor, 0)).toBe(true);
  });

  it('throws an error carrying a stable code', () => {
    try {
      money(0.5, 'USD');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidMoneyError);
      expect((error as InvalidMoneyError).code).toBe('INVALID_MONEY');
      expect((error as InvalidMoneyError).name).toBe('InvalidMoneyError');
    }
  });
});

describe('parseMoney', () => {
  it.each([
    ['50,000.00', 5_000_000],
    ['50000', 5_000_000],
    ['50000.0', 5_000_000],
    ['15.5', 1_550],
    ['15.00', 1_500],
    ['-3.10', -310],
    ['0.01', 1],
    ['0', 0],
    ['-0.00', 0],
    ['  12.34 ', 1_234],
    ['1,234,567.89', 123_456_789],
    ['999', 99_900],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
  ])('reads "%s" as %d minor units', (input, amountMinor) => {
    expect(parseMoney(input, 'USD')).toEqual({ amountMinor, currency: 'USD' });
  });

  it.each([
    ['', /Enter an amount in USD/],
    ['   ', /Enter an amount in USD/],
    ['1.005', /"1\.005" has 3 decimal places; USD amounts have at most 2/],
    ['15.000', /has 3 decimal places/],
    ['abc', /"abc" is not an amount/],
    ['12.', /not an amount/],
    ['.5', /not an amount/],
    ['+5', /not an amount/],
    ['1e3', /not an amount/],
    ['1 000', /not an amount/],
    ['5,0000.00', /not an amount/],
    ['50,00', /not an amount/],
    [',500', /not an amount/],
    ['$50', /not an amount/],
    ['--1', /not an amount/],
    ['90071992547409.92', /too large/],
  ])('refuses "%s"', (input, message) => {
    expect(() => parseMoney(input, 'USD')).toThrow(InvalidMoneyError);
    expect(() => parseMoney(input, 'USD')).toThrow(message);
  });

  it('keeps the input on the error for the form to show', () => {
    expect(() => parseMoney('1.005', 'CAD')).toThrow(expect.objectContaining({ input: '1.005' }));
  });
});

describe('toDecimalString and formatMoney', () => {
  it.each([
    [5_000_000, '50000.00', '50,000.00 USD'],
    [1_550, '15.50', '15.50 USD'],
    [-310, '-3.10', '-3.10 USD'],
    [0, '0.00', '0.00 USD'],
    [1, '0.01', '0.01 USD'],
    [-5, '-0.05', '-0.05 USD'],
    [99_999, '999.99', '999.99 USD'],
    [100_000, '1000.00', '1,000.00 USD'],
    [-123_456_789, '-1234567.89', '-1,234,567.89 USD'],
    [10_000_000_000, '100000000.00', '100,000,000.00 USD'],
  ])('%d minor units', (amountMinor, decimal, formatted) => {
    expect(toDecimalString(usd(amountMinor))).toBe(decimal);
    expect(formatMoney(usd(amountMinor))).toBe(formatted);
  });

  it('names the currency', () => {
    expect(formatMoney(money(123_456, 'MXN'))).toBe('1,234.56 MXN');
  });

  it('round-trips through parseMoney', () => {
    for (const amountMinor of [0, 1, -1, 99, 100, 1_234_567, -98_765]) {
      expect(parseMoney(formatMoney(usd(amountMinor)).replace(' USD', ''), 'USD')).toEqual(usd(amountMinor));
      expect(parseMoney(toDecimalString(usd(amountMinor)), 'USD')).toEqual(usd(amountMinor));
    }
  });
});

describe('arithmetic', () => {
  it.each([
    [100, 250, 350, -150],
    [0, 0, 0, 0],
    [-100, 100, 0, -200],
    [1, -1, 0, 2],
  ])('%d and %d', (a, b, sum, difference) => {
    expect(addMoney(usd(a), usd(b))).toEqual(usd(sum));
    expect(subtractMoney(usd(a), usd(b))).toEqual(usd(difference));
  });

  it('refuses to mix currencies', () => {
    expect(() => addMoney(usd(1), cad(1))).toThrow(CurrencyMismatchError);
    expect(() => subtractMoney(usd(1), cad(1))).toThrow(CurrencyMismatchError);
    expect(() => compareMoney(usd(1), cad(1))).toThrow(/Cannot combine USD with CAD/);
    expect(() => sumMoney([usd(1)], 'CAD')).toThrow(CurrencyMismatchError);
  });

  it('refuses a sum beyond the safe range instead of rounding it', () => {
    expect(() => addMoney(usd(Number.MAX_SAFE_INTEGER), usd(1))).toThrow(InvalidMoneyError);
  });

  it.each([
    [[], 0],
    [[usd(5)], 5],
    [[usd(1_999), usd(1), usd(-500)], 1_500],
  ])('sumMoney(%j)', (amounts, total) => {
    expect(sumMoney(amounts, 'USD')).toEqual(usd(total));
  });

  it('gives zero of the asked currency for an empty list', () => {
    expect(sumMoney([], 'MXN')).toEqual(money(0, 'MXN'));
  });

  it.each([
    [1_999, 3, 5_997],
    [1_999, 0, 0],
    [-250, 2, -500],
    [250, -2, -500],
    [0, -3, 0],
  ])('multiplyMoney(%d, %d) = %d', (amountMinor, quantity, product) => {
    const result = multiplyMoney(usd(amountMinor), quantity);
    expect(result).toEqual(usd(product));
    expect(Object.is(result.amountMinor, product)).toBe(true);
  });

  it.each([1.5, Number.NaN])('multiplyMoney refuses quantity %d', (quantity) => {
    expect(() => multiplyMoney(usd(100), quantity)).toThrow(/use a whole quantity/);
  });

  it('multiplyMoney refuses a product beyond the safe range', () => {
    expect(() => multiplyMoney(usd(2 ** 40), 2 ** 14)).toThrow(InvalidMoneyError);
  });

  it.each([
    [100, 200, -1],
    [200, 100, 1],
    [100, 100, 0],
    [-1, 0, -1],
  ])('compareMoney(%d, %d) = %d', (a, b, expected) => {
    expect(compareMoney(usd(a), usd(b))).toBe(expected);
  });

  it.each([
    [0, true],
    [1, false],
    [-1, false],
  ])('isZero(%d) is %s', (amountMinor, expected) => {
    expect(isZero(usd(amountMinor))).toBe(expected);
  });
});

describe('rateOn', () => {
  const rates: ExchangeRate[] = [
    { base: 'USD', quote: 'CAD', validFrom: '2026-01-01', rate: '1.30' },
    { base: 'USD', quote: 'CAD', validFrom: '2026-03-01', rate: '1.40' },
    { base: 'MXN', quote: 'USD', validFrom: '2026-01-01', rate: '0.05' },
  ];

  it.each([
    ['2026-03-01', 'USD', 'CAD', 140n, 100n, '2026-03-01', false],
    ['2026-02-28', 'USD', 'CAD', 130n, 100n, '2026-01-01', false],
    ['2026-01-01', 'USD', 'CAD', 130n, 100n, '2026-01-01', false],
    ['2027-12-31', 'USD', 'CAD', 140n, 100n, '2026-03-01', false],
    ['2026-03-01', 'CAD', 'USD', 100n, 140n, '2026-03-01', true],
    ['2026-02-28', 'CAD', 'USD', 100n, 130n, '2026-01-01', true],
    ['2026-06-30', 'USD', 'MXN', 100n, 5n, '2026-01-01', true],
  ] as const)('on %s %s->%s', (date, from, to, numerator, denominator, validFrom, inverted) => {
    const rate = rateOn(rates, from, to, date);
    expect(rate).toMatchObject({ from, to, numerator, denominator, inverted });
    expect(rate.source?.validFrom).toBe(validFrom);
  });

  it('is the identity for one currency, even with no table', () => {
    expect(rateOn([], 'MXN', 'MXN', '2026-01-01')).toEqual({
      from: 'MXN',
      to: 'MXN',
      numerator: 1n,
      denominator: 1n,
      source: null,
      inverted: false,
    });
  });

  it('prefers a direct row in force over an inverse one', () => {
    const both: ExchangeRate[] = [
      { base: 'USD', quote: 'CAD', validFrom: '2026-01-01', rate: '1.25' },
      { base: 'CAD', quote: 'USD', validFrom: '2026-02-01', rate: '0.5' },
    ];
    expect(rateOn(both, 'USD', 'CAD', '2026-03-01').source?.rate).toBe('1.25');
    expect(rateOn(both, 'CAD', 'USD', '2026-03-01').source?.rate).toBe('0.5');
    // Before any CAD->USD row exists, the USD->CAD row serves inverted.
    expect(rateOn(both, 'CAD', 'USD', '2026-01-15')).toMatchObject({
      numerator: 100n,
      denominator: 125n,
    });
  });

  it.each([
    ['2025-12-31', 'USD', 'CAD'],
    ['2026-06-01', 'CAD', 'MXN'],
    ['2026-06-01', 'MXN', 'CAD'],
  ] as const)('throws on %s for %s->%s with no row in force', (date, from, to) => {
    expect(() => rateOn(rates, from, to, date)).toThrow(MissingExchangeRateError);
    expect(() => rateOn(rates, from, to, date)).toThrow(`No ${from}->${to} exchange rate is in force on ${date}`);
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => rateOn(rates, 'USD', 'CAD', '2026-02-30')).toThrow(InvalidIsoDateError);
  });

  it('refuses two different rates for the same day, but not two equal ones', () => {
    const twice: ExchangeRate[] = [
      { base: 'USD', quote: 'CAD', validFrom: '2026-01-01', rate: '1.30' },
      { base: 'USD', quote: 'CAD', validFrom: '2026-01-01', rate: '1.3' },
      { base: 'USD', quote: 'CAD', validFrom: '2026-02-01', rate: '1.31' },
      { base: 'USD', quote: 'CAD', validFrom: '2026-02-01', rate: '1.32' },
    ];
    expect(rateOn(twice, 'USD', 'CAD', '2026-01-31').source?.validFrom).toBe('2026-01-01');
    expect(() => rateOn(twice, 'USD', 'CAD', '2026-02-01')).toThrow(/Two USD->CAD rates are valid from 2026-02-01/);
  });

  it.each(['0', '0.000', '-1.2', '1,3', 'abc', '1.12345678901', ''])('refuses a table rate of "%s"', (rate) => {
    const bad: ExchangeRate[] = [{ base: 'USD', quote: 'CAD', validFrom: '2026-01-01', rate }];
    expect(() => rateOn(bad, 'USD', 'CAD', '2026-01-02')).toThrow(InvalidExchangeRateError);
  });

  it('refuses a row whose valid-from is not a date', () => {
    const bad: ExchangeRate[] = [{ base: 'USD', quote: 'CAD', validFrom: '1/1/2026', rate: '1.3' }];
    expect(() => rateOn(bad, 'USD', 'CAD', '2026-01-02')).toThrow(/not a YYYY-MM-DD date/);
  });

  it('accepts ten decimals', () => {
    const fine: ExchangeRate[] = [{ base: 'USD', quote: 'CAD', validFrom: '2026-01-01', rate: '1.1234567891' }];
    expect(rateOn(fine, 'USD', 'CAD', '2026-01-01')).toMatchObject({
      numerator: 11_234_567_891n,
      denominator: 10_000_000_000n,
    });
  });
});

describe('convertMoney', () => {
  const on = '2026-05-01';
  const table = (rate: string, base: CurrencyCode = 'USD', quote: CurrencyCode = 'CAD'): ExchangeRate[] => [
    { base, quote, validFrom: '2026-01-01', rate },
  ];

  it.each([
    // rate, USD minor units, CAD minor units: the rounding boundary at half a cent
    ['1.5', 1, 2], // 1.5 exactly -> up
    ['1.5', 3, 5], // 4.5 -> 5, not banker's 4
    ['1.5', 5, 8], // 7.5 -> 8
    ['1.4999999999', 1, 1], // just below half
    ['1.5000000001', 1, 2], // just above half
    ['1.5', -1, -2], // -1.5 -> -2: away from zero
    ['1.5', -3, -5],
    ['1.4999999999', -1, -1],
    ['1.5000000001', -1, -2],
    ['1.35', 100, 135],
    ['1.3542', 5_000_000, 6_771_000],
    ['1.3542', 1_500, 2_031], // 2031.3
    ['1', 0, 0],
  ])('at %s, %d USD minor -> %d CAD minor', (rate, amountMinor, expected) => {
    expect(convertMoney(usd(amountMinor), 'CAD', table(rate), on)).toEqual(cad(expected));
  });

  it.each([
    // MXN->USD via the USD->MXN row 20: 1 MXN = 1/20 USD
    [10, 1], // 0.5 exactly -> 1
    [30, 2], // 1.5 -> 2
    [29, 1], // 1.45 -> 1
    [31, 2], // 1.55 -> 2
    [9, 0], // 0.45 -> 0
    [-10, -1],
    [5_000_000_000, 250_000_000],
  ])('through the inverse of 20, %d MXN minor -> %d USD minor', (amountMinor, expected) => {
    expect(convertMoney(money(amountMinor, 'MXN'), 'USD', table('20', 'USD', 'MXN'), on)).toEqual(usd(expected));
  });

  it('keeps an inverse rate exact rather than rounding it to a decimal first', () => {
    // 1 CAD = 1/1.35 USD = 0.740740...; 1,350,000.00 CAD is exactly 1,000,000.00 USD.
    expect(convertMoney(cad(135_000_000), 'USD', table('1.35'), on)).toEqual(usd(100_000_000));
    expect(convertMoney(cad(100), 'USD', table('1.35'), on)).toEqual(usd(74));
  });

  it('uses the rate in force on the date, not the day before', () => {
    const rates: ExchangeRate[] = [
      { base: 'USD', quote: 'CAD', validFrom: '2026-01-01', rate: '1.30' },
      { base: 'USD', quote: 'CAD', validFrom: '2026-05-01', rate: '1.40' },
    ];
    expect(convertMoney(usd(10_000), 'CAD', rates, '2026-05-01')).toEqual(cad(14_000));
    expect(convertMoney(usd(10_000), 'CAD', rates, '2026-04-30')).toEqual(cad(13_000));
  });

  it('throws when no rate is in force', () => {
    expect(() => convertMoney(usd(100), 'CAD', table('1.3'), '2025-12-31')).toThrow(MissingExchangeRateError);
  });

  it('returns the same amount for the same currency', () => {
    expect(convertMoney(usd(12_345), 'USD', [], on)).toEqual(usd(12_345));
  });

  it('converts 100 million USD without losing a cent', () => {
    const hundredMillion = usd(10_000_000_000);
    // 10^10 * 17.2345678901 = 172,345,678,901 exactly.
    expect(convertMoney(hundredMillion, 'MXN', table('17.2345678901', 'USD', 'MXN'), on)).toEqual(
      money(172_345_678_901, 'MXN'),
    );
    expect(convertMoney(money(172_345_678_901, 'MXN'), 'USD', table('17.2345678901', 'USD', 'MXN'), on)).toEqual(
      hundredMillion,
    );
  });

  it('rounds an exact half on a large amount where float arithmetic falls just short', () => {
    // 250,000,000.00 USD * 1.3333333333 = 333,333,333.325 CAD exactly, so half-up gives .33;
    // the float product is 33333333332.499996 and would round down to .32.
    expect(Math.round(25_000_000_000 * 1.3333333333)).toBe(33_333_333_332);
    expect(convertMoney(usd(25_000_000_000), 'CAD', table('1.3333333333'), on)).toEqual(cad(33_333_333_333));
  });

  it('refuses a result beyond the safe range', () => {
    expect(() => convertMoney(usd(Number.MAX_SAFE_INTEGER), 'CAD', table('2'), on)).toThrow(/too large/);
  });
});

describe('compareConverted: against a limit, before any rounding', () => {
  const on = '2026-05-01';
  const cadUsd = (rate: string): ExchangeRate[] => [{ base: 'CAD', quote: 'USD', validFrom: '2026-01-01', rate }];
  const usdCad = (rate: string): ExchangeRate[] => [{ base: 'USD', quote: 'CAD', validFrom: '2026-01-01', rate }];

  it.each([
    // amount, rates, limit, expected; the exact conversion in the comment
    ['20.98 CAD at 0.7150 (15.0007 USD, shown as 15.00)', cad(2_098), cadUsd('0.7150'), usd(1_500), 1],
    ['20.97 CAD at 0.7150 (14.99355 USD)', cad(2_097), cadUsd('0.7150'), usd(1_500), -1],
    ['20.00 CAD at 0.75 (exactly 15.00 USD)', cad(2_000), cadUsd('0.75'), usd(1_500), 0],
    ['21.43 CAD at 0.70 (15.001 USD, shown as 15.00)', cad(2_143), cadUsd('0.70'), usd(1_500), 1],
    ['18.75 CAD through USD->CAD 1.25 (exactly 15.00 USD)', cad(1_875), usdCad('1.25'), usd(1_500), 0],
    ['18.76 CAD through USD->CAD 1.25 (15.008 USD)', cad(1_876), usdCad('1.25'), usd(1_500), 1],
    ['20.25 CAD through USD->CAD 1.35 (exactly 15.00 USD)', cad(2_025), usdCad('1.35'), usd(1_500), 0],
    ['20.24 CAD through USD->CAD 1.35 (14.99259... USD)', cad(2_024), usdCad('1.35'), usd(1_500), -1],
    // An inverse rate has no decimal form: 20.00 / 1.3333333333 = 15.0000000004 USD, shown as 15.00.
    ['20.00 CAD through USD->CAD 1.3333333333', cad(2_000), usdCad('1.3333333333'), usd(1_500), 1],
    ['15.00 USD against 15.00 USD, no rate needed', usd(1_500), [], usd(1_500), 0],
    ['15.01 USD against 15.00 USD', usd(1_501), [], usd(1_500), 1],
  ] as const)('%s', (_label, amount, rates, limit, expected) => {
    expect(compareConverted(amount, limit, rates, on)).toBe(expected);
  });

  it('says which rate is missing rather than guessing', () => {
    expect(() => compareConverted(cad(2_098), usd(1_500), [], on)).toThrow(MissingExchangeRateError);
  });
});

describe('largestAmountAtOrBelow: where an "at or below" limit falls in another currency', () => {
  const on = '2026-05-01';
  const cadUsd = (rate: string): ExchangeRate[] => [{ base: 'CAD', quote: 'USD', validFrom: '2026-01-01', rate }];
  const usdCad = (rate: string): ExchangeRate[] => [{ base: 'USD', quote: 'CAD', validFrom: '2026-01-01', rate }];

  it.each([
    // rates, limit, currency, expected: rounding 15.00 / 0.7150 = 20.979 would say 20.98, which counts
    ['CAD at 0.7150', cadUsd('0.7150'), usd(1_500), 'CAD', cad(2_097)],
    ['CAD at 0.75 (the limit falls on a cent)', cadUsd('0.75'), usd(1_500), 'CAD', cad(2_000)],
    ['CAD at 0.70', cadUsd('0.70'), usd(1_500), 'CAD', cad(2_142)],
    ['CAD through USD->CAD 1.25', usdCad('1.25'), usd(1_500), 'CAD', cad(1_875)],
    ['CAD through USD->CAD 1.35 (20.25 is exactly 15.00)', usdCad('1.35'), usd(1_500), 'CAD', cad(2_025)],
    ['CAD through USD->CAD 1.3333333333 (20.00 is just above)', usdCad('1.3333333333'), usd(1_500), 'CAD', cad(1_999)],
    [
      'MXN through USD->MXN 20',
      [{ base: 'USD', quote: 'MXN', validFrom: '2026-01-01', rate: '20' }],
      usd(1_500),
      'MXN',
      money(30_000, 'MXN'),
    ],
    ['USD itself', [], usd(1_500), 'USD', usd(1_500)],
  ] as const)('%s', (_label, rates, limit, currency, expected) => {
    const boundary = largestAmountAtOrBelow(limit, currency, rates, on);
    expect(boundary).toEqual(expected);
    // The boundary is at or below the limit, and one minor unit more is above it.
    expect(compareConverted(boundary, limit, rates, on)).toBeLessThanOrEqual(0);
    expect(compareConverted(money(boundary.amountMinor + 1, currency), limit, rates, on)).toBe(1);
  });
});

describe('validateExchangeRate', () => {
  it('accepts a usable row', () => {
    expect(validateExchangeRate({ base: 'USD', quote: 'CAD', validFrom: '2026-01-01', rate: '1.3542' })).toEqual([]);
  });

  it.each([
    [{ base: 'USD', quote: 'USD', validFrom: '2026-01-01', rate: '1' }, /both USD/],
    [{ base: 'EUR', quote: 'USD', validFrom: '2026-01-01', rate: '1' }, /Base currency "EUR"/],
    [{ base: 'USD', quote: 'GBP', validFrom: '2026-01-01', rate: '1' }, /Quote currency "GBP"/],
    [{ base: 'USD', quote: 'CAD', validFrom: '2026-13-01', rate: '1' }, /Valid-from "2026-13-01"/],
    [{ base: 'USD', quote: 'CAD', validFrom: '2026-01-01', rate: '0.0' }, /greater than 0/],
    [{ base: 'USD', quote: 'CAD', validFrom: '2026-01-01', rate: '1.12345678901' }, /up to 10 decimals/],
  ])('reports %j', (row, problem) => {
    const problems = validateExchangeRate(row as ExchangeRate);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(problem);
  });
});
