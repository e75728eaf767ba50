import { describe, expect, it } from 'vitest';

import {
  addBusinessDays,
  addCalendarDays,
  businessCalendar,
  businessDaysBetween,
  calendarDaysBetween,
  dayOfWeek,
  dueStatus,
  InvalidIsoDateError,
  InvalidTimeZoneError,
  isBusinessDay,
  isInDateWindow,
  isIsoDate,
  isWithinTrailingWindow,
  localDateOf,
  reviewDueDate,
  startOfLocalDay,
  trailingWindow,
  windowInstants,
} from './calendar.js';

const LA = 'America/Los_Angeles';

// 2026 US holidays as an admin would enter them; Independence Day falls on Saturday 07-04 and is
// observed on Friday 07-03. Both are listed, so a weekend holiday must not be subtracted twice.
const US_2026 = businessCalendar(LA, [
  '2026-01-01',
  '2026-01-19',
  '2026-05-25',
  '2026-07-03',
  '2026-07-04',
  '2026-09-07',
  '2026-11-26',
  '2026-12-25',
]);
const NO_HOLIDAYS = businessCalendar(LA, []);

const at = (iso: string) => new Date(iso);

describe('isIsoDate', () => {
  it.each([
    ['2026-07-03', true],
    ['2028-02-29', true], // leap year
    ['2000-02-29', true], // divisible by 400
    ['2026-02-29', false],
    ['2100-02-29', false], // divisible by 100, not 400
    ['2026-04-30', true],
    ['2026-04-31', false],
    ['2026-12-31', true],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['0050-03-01', true], // no 1900s shift for two-digit years
    ['2026-1-05', false],
    ['20260105', false],
    ['2026-01-05T00:00:00Z', false],
    [' 2026-01-05', false],
    ['', false],
    [42, false],
    [null, false],
  ])('%j -> %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('localDateOf', () => {
  it.each([
    // Friday 17:30 in Los Angeles is already Saturday in UTC.
    ['2026-01-10T01:30:00Z', LA, '2026-01-09'],
    ['2026-01-10T01:30:00Z', 'UTC', '2026-01-10'],
    ['2026-01-10T01:30:00Z', 'America/Toronto', '2026-01-09'],
    ['2026-01-10T01:30:00Z', 'America/Mexico_City', '2026-01-09'],
    // Midnight in Los Angeles, winter (UTC-8).
    ['2026-01-10T07:59:59.999Z', LA, '2026-01-09'],
    ['2026-01-10T08:00:00.000Z', LA, '2026-01-10'],
    // DST starts 2026-03-08 at 02:00: that day begins at 08:00Z, the next one at 07:00Z.
    ['2026-03-08T07:59:59.999Z', LA, '2026-03-07'],
    ['2026-03-08T08:00:00.000Z', LA, '2026-03-08'],
    ['2026-03-09T06:59:59.999Z', LA, '2026-03-08'],
    ['2026-03-09T07:00:00.000Z', LA, '2026-03-09'],
    // DST ends 2026-11-01 at 02:00: that day begins at 07:00Z, the next one at 08:00Z.
    ['2026-11-01T06:59:59.999Z', LA, '2026-10-31'],
    ['2026-11-01T07:00:00.000Z', LA, '2026-11-01'],
    ['2026-11-01T09:30:00.000Z', LA, '2026-11-01'], // 01:30 the second time
    ['2026-11-02T07:59:59.999Z', LA, '2026-11-01'],
    ['2026-11-02T08:00:00.000Z', LA, '2026-11-02'],
    // Mexico has kept UTC-6 all year since 2022; Toronto is UTC-4 in summer.
    ['2026-07-01T05:59:59.999Z', 'America/Mexico_City', '2026-06-30'],
    ['2026-07-01T06:00:00.000Z', 'America/Mexico_City', '2026-07-01'],
    ['2026-07-01T03:59:59.999Z', 'America/Toronto', '2026-06-30'],
    ['2026-07-01T04:00:00.000Z', 'America/Toronto', '2026-07-01'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(localDateOf(at(instant), zone)).toBe(expected);
  });

  it('refuses an unknown zone and an invalid Date', () => {
    expect(() => localDateOf(at('2026-01-01T00:00:00Z'), 'Mars/Olympus_Mons')).toThrow(InvalidTimeZoneError);
    expect(() => localDateOf(new Date(Number.NaN), LA)).toThrow(RangeError);
  });
});

describe('startOfLocalDay', () => {
  it.each([
    ['2026-03-08', LA, '2026-03-08T08:00:00.000Z'],
    ['2026-03-09', LA, '2026-03-09T07:00:00.000Z'],
    ['2026-11-01', LA, '2026-11-01T07:00:00.000Z'],
    ['2026-11-02', LA, '2026-11-02T08:00:00.000Z'],
    ['2026-07-01', 'America/Mexico_City', '2026-07-01T06:00:00.000Z'],
    ['2026-07-01', 'America/Toronto', '2026-07-01T04:00:00.000Z'],
    ['2026-07-01', 'UTC', '2026-07-01T00:00:00.000Z'],
  ])('%s in %s starts at %s', (date, zone, expected) => {
    expect(startOfLocalDay(date, zone).toISOString()).toBe(expected);
  });

  it('is the first instant of the local date, also where DST skips midnight', () => {
    // Chile moves clocks from 00:00 to 01:00 on 2026-09-06, so that day has no midnight.
    const zones = [LA, 'America/Toronto', 'America/Mexico_City', 'America/Santiago'];
    for (const zone of zones) {
      for (let date = '2026-02-25'; date <= '2026-11-10'; date = addCalendarDays(date, 1)) {
        const start = startOfLocalDay(date, zone);
        expect(localDateOf(start, zone)).toBe(date);
        expect(localDateOf(new Date(start.getTime() - 1), zone)).toBe(addCalendarDays(date, -1));
      }
    }
  });

  it('refuses a bad date or zone', () => {
    expect(() => startOfLocalDay('2026-02-29', LA)).toThrow(InvalidIsoDateError);
    expect(() => startOfLocalDay('2026-02-28', 'Nowhere/Town')).toThrow(InvalidTimeZoneError);
  });
});

describe('calendarDaysBetween', () => {
  it.each([
    ['2026-07-01', '2026-07-01', 0],
    ['2026-07-01', '2026-07-02', 1],
    ['2026-07-02', '2026-07-01', -1],
    ['2026-07-01', '2026-07-31', 30],
    ['2026-07-01', '2026-08-01', 31],
    ['2026-02-28', '2026-03-01', 1],
    ['2028-02-28', '2028-03-01', 2], // leap day
    ['2026-03-07', '2026-03-09', 2], // across the 23-hour day
    ['2026-12-31', '2027-01-01', 1],
  ])('%s -> %s is %d days', (from, to, expected) => {
    expect(calendarDaysBetween(from, to)).toBe(expected);
    expect(addCalendarDays(from, expected)).toBe(to);
  });

  it('refuses a bad date', () => {
    expect(() => calendarDaysBetween('2026-02-29', '2026-03-01')).toThrow(InvalidIsoDateError);
  });
});

describe('addCalendarDays', () => {
  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-08', 1, '2026-03-09'], // a 23-hour day is still one day
    ['2026-11-01', 1, '2026-11-02'], // a 25-hour day too
    ['2026-04-30', -89, '2026-01-31'],
    ['2026-07-03', 0, '2026-07-03'],
    ['2026-01-01', 365, '2027-01-01'],
  ])('%s %+d -> %s', (date, days, expected) => {
    expect(addCalendarDays(date, days)).toBe(expected);
  });

  it('refuses a bad date or a fractional count', () => {
    expect(() => addCalendarDays('2026-02-29', 1)).toThrow(InvalidIsoDateError);
    expect(() => addCalendarDays('2026-02-28', 1.5)).toThrow(RangeError);
  });
});

describe('dayOfWeek', () => {
  it.each([
    ['1970-01-01', 4],
    ['2000-02-29', 2],
    ['2026-07-03', 5],
    ['2026-07-04', 6],
    ['2026-07-05', 0],
    ['2026-07-06', 1],
  ])('%s -> %d', (date, expected) => {
    expect(dayOfWeek(date)).toBe(expected);
  });
});

describe('businessCalendar', () => {
  it('keeps the zone and the holidays, deduplicated, from any iterable', () => {
    function* holidays() {
      yield '2026-07-03';
      yield '2026-07-03';
      yield '2026-12-25';
    }
    const calendar = businessCalendar('America/Toronto', holidays());
    expect(calendar.timeZone).toBe('America/Toronto');
    expect([...calendar.holidays]).toEqual(['2026-07-03', '2026-12-25']);
  });

  it.each(['Mars/Olympus_Mons', '', 'Pacific Time'])('refuses the zone %j', (zone) => {
    expect(() => businessCalendar(zone, [])).toThrow(InvalidTimeZoneError);
  });

  it.each(['2026-02-30', '07/03/2026', ''])('refuses the holiday %j', (holiday) => {
    expect(() => businessCalendar(LA, [holiday])).toThrow(InvalidIsoDateError);
  });
});

describe('isBusinessDay', () => {
  it.each([
    ['2026-07-02', true], // Thursday
    ['2026-07-03', false], // Friday, observed holiday
    ['2026-07-04', false], // Saturday
    ['2026-07-05', false], // Sunday
    ['2026-07-06', true], // Monday
    ['2026-01-19', false], // Monday holiday
  ])('%s -> %s in the US 2026 calendar', (date, expected) => {
    expect(isBusinessDay(date, US_2026)).toBe(expected);
  });

  it('counts a holiday of another calendar as a business day', () => {
    expect(isBusinessDay('2026-07-03', NO_HOLIDAYS)).toBe(true);
  });
});

describe('addBusinessDays', () => {
  it.each([
    ['2026-01-05', 1, '2026-01-06'], // Monday -> Tuesday: the start day never counts
    ['2026-01-09', 1, '2026-01-12'], // Friday -> over the weekend
    ['2026-01-10', 1, '2026-01-12'], // from Saturday
    ['2026-01-11', 1, '2026-01-12'], // from Sunday
    ['2026-01-09', 0, '2026-01-09'],
    ['2026-01-10', 0, '2026-01-10'], // 0 returns the date even on a weekend
    ['2026-01-09', 5, '2026-01-16'],
    ['2026-01-09', 6, '2026-01-20'], // over the weekend and Monday holiday 01-19
    ['2026-07-02', 1, '2026-07-06'], // over the Friday holiday and the weekend
    ['2026-07-01', 2, '2026-07-06'],
    ['2026-06-22', 10, '2026-07-07'], // ten days that span the Friday holiday
    ['2026-12-24', 1, '2026-12-28'], // Christmas on a Friday
    ['2026-03-06', 1, '2026-03-09'], // over the DST weekend
  ])('%s + %d business days -> %s', (date, count, expected) => {
    expect(addBusinessDays(date, count, US_2026)).toBe(expected);
  });

  it('without the holiday the deadline lands a day earlier', () => {
    expect(addBusinessDays('2026-06-22', 10, NO_HOLIDAYS)).toBe('2026-07-06');
  });

  it.each([-1, 1.5, Number.NaN])('refuses the count %d', (count) => {
    expect(() => addBusinessDays('2026-01-05', count, US_2026)).toThrow(RangeError);
  });
});

describe('businessDaysBetween', () => {
  it.each([
    ['2026-01-05', '2026-01-05', 0],
    ['2026-01-05', '2026-01-06', 1],
    ['2026-01-09', '2026-01-12', 1], // Friday -> Monday
    ['2026-01-10', '2026-01-11', 0], // Saturday -> Sunday
    ['2026-01-09', '2026-01-23', 9], // two weeks less the Monday holiday
    ['2026-07-02', '2026-07-06', 1], // Friday and Saturday holidays counted once, i.e. not at all
    ['2026-07-06', '2026-07-02', -1],
    ['2026-01-12', '2026-01-09', -1], // due Friday, today Monday: overdue by one business day
    ['2026-01-26', '2026-01-09', -10],
    ['2026-01-01', '2026-12-31', 254], // 260 weekdays after 01-01, less 6 weekday holidays
    ['2026-12-31', '2026-01-01', -254],
  ])('(%s, %s] holds %d business days', (from, to, expected) => {
    expect(businessDaysBetween(from, to, US_2026)).toBe(expected);
  });

  it('is 0, not -0, when going back over a weekend', () => {
    expect(Object.is(businessDaysBetween('2026-01-10', '2026-01-09', US_2026), 0)).toBe(true);
  });

  it('agrees with counting day by day, and with addBusinessDays', () => {
    const start = '2026-06-01';
    for (let offset = 0; offset < 60; offset += 1) {
      const from = addCalendarDays(start, offset);
      for (let span = 0; span < 45; span += 1) {
        const to = addCalendarDays(from, span);
        let counted = 0;
        for (let day = addCalendarDays(from, 1); day <= to; day = addCalendarDays(day, 1)) {
          if (isBusinessDay(day, US_2026)) counted += 1;
        }
        expect(businessDaysBetween(from, to, US_2026)).toBe(counted);
        expect(businessDaysBetween(to, from, US_2026)).toBe(0 - counted);
      }
      for (let count = 0; count <= 15; count += 1) {
        expect(businessDaysBetween(from, addBusinessDays(from, count, US_2026), US_2026)).toBe(count);
      }
    }
  });
});

describe('reviewDueDate (10 business days)', () => {
  it.each([
    // Monday morning Pacific; the Friday holiday 07-03 pushes the deadline over the weekend.
    ['2026-06-22T16:00:00Z', '2026-07-07'],
    // Saturday: the clock starts from Monday, and Monday 01-19 is a holiday.
    ['2026-01-10T18:00:00Z', '2026-01-26'],
    // Friday 17:30 Pacific, already Saturday in UTC: counted from Friday.
    ['2026-01-10T01:30:00Z', '2026-01-26'],
    // Thursday 17:30 Pacific, already Friday in UTC: counted from Thursday, not Friday.
    ['2026-01-09T01:30:00Z', '2026-01-23'],
    // 00:30 Monday Pacific after DST started; a fixed UTC-8 would say Sunday and give 03-20.
    ['2026-03-09T07:30:00Z', '2026-03-23'],
    // 23:30 Sunday Pacific after DST ended; a fixed UTC-7 would say Monday and give 11-16.
    ['2026-11-02T07:30:00Z', '2026-11-13'],
  ])('submitted %s -> due %s', (submittedAt, expected) => {
    expect(reviewDueDate(at(submittedAt), 10, US_2026)).toBe(expected);
  });

  it('is a day earlier without the Friday holiday', () => {
    expect(reviewDueDate(at('2026-06-22T16:00:00Z'), 10, NO_HOLIDAYS)).toBe('2026-07-06');
  });
});

describe('dueStatus', () => {
  // Due Friday 2026-01-23; its week runs Monday 01-19 (a holiday) to Sunday 01-25.
  it.each([
    ['2026-01-15T20:00:00Z', 'Thursday the week before', 5, false, false, false],
    ['2026-01-18T20:00:00Z', 'Sunday before the due week', 4, false, false, false],
    ['2026-01-19T20:00:00Z', 'Monday of the due week', 4, false, false, true],
    ['2026-01-22T20:00:00Z', 'Thursday of the due week', 1, false, false, true],
    ['2026-01-23T08:00:00Z', 'Friday 00:00 Pacific', 0, false, true, true],
    ['2026-01-24T07:59:59Z', 'Friday 23:59:59 Pacific', 0, false, true, true],
    ['2026-01-24T08:00:00Z', 'Saturday 00:00 Pacific', 0, true, false, false],
    ['2026-01-26T20:00:00Z', 'the Monday after', -1, true, false, false],
    ['2026-01-28T20:00:00Z', 'the Wednesday after', -3, true, false, false],
  ])('at %s (%s)', (now, _label, businessDaysLeft, overdue, dueToday, dueThisWeek) => {
    expect(dueStatus('2026-01-23', at(now), US_2026)).toEqual({
      businessDaysLeft,
      overdue,
      dueToday,
      dueThisWeek,
    });
  });

  it('is due today on Friday evening Pacific although UTC says Saturday', () => {
    expect(dueStatus('2026-01-09', at('2026-01-10T01:30:00Z'), US_2026)).toEqual({
      businessDaysLeft: 0,
      overdue: false,
      dueToday: true,
      dueThisWeek: true,
    });
  });

  it.each([
    ['2026-01-25', true], // Sunday closes the week
    ['2026-01-26', false], // next Monday opens the next one
  ])('due %s seen on Monday 01-19: this week %s', (due, expected) => {
    expect(dueStatus(due, at('2026-01-19T20:00:00Z'), US_2026).dueThisWeek).toBe(expected);
  });

  it('refuses a bad due date', () => {
    expect(() => dueStatus('2026-02-30', at('2026-01-19T20:00:00Z'), US_2026)).toThrow(InvalidIsoDateError);
  });
});

describe('trailingWindow and isWithinTrailingWindow', () => {
  const noonApril30 = at('2026-04-30T19:00:00Z'); // 12:00 PDT

  it.each([
    ['2026-04-30T19:00:00Z', 90, { from: '2026-01-31', to: '2026-04-30' }],
    ['2026-05-01T06:59:59Z', 90, { from: '2026-01-31', to: '2026-04-30' }], // 23:59:59 PDT
    ['2026-05-01T07:00:00Z', 90, { from: '2026-02-01', to: '2026-05-01' }], // midnight PDT
    ['2026-03-20T19:00:00Z', 90, { from: '2025-12-21', to: '2026-03-20' }], // spans DST
    ['2026-04-30T19:00:00Z', 1, { from: '2026-04-30', to: '2026-04-30' }],
    ['2026-04-30T19:00:00Z', 30, { from: '2026-04-01', to: '2026-04-30' }],
  ])('at %s, %d days', (instant, days, expected) => {
    expect(trailingWindow(at(instant), days, LA)).toEqual(expected);
  });

  it.each([
    ['2026-01-31', true], // day 90
    ['2026-01-30', false], // day 91
    ['2026-04-30', true], // day 1: T's own date
    ['2026-05-01', false], // after T
    ['2026-03-08', true],
  ])('%s within 90 days of 2026-04-30 noon Pacific: %s', (date, expected) => {
    expect(isWithinTrailingWindow(date, noonApril30, 90, LA)).toBe(expected);
  });

  it('counts in the marketplace zone, not UTC', () => {
    const lateApril30Pacific = at('2026-05-01T03:00:00Z');
    expect(isWithinTrailingWindow('2026-01-31', lateApril30Pacific, 90, LA)).toBe(true);
    expect(isWithinTrailingWindow('2026-01-31', lateApril30Pacific, 90, 'UTC')).toBe(false);
  });

  it.each([0, -1, 1.5])('refuses %d days', (days) => {
    expect(() => trailingWindow(noonApril30, days, LA)).toThrow(RangeError);
  });

  it('refuses a bad date', () => {
    expect(() => isWithinTrailingWindow('2026-02-29', noonApril30, 90, LA)).toThrow(InvalidIsoDateError);
  });
});

describe('isInDateWindow', () => {
  const window = { from: '2026-01-31', to: '2026-04-30' };

  it.each([
    ['2026-01-30', false],
    ['2026-01-31', true],
    ['2026-04-30', true],
    ['2026-05-01', false],
  ])('%s in 2026-01-31..2026-04-30: %s', (date, expected) => {
    expect(isInDateWindow(date, window)).toBe(expected);
  });

  it('refuses a bad date rather than comparing it as text', () => {
    expect(() => isInDateWindow('2026-02-30', window)).toThrow(InvalidIsoDateError);
  });
});

describe('windowInstants', () => {
  it('is [first instant of from, first instant of the day after to) in the zone, across DST', () => {
    const window = { from: '2026-01-31', to: '2026-04-30' };
    const { start, end } = windowInstants(window, LA);
    expect(start.toISOString()).toBe('2026-01-31T08:00:00.000Z'); // PST
    expect(end.toISOString()).toBe('2026-05-01T07:00:00.000Z'); // PDT
    // The last millisecond inside is still the window's last date; `end` is the next date.
    expect(localDateOf(new Date(end.getTime() - 1), LA)).toBe('2026-04-30');
    expect(localDateOf(end, LA)).toBe('2026-05-01');
  });
});
