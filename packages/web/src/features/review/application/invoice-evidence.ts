import type { ReviewLineEvaluationFragment } from './invoices-section.generated';
import { formatDate } from '../../../ui/format';

type RateUsed = NonNullable<ReviewLineEvaluationFragment['rate']>;

/**
 * The exchange rate a line was converted with, as the table row reads: "1 CAD = 0.7150 USD".
 * A USD->CAD row used as its reciprocal is shown as stored, and said to be inverted.
 */
export function rateText(rate: RateUsed | null): string {
  if (!rate || rate.rate === null || rate.from === rate.to) return 'No conversion';
  return rate.inverted
    ? `1 ${rate.to} = ${rate.rate} ${rate.from}, inverted`
    : `1 ${rate.from} = ${rate.rate} ${rate.to}`;
}

/** The date of the rate row: "in force from Jan 1, 2026". */
export function rateDateText(rate: RateUsed | null): string | null {
  return rate?.validFrom ? `in force from ${formatDate(rate.validFrom)}` : null;
}

/**
 * The rate every converted line of an invoice used, when they all used the same row (the usual
 * case: one currency, one date). The page then says it once above the lines instead of on each.
 */
export function sharedRate(lines: ReadonlyArray<{ rate: RateUsed | null }>): RateUsed | null {
  const converted = lines.map((line) => line.rate).filter((rate): rate is RateUsed => Boolean(rate?.rate));
  const [first] = converted;
  if (!first) return null;
  return converted.every((rate) => sameRate(rate, first)) ? first : null;
}

export function sameRate(a: RateUsed | null, b: RateUsed | null): boolean {
  if (!a || !b) return a === b;
  return (
    a.from === b.from && a.to === b.to && a.rate === b.rate && a.validFrom === b.validFrom && a.inverted === b.inverted
  );
}

/** Why a line does not count, in words (the domain's LINE_EXCLUSION_REASONS). */
export function exclusionText(
  reason: string,
  context: { excludedPrice: string | null; windowDays: number | null },
): string {
  switch (reason) {
    case 'INVALID_INVOICE':
      return 'Invoice date or currency unreadable';
    case 'OUTSIDE_WINDOW':
      return `Invoice outside the ${context.windowDays ?? 90}-day window`;
    case 'NO_DOCUMENT':
      return 'No invoice document';
    case 'FULLY_REDACTED':
      return 'Quantity and amount both blacked out';
    case 'INVALID_LINE':
      return 'Unreadable figures';
    case 'MISSING_RATE':
      return 'No exchange rate for the invoice date';
    case 'AT_OR_BELOW_EXCLUSION':
      return context.excludedPrice ? `Unit price at or below ${context.excludedPrice}` : 'Unit price too low';
    default:
      return reason;
  }
}

/**
 * How to open an uploaded file from the review page. Images display inline in a new tab; PDFs are
 * downloaded, because the server sends files with a sandboxing CSP and Chrome refuses to show a
 * sandboxed PDF inline.
 */
export function fileLink(file: { url: string; contentType: string }): { href: string; download: boolean } {
  const isPdf = file.contentType === 'application/pdf';
  return { href: isPdf ? `${file.url}${file.url.includes('?') ? '&' : '?'}download=1` : file.url, download: isPdf };
}

/** "56,000.00 CAD" as "56,000.00" in a column whose heading names the currency. */
export function amountIn(money: { formatted: string } | null, currency: string): string | null {
  if (!money) return null;
  return money.formatted.endsWith(` ${currency}`) ? money.formatted.slice(0, -(currency.length + 1)) : money.formatted;
}
