import 'reflect-metadata';
import { createHash } from 'node:crypto';
import http from 'node:http';
import {
  addCalendarDays,
  COMPLAINT_CATEGORIES,
  COMPLAINT_SOURCES,
  formatBps,
  formatHundredths,
  localDateOf,
  ratingFigure,
  startOfLocalDay,
  type IsoDate,
} from '@recertify/domain';
import { createOrm, type EntityManager } from '../src/db/orm.js';
import {
  currentFigures,
  qualityTrend,
  trendRowsFrom,
  type TrendPolicy,
} from '../src/features/quality/dashboard/dashboard-figures.js';
import { databaseFromEnv, type FromServer, type ToServer } from './protocol.js';

/*
 * The dashboard benchmark's baseline: a plain node:http handler that runs the statements the app
 * runs for the seller dashboard (dashboard.bench.ts prints the app's own, captured from its query
 * log, beside these) through the same driver and pool (the ORM's knex, no entities, no GraphQL),
 * sums the rows with the same pure functions (the domain's figures, dashboard-figures.ts) and writes
 * the same JSON, `__typename`s included. POST /dashboard with the rc_session cookie of a seller.
 */

/** Like the app: the session's last-seen time is written at most once a minute. */
const TOUCH_INTERVAL_MS = 60_000;
const MARKETPLACE = 'US';

const SESSION_SQL =
  'select "s"."expires_at" as "s__expires_at", "s"."id" as "s__id", "s"."last_seen_at" as "s__last_seen_at", ' +
  '"s"."revoked_at" as "s__revoked_at", "u"."deactivated_at" as "u__deactivated_at", "u"."display_name" as "u__display_name", ' +
  '"u"."email" as "u__email", "u"."id" as "u__id", "u"."role" as "u__role", "u"."organization_id" as "user_organization_id" ' +
  'from "session" as "s" inner join "user" as "u" on "u"."id" = "s"."user_id" where "s"."token_hash" = ? limit 1';
const TOUCH_SQL = 'update "session" set "last_seen_at" = ? where "id" = ?';
const SELLER_SQL =
  'select "s"."name", (select "a"."status" from "application" as "a" where "a"."organization_id" = "s"."id" and "a"."marketplace" = ? ' +
  `order by case when "a"."status" = 'APPROVED' then 0 else 1 end, "a"."created_at" desc limit 1) as "status" ` +
  `from "organization" as "s" where "s"."id" = ? and "s"."kind" = 'SELLER'`;
const POLICY_COLUMNS = [
  'id',
  'created_at',
  'updated_at',
  'marketplace_code',
  'version',
  'effective_from',
  'notes',
  'qualifying_purchases_minimum_amount_minor',
  'qualifying_purchases_minimum_currency',
  'purchase_window_days',
  'excluded_item_max_unit_price_amount_minor',
  'excluded_item_max_unit_price_currency',
  'apple_qualifying_purchases_minimum_amount_minor',
  'apple_qualifying_purchases_minimum_currency',
  'apple_purchase_window_days',
  'warranty_kind',
  'warranty_minimum_days',
  'minimum_images',
  'required_views',
  'screen_products_require_screen_on',
  'odr_maximum_bps',
  'odr_window_days',
  'review_due_business_days',
  'offer_rqs_minimum_bps',
  'seller_rqs_minimum_bps',
  'average_rating_minimum_hundredths',
  'rqs_window_days',
  'rqs_minimum_orders',
  'default_return_window_days',
  'transit_allowance_days',
  'defaulted_parameters',
];
const MARKETPLACE_SQL =
  `select "m0".*, ${POLICY_COLUMNS.map((c) => `"p1"."${c}" as "p1__${c}"`).join(', ')} from "marketplace" as "m0" ` +
  'left join "policy_version" as "p1" on "m0"."code" = "p1"."marketplace_code" where "m0"."code" = ?';
const ROWS_SQL =
  'select "day", "orders", "orders_with_complaint", "orders_with_defect" from "seller_daily_quality" ' +
  'where "seller_id" = ? and "marketplace" = ? and "day" >= ? and "day" <= ?';
const RATINGS_SQL =
  'select coalesce(sum("rating_count"), 0) as "count", coalesce(sum("rating_star_sum"), 0) as "sum" ' +
  'from "seller_daily_quality" where "seller_id" = ? and "marketplace" = ? and "day" <= ?';
const COMPLAINTS_SQL =
  'select "source", "category", count(*) as "count" from "complaint" where "seller_id" = ? and "marketplace" = ? ' +
  'and "order_date" >= ? and "order_date" <= ? and "invalidated_at" is null group by "source", "category"';

export const DASHBOARD_BASELINE_SQL = [SESSION_SQL, SELLER_SQL, MARKETPLACE_SQL, ROWS_SQL, RATINGS_SQL, COMPLAINTS_SQL];

interface Policy extends TrendPolicy {
  readonly version: number;
  readonly effectiveFrom: number;
  readonly offerRqsMinimumBps: number;
  readonly averageRatingMinimumHundredths: number;
}

type Row = Record<string, unknown>;

export async function serveDashboardBaseline(
  send: (message: FromServer) => void,
): Promise<(message: ToServer) => Promise<void>> {
  const database = databaseFromEnv();
  const orm = await createOrm({ database });
  const knex = (orm.em.fork() as EntityManager).getKnex();
  const sqlite = database.kind === 'sqlite';
  const rows = async (sql: string, params: unknown[]): Promise<Row[]> => {
    const result = await knex.raw<unknown>(sql, params as never);
    return sqlite ? (result as Row[]) : (result as { rows: Row[] }).rows;
  };
  const ms = (value: unknown): number | null =>
    value == null
      ? null
      : value instanceof Date
        ? value.getTime()
        : typeof value === 'number'
          ? value
          : Date.parse(String(value));

  /** The version in force at `at`: the latest effective date not after it, the higher version on a tie. */
  const inForce = (policies: readonly Policy[], at: number): Policy | undefined => {
    let found: Policy | undefined;
    for (const p of policies) {
      if (p.effectiveFrom > at) continue;
      if (
        !found ||
        p.effectiveFrom > found.effectiveFrom ||
        (p.effectiveFrom === found.effectiveFrom && p.version > found.version)
      )
        found = p;
    }
    return found;
  };

  async function handle(cookieHeader: string | undefined): Promise<[number, unknown]> {
    const token = /(?:^|;\s*)rc_session=([^;]*)/.exec(cookieHeader ?? '')?.[1];
    if (!token) return [401, { errors: [{ message: 'not signed in' }] }];
    const tokenHash = createHash('sha256').update(decodeURIComponent(token)).digest('hex');
    const [session] = await rows(SESSION_SQL, [tokenHash]);
    const now = new Date();
    if (
      !session ||
      session['s__revoked_at'] != null ||
      ms(session['s__expires_at'])! <= now.getTime() ||
      session['u__deactivated_at'] != null ||
      session['u__role'] !== 'SELLER' ||
      !session['user_organization_id']
    ) {
      return [403, { errors: [{ message: 'sellers only' }] }];
    }
    if (now.getTime() - ms(session['s__last_seen_at'])! > TOUCH_INTERVAL_MS) {
      await rows(TOUCH_SQL, [sqlite ? now.getTime() : now, session['s__id']]);
    }
    const sellerId = String(session['user_organization_id']);
    const [seller] = await rows(SELLER_SQL, [MARKETPLACE, sellerId]);
    if (!seller || seller['status'] !== 'APPROVED') return [403, { errors: [{ message: 'not approved' }] }];
    const marketplace = await rows(MARKETPLACE_SQL, [MARKETPLACE]);
    if (!marketplace[0]) return [404, { errors: [{ message: 'no marketplace' }] }];
    const timeZone = String(marketplace[0]['time_zone']);
    const policies: Policy[] = marketplace
      .filter((r) => r['p1__id'] != null)
      .map((r) => ({
        version: Number(r['p1__version']),
        effectiveFrom: ms(r['p1__effective_from'])!,
        sellerRqsMinimumBps: Number(r['p1__seller_rqs_minimum_bps']),
        offerRqsMinimumBps: Number(r['p1__offer_rqs_minimum_bps']),
        odrMaximumBps: Number(r['p1__odr_maximum_bps']),
        rqsWindowDays: Number(r['p1__rqs_window_days']),
        odrWindowDays: Number(r['p1__odr_window_days']),
        rqsMinimumOrders: Number(r['p1__rqs_minimum_orders']),
        averageRatingMinimumHundredths: Number(r['p1__average_rating_minimum_hundredths']),
      }));
    const policy = inForce(policies, now.getTime());
    if (!policy) return [500, { errors: [{ message: 'no policy in force' }] }];
    const today = localDateOf(now, timeZone);
    const policyOn = (date: IsoDate): Policy => {
      if (date >= today) return policy;
      const endOfDay = startOfLocalDay(addCalendarDays(date, 1), timeZone).getTime() - 1;
      return inForce(policies, endOfDay) ?? policy;
    };

    const from = trendRowsFrom(today, Math.max(policy.rqsWindowDays, policy.odrWindowDays));
    const days = await rows(ROWS_SQL, [sellerId, MARKETPLACE, from, today]);
    const trend = qualityTrend(
      days.map((r) => ({
        date: String(r['day']),
        orders: Number(r['orders']),
        ordersWithComplaint: Number(r['orders_with_complaint']),
        ordersWithDefect: Number(r['orders_with_defect']),
      })),
      today,
      policyOn,
    );
    const { rqs, odr } = currentFigures(trend.at(-1)!, policy);
    const rqsFrom = addCalendarDays(today, -(policy.rqsWindowDays - 1));
    const [ratings] = await rows(RATINGS_SQL, [sellerId, MARKETPLACE, today]);
    const complaints = await rows(COMPLAINTS_SQL, [sellerId, MARKETPLACE, rqsFrom, today]);
    const bySource = new Map<string, number>();
    const byCategory = new Map<string, number>();
    for (const r of complaints) {
      const count = Number(r['count']);
      bySource.set(String(r['source']), (bySource.get(String(r['source'])) ?? 0) + count);
      byCategory.set(String(r['category']), (byCategory.get(String(r['category'])) ?? 0) + count);
    }
    const rating = ratingFigure(
      { sum: Number(ratings?.['sum'] ?? 0), count: Number(ratings?.['count'] ?? 0) },
      policy.averageRatingMinimumHundredths,
    );
    const pct = (bps: number | null) =>
      bps === null ? null : { basisPoints: bps, formatted: formatBps(bps), __typename: 'Percentage' };
    const bpsOnly = (bps: number | null) => (bps === null ? null : { basisPoints: bps, __typename: 'Percentage' });
    const stars = (h: number | null) =>
      h === null ? null : { hundredths: h, formatted: formatHundredths(h), __typename: 'StarRating' };
    return [
      200,
      {
        data: {
          qualityDashboard: {
            seller: { id: sellerId, name: String(seller['name']), __typename: 'QualitySeller' },
            marketplace: MARKETPLACE,
            asOf: today,
            policyVersion: policy.version,
            rqsWindow: { from: rqsFrom, to: today, __typename: 'QualityWindow' },
            odrWindow: {
              from: addCalendarDays(today, -(policy.odrWindowDays - 1)),
              to: today,
              __typename: 'QualityWindow',
            },
            rqs: {
              orders: rqs.orders,
              defectiveOrders: rqs.defectiveOrders,
              value: pct(rqs.bps),
              minimum: pct(rqs.minimumBps),
              minimumOrders: rqs.minimumOrders,
              enforced: rqs.enforced,
              breached: rqs.breached,
              defectBudget: rqs.defectBudget,
              __typename: 'RqsFigureType',
            },
            odr: {
              orders: odr.orders,
              defectiveOrders: odr.defectiveOrders,
              value: pct(odr.bps),
              maximum: pct(odr.maximumBps),
              enforced: odr.enforced,
              breached: odr.breached,
              defectBudget: odr.defectBudget,
              __typename: 'OdrFigureType',
            },
            rating: {
              ratings: rating.ratings,
              average: stars(rating.averageHundredths),
              minimum: stars(rating.minimumHundredths),
              enforced: rating.enforced,
              breached: rating.breached,
              __typename: 'RatingFigureType',
            },
            trend: trend.map((p) => ({
              date: p.date,
              rqsOrders: p.rqsOrders,
              rqs: bpsOnly(p.rqsBps),
              rqsMinimum: bpsOnly(p.rqsMinimumBps),
              odrOrders: p.odrOrders,
              odr: bpsOnly(p.odrBps),
              odrMaximum: bpsOnly(p.odrMaximumBps),
              ordersThatDay: p.ordersThatDay,
              __typename: 'QualityTrendDay',
            })),
            complaintsBySource: COMPLAINT_SOURCES.map((source) => ({
              source,
              count: bySource.get(source) ?? 0,
              __typename: 'ComplaintSourceCount',
            })),
            complaintsByCategory: COMPLAINT_CATEGORIES.map((category) => ({
              category,
              count: byCategory.get(category) ?? 0,
              __typename: 'ComplaintCategoryCount',
            })),
            __typename: 'QualityDashboard',
          },
        },
      },
    ];
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const reply = (status: number, body: unknown) => {
        const text = JSON.stringify(body);
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(text);
      };
      if (req.method === 'GET' && req.url === '/health') {
        knex.raw('select 1').then(
          () => reply(200, { status: 'ok' }),
          () => reply(503, { status: 'unavailable' }),
        );
        return;
      }
      if (req.method !== 'POST' || req.url !== '/dashboard')
        return reply(404, { errors: [{ message: 'POST /dashboard' }] });
      try {
        // Read the request like the app does (the same GraphQL document; the baseline knows what it asks).
        JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {
        return reply(400, { errors: [{ message: 'body is not JSON' }] });
      }
      handle(req.headers.cookie).then(
        ([status, body]) => reply(status, body),
        (error: unknown) => reply(500, { errors: [{ message: String(error) }] }),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  send({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0 });

  return async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await orm.close();
  };
}
