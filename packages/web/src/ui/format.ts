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
