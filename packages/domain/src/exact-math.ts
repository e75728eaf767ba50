/**
 * Integer helpers shared by money and ratio. Internal: not exported from the package, the public
 * modules expose what they need in their own words.
 */

/**
 * numerator / denominator rounded half-up, i.e. to the nearest integer and away from zero on an
 * exact half (2.5 -> 3, -2.5 -> -3). `denominator` must be positive.
 */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const quotient = numerator / denominator; // BigInt division truncates toward zero
  const remainder = numerator % denominator; // same sign as the numerator
  const twiceRemainder = 2n * (remainder < 0n ? -remainder : remainder);
  if (twiceRemainder < denominator) return quotient;
  return numerator < 0n ? quotient - 1n : quotient + 1n;
}

/** numerator / denominator rounded down, toward minus infinity (7/2 -> 3, -7/2 -> -4). `denominator` must be positive. */
export function divideFloor(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const quotient = numerator / denominator; // truncates toward zero
  return numerator % denominator < 0n ? quotient - 1n : quotient;
}

/** Writes an integer count of 10^-decimals units as a fixed-point string: (-370, 2) -> "-3.70". */
export function formatFixedPoint(scaled: bigint | number, decimals: number): string {
  const value = BigInt(scaled);
  const digits = (value < 0n ? -value : value).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals);
  return `${value < 0n ? '-' : ''}${whole}${decimals > 0 ? `.${fraction}` : ''}`;
}
