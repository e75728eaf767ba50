import type { EntityManager } from '@mikro-orm/knex';
import { isPostgreSqlPlatform } from '../../db/cjs-modules.js';
import { COMPLAINT_CATEGORIES, COMPLAINT_SOURCES, type IsoDate } from '@recertify/domain';
import { complaintColumn } from './complaint-columns.js';

/*
 * The one function every writer of quality records calls (SPEC 5's "daily rollups maintained as
 * data arrives"): after changing orders, complaints, order defects or ratings, in the same
 * transaction, name what was touched and the rollup rows of those offer-days are recomputed from
 * the raw rows, set-based, on both databases:
 *
 *   offer_daily_quality (offer, day)        <- marketplace_order + complaint + order_defect, and
 *                                              product_rating (by rating date); valid complaints
 *                                              per source and category (by order date)
 *   seller_daily_quality (seller, mkt, day) <- the sum of its offers' rows of that day
 *
 * Recomputing instead of adding deltas makes the result right whatever the writer did before
 * (a repeat, a correction, an import re-run after a crash): the rows always equal the records.
 *
 * What to pass: every (offer, day) whose records changed, on BOTH sides of a change: an order moved
 * to another offer or day touches its old and its new (offer, order date); a complaint or defect
 * touches its order's (offer, order date), whenever it was filed; a rating touches (offer, rating
 * date) in the marketplace's zone. A bulk writer may pass { offerIds } instead: every day of those
 * offers is recomputed. Passing more than was touched is always correct, only slower.
 *
 * Concurrency: on PostgreSQL the touched sellers' organization rows are locked (FOR NO KEY UPDATE,
 * which does not block inserts referencing them) until the transaction ends, so two writers of one
 * seller recompute one after the other and the second sees the first's rows. SQLite has one writer.
 */

export interface OfferDay {
  readonly offerId: string;
  /** YYYY-MM-DD in the marketplace's zone: an order date or a rating date. */
  readonly day: IsoDate;
}

export type TouchedQuality = { readonly offerIds: readonly string[] } | { readonly offerDays: readonly OfferDay[] };

/** At most this many offers, and this many days, per statement: far under both databases' parameter limits. */
const MAX_OFFERS_PER_STATEMENT = 400;
/** (offer, day) pairs per statement: two parameters each. */
const MAX_PAIRS_PER_STATEMENT = 2_000;
/** PostgreSQL: (offer, day) pairs per statement, as two array parameters. */
const MAX_PAIRS_PER_ARRAY = 50_000;

/** One statement's worth: every day of these offers. */
interface Slice {
  readonly offerIds: string[];
}

export async function refreshQualityRollups(em: EntityManager, touched: TouchedQuality): Promise<void> {
  if ('offerIds' in touched) {
    const slices = chunk([...new Set(touched.offerIds)].sort(), MAX_OFFERS_PER_STATEMENT).map((offerIds) => ({
      offerIds,
    }));
    if (slices.length === 0) return;
    await lockSellers(
      em,
      slices.flatMap((slice) => slice.offerIds),
    );
    for (const slice of slices) await refreshOfferRows(em, slice);
    // Sellers after all their offers' rows are current.
    for (const slice of await sellerSlices(em, slices)) await refreshSellerRows(em, slice);
    return;
  }
  // Exactly the (offer, day) pairs named, never the cross product of their offers and days: a
  // batch of complaints spread over many orders touches a few days of each of many offers.
  const pairs = distinctPairs(touched.offerDays);
  if (pairs.length === 0) return;
  await lockSellers(
    em,
    pairs.map((pair) => pair.offerId),
  );
  if (isPostgreSqlPlatform(em.getPlatform())) {
    for (const part of chunk(pairs, MAX_PAIRS_PER_ARRAY)) await refreshPairsOnPostgresql(em, part);
    return;
  }
  const chunks = chunk(pairs, MAX_PAIRS_PER_STATEMENT);
  for (const part of chunks) await refreshOfferDayRows(em, part);
  for (const part of chunks) await refreshSellerDayRows(em, part);
}

// --- internals -------------------------------------------------------------------------------

function distinctPairs(offerDays: readonly OfferDay[]): OfferDay[] {
  const seen = new Map<string, OfferDay>();
  for (const pair of offerDays) seen.set(`${pair.offerId} ${pair.day}`, { offerId: pair.offerId, day: pair.day });
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, pair]) => pair);
}

async function lockSellers(em: EntityManager, offerIds: readonly string[]): Promise<void> {
  if (!isPostgreSqlPlatform(em.getPlatform())) return;
  for (const ids of chunk([...new Set(offerIds)], MAX_OFFERS_PER_STATEMENT)) {
    await em.execute(
      `select "g"."id" from "organization" "g" where "g"."id" in ` +
        `(select "f"."seller_id" from "offer" "f" where "f"."id" in (${marks(ids)})) ` +
        `order by "g"."id" for no key update`,
      ids,
    );
  }
}

/**
 * Which offer-days one pair of statements recomputes: a `with` prefix (or none) and its parameters,
 * then how to pick the rows of each table. Every filter's own parameters follow the prefix's.
 */
interface OfferScope {
  readonly prefix: string;
  readonly prefixParams: readonly string[];
  readonly filter: (offerColumn: string, dayColumn: string) => { text: string; params: readonly string[] };
}

/** Every day of the slice's offers. */
function offersScope(slice: Slice): OfferScope {
  return {
    prefix: '',
    prefixParams: [],
    filter: (offerColumn) => ({ text: `${offerColumn} in (${marks(slice.offerIds)})`, params: slice.offerIds }),
  };
}

/**
 * Exactly these (offer, day) pairs, as a `values` list named "t". PostgreSQL types a `values` list
 * of parameters as text, so each is cast to its column's type there.
 */
function pairsScope(em: EntityManager, pairs: readonly OfferDay[], extra = ''): OfferScope {
  const row = isPostgreSqlPlatform(em.getPlatform()) ? '(cast(? as uuid), cast(? as varchar(10)))' : '(?, ?)';
  return {
    prefix: `with "t" ("offer_id", "day") as (values ${pairs.map(() => row).join(', ')})${extra} `,
    prefixParams: pairs.flatMap((pair) => [pair.offerId, pair.day]),
    filter: (offerColumn, dayColumn) => ({
      text: `(${offerColumn}, ${dayColumn}) in (select "offer_id", "day" from "t")`,
      params: [],
    }),
  };
}

/** The complaint tally's columns (quality-rollup.entity.ts): one per source, then one per category. */
const TALLY: ReadonlyArray<{ column: string; field: 'source' | 'category'; value: string }> = [
  ...COMPLAINT_SOURCES.map((value) => ({ column: complaintColumn(value), field: 'source' as const, value })),
  ...COMPLAINT_CATEGORIES.map((value) => ({ column: complaintColumn(value), field: 'category' as const, value })),
];
const TALLY_COLUMNS = TALLY.map((t) => `"${t.column}"`).join(', ');
const TALLY_ZEROS = TALLY.map(() => '0').join(', ');
const TALLY_SUMS = TALLY.map((t) => `sum("${t.column}")`).join(', ');

async function refreshOfferRows(em: EntityManager, slice: Slice): Promise<void> {
  await recomputeOfferRows(em, offersScope(slice));
}

async function refreshOfferDayRows(em: EntityManager, pairs: readonly OfferDay[]): Promise<void> {
  await recomputeOfferRows(em, pairsScope(em, pairs));
}

async function recomputeOfferRows(em: EntityManager, scope: OfferScope): Promise<void> {
  const rows = scope.filter('"offer_id"', '"day"');
  await em.execute(
    `${scope.prefix}delete from "offer_daily_quality" where ${rows.text}`,
    [...scope.prefixParams, ...rows.params],
    'run',
  );
  const orders = scope.filter('"o"."offer_id"', '"o"."order_date"');
  const ratings = scope.filter('"r"."offer_id"', '"r"."rated_date"');
  await em.execute(
    scope.prefix +
      offerRowsInsert(
        { from: '"marketplace_order" "o"', where: orders.text },
        { from: '"product_rating" "r"', where: ratings.text },
      ),
    [...scope.prefixParams, ...orders.params, ...orders.params, ...ratings.params],
    'run',
  );
}

/** Where one side of offerRowsInsert reads its rows: a `from` naming the table's alias, and a filter. */
interface RowSource {
  readonly from: string;
  readonly where?: string;
}

/**
 * The insert of offer_daily_quality's rows recomputed from the raw records: the orders' ("o") and
 * their complaints' and defects' figures by (offer, order date), the ratings ("r") by (offer,
 * rating date). An order counts once however many complaints or defects it has: EXISTS, not a
 * join. The complaint tally counts each valid complaint, on its order's day (reached through the
 * orders). The orders' source is read twice (its filter's parameters twice), then the ratings'.
 */
function offerRowsInsert(orders: RowSource, ratings: RowSource): string {
  const where = (source: RowSource) => (source.where ? ` where ${source.where}` : '');
  // Literal enum values from the domain's lists (never user input).
  const tally = TALLY.map((t) => `case when "c"."${t.field}" = '${t.value}' then 1 else 0 end`).join(', ');
  const sums = TALLY.map((t) => `sum("x"."${t.column}")`).join(', ');
  return (
    `insert into "offer_daily_quality" ("offer_id", "day", "seller_id", "marketplace", "orders", ` +
    `"orders_with_complaint", "orders_with_defect", "rating_count", "rating_star_sum", ${TALLY_COLUMNS}) ` +
    `select "x"."offer_id", "x"."day", "f"."seller_id", "f"."marketplace", sum("x"."orders"), ` +
    `sum("x"."with_complaint"), sum("x"."with_defect"), sum("x"."ratings"), sum("x"."stars"), ${sums} from (` +
    `select "o"."offer_id" as "offer_id", "o"."order_date" as "day", 1 as "orders", ` +
    `case when exists (select 1 from "complaint" "c" where "c"."order_id" = "o"."id" ` +
    `and "c"."invalidated_at" is null) then 1 else 0 end as "with_complaint", ` +
    `case when exists (select 1 from "order_defect" "d" where "d"."order_id" = "o"."id") ` +
    `then 1 else 0 end as "with_defect", 0 as "ratings", 0 as "stars", ` +
    `${TALLY.map((t) => `0 as "${t.column}"`).join(', ')} ` +
    `from ${orders.from}${where(orders)} ` +
    `union all ` +
    `select "o"."offer_id", "o"."order_date", 0, 0, 0, 0, 0, ${tally} ` +
    `from ${orders.from} join "complaint" "c" on "c"."order_id" = "o"."id" and "c"."invalidated_at" is null` +
    `${where(orders)} ` +
    `union all ` +
    `select "r"."offer_id", "r"."rated_date", 0, 0, 0, 1, "r"."stars", ${TALLY_ZEROS} ` +
    `from ${ratings.from}${where(ratings)}` +
    `) "x" join "offer" "f" on "f"."id" = "x"."offer_id" ` +
    `group by "x"."offer_id", "x"."day", "f"."seller_id", "f"."marketplace"`
  );
}

/** The sellers of each slice's offers. */
async function sellerSlices(em: EntityManager, slices: readonly Slice[]): Promise<string[][]> {
  const result: string[][] = [];
  for (const slice of slices) {
    const rows = await em.execute<Array<{ seller_id: string }>>(
      `select distinct "seller_id" from "offer" where "id" in (${marks(slice.offerIds)})`,
      slice.offerIds,
    );
    const sellerIds = rows.map((row) => row.seller_id).sort();
    if (sellerIds.length > 0) result.push(sellerIds);
  }
  return result;
}

/** Every day of these sellers. */
async function refreshSellerRows(em: EntityManager, sellerIds: readonly string[]): Promise<void> {
  await recomputeSellerRows(em, '', [], `"seller_id" in (${marks(sellerIds)})`, sellerIds);
}

/** The (seller, day) pairs of these (offer, day) pairs, as the "s" list after "t". */
async function refreshSellerDayRows(em: EntityManager, pairs: readonly OfferDay[]): Promise<void> {
  const scope = pairsScope(
    em,
    pairs,
    `, "s" ("seller_id", "day") as (select distinct "f"."seller_id", "t"."day" from "t" join "offer" "f" on "f"."id" = "t"."offer_id")`,
  );
  await recomputeSellerRows(
    em,
    scope.prefix,
    scope.prefixParams,
    `("seller_id", "day") in (select "seller_id", "day" from "s")`,
    [],
  );
}

async function recomputeSellerRows(
  em: EntityManager,
  prefix: string,
  prefixParams: readonly string[],
  where: string,
  whereParams: readonly string[],
): Promise<void> {
  const params = [...prefixParams, ...whereParams];
  await em.execute(`${prefix}delete from "seller_daily_quality" where ${where}`, params, 'run');
  await em.execute(
    `${prefix}insert into "seller_daily_quality" ("seller_id", "marketplace", "day", "orders", "orders_with_complaint", ` +
      `"orders_with_defect", "rating_count", "rating_star_sum", ${TALLY_COLUMNS}) ` +
      `select "seller_id", "marketplace", "day", sum("orders"), sum("orders_with_complaint"), ` +
      `sum("orders_with_defect"), sum("rating_count"), sum("rating_star_sum"), ${TALLY_SUMS} ` +
      `from "offer_daily_quality" where ${where} group by "seller_id", "marketplace", "day"`,
    params,
    'run',
  );
}

/**
 * PostgreSQL, for a bulk writer of orders or complaints: locks the sellers of the rows in `table`
 * (its staging table), as refreshQualityRollups does, before the rows and their rollups are written.
 */
export async function lockSellersOfRows(em: EntityManager, table: string): Promise<void> {
  await em.execute(
    `select "g"."id" from "organization" "g" where "g"."id" in (select "seller_id" from "${table}") ` +
      `order by "g"."id" for no key update`,
  );
}

/** The tables whose inserted rows rollupDeltaSql adds to the rollups. */
export type DeltaTable = 'marketplace_order' | 'complaint';

export function isDeltaTable(table: string): table is DeltaTable {
  return table === 'marketplace_order' || table === 'complaint';
}

/** What the "changed" CTE must return for rollupDeltaSql (both tables keep the order's offer and date). */
export function deltaReturning(table: DeltaTable): string {
  const columns = ['offer_id', 'order_date', ...(table === 'complaint' ? ['order_id', 'source', 'category'] : [])];
  return `${columns.map((c) => `"${table}"."${c}"`).join(', ')}, ("${table}"."xmax" = 0) as "inserted"`;
}

/**
 * PostgreSQL, for a bulk writer (the import): `with` parts, to follow a "changed" CTE
 * (`insert ... on conflict do update ... returning deltaReturning(table)`), that ADD what the rows
 * it inserted bring to the offers' and sellers' rollups, instead of recomputing their offer-days
 * from every order of those days (a batch of 10,000 complaints touches ~8,000 offer-days, whose
 * 400,000 orders the recompute read again, with two probes each).
 *
 * Exact for inserted rows only, which is all they are used for:
 *   - a new order has no complaint, defect or rating yet (theirs reference its new id): +1 order;
 *   - a new complaint is valid; it adds 1 to its source's and its category's tally, and makes its
 *     order count as an order with a complaint when the order had no valid complaint before this
 *     statement: the `not exists` reads the statement's snapshot, which does not hold the rows the
 *     statement inserts. Counted on the order's (offer, order date), as the recompute does.
 * Rows the statement updated are left to refreshQualityRollups (the writer returns their
 * offer-days), which recomputes and so overwrites; that is why the additions must come first in
 * the transaction. The caller holds the sellers' locks (lockSellersOfRows).
 */
export function rollupDeltaSql(table: DeltaTable): string {
  const zeros = (columns: readonly string[]) => columns.map((c) => `0 as "${c}"`).join(', ');
  const tallyNames = TALLY.map((x) => x.column);
  const added =
    table === 'marketplace_order'
      ? `select "x"."offer_id", "x"."order_date" as "day", count(*) as "orders", ` +
        `${zeros(['orders_with_complaint', 'orders_with_defect', 'rating_count', 'rating_star_sum', ...tallyNames])} ` +
        `from "changed" "x" where "x"."inserted" group by "x"."offer_id", "x"."order_date"`
      : `select "o"."offer_id", "o"."order_date" as "day", 0 as "orders", ` +
        `count(distinct "x"."order_id") filter (where not exists (select 1 from "complaint" "c" ` +
        `where "c"."order_id" = "x"."order_id" and "c"."invalidated_at" is null)) as "orders_with_complaint", ` +
        `${zeros(['orders_with_defect', 'rating_count', 'rating_star_sum'])}, ` +
        `${TALLY.map((x) => `count(*) filter (where "x"."${x.field}" = '${x.value}') as "${x.column}"`).join(', ')} ` +
        `from "changed" "x" join "marketplace_order" "o" on "o"."id" = "x"."order_id" where "x"."inserted" ` +
        `group by "o"."offer_id", "o"."order_date"`;
  const list = ROLLUP_COUNTS.map((c) => `"${c}"`).join(', ');
  return (
    `, "added" as (${added}), ` +
    `"offer_rows" as (insert into "offer_daily_quality" ("offer_id", "day", "seller_id", "marketplace", ${list}) ` +
    `select "a"."offer_id", "a"."day", "f"."seller_id", "f"."marketplace", ${ROLLUP_COUNTS.map((c) => `"a"."${c}"`).join(', ')} ` +
    `from "added" "a" join "offer" "f" on "f"."id" = "a"."offer_id" ` +
    `on conflict ("offer_id", "day") do update set ${addUp('offer_daily_quality')}), ` +
    `"seller_rows" as (insert into "seller_daily_quality" ("seller_id", "marketplace", "day", ${list}) ` +
    `select "f"."seller_id", "f"."marketplace", "a"."day", ${ROLLUP_COUNTS.map((c) => `sum("a"."${c}")`).join(', ')} ` +
    `from "added" "a" join "offer" "f" on "f"."id" = "a"."offer_id" group by "f"."seller_id", "f"."marketplace", "a"."day" ` +
    `on conflict ("seller_id", "marketplace", "day") do update set ${addUp('seller_daily_quality')})`
  );
}

/**
 * The counts of both rollup tables, in this order: what a bulk writer adds up (rollupDeltaSql,
 * rollupAdditionSql). The complaint tally's columns follow the five figures.
 */
export const ROLLUP_COUNTS: readonly string[] = [
  'orders',
  'orders_with_complaint',
  'orders_with_defect',
  'rating_count',
  'rating_star_sum',
  ...TALLY.map((x) => x.column),
];

const TALLY_INDEX = new Map(TALLY.map((t) => [`${t.field} ${t.value}`, ROLLUP_COUNTS.indexOf(t.column)]));

/** Index in ROLLUP_COUNTS of the tally column of a complaint's source or category. */
export function tallyIndex(field: 'source' | 'category', value: string): number {
  const i = TALLY_INDEX.get(`${field} ${value}`);
  if (i === undefined) throw new Error(`no complaint tally column for ${field} ${value}`);
  return i;
}

/** `c = target.c + excluded.c` for every count: an upsert that adds its row to the stored one. */
function addUp(target: string): string {
  return ROLLUP_COUNTS.map((c) => `"${c}" = "${target}"."${c}" + excluded."${c}"`).join(', ');
}

/**
 * SQLite, for a bulk writer (the import): the single-row upsert that ADDS counts (ROLLUP_COUNTS'
 * order, after the row's key) to one offer-day's or one seller-day's rollup row, creating it with
 * them when absent. Parameters: offer: offer_id, day, seller_id, marketplace, counts; seller:
 * seller_id, marketplace, day, counts. The same additions as rollupDeltaSql's, and exact on the
 * same terms: only for what rows the writer inserted bring; the rest goes through
 * refreshQualityRollups after it.
 */
export function rollupAdditionSql(target: 'offer' | 'seller'): string {
  const key =
    target === 'offer' ? ['offer_id', 'day', 'seller_id', 'marketplace'] : ['seller_id', 'marketplace', 'day'];
  const conflict = target === 'offer' ? ['offer_id', 'day'] : ['seller_id', 'marketplace', 'day'];
  const table = `${target}_daily_quality`;
  const columns = [...key, ...ROLLUP_COUNTS];
  return (
    `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')}) ` +
    `on conflict (${conflict.map((c) => `"${c}"`).join(', ')}) do update set ${addUp(table)}`
  );
}

/*
 * PostgreSQL: the pairs come as two array parameters, unnested into the table "t" and joined, so
 * each touched (offer, day) is one probe of marketplace_order's (offer_id, order_date) index (and of
 * product_rating's (offer_id, rated_date)), whatever the number of pairs: one statement each for
 * the offers' and the sellers' delete and insert. (A `values` list of 2,000 cast pairs took 50-80 ms
 * to plan; its estimated cost also crossed jit_above_cost, and JIT compiling the statement took
 * 0.5 s of a batch's refresh: see BENCHMARKS.md, Import. JIT is off for the refresh's statements.)
 */
async function refreshPairsOnPostgresql(em: EntityManager, pairs: readonly OfferDay[]): Promise<void> {
  for (const pair of pairs) {
    if (!UUID.test(pair.offerId) || !ISO_DAY.test(pair.day)) {
      throw new Error(`not an (offer id, day) pair: ${pair.offerId} ${pair.day}`);
    }
  }
  const params = [`{${pairs.map((p) => p.offerId).join(',')}}`, `{${pairs.map((p) => p.day).join(',')}}`];
  const t =
    `with "t" ("offer_id", "day") as (select distinct "p"."offer_id", "p"."day" ` +
    `from unnest(cast(? as uuid[]), cast(? as varchar(10)[])) as "p" ("offer_id", "day"))`;
  await em.execute('set local jit = off', [], 'run');
  await em.execute(
    `${t} delete from "offer_daily_quality" "q" using "t" where "q"."offer_id" = "t"."offer_id" and "q"."day" = "t"."day"`,
    params,
    'run',
  );
  const onPair = (offer: string, day: string) => `"${offer}" = "t"."offer_id" and "${day}" = "t"."day"`;
  await em.execute(
    `${t} ` +
      offerRowsInsert(
        { from: `"t" join "marketplace_order" "o" on ${onPair('o"."offer_id', 'o"."order_date')}` },
        { from: `"t" join "product_rating" "r" on ${onPair('r"."offer_id', 'r"."rated_date')}` },
      ),
    params,
    'run',
  );
  // The (seller, marketplace, day) of the pairs: the key of seller_daily_quality, and the order of
  // offer_daily_quality's (seller_id, marketplace, day) index.
  const s =
    `${t}, "s" as (select distinct "f"."seller_id", "f"."marketplace", "t"."day" ` +
    `from "t" join "offer" "f" on "f"."id" = "t"."offer_id")`;
  const onSellerDay = (q: string) =>
    `"${q}"."seller_id" = "s"."seller_id" and "${q}"."marketplace" = "s"."marketplace" and "${q}"."day" = "s"."day"`;
  await em.execute(`${s} delete from "seller_daily_quality" "q" using "s" where ${onSellerDay('q')}`, params, 'run');
  await em.execute(
    `${s} insert into "seller_daily_quality" ("seller_id", "marketplace", "day", "orders", "orders_with_complaint", ` +
      `"orders_with_defect", "rating_count", "rating_star_sum", ${TALLY_COLUMNS}) ` +
      `select "q"."seller_id", "q"."marketplace", "q"."day", sum("q"."orders"), sum("q"."orders_with_complaint"), ` +
      `sum("q"."orders_with_defect"), sum("q"."rating_count"), sum("q"."rating_star_sum"), ` +
      `${TALLY.map((x) => `sum("q"."${x.column}")`).join(', ')} ` +
      `from "s" join "offer_daily_quality" "q" on ${onSellerDay('q')} ` +
      `group by "q"."seller_id", "q"."marketplace", "q"."day"`,
    params,
    'run',
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function marks(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}

function chunk<T>(values: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < values.length; i += size) chunks.push(values.slice(i, i + size));
  return chunks;
}
