import { describe, expect, it } from 'vitest';
import { formatDateTime, formatUtcDate, humanizeConstant } from './format';

describe('formatUtcDate', () => {
  it.each([
    ['2024-01-01T00:00:00.000Z', 'Jan 1, 2024'],
    // The calendar date at UTC, whatever the reader's zone: in the Americas these are still the day before.
    ['2024-03-01T00:30:00.000Z', 'Mar 1, 2024'],
    ['2026-01-01T04:59:59.999Z', 'Jan 1, 2026'],
    ['2024-12-31T23:59:59.999Z', 'Dec 31, 2024'],
    ['2024-02-29T12:00:00Z', 'Feb 29, 2024'],
    ['2026-06-01T07:00:00+02:00', 'Jun 1, 2026'], // an offset is resolved to the UTC instant first
    ['2026-06-01T01:00:00+02:00', 'May 31, 2026'],
  ])('%s is %s', (iso, expected) => {
    expect(formatUtcDate(iso)).toBe(expected);
  });
});

describe('humanizeConstant', () => {
  it.each([
    ['SHIPPING_BOX', 'Shipping box'],
    ['INNER_PACKAGING', 'Inner packaging'],
    ['SCREEN_ON', 'Screen on'],
    ['TOP', 'Top'],
    ['MINIMUM_DAYS', 'Minimum days'],
    ['', ''],
  ])('%j is %j', (constant, expected) => {
    expect(humanizeConstant(constant)).toBe(expected);
  });
});

describe('formatDateTime', () => {
  it.each([
    ['2026-03-02T14:05:09.000Z', 'UTC', 'Mar 2, 2026, 2:05 PM'],
    ['2026-03-02T00:30:00.000Z', 'America/Toronto', 'Mar 1, 2026, 7:30 PM'],
    ['2026-07-01T12:00:00.000Z', 'America/Mexico_City', 'Jul 1, 2026, 6:00 AM'],
  ])('%s in %s is %s', (iso, zone, expected) => {
    expect(formatDateTime(iso, zone)).toBe(expected);
  });
});
