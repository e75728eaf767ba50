/*
 * Return merchandise authorization (RMA) numbers (SPEC 6): one the system generates, or the
 * seller's own. Both are printed on the label and the packing slip, as text and as a barcode, and
 * read back by people at a warehouse door, so they use capitals and digits only. Uniqueness per
 * seller is the server's job; these rules only say what a well-formed number is.
 */

/**
 * Crockford's base 32: digits and capitals without I, L, O and U, so nothing reads as another
 * symbol (1/I/L, 0/O) and no word is spelled by accident.
 */
export const RMA_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Random symbols in a generated number: 45 bits, so a seller's numbers practically never collide. */
export const GENERATED_RMA_RANDOM_SYMBOLS = 9;

/** A generated number: two groups of five, the last symbol a check character, e.g. "7KQ2M-9XD4P". */
const GENERATED_RMA_PATTERN = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;

export const CUSTOM_RMA_MIN_LENGTH = 4;
export const CUSTOM_RMA_MAX_LENGTH = 30;

export const CUSTOM_RMA_RULES = ['REQUIRED', 'TOO_SHORT', 'TOO_LONG', 'CHARACTERS', 'EDGES'] as const;
export type CustomRmaRule = (typeof CUSTOM_RMA_RULES)[number];

export interface CustomRmaProblem {
  /** The input field, as the caller names it. */
  readonly field: string;
  readonly rule: CustomRmaRule;
  readonly message: string;
}

/**
 * A new RMA number from `randomBytes` (at least GENERATED_RMA_RANDOM_SYMBOLS of them, e.g. from
 * crypto.randomBytes): each byte gives one symbol, uniformly since 256 is a multiple of 32.
 */
export function generateRmaNumber(randomBytes: Uint8Array): string {
  if (randomBytes.length < GENERATED_RMA_RANDOM_SYMBOLS) {
    throw new RangeError(`need ${GENERATED_RMA_RANDOM_SYMBOLS} random bytes, got ${randomBytes.length}`);
  }
  let symbols = '';
  for (let i = 0; i < GENERATED_RMA_RANDOM_SYMBOLS; i += 1) symbols += RMA_ALPHABET[randomBytes[i]! % 32];
  const full = symbols + rmaCheckCharacter(symbols);
  return `${full.slice(0, 5)}-${full.slice(5)}`;
}

/**
 * The check character of `symbols` (Luhn mod 32): it catches every single mistyped symbol and
 * almost every swap of two neighbours.
 */
export function rmaCheckCharacter(symbols: string): string {
  return RMA_ALPHABET[(32 - (luhnSum(symbols, 2) % 32)) % 32]!;
}

/** True for a generated number in its printed form with a correct check character. */
export function isGeneratedRmaNumber(value: string): boolean {
  if (!GENERATED_RMA_PATTERN.test(value)) return false;
  return luhnSum(value.replace('-', ''), 1) % 32 === 0;
}

/**
 * A generated number as someone typed it, in its printed form; null when it is not one (a typo
 * the check character caught, or the seller's own RMA). Forgives case, spaces, missing or extra
 * hyphens, and O / I / L typed for 0 / 1 / 1.
 */
export function parseGeneratedRmaNumber(typed: string): string | null {
  const symbols = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (symbols.length !== GENERATED_RMA_RANDOM_SYMBOLS + 1) return null;
  const printed = `${symbols.slice(0, 5)}-${symbols.slice(5)}`;
  return isGeneratedRmaNumber(printed) ? printed : null;
}

/**
 * The seller's own RMA as stored and printed: trimmed and in capitals, so "ab-12" and "AB-12" are
 * the same number to the uniqueness check and to the barcode scanner.
 */
export function cleanCustomRma(input: string): string {
  return input.trim().toUpperCase();
}

/**
 * What is wrong with a seller's own RMA, or null when it can be used: 4 to 30 letters (A-Z),
 * digits, hyphens or underscores, starting and ending with a letter or a digit. Other characters
 * (accents, spaces inside, symbols) do not survive every barcode scanner and label printer.
 */
export function customRmaProblem(input: string, field = 'rma'): CustomRmaProblem | null {
  const value = input.trim();
  const problem = (rule: CustomRmaRule, message: string): CustomRmaProblem => ({ field, rule, message });
  if (value === '') return problem('REQUIRED', 'Enter your RMA number, or use the generated one.');
  if (value.length < CUSTOM_RMA_MIN_LENGTH) {
    return problem(
      'TOO_SHORT',
      `An RMA number has at least ${CUSTOM_RMA_MIN_LENGTH} characters; "${value}" has ${value.length}.`,
    );
  }
  if (value.length > CUSTOM_RMA_MAX_LENGTH) {
    return problem(
      'TOO_LONG',
      `An RMA number has at most ${CUSTOM_RMA_MAX_LENGTH} characters; this one has ${value.length}.`,
    );
  }
  const bad = /[^A-Za-z0-9_-]/.exec(value);
  if (bad) {
    return problem(
      'CHARACTERS',
      `An RMA number may hold only letters A-Z, digits, hyphens and underscores; "${bad[0]}" is not allowed.`,
    );
  }
  if (!/^[A-Za-z0-9].*[A-Za-z0-9]$/.test(value)) {
    return problem('EDGES', 'An RMA number starts and ends with a letter or a digit.');
  }
  return null;
}

// --- internals -------------------------------------------------------------------------------

/**
 * Luhn mod 32 over `symbols` from the right, the rightmost weighted `firstFactor`: 2 to compute a
 * check character, 1 to verify a number that ends with one (a valid one sums to a multiple of 32).
 */
function luhnSum(symbols: string, firstFactor: 1 | 2): number {
  let factor = firstFactor;
  let sum = 0;
  for (let i = symbols.length - 1; i >= 0; i -= 1) {
    const value = RMA_ALPHABET.indexOf(symbols[i]!);
    if (value < 0) throw new RangeError(`"${symbols[i]}" is not an RMA symbol`);
    const addend = factor * value;
    sum += Math.floor(addend / 32) + (addend % 32);
    factor = factor === 2 ? 1 : 2;
  }
  return sum;
}
