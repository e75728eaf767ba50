import { describe, expect, it } from 'vitest';
import { formatDate, formatDateIn, formatDateTime, formatTime } from './format';

describe('formatDate', () => {
  it.each([
    ['2024-01-01T00:00:00.000Z', '1 Jan 2024'],
    // The calendar date at UTC, whatever the reader's zone: in the Americas these are still the day before.
    ['2024-03-01T00:30:00.000Z', '1 Mar 2024'],
    ['2026-01-01T04:59:59.999Z', '1 Jan 2026'],
    ['2024-12-31T23:59:59.999Z', '31 Dec 2024'],
    ['2024-02-29T12:00:00Z', '29 Feb 2024'],
    ['2026-06-01T07:00:00+02:00', '1 Jun 2026'], // an offset is resolved to the UTC instant first
    ['2026-06-01T01:00:00+02:00', '31 May 2026'],
    ['2026-09-15T12:00:00Z', '15 Sep 2026'], // not "Sept", as some locales' data has it
  ])('the instant %s is %s', (iso, expected) => {
    expect(formatDate(iso)).toBe(expected);
  });

  it.each([
    ['2026-11-30', '30 Nov 2026'],
    ['2027-01-04', '4 Jan 2027'],
  ])('the calendar date %s is %s, not shifted by any zone', (date, expected) => {
    expect(formatDate(date)).toBe(expected);
  });
});

describe('formatDateTime and formatTime', () => {
  it.each([
    ['2026-11-30T14:05:09.000Z', '30 Nov 2026, 14:05 UTC'],
    ['2026-03-02T00:30:00.000Z', '2 Mar 2026, 00:30 UTC'],
    ['2026-07-01T23:59:59.999Z', '1 Jul 2026, 23:59 UTC'],
    ['2026-07-01T12:00:00-06:00', '1 Jul 2026, 18:00 UTC'],
  ])('%s is %s', (iso, expected) => {
    expect(formatDateTime(iso)).toBe(expected);
    expect(formatDateTime(new Date(iso))).toBe(expected);
  });

  it('writes the time of day on a 24-hour clock in UTC', () => {
    expect(formatTime(new Date('2026-03-02T09:05:00Z'))).toBe('09:05 UTC');
    expect(formatTime('2026-03-02T21:30:00Z')).toBe('21:30 UTC');
  });
});

describe('formatDateIn', () => {
  it.each([
    ['2026-03-02T04:30:00.000Z', 'America/Toronto', '1 Mar 2026'],
    ['2026-03-02T05:30:00.000Z', 'America/Toronto', '2 Mar 2026'],
    ['2026-07-01T05:59:00.000Z', 'America/Mexico_City', '30 Jun 2026'],
    ['2026-07-01T06:00:00.000Z', 'America/Mexico_City', '1 Jul 2026'],
  ])('%s in %s is %s', (iso, zone, expected) => {
    expect(formatDateIn(iso, zone)).toBe(expected);
  });
});
