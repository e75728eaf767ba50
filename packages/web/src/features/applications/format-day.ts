const dayFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });

/** An instant as the calendar day it was in the reader's zone, e.g. "Mar 2, 2026": enough for a list row. */
export function formatDay(iso: string): string {
  return dayFormat.format(new Date(iso));
}
