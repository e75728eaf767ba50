import { DomainError } from './domain-error.js';
import { divideRoundHalfUp, formatFixedPoint } from './exact-math.js';

/**
 * "numerator of denominator", e.g. 8 defective orders of 1000. Kept as two counts rather than a
 * percentage so every comparison with a threshold is exact.
 */
export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
}

/** Basis points: hundredths of a percent. 80 bps = 0.80 %, 10000 bps = 100 %. */
const BPS_PER_WHOLE = 10_000n;
const HUNDREDTHS_PER_UNIT = 100n;

export class InvalidRatioError extends DomainError {
  override readonly code = 'INVALID_RATIO';
}

/**
 * Thrown for a ratio or average over nothing (0 orders, 0 ratings). There is nothing to judge, and
 * what that means is a policy decision, not arithmetic: a new seller with no orders passes ODR, an
 * offer under the minimum order count has no enforced RQS. Callers check the count first and decide.
 */
export class ZeroDenominatorError extends DomainError {
  override readonly code = 'ZERO_DENOMINATOR';

  constructor(readonly what: string) {
    super(`Cannot compute ${what} over zero items; decide what an empty window means before asking.`);
  }
}

/** numerator / denominator <= bps / 10000, decided as numerator * 10000 <= bps * denominator. */
export function ratioAtMostBps(numerator: number, denominator: number, maximumBps: number): boolean {
  const [n, d] = counts(numerator, denominator);
  return n * BPS_PER_WHOLE <= bps(maximumBps) * d;
}

/** numerator / denominator >= bps / 10000, exactly. */
export function ratioAtLeastBps(numerator: number, denominator: number, minimumBps: number): boolean {
  const [n, d] = counts(numerator, denominator);
  return n * BPS_PER_WHOLE >= bps(minimumBps) * d;
}

/**
 * The ratio in basis points, rounded half-up, for display only. A rounded figure can sit on the
 * threshold while the ratio misses it (9499.5 bps shows as 95.00 %), so pass/fail must always come
 * from ratioAtMostBps / ratioAtLeastBps, never from this number.
 */
export function ratioToBps(numerator: number, denominator: number): number {
  const [n, d] = counts(numerator, denominator);
  return Number(divideRoundHalfUp(n * BPS_PER_WHOLE, d));
}

/** 80 -> "0.80%", 9500 -> "95.00%". */
export function formatBps(value: number): string {
  return `${formatFixedPoint(integer(value, 'basis points'), 2)}%`;
}

/** A rating in hundredths of a star: 370 -> "3.70". */
export function formatHundredths(value: number): string {
  return formatFixedPoint(integer(value, 'hundredths'), 2);
}

/**
 * sum / count >= hundredths / 100, decided as sum * 100 >= hundredths * count: "average rating at
 * least 3.70" with `sum` the total of the star ratings and `count` how many there are.
 */
export function averageAtLeastHundredths(sum: number, count: number, minimumHundredths: number): boolean {
  const [s, c] = averageInputs(sum, count);
  return s * HUNDREDTHS_PER_UNIT >= BigInt(integer(minimumHundredths, 'minimum')) * c;
}

/** The average in hundredths, rounded half-up, for display only (see ratioToBps on why). */
export function averageToHundredths(sum: number, count: number): number {
  const [s, c] = averageInputs(sum, count);
  return Number(divideRoundHalfUp(s * HUNDREDTHS_PER_UNIT, c));
}

// --- internals -------------------------------------------------------------------------------

function counts(numerator: number, denominator: number): [bigint, bigint] {
  const n = nonNegative(numerator, 'numerator');
  const d = nonNegative(denominator, 'denominator');
  if (d === 0) throw new ZeroDenominatorError('a ratio');
  // A part larger than its whole means the counts were mixed up upstream; say so instead of
  // returning a ratio above 100 %.
  if (n > d) throw new InvalidRatioError(`numerator ${n} exceeds denominator ${d}`);
  return [BigInt(n), BigInt(d)];
}

function averageInputs(sum: number, count: number): [bigint, bigint] {
  const s = nonNegative(sum, 'sum');
  const c = nonNegative(count, 'count');
  if (c === 0) throw new ZeroDenominatorError('an average');
  return [BigInt(s), BigInt(c)];
}

function bps(value: number): bigint {
  return BigInt(nonNegative(value, 'basis points'));
}

function nonNegative(value: number, name: string): number {
  const checked = integer(value, name);
  if (checked < 0) throw new InvalidRatioError(`${name} must be 0 or more, got ${value}`);
  return checked;
}

function integer(value: number, name: string): number {
  if (!Number.isSafeInteger(value)) throw new InvalidRatioError(`${name} must be an integer, got ${value}`);
  return value;
}
