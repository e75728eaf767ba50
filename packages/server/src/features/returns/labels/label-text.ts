import type { PDFFont } from 'pdf-lib';
import { ReturnLabelUnprintableError } from './return-labels.errors.js';

/** One piece of text a document prints, named as the person fixing it knows it. */
export interface PrintedText {
  readonly field: string;
  readonly text: string;
}

/**
 * The text as it is printed: composed (NFC, so "e" + combining accent is the one glyph "é"),
 * with line breaks, tabs and other control characters turned into spaces, runs of spaces joined.
 */
export function printable(text: string): string {
  return (
    text
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex -- replacing control characters is the point
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * Refuses a document whose text has characters the label font cannot draw (Arabic, Thai, emoji,
 * rare CJK ideographs): printing a box or dropping them would send a parcel to a wrong address.
 * Names every field at fault and its characters, so the seller knows what to change (or to upload
 * its own label instead).
 */
export function requirePrintable(texts: readonly PrintedText[], characters: ReadonlySet<number>): void {
  const problems: Array<{ field: string; characters: string[] }> = [];
  for (const { field, text } of texts) {
    const missing = new Set<string>();
    for (const character of printable(text)) {
      if (!characters.has(character.codePointAt(0)!)) missing.add(character);
    }
    if (missing.size > 0) problems.push({ field, characters: [...missing] });
  }
  if (problems.length > 0) throw new ReturnLabelUnprintableError(problems);
}

/**
 * Splits text into lines no wider than `maxWidth` at this size: at spaces where it can, and
 * between any two characters of a word too long for one line (Chinese and Japanese have no spaces).
 * At most `maxLines` lines; the last one ends with "…" when text was left out.
 */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number, maxLines = 50): string[] {
  const fits = (line: string) => font.widthOfTextAtSize(line, size) <= maxWidth;
  const lines: string[] = [];
  let current = '';
  for (const word of printable(text).split(' ')) {
    const candidate = current ? `${current} ${word}` : word;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    current = '';
    // The word alone does not fit: cut it where the line is full.
    for (const character of word) {
      if (fits(current + character)) current += character;
      else {
        if (current) lines.push(current);
        current = character;
      }
    }
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last && !fits(`${last}…`)) last = [...last].slice(0, -1).join('');
  kept[maxLines - 1] = `${last}…`;
  return kept;
}
