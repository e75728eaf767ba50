import { AppError } from '../../../errors/app-error.js';

/** A field whose text the label font has no glyph for, with those characters. */
export interface UnprintableField {
  readonly field: string;
  readonly characters: readonly string[];
}

/** Which rule a seller's own prepaid label broke. */
export type PrepaidLabelRule = 'NOT_PDF' | 'DAMAGED' | 'PAGES' | 'PAGE_SIZE' | 'ENCRYPTED';

export interface ReturnLabelsErrorDetails {
  /**
   * The generated label or packing slip would have to print characters its font cannot draw;
   * nothing is printed rather than a wrong address. Each field and its characters are named.
   */
  readonly LABEL_TEXT_UNPRINTABLE: { readonly fields: readonly UnprintableField[] };
  /** The return address needs more lines than a 4×6 in label holds, even in small print. */
  readonly LABEL_ADDRESS_TOO_LONG: { readonly field: string; readonly maxLines: number };
  /** An uploaded file cannot be a prepaid return label: the rule it breaks, in words. */
  readonly PREPAID_LABEL_REFUSED: { readonly field: string; readonly rule: PrepaidLabelRule; readonly problem: string };
}

export class ReturnLabelUnprintableError extends AppError<'LABEL_TEXT_UNPRINTABLE'> {
  constructor(fields: readonly UnprintableField[]) {
    const listed = fields
      .map((f) => `${f.field} (${f.characters.map((c) => `"${c}" U+${codePoint(c)}`).join(', ')})`)
      .join('; ');
    super(
      'LABEL_TEXT_UNPRINTABLE',
      `The label cannot print these characters: ${listed}. Change that text, or upload your own prepaid label.`,
      { fields },
    );
    this.name = 'ReturnLabelUnprintableError';
  }
}

export class ReturnLabelAddressTooLongError extends AppError<'LABEL_ADDRESS_TOO_LONG'> {
  constructor(maxLines: number) {
    super(
      'LABEL_ADDRESS_TOO_LONG',
      `returnAddress: the address needs more than ${maxLines} lines on a 4×6 in label; shorten it, or upload your own prepaid label.`,
      { field: 'returnAddress', maxLines },
    );
    this.name = 'ReturnLabelAddressTooLongError';
  }
}

export class PrepaidLabelRefusedError extends AppError<'PREPAID_LABEL_REFUSED'> {
  constructor(field: string, rule: PrepaidLabelRule, problem: string) {
    super('PREPAID_LABEL_REFUSED', `${field}: ${problem}`, { field, rule, problem });
    this.name = 'PrepaidLabelRefusedError';
  }
}

function codePoint(character: string): string {
  return character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
}
