import type { EntityManager } from '@mikro-orm/knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../src/db/select-rows.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/*
 * The prepared read path (db/select-rows.ts) against the real database: the same rows as the ORM's
 * `execute` for every kind of parameter the app passes (text, number, boolean, date, null), inside a
 * transaction too (it must see the transaction's own writes), a `?` inside a literal left alone, a
 * list parameter expanded as the ORM expands it, and every statement logged as the ORM logs it.
 */
describe('selectRows', () => {
  let app: TestApp;
  const logged: string[] = [];
  const fork = () => app.orm.em.fork() as EntityManager;
  const AT = new Date('2026-11-23T17:00:00.123Z');
  const DAY = 86_400_000;

  beforeAll(async () => {
    app = await startTestApp({ onQuery: (s) => logged.push(s) });
    const em = fork();
    const timestamp = app.kind === 'postgresql' ? 'timestamptz' : 'datetime';
    await em.execute(
      `create table "select_rows_probe" ("id" integer primary key, "name" varchar(50) null, "flag" boolean not null, "at" ${timestamp} not null, "n" integer null)`,
    );
    for (let id = 1; id <= 6; id++) {
      await em.execute('insert into "select_rows_probe" ("id", "name", "flag", "at", "n") values (?, ?, ?, ?, ?)', [
        id,
        id === 3 ? "it's ?" : `row ${id}`,
        id % 2 === 0,
        new Date(AT.getTime() + id * DAY),
        id === 5 ? null : id * 10,
      ]);
    }
  });
  afterAll(() => app?.stop());

  const WHERE_ALL_KINDS =
    'select "id", "name", "flag", "at", "n" from "select_rows_probe" where "flag" = ? and "at" >= ? and "n" < ? and "name" <> ? order by "id"';

  it('answers what the ORM answers, for text, number, boolean and date parameters', async () => {
    const params = [true, new Date(AT.getTime() + 2 * DAY), 60, 'row 2'];
    const prepared = await selectRows<{ id: number }>(fork(), WHERE_ALL_KINDS, params);
    const orm = await fork().execute<Array<{ id: number }>>(WHERE_ALL_KINDS, params);
    expect(prepared).toEqual(orm);
    expect(prepared.map((r) => Number(r.id))).toEqual([4]);
    // The date is compared at the millisecond: a day later by one millisecond leaves row 4 out.
    const later = await selectRows<{ id: number }>(fork(), WHERE_ALL_KINDS, [
      true,
      new Date(AT.getTime() + 4 * DAY + 1),
      70,
      'x',
    ]);
    expect(later.map((r) => Number(r.id))).toEqual([6]);
    const exact = await selectRows<{ id: number }>(fork(), WHERE_ALL_KINDS, [
      true,
      new Date(AT.getTime() + 4 * DAY),
      70,
      'x',
    ]);
    expect(exact.map((r) => Number(r.id))).toEqual([4, 6]);
  });

  it('runs the same statement again with other values (the prepared text is reused)', async () => {
    for (const [flag, expected] of [
      [false, [1, 3]],
      [true, [2, 4]],
      [false, [1, 3]],
    ] as const) {
      const rows = await selectRows<{ id: number }>(fork(), WHERE_ALL_KINDS, [flag, AT, 50, 'none']);
      expect(rows.map((r) => Number(r.id))).toEqual(expected);
    }
  });

  it('binds null, and leaves a question mark inside a literal alone', async () => {
    const rows = await selectRows<{ id: number }>(
      fork(),
      `select "id" from "select_rows_probe" where ("n" is null or "n" = ?) and "name" <> 'what?' order by "id"`,
      [null],
    );
    expect(rows.map((r) => Number(r.id))).toEqual([5]);
    const quoted = await selectRows<{ id: number }>(
      fork(),
      `select "id" from "select_rows_probe" where "name" = 'it''s ?' and "id" = ?`,
      [3],
    );
    expect(quoted.map((r) => Number(r.id))).toEqual([3]);
  });

  it('expands a list parameter as the ORM does', async () => {
    const rows = await selectRows<{ id: number }>(
      fork(),
      'select "id" from "select_rows_probe" where "id" in (?) order by "id"',
      [[2, 5, 9]],
    );
    expect(rows.map((r) => Number(r.id))).toEqual([2, 5]);
  });

  it("sees the transaction's own writes inside a transaction", async () => {
    await fork()
      .transactional(async (em) => {
        await em.execute('insert into "select_rows_probe" ("id", "name", "flag", "at", "n") values (?, ?, ?, ?, ?)', [
          7,
          'uncommitted',
          true,
          AT,
          70,
        ]);
        const inside = await selectRows<{ id: number }>(em, 'select "id" from "select_rows_probe" where "name" = ?', [
          'uncommitted',
        ]);
        expect(inside.map((r) => Number(r.id))).toEqual([7]);
        throw new Error('roll back');
      })
      .catch((error: Error) => expect(error.message).toBe('roll back'));
    expect(await selectRows(fork(), 'select "id" from "select_rows_probe" where "id" = ?', [7])).toEqual([]);
  });

  it('logs each statement once, with its values, as the ORM logs its own', async () => {
    logged.length = 0;
    await selectRows(fork(), 'select "id" from "select_rows_probe" where "name" = ? and "n" > ?', ['row 4', 1]);
    const mine = logged.filter((s) => s.includes('from "select_rows_probe" where "name" ='));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toContain("'row 4'");
  });

  it("emits knex's query event with the statement and its values, as knex does", async () => {
    const em = fork();
    const knex = em.getKnex();
    const sent: Array<{ sql: string; bindings?: unknown }> = [];
    const listen = (query: { sql: string; bindings?: unknown }) => sent.push(query);
    knex.on('query', listen);
    try {
      await selectRows(em, 'select "id" from "select_rows_probe" where "n" = ?', [40]);
    } finally {
      knex.off('query', listen);
    }
    expect(sent).toEqual([
      expect.objectContaining({ sql: 'select "id" from "select_rows_probe" where "n" = ?', bindings: [40] }),
    ]);
  });

  it('PostgreSQL plans each execution of a prepared statement for its values (no generic plan)', async (context) => {
    if (app.kind !== 'postgresql') context.skip(); // SQLite re-prepares when a value could change the plan.
    for (let i = 0; i < 3; i++) {
      const [row] = await selectRows<{ mode: string }>(fork(), 'select current_setting(?) as "mode"', [
        'plan_cache_mode',
      ]);
      expect(row?.mode).toBe('force_custom_plan');
    }
  });
});
