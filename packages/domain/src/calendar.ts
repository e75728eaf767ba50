import { TZDate } from '@date-fns/tz';

import { DomainError } from './domain-error.js';

/**
 * A calendar date as 'YYYY-MM-DD', with no time and no zone. Valid ones compare correctly as
 * strings, which is why windows and deadlines below compare them with `<` and `>`.
 */
export type IsoDate = string;

/** 0 = Sunday ... 6 = Saturday, as `Date#getUTCDay`. */
export type DayOfWeek = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Where business days are counted: the marketplace's zone and its admin-managed holidays. */
export interface BusinessCalendar {
  readonly timeZone: string;
  readonly holidays: ReadonlySet<IsoDate>;
}

/** How a deadline stands at a moment, in the calendar's zone. */
export interface DueStatus {
  /** Business days in (today, due]; 0 on the due date, negative once past it. */
  readonly businessDaysLeft: number;
  /** True from the calendar day after the due date: a decision due on D may be made all of D. */
  readonly overdue: boolean;
  readonly dueToday: boolean;
  /** The due date falls in the current Monday-Sunday week and is not past. */
  readonly dueThisWeek: boolean;
}

/** An inclusive range of calendar dates. */
export interface DateWindow {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

export class InvalidIsoDateError extends DomainError {
  override readonly code = 'INVALID_ISO_DATE';

  constructor(readonly input: string) {
    super(`"${input}" is not a calendar date; write it as YYYY-MM-DD, for example "2026-07-03".`);
  }
}

export class InvalidTimeZoneError extends DomainError {
  override readonly code = 'INVALID_TIME_ZONE';

  constructor(readonly timeZone: string) {
    super(`"${timeZone}" is not a known IANA time zone, such as "America/Los_Angeles".`);
  }
}

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True only for real dates in 'YYYY-MM-DD' form: '2026-02-29' and '2026-1-5' are not. */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parseIsoDate(value) !== null;
}

/** The date the instant falls on, as a clock on a wall in `timeZone` shows it. */
export function localDateOf(instant: Date, timeZone: string): IsoDate {
  assertInstant(instant);
  const local = new TZDate(instant.getTime(), assertTimeZone(timeZone));
  return formatIsoDate(local.getFullYear(), local.getMonth() + 1, local.getDate());
}

/**
 * The first instant of `date` in `timeZone`, so a window of local dates becomes the half-open
 * instant range [startOfLocalDay(from), startOfLocalDay(to + 1 day)) for queries over UTC times.
 * Where a DST change skips midnight, this is the first instant that exists on that date.
 */
export function startOfLocalDay(date: IsoDate, timeZone: string): Date {
  const { year, month, day } = parseOrThrow(date);
  const zone = assertTimeZone(timeZone);
  return new Date(new TZDate(year, month - 1, day, zone).getTime());
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  assertInteger(days, 'days');
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * How many calendar days lie from `from` to `to`: 0 on the same date, 1 on the next, negative when
 * `to` is earlier. "Requested 30 days after delivery" is calendarDaysBetween(delivered, requested).
 */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

export function dayOfWeek(date: IsoDate): DayOfWeek {
  return new Date(toEpochDay(date) * MS_PER_DAY).getUTCDay() as DayOfWeek;
}

/** Builds a calendar, refusing an unknown zone or a malformed holiday rather than ignoring it. */
export function businessCalendar(timeZone: string, holidays: Iterable<IsoDate>): BusinessCalendar {
  const dates = new Set<IsoDate>();
  for (const holiday of holidays) {
    parseOrThrow(holiday);
    dates.add(holiday);
  }
  return { timeZone: assertTimeZone(timeZone), holidays: dates };
}

export function isBusinessDay(date: IsoDate, calendar: BusinessCalendar): boolean {
  return isWeekday(toEpochDay(date)) && !calendar.holidays.has(date);
}

/**
 * The `count`-th business day strictly after `date`: the start day never counts, even when it is a
 * business day, because a clock that starts on a day has used none of it. `count` 0 returns `date`.
 */
export function addBusinessDays(date: IsoDate, count: number, calendar: BusinessCalendar): IsoDate {
  assertInteger(count, 'count');
  if (count < 0) throw new RangeError(`count must be 0 or more, got ${count}`);
  let day = toEpochDay(date);
  for (let found = 0; found < count;) {
    day += 1;
    if (isBusinessDay(fromEpochDay(day), calendar)) found += 1;
  }
  return fromEpochDay(day);
}

/**
 * The number of business days in (from, to]: how many business days after `from` it takes to
 * reach `to`. Negative, with the same magnitude as the other way round, when `to` is before `from`,
 * so a deadline in the past reads as "overdue by N business days".
 */
export function businessDaysBetween(from: IsoDate, to: IsoDate, calendar: BusinessCalendar): number {
  const start = toEpochDay(from);
  const end = toEpochDay(to);
  // `0 -` rather than unary minus, so "no business days" is 0 and never -0.
  if (end < start) return 0 - businessDaysIn(end, start, calendar);
  return businessDaysIn(start, end, calendar);
}

/** When a review submitted at `submittedAt` must be decided: counted from the local date. */
export function reviewDueDate(submittedAt: Date, businessDays: number, calendar: BusinessCalendar): IsoDate {
  return addBusinessDays(localDateOf(submittedAt, calendar.timeZone), businessDays, calendar);
}

/** The Sunday that ends the Monday-Sunday week holding `date` (`date` itself on a Sunday). */
export function endOfWeek(date: IsoDate): IsoDate {
  return addCalendarDays(date, (7 - dayOfWeek(date)) % 7);
}

export function dueStatus(due: IsoDate, now: Date, calendar: BusinessCalendar): DueStatus {
  const today = localDateOf(now, calendar.timeZone);
  parseOrThrow(due);
  const overdue = due < today;
  return {
    businessDaysLeft: businessDaysBetween(today, due, calendar),
    overdue,
    dueToday: due === today,
    dueThisWeek: !overdue && due <= endOfWeek(today),
  };
}

/**
 * The `days` calendar days ending on the local date of `at`, both ends included (SPEC 1), so a
 * 90-day window at T holds T's own date and the 89 dates before it.
 */
export function trailingWindow(at: Date, days: number, timeZone: string): DateWindow {
  assertInteger(days, 'days');
  if (days < 1) throw new RangeError(`days must be 1 or more, got ${days}`);
  const to = localDateOf(at, timeZone);
  return { from: addCalendarDays(to, -(days - 1)), to };
}

export function isWithinTrailingWindow(date: IsoDate, at: Date, days: number, timeZone: string): boolean {
  parseOrThrow(date);
  const { from, to } = trailingWindow(at, days, timeZone);
  return from <= date && date <= to;
}

/** True when `date` lies in the inclusive window. */
export function isInDateWindow(date: IsoDate, window: DateWindow): boolean {
  parseOrThrow(date);
  return window.from <= date && date <= window.to;
}

/**
 * The window as instants for a query over UTC times: [start, end), from the first instant of
 * `window.from` to the first instant of the day after `window.to`, in `timeZone`.
 */
export function windowInstants(window: DateWindow, timeZone: string): { readonly start: Date; readonly end: Date } {
  return {
    start: startOfLocalDay(window.from, timeZone),
    end: startOfLocalDay(addCalendarDays(window.to, 1), timeZone),
  };
}

// --- internals -------------------------------------------------------------------------------

interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function parseIsoDate(value: string): DateParts | null {
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return null;
  // Day 0 of the next month is the last day of this one; setUTCFullYear avoids Date.UTC's
  // mapping of years 0-99 to 1900-1999.
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(year, month, 0);
  if (day > lastDay.getUTCDate()) return null;
  return { year, month, day };
}

function parseOrThrow(value: IsoDate): DateParts {
  const parts = typeof value === 'string' ? parseIsoDate(value) : null;
  if (!parts) throw new InvalidIsoDateError(String(value));
  return parts;
}

/** Days since 1970-01-01. Date arithmetic happens on these, in UTC, so no zone can shift it. */
function toEpochDay(date: IsoDate): number {
  const { year, month, day } = parseOrThrow(date);
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  return Math.round(utc.getTime() / MS_PER_DAY);
}

function fromEpochDay(epochDay: number): IsoDate {
  const utc = new Date(epochDay * MS_PER_DAY);
  return formatIsoDate(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
}

function formatIsoDate(year: number, month: number, day: number): IsoDate {
  if (!(year >= 0 && year <= 9999)) throw new RangeError(`year ${year} is outside 0000-9999`);
  const pad = (value: number, width: number): string => String(value).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function isWeekday(epochDay: number): boolean {
  const weekday = new Date(epochDay * MS_PER_DAY).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Business days in (start, end] for start <= end, without walking every day of long spans. */
function businessDaysIn(start: number, end: number, calendar: BusinessCalendar): number {
  const length = end - start;
  const fullWeeks = Math.floor(length / 7);
  let count = fullWeeks * 5; // every run of 7 consecutive days holds exactly 5 weekdays
  for (let day = start + fullWeeks * 7 + 1; day <= end; day += 1) {
    if (isWeekday(day)) count += 1;
  }
  for (const holiday of calendar.holidays) {
    const day = toEpochDay(holiday);
    if (day > start && day <= end && isWeekday(day)) count -= 1;
  }
  return count;
}

function assertInstant(instant: Date): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError('instant must be a valid Date');
  }
}

function assertInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be an integer, got ${value}`);
}

const knownTimeZones = new Set<string>();

function assertTimeZone(timeZone: string): string {
  if (knownTimeZones.has(timeZone)) return timeZone;
  try {
    // Throws RangeError for a zone the runtime's time zone database does not know.
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new InvalidTimeZoneError(timeZone);
  }
  knownTimeZones.add(timeZone);
  return timeZone;
}
