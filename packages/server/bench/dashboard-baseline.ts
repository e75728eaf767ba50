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
/** The seller's name and approval there, beside the marketplace's zone and policy versions: one statement. */
const CONTEXT_SQL =
  'select "s"."name", "s"."status", "m"."time_zone", "p"."version", "p"."effective_from", ' +
  '"p"."seller_rqs_minimum_bps", "p"."offer_rqs_minimum_bps", "p"."odr_maximum_bps", "p"."rqs_window_days", ' +
  '"p"."odr_window_days", "p"."rqs_minimum_orders", "p"."average_rating_minimum_hundredths" ' +
  'from "marketplace" as "m" left join (select "o"."name", case when exists (select 1 from "marketplace_approval" as "g" ' +
  `where "g"."organization_id" = "o"."id" and "g"."marketplace" = ?) then 'APPROVED' else ` +
  '(select "a"."status" from "application" as "a" where "a"."organization_id" = "o"."id" and "a"."marketplace" = ? ' +
  `order by case when "a"."status" = 'APPROVED' then 0 else 1 end, "a"."created_at" desc limit 1) end as "status" ` +
  `from "organization" as "o" where "o"."id" = ? and "o"."kind" = 'SELLER') as "s" on 1 = 1 ` +
  'left join "policy_version" as "p" on "p"."marketplace_code" = "m"."code" where "m"."code" = ?';
const TALLY = [...COMPLAINT_SOURCES, ...COMPLAINT_CATEGORIES].map((value) => ({
  value,
  column: `complaints_${value.toLowerCase()}`,
}));
const ROWS_SQL =
  `select "day", "orders", "orders_with_complaint", "orders_with_defect", ${TALLY.map((t) => `"${t.column}"`).join(', ')}, ` +
  '0 as "rating_count", 0 as "rating_star_sum" from "seller_daily_quality" ' +
  'where "seller_id" = ? and "marketplace" = ? and "day" >= ? and "day" <= ? ' +
  `union all select null, 0, 0, 0, ${TALLY.map(() => '0').join(', ')}, ` +
  'coalesce(sum("rating_count"), 0), coalesce(sum("rating_star_sum"), 0) ' +
  'from "seller_daily_quality" where "seller_id" = ? and "marketplace" = ? and "day" <= ?';

/** The evaluation history's first page (30 and one more, newest first) with the whole list's count. */
const HISTORY_PAGE = 30;
const EVALUATIONS_SQL =
  'select "e"."breaches", "e"."day", "e"."evaluated_at", "e"."odr_bps", "e"."odr_defective_orders", "e"."odr_maximum_bps", ' +
  '"e"."odr_orders", "e"."offers", "e"."policy_version", "e"."rating_count", "e"."rating_hundredths", ' +
  '"e"."rating_minimum_hundredths", "e"."rqs_bps", "e"."rqs_defective_orders", "e"."rqs_minimum_bps", "e"."rqs_orders", ' +
  '"e"."standing", "e"."suppressed_offers", count(*) over () as "total_count" from "quality_evaluation" as "e" ' +
  `where "e"."organization_id" = ? and "e"."marketplace" = ? order by "e"."day" desc limit ${HISTORY_PAGE + 1}`;
export const DASHBOARD_BASELINE_SQL = [SESSION_SQL, CONTEXT_SQL, ROWS_SQL, EVALUATIONS_SQL];

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
    const result: unknown = await knex.raw<unknown>(sql, params as never);
    return sqlite ? (result as Row[]) : (result as { rows: Row[] }).rows;
  };
  const ms = (value: unknown): number | null =>
    value == null
      ? null
      : value instanceof Date
        ? value.getTime()
        : typeof value === 'number'
          ? value
          : Date.parse(value as string);

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
    const sellerId = session['user_organization_id'] as string;
    const marketplace = await rows(CONTEXT_SQL, [MARKETPLACE, MARKETPLACE, sellerId, MARKETPLACE]);
    const seller = marketplace[0];
    if (!seller) return [404, { errors: [{ message: 'no marketplace' }] }];
    if (seller['status'] !== 'APPROVED') return [403, { errors: [{ message: 'not approved' }] }];
    const timeZone = String(seller['time_zone']);
    const policies: Policy[] = marketplace
      .filter((r) => r['version'] != null)
      .map((r) => ({
        version: Number(r['version']),
        effectiveFrom: ms(r['effective_from'])!,
        sellerRqsMinimumBps: Number(r['seller_rqs_minimum_bps']),
        offerRqsMinimumBps: Number(r['offer_rqs_minimum_bps']),
        odrMaximumBps: Number(r['odr_maximum_bps']),
        rqsWindowDays: Number(r['rqs_window_days']),
        odrWindowDays: Number(r['odr_window_days']),
        rqsMinimumOrders: Number(r['rqs_minimum_orders']),
        averageRatingMinimumHundredths: Number(r['average_rating_minimum_hundredths']),
      }));
    const policy = inForce(policies, now.getTime());
    if (!policy) return [500, { errors: [{ message: 'no policy in force' }] }];
    const today = localDateOf(now, timeZone);
    // As the app: when no version took effect since the trend's first day began, every day's policy is today's.
    const firstDayStart = startOfLocalDay(addCalendarDays(today, -89), timeZone).getTime();
    const changed = policies.some((p) => p.effectiveFrom > firstDayStart && p.effectiveFrom <= now.getTime());
    const policyOn = (date: IsoDate): Policy => {
      if (date >= today || !changed) return policy;
      const endOfDay = startOfLocalDay(addCalendarDays(date, 1), timeZone).getTime() - 1;
      return inForce(policies, endOfDay) ?? policy;
    };

    const from = trendRowsFrom(today, Math.max(policy.rqsWindowDays, policy.odrWindowDays));
    const rqsFrom = addCalendarDays(today, -(policy.rqsWindowDays - 1));
    const all = await rows(ROWS_SQL, [sellerId, MARKETPLACE, from, today, sellerId, MARKETPLACE, today]);
    const days = all.filter((r) => r['day'] != null);
    const ratings = all.find((r) => r['day'] == null);
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
    const complaints = new Map<string, number>();
    for (const r of days) {
      if (String(r['day']) < rqsFrom) continue;
      for (const { value, column } of TALLY) complaints.set(value, (complaints.get(value) ?? 0) + Number(r[column]));
    }
    const rating = ratingFigure(
      { sum: Number(ratings?.['rating_star_sum'] ?? 0), count: Number(ratings?.['rating_count'] ?? 0) },
      policy.averageRatingMinimumHundredths,
    );
    // The evaluation history's first page, as the app's keyset cursors write it: [the list's scope, the day].
    const evaluations = await rows(EVALUATIONS_SQL, [sellerId, MARKETPLACE]);
    const scope = createHash('sha256')
      .update(JSON.stringify(['qualityEvaluations', sellerId, MARKETPLACE]))
      .digest('base64url')
      .slice(0, 12);
    const cursorOf = (day: string) => Buffer.from(JSON.stringify([scope, day])).toString('base64url');
    const history = evaluations.slice(0, HISTORY_PAGE);
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
              count: complaints.get(source) ?? 0,
              __typename: 'ComplaintSourceCount',
            })),
            complaintsByCategory: COMPLAINT_CATEGORIES.map((category) => ({
              category,
              count: complaints.get(category) ?? 0,
              __typename: 'ComplaintCategoryCount',
            })),
            evaluations: {
              totalCount: Number(evaluations[0]?.['total_count'] ?? 0),
              pageInfo: {
                hasNextPage: evaluations.length > HISTORY_PAGE,
                endCursor: history.length ? cursorOf(String(history.at(-1)!['day'])) : null,
                __typename: 'PageInfo',
              },
              edges: history.map((e) => {
                const breaches: unknown = typeof e['breaches'] === 'string' ? JSON.parse(e['breaches']) : e['breaches'];
                const nullable = (v: unknown) => (v == null ? null : Number(v));
                const rating = nullable(e['rating_hundredths']);
                return {
                  cursor: cursorOf(String(e['day'])),
                  node: {
                    day: String(e['day']),
                    standing: String(e['standing']),
                    breaches,
                    policyVersion: Number(e['policy_version']),
                    rqs: pct(nullable(e['rqs_bps'])),
                    rqsOrders: Number(e['rqs_orders']),
                    rqsMinimum: { formatted: formatBps(Number(e['rqs_minimum_bps'])), __typename: 'Percentage' },
                    odr: pct(nullable(e['odr_bps'])),
                    odrOrders: Number(e['odr_orders']),
                    odrMaximum: { formatted: formatBps(Number(e['odr_maximum_bps'])), __typename: 'Percentage' },
                    averageRating: stars(rating),
                    ratingCount: Number(e['rating_count']),
                    ratingMinimum: {
                      formatted: formatHundredths(Number(e['rating_minimum_hundredths'])),
                      __typename: 'StarRating',
                    },
                    suppressedOffers: Number(e['suppressed_offers']),
                    __typename: 'QualityEvaluation',
                  },
                  __typename: 'QualityEvaluationEdge',
                };
              }),
              __typename: 'QualityEvaluationConnection',
            },
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
