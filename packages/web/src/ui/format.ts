const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

/** A UTC instant as a calendar date for people, e.g. "Jan 1, 2024". */
export function formatUtcDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** SHIPPING_BOX -> "Shipping box". */
export function humanizeConstant(value: string): string {
  const words = value.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * An instant as date and time for people in the reader's own zone (or `timeZone`), e.g.
 * "Mar 2, 2026, 2:05 PM": when a key was made or last used matters to the minute.
 */
export function formatDateTime(iso: string, timeZone?: string): string {
  const text = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );
  // Newer ICU data puts a narrow no-break space before AM/PM; one kind of space reads and matches the same everywhere.
  return text.replace(/\u202f/g, ' ');
}
