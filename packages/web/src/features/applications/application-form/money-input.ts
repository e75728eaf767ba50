import { InvalidMoneyError, parseMoney, type CurrencyCode } from '@recertify/domain';

/**
 * What a seller typed in an amount or quantity box, read exactly. The text itself is what the
 * draft sends (the server parses it again with the same `parseMoney`); the reading is for the live
 * checklist and for refusing a malformed figure before it leaves the browser.
 */
export type FigureReading =
  | { readonly kind: 'empty' }
  | { readonly kind: 'value'; readonly value: number }
  | { readonly kind: 'invalid'; readonly message: string };

/** "1,234.50" in CAD -> 123450 minor units; "12.345" is refused, never rounded. */
export function readMoneyInput(text: string, currency: CurrencyCode): FigureReading {
  if (text.trim() === '') return { kind: 'empty' };
  try {
    return { kind: 'value', value: parseMoney(text, currency).amountMinor };
  } catch (error) {
    if (error instanceof InvalidMoneyError) return { kind: 'invalid', message: error.message };
    throw error;
  }
}

/** A quantity as printed on an invoice: a whole number of units, "1,200" allowed. */
export function readQuantityInput(text: string): FigureReading {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (!/^(\d{1,3}(,\d{3})+|\d+)$/.test(trimmed)) {
    return { kind: 'invalid', message: `"${trimmed}" is not a quantity: write a whole number of units, e.g. 12.` };
  }
  const value = Number(trimmed.replaceAll(',', ''));
  if (!Number.isSafeInteger(value))
    return { kind: 'invalid', message: `${trimmed} units is more than can be recorded.` };
  return { kind: 'value', value };
}

/** The value of a reading, or null when empty or unreadable (the live checklist counts that as missing). */
export function valueOf(reading: FigureReading): number | null {
  return reading.kind === 'value' ? reading.value : null;
}
