import type { EntityManager } from '@mikro-orm/knex';
import {
  addCalendarDays,
  COMPLAINT_CATEGORIES,
  COMPLAINT_SOURCES,
  type ComplaintCategory,
  type ComplaintSource,
  type OfferStatus,
  compareRqsWorstFirst,
  type IsoDate,
  localDateOf,
  type MarketplaceCode,
  policyInForce,
  type PolicyVersion as DomainPolicyVersion,
  ratingFigure,
  rqsFigure,
  type RqsFigure,
  startOfLocalDay,
} from '@recertify/domain';
import { requirePermission } from '../../../auth/permissions.js';
import type { Principal } from '../../../auth/principal.js';
import { keyset, type Connection, type CursorKey } from '../../../db/pagination.js';
import { joinSql, sql, type Sql } from '../../../db/sql.js';
import { badInput, forbidden, notFound } from '../../../errors/app-error.js';
import { Role } from '../../accounts/accounts.enums.js';
import { ApiScope } from '../../api-keys/api-key.enums.js';
import { complaintColumn } from '../complaint-columns.js';
import {
  currentFigures,
  qualityTrend,
  TREND_DAYS,
  trendRowsFrom,
  type QualityTrendPoint,
} from './dashboard-figures.js';
import { notApproved, type NotApprovedReason } from './dashboard.errors.js';
import { OFFER_SEARCH_MAX, type DrillDownFigure } from './dashboard.types.js';
import { selectRows } from '../../../db/select-rows.js';

/** Who may read a dashboard: the seller itself, program staff, and keys the seller granted read:quality. */
export const DASHBOARD_READERS: Array<Role | ApiScope> = [
  Role.SELLER,
  Role.REVIEWER,
  Role.ADMIN,
  ApiScope.READ_QUALITY,
];

const DEFAULT_PAGE = 25;
const MAX_PAGE = 100;

export interface QualityScope {
  readonly sellerId?: string | null;
  readonly marketplace: MarketplaceCode;
}

export interface PageArgs {
  readonly first?: number | null;
  readonly after?: string | null;
}

export interface DrillDownArgs extends QualityScope, PageArgs {
  readonly offerId?: string | null;
  readonly figure?: DrillDownFigure | null;
  readonly defectiveOnly?: boolean | null;
}

/** What the dashboard shows; GraphQL's QualityDashboard reads it field by field. */
export interface DashboardData {
  readonly seller: { readonly id: string; readonly name: string };
  readonly marketplace: MarketplaceCode;
  readonly asOf: IsoDate;
  readonly policyVersion: number;
  readonly rqsWindow: { readonly from: IsoDate; readonly to: IsoDate };
  readonly odrWindow: { readonly from: IsoDate; readonly to: IsoDate };
  readonly rqs: ReturnType<typeof currentFigures>['rqs'];
  readonly odr: ReturnType<typeof currentFigures>['odr'];
  readonly rating: ReturnType<typeof ratingFigure>;
  readonly trend: readonly QualityTrendPoint[];
  readonly complaintsBySource: ReadonlyArray<{ source: ComplaintSource; count: number }>;
  readonly complaintsByCategory: ReadonlyArray<{ category: ComplaintCategory; count: number }>;
}

export interface OfferRow {
  readonly id: string;
  readonly sku: string;
  readonly product: string;
  readonly status: OfferStatus;
  readonly rqs: RqsFigure;
}

export interface OrderRow {
  readonly id: string;
  readonly externalId: string;
  readonly offerId: string;
  readonly sku: string;
  readonly orderedAt: Date;
  readonly orderDate: string;
  readonly quantity: number;
  readonly validComplaints: number;
  readonly defects: number;
}

export interface ComplaintRow {
  readonly id: string;
  readonly externalId: string;
  readonly orderId: string;
  readonly orderExternalId: string;
  readonly sku: string;
  readonly source: ComplaintSource;
  readonly category: ComplaintCategory;
  readonly orderDate: string;
  readonly receivedAt: Date;
  readonly invalidatedAt: Date | null;
  readonly invalidationReason: string | null;
}

/** A seller's marketplace as the dashboard reads it: who, the zone, the policies, today. */
interface Context {
  readonly sellerId: string;
  readonly sellerName: string;
  readonly marketplace: MarketplaceCode;
  readonly timeZone: string;
  readonly today: IsoDate;
  readonly now: Date;
  readonly policies: readonly DashboardPolicy[];
  readonly policy: DashboardPolicy;
}

/** What the dashboard reads of a policy version: its quality parameters. */
type DashboardPolicy = Pick<
  DomainPolicyVersion,
  | 'marketplace'
  | 'version'
  | 'effectiveFrom'
  | 'sellerRqsMinimumBps'
  | 'offerRqsMinimumBps'
  | 'odrMaximumBps'
  | 'rqsWindowDays'
  | 'odrWindowDays'
  | 'rqsMinimumOrders'
  | 'averageRatingMinimumHundredths'
>;

/** The rollups' complaint tally: each source's and category's column (quality-rollup.entity.ts). */
const TALLY: ReadonlyArray<{ value: ComplaintSource | ComplaintCategory; column: string }> = [
  ...COMPLAINT_SOURCES,
  ...COMPLAINT_CATEGORIES,
].map((value) => ({ value, column: complaintColumn(value) }));
const TALLY_COLUMNS = TALLY.map((t) => `"${t.column}"`).join(', ');

/**
 * The quality dashboard's read side (SPEC 5): the seller's figures and trend from the daily rollups
 * (never from raw orders), its offers worst first, and the orders and complaints behind a figure
 * (keyset-paged). Every read checks who asks: a seller and its API keys see their own, program
 * staff any seller; only sellers approved in the marketplace have a dashboard there.
 */
export class QualityDashboardService {
  constructor(
    private readonly em: EntityManager,
    private readonly now: () => Date,
  ) {}

  async dashboard(principal: Principal, scope: QualityScope): Promise<DashboardData> {
    const ctx = await this.context(principal, scope);
    const { rqsWindowDays, odrWindowDays } = ctx.policy;
    const from = trendRowsFrom(ctx.today, Math.max(rqsWindowDays, odrWindowDays));
    const rqsWindow = windowOf(ctx.today, rqsWindowDays);
    // One statement: the trend's day rows (with the day's complaints per source and category), and
    // the ratings of every day so far: the average of the seller's Renewed offers (SPEC 5 names no
    // window), as a last row without a day.
    const rows = await selectRows<Record<string, unknown>>(
      this.em,
      `select "day", "orders", "orders_with_complaint", "orders_with_defect", ${TALLY_COLUMNS}, ` +
        '0 as "rating_count", 0 as "rating_star_sum" from "seller_daily_quality"' +
        ' where "seller_id" = ? and "marketplace" = ? and "day" >= ? and "day" <= ?' +
        ` union all select null, 0, 0, 0, ${TALLY.map(() => '0').join(', ')},` +
        ' coalesce(sum("rating_count"), 0), coalesce(sum("rating_star_sum"), 0)' +
        ' from "seller_daily_quality" where "seller_id" = ? and "marketplace" = ? and "day" <= ?',
      [ctx.sellerId, ctx.marketplace, from, ctx.today, ctx.sellerId, ctx.marketplace, ctx.today],
    );
    const days = rows.filter((r) => r['day'] != null);
    const ratings = rows.find((r) => r['day'] == null);
    const trend = qualityTrend(
      days.map((r) => ({
        date: text(r['day']),
        orders: Number(r['orders']),
        ordersWithComplaint: Number(r['orders_with_complaint']),
        ordersWithDefect: Number(r['orders_with_defect']),
      })),
      ctx.today,
      this.policyOnTrendDays(ctx),
    );
    const { rqs, odr } = currentFigures(trend.at(-1)!, ctx.policy);
    // Complaints count on their order's day, as RQS counts them: the window's valid ones, from the rollups.
    const complaints = new Map<string, number>();
    for (const row of days) {
      if (text(row['day']) < rqsWindow.from) continue;
      for (const { value, column } of TALLY) complaints.set(value, (complaints.get(value) ?? 0) + Number(row[column]));
    }
    return {
      seller: { id: ctx.sellerId, name: ctx.sellerName },
      marketplace: ctx.marketplace,
      asOf: ctx.today,
      policyVersion: ctx.policy.version,
      rqsWindow,
      odrWindow: windowOf(ctx.today, odrWindowDays),
      rqs,
      odr,
      rating: ratingFigure(
        { sum: Number(ratings?.['rating_star_sum'] ?? 0), count: Number(ratings?.['rating_count'] ?? 0) },
        ctx.policy.averageRatingMinimumHundredths,
      ),
      trend,
      complaintsBySource: COMPLAINT_SOURCES.map((source) => ({ source, count: complaints.get(source) ?? 0 })),
      complaintsByCategory: COMPLAINT_CATEGORIES.map((category) => ({
        category,
        count: complaints.get(category) ?? 0,
      })),
    };
  }

  /**
   * The seller's offers, worst RQS first (compareRqsWorstFirst: lowest RQS, then more orders, offers
   * without orders last), each with its window's counts from the offer rollups. One statement sums
   * every offer of the seller (a seller lists hundreds, not millions); the page is cut after sorting
   * with the domain's exact comparison, and the cursor holds the last row's sort key.
   */
  async offers(
    principal: Principal,
    args: QualityScope & PageArgs & { readonly search?: string | null },
  ): Promise<Connection<OfferRow>> {
    const first = pageSize(args.first);
    const search = (args.search ?? '').trim().toLowerCase();
    if (search.length > OFFER_SEARCH_MAX) {
      throw badInput([{ field: 'search', message: `must be at most ${OFFER_SEARCH_MAX} characters` }]);
    }
    const ctx = await this.context(principal, args);
    const window = windowOf(ctx.today, ctx.policy.rqsWindowDays);
    const where: Sql[] = [sql('"o"."seller_id" = ? and "o"."marketplace" = ?', [ctx.sellerId, ctx.marketplace])];
    if (search) {
      const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push(
        sql('lower("o"."sku") like ? escape \'\\\' or lower("o"."product_name") like ? escape \'\\\'', [
          pattern,
          pattern,
        ]),
      );
    }
    const condition = joinSql(where, 'and');
    const raw = await selectRows<Record<string, unknown>>(
      this.em,
      'select "o"."id", "o"."sku", "o"."product_name", "o"."status",' +
        ' coalesce(sum("r"."orders"), 0) as "orders", coalesce(sum("r"."orders_with_complaint"), 0) as "defective"' +
        ' from "offer" as "o" left join "offer_daily_quality" as "r"' +
        ' on "r"."offer_id" = "o"."id" and "r"."day" >= ? and "r"."day" <= ?' +
        ` where ${condition.text} group by "o"."id", "o"."sku", "o"."product_name", "o"."status"`,
      [window.from, window.to, ...condition.params],
    );
    const rows: OfferRow[] = raw.map((r) => ({
      id: text(r['id']),
      sku: text(r['sku']),
      product: text(r['product_name']),
      status: text(r['status']) as OfferStatus,
      rqs: rqsFigure(
        { orders: Number(r['orders']), defectiveOrders: Number(r['defective']) },
        ctx.policy.offerRqsMinimumBps,
        ctx.policy.rqsMinimumOrders,
      ),
    }));
    const compare = (a: OfferRow, b: OfferRow) => compareRqsWorstFirst(a.rqs, b.rqs) || compareText(a.id, b.id);
    rows.sort(compare);
    const page = keyset<OfferRow>({
      keys: OFFER_ORDER,
      scope: ['qualityOffers', ctx.sellerId, ctx.marketplace, ctx.today, search],
      first,
      after: args.after,
    });
    // The cursor's values come back as the page's parameters: orders, defective orders, id.
    const after = page.after?.params;
    const start = after ? rows.findIndex((row) => compare(row, cursorOffer(after, ctx)) > 0) : 0;
    const rest = start < 0 ? [] : rows.slice(start, start + page.limit);
    return page.page(
      rest,
      (row) => row,
      () => Promise.resolve(rows.length),
    );
  }

  /** The orders behind a figure, in the figure's window, oldest order first; defective ones only if asked. */
  async orders(principal: Principal, args: DrillDownArgs): Promise<Connection<OrderRow>> {
    const first = pageSize(args.first);
    const ctx = await this.context(principal, args);
    const figure = args.figure ?? 'RQS';
    const window = windowOf(ctx.today, figure === 'RQS' ? ctx.policy.rqsWindowDays : ctx.policy.odrWindowDays);
    const where: Sql[] = [
      sql('"m"."seller_id" = ? and "m"."marketplace" = ? and "m"."order_date" >= ? and "m"."order_date" <= ?', [
        ctx.sellerId,
        ctx.marketplace,
        window.from,
        window.to,
      ]),
    ];
    if (args.offerId) where.push(await this.ownOffer(ctx, args.offerId));
    if (args.defectiveOnly) where.push(sql(figure === 'RQS' ? `exists (${VALID_COMPLAINTS})` : `exists (${DEFECTS})`));
    const condition = joinSql(where, 'and');
    const page = keyset<OrderRow>({
      keys: ORDER_ORDER,
      scope: [
        'qualityOrders',
        ctx.sellerId,
        ctx.marketplace,
        window,
        args.offerId ?? null,
        figure,
        !!args.defectiveOnly,
      ],
      first,
      after: args.after,
    });
    const paged = page.after ? joinSql([condition, page.after], 'and') : condition;
    const raw = await selectRows<Record<string, unknown>>(
      this.em,
      'select "m"."id", "m"."external_id", "m"."offer_id", "f"."sku", "m"."ordered_at", "m"."order_date", "m"."quantity",' +
        ` (select count(*) from "complaint" as "c" where "c"."order_id" = "m"."id" and "c"."invalidated_at" is null) as "complaints",` +
        ` (select count(*) from "order_defect" as "d" where "d"."order_id" = "m"."id") as "defects"` +
        ' from "marketplace_order" as "m" inner join "offer" as "f" on "f"."id" = "m"."offer_id"' +
        ` where ${paged.text} order by ${page.orderBy} limit ${page.limit}`,
      [...paged.params],
    );
    const rows: OrderRow[] = raw.map((r) => ({
      id: text(r['id']),
      externalId: text(r['external_id']),
      offerId: text(r['offer_id']),
      sku: text(r['sku']),
      orderedAt: dateOf(r['ordered_at']),
      orderDate: text(r['order_date']),
      quantity: Number(r['quantity']),
      validComplaints: Number(r['complaints']),
      defects: Number(r['defects']),
    }));
    return page.page(
      rows,
      (row) => row,
      () => this.count('"marketplace_order" as "m"', condition),
    );
  }

  /**
   * The complaints behind RQS, in the window by their order's day: the valid ones (defectiveOnly),
   * or every one, invalidated ones included with when and why.
   */
  async complaints(principal: Principal, args: DrillDownArgs): Promise<Connection<ComplaintRow>> {
    const first = pageSize(args.first);
    const ctx = await this.context(principal, args);
    const window = windowOf(ctx.today, ctx.policy.rqsWindowDays);
    const where: Sql[] = [
      sql('"c"."seller_id" = ? and "c"."marketplace" = ? and "c"."order_date" >= ? and "c"."order_date" <= ?', [
        ctx.sellerId,
        ctx.marketplace,
        window.from,
        window.to,
      ]),
    ];
    if (args.offerId) where.push(await this.ownOffer(ctx, args.offerId, '"c"'));
    if (args.defectiveOnly) where.push(sql('"c"."invalidated_at" is null'));
    const condition = joinSql(where, 'and');
    const page = keyset<ComplaintRow>({
      keys: COMPLAINT_ORDER,
      scope: ['qualityComplaints', ctx.sellerId, ctx.marketplace, window, args.offerId ?? null, !!args.defectiveOnly],
      first,
      after: args.after,
    });
    const paged = page.after ? joinSql([condition, page.after], 'and') : condition;
    const raw = await selectRows<Record<string, unknown>>(
      this.em,
      'select "c"."id", "c"."external_id", "c"."order_id", "m"."external_id" as "order_external_id", "f"."sku",' +
        ' "c"."source", "c"."category", "c"."order_date", "c"."filed_at", "c"."invalidated_at", "c"."invalidation_reason"' +
        ' from "complaint" as "c" inner join "marketplace_order" as "m" on "m"."id" = "c"."order_id"' +
        ' inner join "offer" as "f" on "f"."id" = "c"."offer_id"' +
        ` where ${paged.text} order by ${page.orderBy} limit ${page.limit}`,
      [...paged.params],
    );
    const rows: ComplaintRow[] = raw.map((r) => ({
      id: text(r['id']),
      externalId: text(r['external_id']),
      orderId: text(r['order_id']),
      orderExternalId: text(r['order_external_id']),
      sku: text(r['sku']),
      source: text(r['source']) as ComplaintSource,
      category: text(r['category']) as ComplaintCategory,
      orderDate: text(r['order_date']),
      receivedAt: dateOf(r['filed_at']),
      invalidatedAt: r['invalidated_at'] == null ? null : dateOf(r['invalidated_at']),
      invalidationReason: r['invalidation_reason'] == null ? null : text(r['invalidation_reason']),
    }));
    return page.page(
      rows,
      (row) => row,
      () => this.count('"complaint" as "c"', condition),
    );
  }

  // --- internals -----------------------------------------------------------------------------

  /**
   * Whose figures, checked: a seller and its keys read their own (a sellerId of another seller is
   * FORBIDDEN), staff name the seller; the seller must be approved in the marketplace. One
   * statement: the seller with its best application there, beside the marketplace with its policies.
   */
  private async context(principal: Principal, scope: QualityScope): Promise<Context> {
    requirePermission(principal, DASHBOARD_READERS);
    let sellerId: string;
    if (principal.kind === 'user' && principal.role !== Role.SELLER) {
      if (!scope.sellerId) throw badInput([{ field: 'sellerId', message: 'name the seller whose dashboard to read' }]);
      sellerId = scope.sellerId;
    } else {
      const own = principal.kind === 'anonymous' ? null : principal.organizationId;
      if (!own) throw forbidden('This account belongs to no seller.');
      if (scope.sellerId && scope.sellerId !== own) {
        throw forbidden("A seller reads its own quality dashboard, not another seller's.");
      }
      sellerId = own;
    }
    // One statement: the marketplace's zone with its policy versions' quality parameters (plain rows,
    // no entities), each row beside the seller's name and whether it is approved there (directly or
    // through another approval, CA through US, SPEC 3; otherwise the latest application there says
    // why not). No seller: its columns are null.
    const versions = await selectRows<Record<string, unknown>>(
      this.em,
      'select "s"."name", "s"."status", "m"."time_zone", "p"."version", "p"."effective_from",' +
        ' "p"."seller_rqs_minimum_bps", "p"."offer_rqs_minimum_bps", "p"."odr_maximum_bps", "p"."rqs_window_days",' +
        ' "p"."odr_window_days", "p"."rqs_minimum_orders", "p"."average_rating_minimum_hundredths"' +
        ' from "marketplace" as "m" left join (select "o"."name", case when exists (select 1 from "marketplace_approval" as "g"' +
        ` where "g"."organization_id" = "o"."id" and "g"."marketplace" = ?) then 'APPROVED' else` +
        ' (select "a"."status" from "application" as "a"' +
        ' where "a"."organization_id" = "o"."id" and "a"."marketplace" = ?' +
        ` order by case when "a"."status" = 'APPROVED' then 0 else 1 end, "a"."created_at" desc limit 1) end as "status"` +
        ` from "organization" as "o" where "o"."id" = ? and "o"."kind" = 'SELLER') as "s" on 1 = 1` +
        ' left join "policy_version" as "p" on "p"."marketplace_code" = "m"."code" where "m"."code" = ?',
      [scope.marketplace, scope.marketplace, sellerId, scope.marketplace],
    );
    const seller = versions[0];
    if (!seller) throw notFound('That marketplace');
    if (seller['name'] == null) throw notFound('That seller');
    const status = seller['status'] == null ? 'NO_APPLICATION' : text(seller['status']);
    if (status !== 'APPROVED') throw notApproved(scope.marketplace, status as NotApprovedReason);
    const timeZone = text(seller['time_zone']);
    const now = this.now();
    const policies: DashboardPolicy[] = versions
      .filter((row) => row['version'] != null)
      .map((row) => ({
        marketplace: scope.marketplace,
        version: Number(row['version']),
        effectiveFrom: dateOf(row['effective_from']),
        sellerRqsMinimumBps: Number(row['seller_rqs_minimum_bps']),
        offerRqsMinimumBps: Number(row['offer_rqs_minimum_bps']),
        odrMaximumBps: Number(row['odr_maximum_bps']),
        rqsWindowDays: Number(row['rqs_window_days']),
        odrWindowDays: Number(row['odr_window_days']),
        rqsMinimumOrders: Number(row['rqs_minimum_orders']),
        averageRatingMinimumHundredths: Number(row['average_rating_minimum_hundredths']),
      }));
    return {
      sellerId,
      sellerName: text(seller['name']),
      marketplace: scope.marketplace,
      timeZone,
      today: localDateOf(now, timeZone),
      now,
      policies,
      policy: policyInForce(policies, scope.marketplace, now),
    };
  }

  /**
   * The policy of each trend day. When no version took effect since the trend's first day began
   * (the usual case), every day's is today's, without working out each day's end in the zone.
   */
  private policyOnTrendDays(ctx: Context): (date: IsoDate) => DashboardPolicy {
    const firstDayStart = startOfLocalDay(addCalendarDays(ctx.today, -(TREND_DAYS - 1)), ctx.timeZone).getTime();
    const changed = ctx.policies.some(
      (p) => p.effectiveFrom.getTime() > firstDayStart && p.effectiveFrom.getTime() <= ctx.now.getTime(),
    );
    return changed ? (date) => this.policyOn(ctx, date) : () => ctx.policy;
  }

  /** The policy in force on a day: at the end of that day in the marketplace's zone. */
  private policyOn(ctx: Context, date: IsoDate): DashboardPolicy {
    if (date >= ctx.today) return ctx.policy;
    const endOfDay = new Date(startOfLocalDay(addCalendarDays(date, 1), ctx.timeZone).getTime() - 1);
    const inForce = ctx.policies.filter((p) => p.effectiveFrom.getTime() <= endOfDay.getTime());
    // Before the first version, the first one draws the line (the chart has no gap of thresholds).
    return inForce.length ? policyInForce(inForce, ctx.marketplace, endOfDay) : ctx.policy;
  }

  /** `offerId` of this seller in this marketplace, as a condition; NOT_FOUND for anyone else's. */
  private async ownOffer(ctx: Context, offerId: string, alias = '"m"'): Promise<Sql> {
    const [offer] = await selectRows<Record<string, unknown>>(
      this.em,
      'select "id" from "offer" where "id" = ? and "seller_id" = ? and "marketplace" = ?',
      [offerId, ctx.sellerId, ctx.marketplace],
    );
    if (!offer) throw notFound('That offer');
    return sql(`${alias}."offer_id" = ?`, [offerId]);
  }

  private async count(from: string, where: Sql): Promise<number> {
    const [row] = await selectRows<{ count: number | string }>(
      this.em,
      `select count(*) as "count" from ${from} where ${where.text}`,
      [...where.params],
    );
    return Number(row?.count ?? 0);
  }
}

const VALID_COMPLAINTS =
  'select 1 from "complaint" as "c" where "c"."order_id" = "m"."id" and "c"."invalidated_at" is null';
const DEFECTS = 'select 1 from "order_defect" as "d" where "d"."order_id" = "m"."id"';

/** Offers: the sort key of compareRqsWorstFirst and the id, carried by the cursor (never sent to SQL). */
const OFFER_ORDER: ReadonlyArray<CursorKey<OfferRow>> = [
  { column: 'orders', type: 'string', of: (row) => String(row.rqs.orders) },
  { column: 'defective', type: 'string', of: (row) => String(row.rqs.defectiveOrders) },
  { column: 'id', type: 'uuid', of: (row) => row.id },
];

const ORDER_ORDER: ReadonlyArray<CursorKey<OrderRow>> = [
  { column: '"m"."order_date"', type: 'day', of: (row) => row.orderDate },
  { column: '"m"."ordered_at"', type: 'timestamp', of: (row) => row.orderedAt },
  { column: '"m"."id"', type: 'uuid', of: (row) => row.id },
];

const COMPLAINT_ORDER: ReadonlyArray<CursorKey<ComplaintRow>> = [
  { column: '"c"."order_date"', type: 'day', of: (row) => row.orderDate },
  { column: '"c"."filed_at"', type: 'timestamp', of: (row) => row.receivedAt },
  { column: '"c"."id"', type: 'uuid', of: (row) => row.id },
];

/** A stand-in row at the cursor's position, to compare the sorted offers with. */
function cursorOffer(values: readonly unknown[], ctx: Context): OfferRow {
  const [orders, defective, id] = values.map(String) as [string, string, string];
  const counts = { orders: Number(orders), defectiveOrders: Number(defective) };
  if (
    !Number.isSafeInteger(counts.orders) ||
    !Number.isSafeInteger(counts.defectiveOrders) ||
    counts.defectiveOrders < 0 ||
    counts.defectiveOrders > counts.orders
  ) {
    throw badInput([{ field: 'after', message: 'is not a cursor from this list; start again without it' }]);
  }
  return {
    id,
    sku: '',
    product: '',
    status: 'ACTIVE',
    rqs: rqsFigure(counts, ctx.policy.offerRqsMinimumBps, ctx.policy.rqsMinimumOrders),
  };
}

function windowOf(today: IsoDate, days: number): { from: IsoDate; to: IsoDate } {
  return { from: addCalendarDays(today, -(days - 1)), to: today };
}

function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) {
    throw badInput([{ field: 'first', message: `must be between 1 and ${MAX_PAGE}` }]);
  }
  return size;
}

function dateOf(value: unknown): Date {
  if (value instanceof Date) return value;
  return new Date(typeof value === 'number' ? value : text(value));
}

/** A column's value as text (ids, codes, dates stored as text). */
function text(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
