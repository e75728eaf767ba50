import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.js';
import { keyset, type CursorKey } from './pagination.js';

interface Row {
  day: string;
  at: Date;
  id: string;
}
const KEYS: ReadonlyArray<CursorKey<Row>> = [
  { column: '"t"."day"', type: 'day', of: (r) => r.day },
  { column: '"t"."at"', type: 'timestamp', of: (r) => r.at },
  { column: '"t"."id"', type: 'string', of: (r) => r.id },
];
const rows: Row[] = [1, 2, 3].map((i) => ({
  day: `2026-12-0${i}`,
  at: new Date(Date.UTC(2026, 10, i, 12)),
  id: `r${i}`,
}));
const pageOf = (after: string | null, scope: unknown = 'list') =>
  keyset({ keys: KEYS, scope, first: 2, after }).page(
    rows,
    (r) => r.id,
    () => Promise.resolve(3),
  );
const encode = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
const decode = (cursor: string) => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];

function refusal(after: string, scope: unknown = 'list'): string {
  try {
    keyset({ keys: KEYS, scope, first: 2, after });
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('BAD_USER_INPUT');
    const problems = (error as AppError<'BAD_USER_INPUT'>).details.fields;
    expect(problems.map((p) => p.field)).toEqual(['after']);
    return problems[0]!.message;
  }
  throw new Error('the cursor was accepted');
}

describe('keyset pagination', () => {
  it('cuts the fetched rows to the page and says whether more follow', async () => {
    const page = pageOf(null);
    expect(page.edges.map((e) => e.node)).toEqual(['r1', 'r2']);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(await page.totalCount).toBe(3);
  });

  it('continues after a cursor with a row-value condition on its own values', () => {
    const cursor = pageOf(null).pageInfo.endCursor!;
    const next = keyset({ keys: KEYS, scope: 'list', first: 2, after: cursor });
    expect(next.after?.text).toBe('("t"."day", "t"."at", "t"."id") > (?, ?, ?)');
    expect(next.after?.params).toEqual(['2026-12-02', new Date(Date.UTC(2026, 10, 2, 12)), 'r2']);
    expect(next.orderBy).toBe('"t"."day" asc, "t"."at" asc, "t"."id" asc');
    expect(next.limit).toBe(3);
  });

  it('counts only when totalCount is read, and once', async () => {
    let counted = 0;
    const page = keyset({ keys: KEYS, scope: 'list', first: 2 }).page(
      rows,
      (r) => r,
      () => Promise.resolve(++counted),
    );
    expect(counted).toBe(0);
    expect(await page.totalCount).toBe(1);
    expect(await page.totalCount).toBe(1);
    expect(counted).toBe(1);
  });

  it('refuses a cursor from another list or filter', () => {
    expect(refusal(pageOf(null).pageInfo.endCursor!, { other: true })).toMatch(/another filter/);
  });

  it.each([
    ['not base64 JSON', '%%%'],
    ['not an array', encode({ a: 1 } as never)],
    ['too few parts', encode(['x', '2026-12-01'])],
    ['a number for a string', null],
    ['an impossible day', null],
    ['an impossible instant', null],
    ['an instant without its zone', null],
    ['an empty id', null],
  ])('refuses a cursor with %s', (what, given) => {
    const [scope, day, at, id] = decode(pageOf(null).pageInfo.endCursor!);
    const forged =
      given ??
      {
        'a number for a string': encode([scope, day, at, 42]),
        'an impossible day': encode([scope, '2026-02-29', at, id]),
        'an impossible instant': encode([scope, day, '2026-11-31T25:00:00.000Z', id]),
        'an instant without its zone': encode([scope, day, '2026-11-02T12:00:00', id]),
        'an empty id': encode([scope, day, at, '']),
      }[what]!;
    expect(refusal(forged)).toMatch(/not a cursor from this list/);
  });

  it('accepts a leap day and an instant without milliseconds', () => {
    const [scope, , , id] = decode(pageOf(null).pageInfo.endCursor!);
    const after = keyset({
      keys: KEYS,
      scope: 'list',
      first: 2,
      after: encode([scope, '2028-02-29', '2026-11-02T12:00:00Z', id]),
    });
    expect(after.after?.params).toEqual(['2028-02-29', new Date('2026-11-02T12:00:00Z'), id]);
  });
});
