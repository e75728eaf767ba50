import { addCalendarDays, localDateOf, MARKETPLACES, startOfLocalDay } from '@recertify/domain';
import type { DatabaseConfig } from '../src/config.js';
import type { EntityManager } from '../src/db/orm.js';
import { refreshQualityRollups } from '../src/features/quality/quality-rollups.js';

/*
 * The dashboard benchmark's data: one seller (the demo's approved seller, who signs in) gets
 * `offers` more US offers and `orders` orders over the 90 days ending today in the marketplace's
 * zone, with complaints, order defects and ratings, written by set-based SQL (a recursive CTE on
 * SQLite, generate_series on PostgreSQL: no row goes through Node), then the daily rollups of those
 * offers by the app's own refreshQualityRollups, as an import leaves them.
 *
 *   order i: day i mod 90 (0 = today), offer (i div 90) mod offers (every offer on every day), 1 to 3 units
 *   complaint: i mod 50 = 7 (2 %), a second one on i mod 500 = 7, invalidated on i mod 1000 = 507
 *   order defect: i mod 200 = 3 (0.5 %); rating: i mod 20 = 1 (5 %), 3 to 5 stars
 *   evaluations: one a day for the 90 days (the dashboard's history), as the daily job leaves them:
 *   the demo seeder's evaluation of today copied to the 89 days before it
 */

type Kind = DatabaseConfig['kind'];
const DAYS = 90;
export const BENCH_SELLER_EMAIL = 'approved-seller@demo.recertify.test';

export interface DashboardSeed {
  readonly sellerId: string;
  readonly offers: number;
  readonly orders: number;
  readonly complaints: number;
  readonly defects: number;
  readonly ratings: number;
  readonly offerRollupRows: number;
  readonly sellerRollupRows: number;
  readonly evaluations: number;
  /** Seconds: raw rows, then the rollups. */
  readonly rowsSeconds: number;
  readonly rollupSeconds: number;
}

/** A deterministic UUID-shaped id: a table's prefix and a number (never a v4 id's shape). */
function idSql(kind: Kind, prefix: string, n: string): string {
  return kind === 'sqlite'
    ? `printf('${prefix}-0000-4000-8000-%012d', ${n})`
    : `('${prefix}-0000-4000-8000-' || lpad((${n})::text, 12, '0'))::uuid`;
}

/** Milliseconds since the epoch as the column type: SQLite keeps dates as integer ms, PostgreSQL as timestamptz. */
function timeSql(kind: Kind, ms: string): string {
  return kind === 'sqlite' ? `(${ms})` : `to_timestamp((${ms}) / 1000.0)`;
}

/** Rows 0..count-1 as `n(i)`, then `days(d, day, start_ms)` for the 90 days. */
function numbers(kind: Kind, count: number, days: Array<{ d: number; day: string; start: number }>) {
  const values = days.map(() => (kind === 'sqlite' ? '(?, ?, ?)' : '(?::int, ?::text, ?::bigint)')).join(', ');
  const text =
    kind === 'sqlite'
      ? `with recursive "n"("i") as (select 0 union all select "i" + 1 from "n" where "i" < ${count - 1}), ` +
        `"days"("d", "day", "start_ms") as (values ${values}) `
      : `with "n"("i") as (select generate_series(0, ${count - 1})), ` +
        `"days"("d", "day", "start_ms") as (values ${values}) `;
  return { text, params: days.flatMap((d) => [d.d, d.day, d.start]) };
}

export async function seedDashboardData(
  em: EntityManager,
  kind: Kind,
  { offers, orders, now }: { offers: number; orders: number; now: Date },
): Promise<DashboardSeed> {
  const marketplace = 'US';
  const zone = MARKETPLACES[marketplace].timeZone;
  const today = localDateOf(now, zone);
  const days = Array.from({ length: DAYS }, (_, d) => {
    const day = addCalendarDays(today, -d);
    return { d, day, start: startOfLocalDay(day, zone).getTime() };
  });
  const [seller] = await em.execute<Array<{ organization_id: string }>>(
    'select "organization_id" from "user" where "email" = ?',
    [BENCH_SELLER_EMAIL],
  );
  if (!seller) throw new Error(`no ${BENCH_SELLER_EMAIL}: seed the demo data first`);
  const sellerId = seller.organization_id;
  const at = now.getTime();
  const started = performance.now();

  await em.transactional(async (tx) => {
    // Offers.
    const o = numbers(kind, offers, days.slice(0, 1));
    await tx.execute(
      `${o.text}insert into "offer" ("id", "created_at", "updated_at", "seller_id", "marketplace", "external_id", "sku", ` +
        '"product_name", "brand", "category", "condition", "price_amount_minor", "price_currency", "status", "version") ' +
        `select ${idSql(kind, 'b0000000', '"i"')}, ${timeSql(kind, String(at))}, ${timeSql(kind, String(at))}, ?, ?, ` +
        `'bench-offer-' || "i", 'BENCH-' || "i", 'Renewed phone ' || "i", 'Acme', 'Phones', 'Renewed', 19999, 'USD', 'ACTIVE', 1 from "n"`,
      [...o.params, sellerId, marketplace],
    );
    // Orders: the day's start plus up to 22 hours (a day is 23 hours at the least), spread over the day.
    const n = numbers(kind, orders, days);
    const orderedAt = `"days"."start_ms" + ((("n"."i" / ${DAYS}) * 7919) % 79200) * 1000`;
    await tx.execute(
      `${n.text}insert into "marketplace_order" ("id", "created_at", "updated_at", "offer_id", "seller_id", "marketplace", ` +
        '"external_id", "buyer_reference", "quantity", "ordered_at", "shipped_at", "delivered_at", "order_date", "version") ' +
        `select ${idSql(kind, 'b1000000', '"n"."i"')}, ${timeSql(kind, String(at))}, ${timeSql(kind, String(at))}, ` +
        `${idSql(kind, 'b0000000', `("n"."i" / ${DAYS}) % ${offers}`)}, ?, ?, 'bench-order-' || "n"."i", 'buyer-' || ("n"."i" % 50000), ` +
        `1 + "n"."i" % 3, ${timeSql(kind, orderedAt)}, null, null, "days"."day", 1 ` +
        `from "n" join "days" on "days"."d" = "n"."i" % ${DAYS}`,
      [...n.params, sellerId, marketplace],
    );
    // Complaints on 2 % of the orders, a second one on 0.2 %, one in ten of the second kind invalidated.
    const source = `case ("n"."i" / 50) % 4 when 0 then 'EMAIL' when 1 then 'PRODUCT_REVIEW' when 2 then 'SELLER_FEEDBACK' else 'CUSTOMER_SERVICE_CALL' end`;
    const category =
      `case ("n"."i" / 50) % 6 when 0 then 'NOT_WORKING' when 1 then 'COSMETIC_DAMAGE' when 2 then 'MISSING_ACCESSORIES' ` +
      `when 3 then 'WRONG_ITEM' when 4 then 'BATTERY' else 'OTHER' end`;
    for (const [prefix, where, invalidated] of [
      ['b2000000', '"n"."i" % 50 = 7', 'null'],
      [
        'b3000000',
        '"n"."i" % 500 = 7',
        `case when "n"."i" % 1000 = 507 then ${timeSql(kind, String(at))} else null end`,
      ],
    ] as const) {
      await tx.execute(
        `${n.text}insert into "complaint" ("id", "created_at", "updated_at", "order_id", "offer_id", "seller_id", "marketplace", ` +
          '"order_date", "external_id", "source", "category", "filed_at", "note", "invalidated_at", "invalidated_by_id", ' +
          '"invalidation_reason", "version") ' +
          `select ${idSql(kind, prefix, '"n"."i"')}, ${timeSql(kind, String(at))}, ${timeSql(kind, String(at))}, ` +
          `${idSql(kind, 'b1000000', '"n"."i"')}, ${idSql(kind, 'b0000000', `("n"."i" / ${DAYS}) % ${offers}`)}, ?, ?, "days"."day", ` +
          `'${prefix}-' || "n"."i", ${source}, ${category}, ${timeSql(kind, `${orderedAt} + 3600000`)}, null, ${invalidated}, null, ` +
          `case when ${invalidated} is null then null else 'bench: not about the product' end, 1 ` +
          `from "n" join "days" on "days"."d" = "n"."i" % ${DAYS} where ${where}`,
        [...n.params, sellerId, marketplace],
      );
    }
    const kindOf = `case ("n"."i" / 200) % 3 when 0 then 'NEGATIVE_FEEDBACK' when 1 then 'A_TO_Z_CLAIM' else 'CHARGEBACK' end`;
    await tx.execute(
      `${n.text}insert into "order_defect" ("id", "created_at", "updated_at", "order_id", "offer_id", "seller_id", "marketplace", ` +
        '"order_date", "external_id", "kind", "reported_at", "version") ' +
        `select ${idSql(kind, 'b4000000', '"n"."i"')}, ${timeSql(kind, String(at))}, ${timeSql(kind, String(at))}, ` +
        `${idSql(kind, 'b1000000', '"n"."i"')}, ${idSql(kind, 'b0000000', `("n"."i" / ${DAYS}) % ${offers}`)}, ?, ?, "days"."day", ` +
        `'bench-defect-' || "n"."i", ${kindOf}, ${timeSql(kind, `${orderedAt} + 7200000`)}, 1 ` +
        `from "n" join "days" on "days"."d" = "n"."i" % ${DAYS} where "n"."i" % 200 = 3`,
      [...n.params, sellerId, marketplace],
    );
    await tx.execute(
      `${n.text}insert into "product_rating" ("id", "created_at", "updated_at", "offer_id", "order_id", "seller_id", "marketplace", ` +
        '"external_id", "stars", "rated_at", "rated_date", "version") ' +
        `select ${idSql(kind, 'b5000000', '"n"."i"')}, ${timeSql(kind, String(at))}, ${timeSql(kind, String(at))}, ` +
        `${idSql(kind, 'b0000000', `("n"."i" / ${DAYS}) % ${offers}`)}, ${idSql(kind, 'b1000000', '"n"."i"')}, ?, ?, ` +
        `'bench-rating-' || "n"."i", 3 + ("n"."i" / 20) % 3, ${timeSql(kind, orderedAt)}, "days"."day", 1 ` +
        `from "n" join "days" on "days"."d" = "n"."i" % ${DAYS} where "n"."i" % 20 = 1`,
      [...n.params, sellerId, marketplace],
    );
  });
  // The evaluation history: the daily job's snapshot of each earlier day, as today's, for the days
  // the demo seeder has not kept one (it keeps 90 days for its approved seller).
  const history = numbers(kind, 1, days.slice(1));
  const evaluationColumns =
    '"policy_version", "standing", "breaches", "rqs_orders", "rqs_defective_orders", "rqs_bps", "rqs_minimum_bps", ' +
    '"rqs_breached", "odr_orders", "odr_defective_orders", "odr_bps", "odr_maximum_bps", "odr_breached", "rating_count", ' +
    '"rating_stars_total", "rating_hundredths", "rating_minimum_hundredths", "rating_breached", "offers", "suppressed_offers"';
  await em.execute(
    `${history.text}insert into "quality_evaluation" ("id", "created_at", "updated_at", "organization_id", "marketplace", ` +
      `"day", "evaluated_at", ${evaluationColumns}) ` +
      `select ${idSql(kind, 'b6000000', '"days"."d"')}, "e"."created_at", "e"."updated_at", "e"."organization_id", "e"."marketplace", ` +
      `"days"."day", ${timeSql(kind, '"days"."start_ms" + 7200000')}, ${evaluationColumns.replace(/"([a-z_]+)"/g, '"e"."$1"')} ` +
      'from "quality_evaluation" as "e" join "days" on "days"."day" < "e"."day" ' +
      'where "e"."organization_id" = ? and "e"."marketplace" = ? and "e"."day" = ? and not exists (select 1 from ' +
      '"quality_evaluation" as "k" where "k"."organization_id" = "e"."organization_id" and "k"."marketplace" = ' +
      '"e"."marketplace" and "k"."day" = "days"."day")',
    [...history.params, sellerId, marketplace, today],
  );
  const rowsDone = performance.now();

  // The rollups, as every writer of quality records leaves them (one transaction, all days of the new offers).
  const offerIds = Array.from({ length: offers }, (_, i) => `b0000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
  await em.transactional((tx) => refreshQualityRollups(tx, { offerIds }));
  const rollupDone = performance.now();

  const count = async (sql: string, params: unknown[] = []) =>
    Number((await em.execute<Array<{ c: number | string }>>(sql, params))[0]?.c ?? 0);
  const bySeller = [sellerId, marketplace];
  return {
    sellerId,
    offers: await count('select count(*) as "c" from "offer" where "seller_id" = ? and "marketplace" = ?', bySeller),
    orders: await count(
      'select count(*) as "c" from "marketplace_order" where "seller_id" = ? and "marketplace" = ?',
      bySeller,
    ),
    complaints: await count(
      'select count(*) as "c" from "complaint" where "seller_id" = ? and "marketplace" = ?',
      bySeller,
    ),
    defects: await count(
      'select count(*) as "c" from "order_defect" where "seller_id" = ? and "marketplace" = ?',
      bySeller,
    ),
    ratings: await count(
      'select count(*) as "c" from "product_rating" where "seller_id" = ? and "marketplace" = ?',
      bySeller,
    ),
    offerRollupRows: await count(
      'select count(*) as "c" from "offer_daily_quality" where "seller_id" = ? and "marketplace" = ?',
      bySeller,
    ),
    sellerRollupRows: await count(
      'select count(*) as "c" from "seller_daily_quality" where "seller_id" = ? and "marketplace" = ?',
      bySeller,
    ),
    evaluations: await count(
      'select count(*) as "c" from "quality_evaluation" where "organization_id" = ? and "marketplace" = ?',
      bySeller,
    ),
    rowsSeconds: (rowsDone - started) / 1000,
    rollupSeconds: (rollupDone - rowsDone) / 1000,
  };
}
