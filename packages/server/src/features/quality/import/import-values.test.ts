import { describe, expect, it } from 'vitest';
import { orderDateOf } from '@recertify/domain';
import { FieldReader, LocalDates, type FileInstant } from './import-values.js';

function read<T>(fields: Record<string, unknown>, use: (r: FieldReader) => T): { value: T; rules: string[] } {
  const reader = new FieldReader(fields, 7);
  const value = use(reader);
  return { value, rules: reader.rejections.map((r) => `${r.line} ${r.field} ${r.rule}`) };
}

describe('FieldReader', () => {
  it('reads text trimmed; absent or empty is MISSING_COLUMN; too long is TOO_LONG', () => {
    expect(read({ a: ' x ' }, (r) => r.text('a', 5))).toEqual({ value: 'x', rules: [] });
    expect(read({}, (r) => r.text('a', 5)).rules).toEqual(['7 a MISSING_COLUMN']);
    expect(read({ a: '  ' }, (r) => r.text('a', 5)).rules).toEqual(['7 a MISSING_COLUMN']);
    expect(read({ a: '123456' }, (r) => r.text('a', 5)).rules).toEqual(['7 a TOO_LONG']);
    expect(read({ a: 12 }, (r) => r.text('a', 5)).value).toBe('12');
    expect(read({ a: { x: 1 } }, (r) => r.text('a', 5)).rules).toEqual(['7 a NOT_TEXT']);
  });

  it('reads whole numbers from JSON numbers and digits only', () => {
    expect(read({ q: 3 }, (r) => r.integer('q')).value).toBe(3);
    expect(read({ q: '-2' }, (r) => r.integer('q')).value).toBe(-2);
    expect(read({ q: '2.5' }, (r) => r.integer('q')).rules).toEqual(['7 q NOT_A_WHOLE_NUMBER']);
    expect(read({ q: 2.5 }, (r) => r.integer('q')).rules).toEqual(['7 q NOT_A_WHOLE_NUMBER']);
    expect(read({ q: 'three' }, (r) => r.integer('q')).rules).toEqual(['7 q NOT_A_WHOLE_NUMBER']);
    expect(read({}, (r) => r.integer('q')).rules).toEqual(['7 q MISSING_COLUMN']);
  });

  it('reads ISO 8601 instants with a zone; dates that do not exist and zoneless times are BAD_DATE', () => {
    expect(read({ t: '2026-11-02T14:30:00Z' }, (r) => r.instant('t')).value).toEqual(new Date('2026-11-02T14:30:00Z'));
    // The file's text is kept for PostgreSQL's COPY only when it is UTC with at most milliseconds.
    const text = (t: string) => (new FieldReader({ t }, 7, true).instant('t') as FileInstant).text;
    expect(text('2026-11-02T14:30:00Z')).toBe('2026-11-02T14:30:00Z');
    expect(text('2026-11-02T14:30:00.123Z')).toBe('2026-11-02T14:30:00.123Z');
    expect(text('2026-11-02T14:30Z')).toBe('2026-11-02T14:30Z');
    expect(text('2026-11-02T14:30:00.1234Z')).toBeNull();
    expect(text('2026-11-02T09:30:00-05:00')).toBeNull();
    expect(read({ t: '2026-11-02T09:30:00-05:00' }, (r) => r.instant('t')).value).toEqual(
      new Date('2026-11-02T14:30:00Z'),
    );
    for (const bad of [
      '2026-02-30T10:00:00Z',
      '2026-11-02T14:30:00',
      '2026-11-02',
      'yesterday',
      '2026-13-01T00:00:00Z',
    ]) {
      expect(read({ t: bad }, (r) => r.instant('t')).rules).toEqual(['7 t BAD_DATE']);
    }
    expect(read({}, (r) => r.optionalInstant('t'))).toEqual({ value: null, rules: [] });
    expect(read({}, (r) => r.instant('t')).rules).toEqual(['7 t MISSING_COLUMN']);
  });

  it('accepts only listed codes', () => {
    expect(read({ s: 'EMAIL' }, (r) => r.oneOf('s', ['EMAIL', 'OTHER'])).rules).toEqual([]);
    expect(read({ s: 'email' }, (r) => r.oneOf('s', ['EMAIL', 'OTHER'])).rules).toEqual(['7 s NOT_ALLOWED']);
  });
});

describe('LocalDates', () => {
  it('gives the same date as orderDateOf, around midnight and across a DST change', () => {
    const dates = new LocalDates();
    const instants = [
      '2026-11-01T03:59:59.999Z',
      '2026-11-01T04:00:00Z',
      '2026-11-01T04:59:59Z',
      '2026-11-01T05:00:00Z',
      '2026-11-02T04:59:59.999Z',
      '2026-11-02T05:00:00Z',
      '2026-03-08T05:00:00Z',
      '2026-03-09T03:59:59Z',
      '2026-03-09T04:00:00Z',
    ].map((text) => new Date(text));
    for (const zone of ['America/New_York', 'America/Mexico_City', 'America/St_Johns', 'UTC']) {
      for (const instant of instants) expect(dates.of(instant, zone)).toBe(orderDateOf(instant, zone));
    }
  });
});
