import { describe, expect, it } from 'vitest';

import {
  cleanCustomRma,
  customRmaProblem,
  generateRmaNumber,
  isGeneratedRmaNumber,
  parseGeneratedRmaNumber,
  RMA_ALPHABET,
  rmaCheckCharacter,
} from './rma.js';

const bytes = (...values: number[]) => Uint8Array.from(values);

/** A fixed stream of pseudo-random bytes (xorshift32), so the test reads the same numbers every run. */
function byteStream(seed: number): () => Uint8Array {
  let state = seed;
  return () =>
    Uint8Array.from({ length: 9 }, () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return state & 0xff;
    });
}

describe('the RMA alphabet', () => {
  it('has 32 distinct symbols and none that reads as another (I, L, O) or spells a word (U)', () => {
    expect(new Set(RMA_ALPHABET).size).toBe(32);
    expect(RMA_ALPHABET).toMatch(/^[0-9A-Z]+$/);
    for (const confusing of ['I', 'L', 'O', 'U']) expect(RMA_ALPHABET).not.toContain(confusing);
  });
});

describe('generateRmaNumber', () => {
  it.each([
    [bytes(0, 0, 0, 0, 0, 0, 0, 0, 0), '00000-00000'],
    [bytes(1, 2, 3, 4, 5, 6, 7, 8, 9), '12345-6789T'],
    [bytes(31, 31, 31, 31, 31, 31, 31, 31, 31), 'ZZZZZ-ZZZZ9'],
    [bytes(32, 63, 255, 224, 0, 0, 0, 0, 0), '0ZZ00-00002'], // a byte gives its value mod 32
  ])('%j -> %s', (random, expected) => {
    expect(generateRmaNumber(random)).toBe(expected);
    expect(isGeneratedRmaNumber(expected)).toBe(true);
  });

  it('reads two groups of five, and passes its own check, for 2,000 numbers in a row', () => {
    const next = byteStream(20_261_130);
    const seen = new Set<string>();
    for (let i = 0; i < 2_000; i += 1) {
      const rma = generateRmaNumber(next());
      expect(rma).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
      expect(isGeneratedRmaNumber(rma)).toBe(true);
      expect(parseGeneratedRmaNumber(rma)).toBe(rma);
      seen.add(rma);
    }
    expect(seen.size).toBe(2_000);
  });

  it('needs 9 random bytes', () => {
    expect(() => generateRmaNumber(bytes(1, 2, 3, 4, 5, 6, 7, 8))).toThrow(RangeError);
  });
});

describe('the check character', () => {
  const SAMPLES = ['12345-6789T', '00000-00000', generateRmaNumber(bytes(200, 17, 5, 90, 33, 250, 3, 77, 128))];

  it.each(SAMPLES)('catches every single mistyped symbol of %s', (rma) => {
    const symbols = rma.replace('-', '');
    for (let position = 0; position < symbols.length; position += 1) {
      for (const typo of RMA_ALPHABET) {
        if (typo === symbols[position]) continue;
        const typed = symbols.slice(0, position) + typo + symbols.slice(position + 1);
        expect(isGeneratedRmaNumber(`${typed.slice(0, 5)}-${typed.slice(5)}`)).toBe(false);
      }
    }
  });

  it('catches every swap of two different neighbours but 0 and Z (the one blind spot of Luhn mod 32)', () => {
    const missed = new Set<string>();
    for (const a of RMA_ALPHABET) {
      for (const b of RMA_ALPHABET) {
        if (a === b) continue;
        const symbols = `7K${a}${b}M9XD4`;
        const valid = symbols + rmaCheckCharacter(symbols);
        const swapped = `7K${b}${a}M9XD4` + valid.slice(-1);
        if (isGeneratedRmaNumber(`${swapped.slice(0, 5)}-${swapped.slice(5)}`)) missed.add(`${a}${b}`);
      }
    }
    expect([...missed].sort()).toEqual(['0Z', 'Z0']);
  });

  it.each([
    ['12345-6789T', true],
    ['12345-6789V', false], // wrong check character
    ['123456789T', false], // not in its printed form
    ['12345-6789t', false],
    ['1234-56789T', false],
    ['12345-6789TT', false],
    ['I2345-6789T', false], // not an RMA symbol
    ['', false],
  ])('isGeneratedRmaNumber(%j) -> %s', (value, expected) => {
    expect(isGeneratedRmaNumber(value)).toBe(expected);
  });
});

describe('parseGeneratedRmaNumber: a generated number as someone typed it', () => {
  it.each([
    ['12345-6789T', '12345-6789T'],
    ['123456789t', '12345-6789T'],
    [' 12345 6789 t ', '12345-6789T'],
    ['1-2-3-4-5-6-7-8-9-T', '12345-6789T'],
    ['OOOOO-OOOOO', '00000-00000'], // O typed for 0
    ['I2345-6789T', '12345-6789T'], // I typed for 1
    ['l2345-6789T', '12345-6789T'], // l typed for 1
    ['12345-6789V', null], // a typo the check character catches
    ['12345-6789', null], // too short
    ['12345-6789TX', null], // too long
    ['RMA-2026-0042', null], // a seller's own RMA
    ['12345-6789U', null], // U is no RMA symbol
    ['', null],
  ])('%j -> %s', (typed, expected) => {
    expect(parseGeneratedRmaNumber(typed)).toBe(expected);
  });
});

describe("the seller's own RMA", () => {
  it.each([
    ['RMA-2026-0042', null],
    ['  rma_7  ', null],
    ['ABCD', null], // 4: the shortest
    ['A'.repeat(30), null], // 30: the longest
    ['ABC', 'TOO_SHORT'],
    ['A'.repeat(31), 'TOO_LONG'],
    ['', 'REQUIRED'],
    ['   ', 'REQUIRED'],
    ['RMA 42', 'CHARACTERS'],
    ['RMA#42', 'CHARACTERS'],
    ['RMA/42', 'CHARACTERS'],
    ['RÉF-42', 'CHARACTERS'],
    ['straße', 'CHARACTERS'], // would turn into STRASSE in capitals
    ['RMA\u200b42', 'CHARACTERS'], // zero-width space
    ['-RMA42', 'EDGES'],
    ['RMA42_', 'EDGES'],
  ])('%j -> %s', (input, rule) => {
    const problem = customRmaProblem(input);
    expect(problem?.rule ?? null).toBe(rule);
    if (problem) expect(problem.field).toBe('rma');
  });

  it.each([
    ['', 'Enter your RMA number, or use the generated one.'],
    ['ABC', 'An RMA number has at least 4 characters; "ABC" has 3.'],
    ['A'.repeat(31), 'An RMA number has at most 30 characters; this one has 31.'],
    ['RMA#42', 'An RMA number may hold only letters A-Z, digits, hyphens and underscores; "#" is not allowed.'],
    ['-RMA42', 'An RMA number starts and ends with a letter or a digit.'],
  ])('%j is refused with a sentence: %s', (input, message) => {
    expect(customRmaProblem(input)?.message).toBe(message);
  });

  it('names the field the caller gives', () => {
    expect(customRmaProblem('ABC', 'input.customRma')?.field).toBe('input.customRma');
  });

  it.each([
    ['  rma-2026-0042 ', 'RMA-2026-0042'],
    ['Ab_12', 'AB_12'],
  ])('is stored as %j -> %j', (input, stored) => {
    expect(cleanCustomRma(input)).toBe(stored);
    expect(customRmaProblem(stored)).toBeNull();
  });
});
