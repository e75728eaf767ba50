import { InvalidIsoDateError, isIsoDate, type IsoDate } from './calendar.js';
import { DomainError } from './domain-error.js';
import { divideFloor, divideRoundHalfUp, formatFixedPoint } from './exact-math.js';

export const CURRENCY_CODES = ['USD', 'CAD', 'MXN'] as const;

export type CurrencyCode = (typeof CURRENCY_CODES)[number];

export interface Currency {
  readonly code: CurrencyCode;
  /** Digits after the decimal point: amounts are integers of 10^-exponent of the unit. */
  readonly exponent: number;
  readonly name: string;
}

export const CURRENCIES: Readonly<Record<CurrencyCode, Currency>> = {
  USD: { code: 'USD', exponent: 2, name: 'US dollar' },
  CAD: { code: 'CAD', exponent: 2, name: 'Canadian dollar' },
  MXN: { code: 'MXN', exponent: 2, name: 'Mexican peso' },
};

/** An amount as an integer of minor units (cents, centavos), never a float. */
export interface Money {
  readonly amountMinor: number;
  readonly currency: CurrencyCode;
}

/** One row of the admin-managed table: from `validFrom` on, 1 `base` = `rate` `quote`. */
export interface ExchangeRate {
  readonly base: CurrencyCode;
  readonly quote: CurrencyCode;
  readonly validFrom: IsoDate;
  /** A decimal string, greater than 0, with up to 10 decimals, e.g. "1.3542". */
  readonly rate: string;
}

/** The rate that applies to one conversion, as an exact fraction. */
export interface RateInForce {
  readonly from: CurrencyCode;
  readonly to: CurrencyCode;
  /** 1 `from` = numerator / denominator `to`. A fraction because an inverse rate is no decimal. */
  readonly numerator: bigint;
  readonly denominator: bigint;
  /** The table row used, for display ("rate of 2026-01-01"); null when from === to. */
  readonly source: ExchangeRate | null;
  /** True when `source` is the to->from row and this rate is its reciprocal. */
  readonly inverted: boolean;
}

export class InvalidMoneyError extends DomainError {
  override readonly code = 'INVALID_MONEY';

  constructor(
    message: string,
    readonly input?: string | number,
  ) {
    super(message);
  }
}

export class CurrencyMismatchError extends DomainError {
  override readonly code = 'CURRENCY_MISMATCH';

  constructor(
    readonly expected: CurrencyCode,
    readonly actual: CurrencyCode,
  ) {
    super(`Cannot combine ${expected} with ${actual}: convert the amounts to one currency first.`);
  }
}

export class InvalidExchangeRateError extends DomainError {
  override readonly code = 'INVALID_EXCHANGE_RATE';
}

export class MissingExchangeRateError extends DomainError {
  override readonly code = 'MISSING_EXCHANGE_RATE';

  constructor(
    readonly from: CurrencyCode,
    readonly to: CurrencyCode,
    readonly date: IsoDate,
  ) {
    super(
      `No ${from}->${to} exchange rate is in force on ${date}; ` +
        `add a ${from}->${to} or ${to}->${from} rate valid from that date or earlier.`,
    );
  }
}

export function isCurrencyCode(value: unknown): value is CurrencyCode {
  return typeof value === 'string' && Object.hasOwn(CURRENCIES, value);
}

export function money(amountMinor: number, currency: CurrencyCode): Money {
  currencyOf(currency); // refuses a code that arrived untyped, e.g. from JSON
  if (!Number.isSafeInteger(amountMinor)) {
    throw new InvalidMoneyError(
      `${amountMinor} is not a whole number of ${currency} minor units within ` +
        `±${Number.MAX_SAFE_INTEGER}; amounts are stored as integers, never fractions.`,
      amountMinor,
    );
  }
  // Normalise -0 (e.g. 0 * -3) so equal amounts are equal to every comparison, Object.is included.
  return { amountMinor: amountMinor === 0 ? 0 : amountMinor, currency };
}

const AMOUNT_PATTERN = /^(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * Reads a decimal amount exactly, without passing through a float: "50,000.00", "50000", "15.5",
 * "-3.10". Thousands commas must group by three. More decimals than the currency has are refused,
 * not rounded, because a silently rounded invoice figure is a wrong invoice figure.
 */
export function parseMoney(input: string, currency: CurrencyCode): Money {
  const { exponent } = currencyOf(currency);
  const text = input.trim();
  if (text === '') {
    throw new InvalidMoneyError(`Enter an amount in ${currency}, for example "50,000.00".`, input);
  }
  const match = AMOUNT_PATTERN.exec(text);
  const whole = match?.[2];
  if (!match || whole === undefined) {
    throw new InvalidMoneyError(
      `"${input}" is not an amount: use digits, optional commas between groups of three, ` +
        `and a "." before the ${currency} decimals, for example "50,000.00".`,
      input,
    );
  }
  const fraction = match[3] ?? '';
  if (fraction.length > exponent) {
    throw new InvalidMoneyError(
      `"${input}" has ${fraction.length} decimal places; ${currency} amounts have at most ${exponent}.`,
      input,
    );
  }
  const magnitude = BigInt(whole.replaceAll(',', '') + fraction.padEnd(exponent, '0'));
  return fromBigInt(match[1] === '-' ? -magnitude : magnitude, currency, input);
}

/** "50000.00": for inputs and exports, no grouping, no currency. */
export function toDecimalString(m: Money): string {
  return formatFixedPoint(m.amountMinor, currencyOf(m.currency).exponent);
}

/** "50,000.00 USD": the same text whatever the runtime's locale, so logs and emails agree. */
export function formatMoney(m: Money): string {
  const decimal = toDecimalString(m);
  const sign = decimal.startsWith('-') ? '-' : '';
  const [whole = '', fraction] = decimal.slice(sign.length).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`} ${m.currency}`;
}

export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amountMinor + b.amountMinor, a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amountMinor - b.amountMinor, a.currency);
}

/** Adds amounts that must all be in `currency`; an empty list is zero of that currency. */
export function sumMoney(amounts: Iterable<Money>, currency: CurrencyCode): Money {
  let total = money(0, currency);
  for (const amount of amounts) total = addMoney(total, amount);
  return total;
}

/** Money times a whole quantity (a line's units); fractional factors have no exact result. */
export function multiplyMoney(m: Money, quantity: number): Money {
  if (!Number.isSafeInteger(quantity)) {
    throw new InvalidMoneyError(`Cannot multiply money by ${quantity}: use a whole quantity.`, quantity);
  }
  // Any product beyond the safe range fails money()'s check, so no silently rounded result passes.
  return money(m.amountMinor * quantity, m.currency);
}

export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency(a, b);
  if (a.amountMinor === b.amountMinor) return 0;
  return a.amountMinor < b.amountMinor ? -1 : 1;
}

export function isZero(m: Money): boolean {
  return m.amountMinor === 0;
}

/**
 * The rate from `from` to `to` in force on `date`: the row with the latest validFrom on or before
 * it. A from->to row is preferred; only when none is in force is the to->from row used, inverted.
 */
export function rateOn(
  rates: readonly ExchangeRate[],
  from: CurrencyCode,
  to: CurrencyCode,
  date: IsoDate,
): RateInForce {
  if (!isIsoDate(date)) throw new InvalidIsoDateError(String(date));
  if (from === to) {
    return { from, to, numerator: 1n, denominator: 1n, source: null, inverted: false };
  }
  const direct = latestInForce(rates, from, to, date);
  if (direct) {
    const { numerator, denominator } = parseRate(direct);
    return { from, to, numerator, denominator, source: direct, inverted: false };
  }
  const inverse = latestInForce(rates, to, from, date);
  if (inverse) {
    const { numerator, denominator } = parseRate(inverse);
    return {
      from,
      to,
      numerator: denominator,
      denominator: numerator,
      source: inverse,
      inverted: true,
    };
  }
  throw new MissingExchangeRateError(from, to, date);
}

/**
 * Converts with the rate in force on `date` (SPEC 1: the invoice date), in exact integer arithmetic,
 * rounding to the target's minor unit half-up (away from zero on an exact half). Half-up because the
 * converted figure is both shown to the reviewer and compared with the threshold: it must be the
 * figure a person gets by hand, and banker's rounding (2.5 -> 2) would surprise them.
 */
export function convertMoney(m: Money, to: CurrencyCode, rates: readonly ExchangeRate[], date: IsoDate): Money {
  const rate = rateOn(rates, m.currency, to, date);
  const fromScale = 10n ** BigInt(currencyOf(m.currency).exponent);
  const toScale = 10n ** BigInt(currencyOf(to).exponent);
  const converted = divideRoundHalfUp(BigInt(m.amountMinor) * rate.numerator * toScale, rate.denominator * fromScale);
  return fromBigInt(converted, to);
}

/**
 * Compares `m`, converted with the rate in force on `date`, with `limit` exactly: the converted
 * amount is never rounded to cents first. 20.98 CAD at 0.7150 is 15.0007 USD, above a 15.00 USD
 * limit, though it shows as 15.00 USD once rounded; rounded conversions (convertMoney) are for display.
 */
export function compareConverted(m: Money, limit: Money, rates: readonly ExchangeRate[], date: IsoDate): -1 | 0 | 1 {
  const rate = rateOn(rates, m.currency, limit.currency, date);
  // m in the limit's minor units is m.amountMinor * numerator * toScale / (denominator * fromScale):
  // cross-multiply instead of dividing.
  const converted = BigInt(m.amountMinor) * rate.numerator * scaleOf(limit.currency);
  const bound = BigInt(limit.amountMinor) * rate.denominator * scaleOf(m.currency);
  if (converted === bound) return 0;
  return converted < bound ? -1 : 1;
}

/**
 * The largest amount in `currency` that converts to `limit` or less on `date`: where an "at or below
 * `limit`" rule falls in that currency. 15.00 USD with 1 CAD = 0.7150 USD gives 20.97 CAD, because
 * 20.98 CAD is 15.0007 USD. Rounding the converted limit instead (20.98) would name an amount the
 * rule does not treat as "at or below".
 */
export function largestAmountAtOrBelow(
  limit: Money,
  currency: CurrencyCode,
  rates: readonly ExchangeRate[],
  date: IsoDate,
): Money {
  const rate = rateOn(rates, currency, limit.currency, date);
  // The largest integer x with x * numerator * limitScale <= limit * denominator * currencyScale.
  const largest = divideFloor(
    BigInt(limit.amountMinor) * rate.denominator * scaleOf(currency),
    rate.numerator * scaleOf(limit.currency),
  );
  return fromBigInt(largest, currency);
}

/** What is wrong with a table row, in words for the admin entering it; empty when it is usable. */
export function validateExchangeRate(rate: ExchangeRate): string[] {
  const problems: string[] = [];
  if (!isCurrencyCode(rate.base)) problems.push(`Base currency "${String(rate.base)}" is not supported.`);
  if (!isCurrencyCode(rate.quote)) problems.push(`Quote currency "${String(rate.quote)}" is not supported.`);
  if (rate.base === rate.quote) problems.push(`Base and quote are both ${rate.base}; a rate needs two currencies.`);
  if (!isIsoDate(rate.validFrom)) {
    problems.push(`Valid-from "${String(rate.validFrom)}" is not a date; write it as YYYY-MM-DD.`);
  }
  const rateProblem = describeRateProblem(rate.rate);
  if (rateProblem) problems.push(rateProblem);
  return problems;
}

// --- internals -------------------------------------------------------------------------------

const RATE_PATTERN = /^(\d+)(?:\.(\d{1,10}))?$/;

function describeRateProblem(rate: string): string | null {
  const match = RATE_PATTERN.exec(rate);
  if (!match) {
    return `Rate "${rate}" is not a decimal number with up to 10 decimals, such as "1.3542".`;
  }
  if (/^[0.]+$/.test(rate)) return `Rate "${rate}" must be greater than 0.`;
  return null;
}

function parseRate(row: ExchangeRate): { numerator: bigint; denominator: bigint } {
  const problem = describeRateProblem(row.rate);
  const match = RATE_PATTERN.exec(row.rate);
  if (problem || !match) {
    throw new InvalidExchangeRateError(
      `${row.base}->${row.quote} rate valid from ${row.validFrom}: ${problem ?? 'unreadable'}`,
    );
  }
  const fraction = match[2] ?? '';
  return {
    numerator: BigInt(`${match[1]}${fraction}`),
    denominator: 10n ** BigInt(fraction.length),
  };
}

function latestInForce(
  rates: readonly ExchangeRate[],
  base: CurrencyCode,
  quote: CurrencyCode,
  date: IsoDate,
): ExchangeRate | null {
  const inForce = rates.filter((row) => {
    if (row.base !== base || row.quote !== quote) return false;
    if (!isIsoDate(row.validFrom)) {
      throw new InvalidExchangeRateError(
        `The ${base}->${quote} rate "${row.rate}" has valid-from "${String(row.validFrom)}", which is not a YYYY-MM-DD date.`,
      );
    }
    return row.validFrom <= date;
  });
  const latestFrom = inForce.reduce<IsoDate | null>(
    (latest, row) => (latest === null || row.validFrom > latest ? row.validFrom : latest),
    null,
  );
  const [chosen, ...sameDay] = inForce.filter((row) => row.validFrom === latestFrom);
  if (chosen === undefined) return null;
  const conflicting = sameDay.find((row) => !sameRate(row, chosen));
  if (conflicting) {
    // Two different rates for the same day: picking either would be arbitrary, so refuse.
    throw new InvalidExchangeRateError(
      `Two ${base}->${quote} rates are valid from ${chosen.validFrom} (${chosen.rate} and ${conflicting.rate}); keep one.`,
    );
  }
  return chosen;
}

function sameRate(a: ExchangeRate, b: ExchangeRate): boolean {
  const x = parseRate(a);
  const y = parseRate(b);
  return x.numerator * y.denominator === y.numerator * x.denominator;
}

/** 10^exponent: minor units per unit of the currency. */
function scaleOf(code: CurrencyCode): bigint {
  return 10n ** BigInt(currencyOf(code).exponent);
}

function currencyOf(code: CurrencyCode): Currency {
  if (!isCurrencyCode(code)) {
    throw new InvalidMoneyError(
      `"${String(code)}" is not a supported currency; use one of ${Object.keys(CURRENCIES).join(', ')}.`,
    );
  }
  return CURRENCIES[code];
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
}

function fromBigInt(amountMinor: bigint, currency: CurrencyCode, input?: string): Money {
  const limit = BigInt(Number.MAX_SAFE_INTEGER);
  if (amountMinor > limit || amountMinor < -limit) {
    throw new InvalidMoneyError(
      `${input === undefined ? 'The amount' : `"${input}"`} is too large: ${currency} amounts are limited ` +
        `to ${formatMoney({ amountMinor: Number.MAX_SAFE_INTEGER, currency })}.`,
      input,
    );
  }
  return money(Number(amountMinor), currency);
}
