import type { EntityManager } from '@mikro-orm/knex';
import type { Sql } from './sql.js';
import { selectRows } from './select-rows.js';

/**
 * A count that stops at a cap, so that its cost is bounded whatever the table holds (GitLab's and
 * GitHub's "10,000+"): exactly `value` rows when `atLeast` is false; at least `value` (the cap) when
 * true.
 */
export interface CappedCountData {
  readonly value: number;
  readonly atLeast: boolean;
}

/**
 * The SQL of a capped count: reads at most `cap + 1` rows of `from ... where ...` (`fromWhere`,
 * e.g. `"return_request" as "r" where "r"."organization_id" = ?`) and counts them. A scalar
 * expression, so several can share one statement.
 */
export function cappedCountSql(fromWhere: Sql, cap: number): Sql {
  if (!Number.isSafeInteger(cap) || cap < 1) throw new Error(`a count cap is a whole number from 1, not ${cap}`);
  return {
    text: `(select count(*) from (select 1 from ${fromWhere.text} limit ${cap + 1}) as "capped")`,
    params: fromWhere.params,
  };
}

/** The capped count from the number of rows read (at most `cap + 1`). */
export function cappedCountOf(counted: number | string | bigint | null | undefined, cap: number): CappedCountData {
  const value = Number(counted ?? 0);
  return value > cap ? { value: cap, atLeast: true } : { value, atLeast: false };
}

/** Runs one capped count. */
export async function cappedCount(em: EntityManager, fromWhere: Sql, cap: number): Promise<CappedCountData> {
  const count = cappedCountSql(fromWhere, cap);
  const [row] = await selectRows<{ count: number | string }>(em, `select ${count.text} as "count"`, [...count.params]);
  return cappedCountOf(row?.count, cap);
}

/** A connection with a capped `count`: a promise, or the value when the page already knew it. */
export type WithCappedCount<C> = C & { readonly count: Promise<CappedCountData> | CappedCountData };

/**
 * Gives a connection its `count` (connection.ts, `cappedCount`) as a getter, as `totalCount` is: the
 * capped count of `fromWhere` runs only when a client selects it, and at most once. `known`: the
 * number of matching rows when the page already knows it (a first page that holds the whole list),
 * then no statement runs.
 */
export function withCappedCount<C extends object>(
  connection: C,
  em: EntityManager,
  fromWhere: Sql,
  cap: number,
  known: number | null = null,
): WithCappedCount<C> {
  let counted: Promise<CappedCountData> | undefined;
  return Object.defineProperty(connection, 'count', {
    enumerable: true,
    get: () =>
      (counted ??= known !== null ? Promise.resolve(cappedCountOf(known, cap)) : cappedCount(em, fromWhere, cap)),
  }) as WithCappedCount<C>;
}
