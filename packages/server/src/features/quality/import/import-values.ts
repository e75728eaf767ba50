import { orderDateOf, type IsoDate } from '@recertify/domain';
import type { RowRejection } from './rejects-writer.js';

/*
 * Reading one field of a file's record as the value a record needs: text from CSV cells or JSON
 * strings, whole numbers from either, instants as ISO 8601 with a zone. These say only whether the
 * text is a value of the type; what values a record may hold is the quality rules' business.
 */

/** Collects a row's problems while its fields are read, so one line reports every bad field at once. */
export class FieldReader {
  readonly rejections: RowRejection[] = [];

  /** `instantText`: instants keep the file's text where PostgreSQL's COPY can take it as it is (FileInstant). */
  constructor(
    private readonly fields: Readonly<Record<string, unknown>>,
    private readonly line: number,
    private readonly instantText = false,
  ) {}

  reject(field: string, rule: string, message: string): void {
    this.rejections.push({ line: this.line, field, rule, message });
  }

  get ok(): boolean {
    return this.rejections.length === 0;
  }

  /** Present text, trimmed, at most `max` characters; absent or empty is MISSING_COLUMN. */
  text(field: string, max = Infinity): string {
    const value = this.optionalText(field, max);
    if (value === null && !this.rejections.some((r) => r.field === field)) {
      this.reject(field, 'MISSING_COLUMN', `${field} is required`);
    }
    return value ?? '';
  }

  optionalText(field: string, max = Infinity): string | null {
    const raw = this.fields[field];
    if (raw === undefined || raw === null) return null;
    if (typeof raw !== 'string' && typeof raw !== 'number') {
      this.reject(field, 'NOT_TEXT', `${field} must be text`);
      return null;
    }
    const value = String(raw).trim();
    if (value === '') return null;
    if (value.length > max) {
      this.reject(field, 'TOO_LONG', `${field} is longer than ${max} characters`);
      return null;
    }
    return value;
  }

  /** One of a list of codes (case as listed). */
  oneOf<T extends string>(field: string, allowed: readonly T[]): T {
    const value = this.text(field, 64);
    if (value !== '' && !(allowed as readonly string[]).includes(value)) {
      this.reject(field, 'NOT_ALLOWED', `${field} must be one of ${allowed.join(', ')}`);
    }
    return value as T;
  }

  /** A whole number (JSON number or decimal digits); its range is for the rules to judge. */
  integer(field: string): number {
    const raw = this.fields[field];
    if (raw === undefined || raw === null || raw === '') {
      this.reject(field, 'MISSING_COLUMN', `${field} is required`);
      return 0;
    }
    const value =
      typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*[-+]?\d+\s*$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(value)) {
      this.reject(field, 'NOT_A_WHOLE_NUMBER', `${field} must be a whole number`);
      return 0;
    }
    return value;
  }

  instant(field: string): Date {
    const value = this.optionalInstant(field);
    if (value === null && !this.rejections.some((r) => r.field === field)) {
      this.reject(field, 'MISSING_COLUMN', `${field} is required`);
    }
    return value ?? new Date(0);
  }

  /** An ISO 8601 date-time with its zone (`Z` or `+hh:mm`), e.g. 2026-11-02T14:30:00Z. */
  optionalInstant(field: string): Date | null {
    const raw = this.fields[field];
    if (raw === undefined || raw === null || raw === '') return null;
    const text = typeof raw === 'string' ? raw.trim() : '';
    const time = ISO_INSTANT.test(text) && dateExists(text) ? Date.parse(text) : NaN;
    if (Number.isNaN(time)) {
      this.reject(field, 'BAD_DATE', `${field} must be an ISO 8601 date-time with a zone, e.g. 2026-11-02T14:30:00Z`);
      return null;
    }
    if (!this.instantText) return new Date(time);
    // Kept for PostgreSQL's COPY when it reads as this very instant: UTC, at most milliseconds.
    return new FileInstant(time, text.length <= 24 && text.charCodeAt(text.length - 1) === 90 /* Z */ ? text : null);
  }
}

/**
 * An instant read from a file, with the file's text when that text is already what PostgreSQL's
 * COPY reads as the same instant (ISO 8601 in UTC, `Z`, no digits past the millisecond), so the
 * writer need not format it again (toISOString: 4 % of the command's CPU on PostgreSQL). Only
 * made for PostgreSQL: a Date subclass costs more to make than the formatting saves elsewhere.
 */
export class FileInstant extends Date {
  constructor(
    time: number,
    readonly text: string | null,
  ) {
    super(time);
  }
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Date.parse rolls 2026-02-30 over into March; a date that does not exist is a bad date. Days 01
 * to 28 exist in every month (Date.parse refuses month 13 and day 00 itself), so only the month's
 * last days are checked with a Date.
 */
function dateExists(text: string): boolean {
  if (text.charCodeAt(8) < 50 || (text.charCodeAt(8) === 50 && text.charCodeAt(9) < 57)) return true;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/**
 * orderDateOf for many instants: a zone's offset only changes on a quarter hour, so the local date
 * is the same for every instant of one UTC quarter hour, and a million orders need a few thousand
 * zone conversions instead of a million.
 */
export class LocalDates {
  /** By zone, then by quarter hour since the epoch (a number: no key to build per instant). */
  private readonly cache = new Map<string, Map<number, IsoDate>>();
  private size = 0;

  of(instant: Date, timeZone: string): IsoDate {
    let zone = this.cache.get(timeZone);
    if (!zone) this.cache.set(timeZone, (zone = new Map<number, IsoDate>()));
    const quarter = Math.floor(instant.getTime() / QUARTER_HOUR);
    let date = zone.get(quarter);
    if (date === undefined) {
      if (this.size > 100_000) {
        zone.clear();
        this.size = 0;
      }
      date = orderDateOf(instant, timeZone);
      zone.set(quarter, date);
      this.size += 1;
    }
    return date;
  }
}

const QUARTER_HOUR = 15 * 60 * 1000;
