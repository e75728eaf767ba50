/*
 * The one way the app writes dates and times: "30 Nov 2026" and "30 Nov 2026, 14:05 UTC". Every
 * instant is shown in UTC, the zone the server keeps them in and the emails use, so a time read on
 * one page, in an email or by a colleague in another zone is the same text. Calendar dates the
 * server already keeps as days (a decision's due date, in the marketplace's zone) are shown as
 * they are. Built from the parts, not from a locale's pattern, so it reads the same in every
 * browser and ICU version.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

type Instant = string | Date;

function toDate(value: Instant): Date {
  return value instanceof Date ? value : new Date(value);
}

function day(year: number, month: number, date: number): string {
  return `${date} ${MONTHS[month - 1] ?? '?'} ${year}`;
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * A date for people, "30 Nov 2026": a calendar date (YYYY-MM-DD) as it is, an instant as the day
 * it was in UTC.
 */
export function formatDate(value: Instant): string {
  if (typeof value === 'string') {
    const calendar = CALENDAR_DATE.exec(value);
    if (calendar) return day(Number(calendar[1]), Number(calendar[2]), Number(calendar[3]));
  }
  const at = toDate(value);
  return day(at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate());
}

/** "14:05 UTC": when something happened today, e.g. a draft's last save. */
export function formatTime(value: Instant): string {
  const at = toDate(value);
  return `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())} UTC`;
}

/** "30 Nov 2026, 14:05 UTC": when something happened, to the minute. */
export function formatDateTime(value: Instant): string {
  return `${formatDate(value)}, ${formatTime(value)}`;
}

/**
 * An instant as the calendar day it was in `timeZone`, "30 Nov 2026": where a rule counts days in
 * the marketplace's zone (the review clock), the day must be that zone's.
 */
export function formatDateIn(value: Instant, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(toDate(value));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return day(part('year'), part('month'), part('day'));
}
