import { ReferenceKind } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import {
  addCalendarDays,
  cleanCustomRma,
  localDateOf,
  MARKETPLACE_CODES,
  MARKETPLACES,
  parseGeneratedRmaNumber,
  RETURN_REASON_CODES,
  RETURN_STATES,
} from '@recertify/domain';
import { keyset, type Connection, type CursorKey } from '../../db/pagination.js';
import { rowReader } from '../../db/rows.js';
import { joinSql, sql, type Sql } from '../../db/sql.js';
import type { Principal } from '../../auth/principal.js';
import { badInput } from '../../errors/app-error.js';
import { ReturnRequest } from './return-request.entity.js';
import { returnsOrganizationOf } from './returns-access.js';
import { ReturnRequestSort } from './returns.enums.js';
import type { ReturnRequestCounts, ReturnRequestFilter } from './returns.types.js';

const MAX_PAGE = 100;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The queue's order: requested time, then id so that no two rows tie (index organization_id, requested_at, id). */
const QUEUE_ORDER: ReadonlyArray<CursorKey<ReturnRequest>> = [
  { column: '"r"."requested_at"', type: 'timestamp', of: (row) => row.requestedAt },
  { column: '"r"."id"', type: 'uuid', of: (row) => row.id },
];

export interface ReturnQueueArgs {
  readonly first?: number | null;
  readonly after?: string | null;
  readonly filter?: ReturnRequestFilter | null;
  readonly search?: string | null;
  readonly sort?: ReturnRequestSort | null;
}

/** A filter with only the keys that narrow the queue, in a fixed order (cursors carry its fingerprint). */
interface QueueFilter {
  readonly state: ReturnRequestFilter['state'];
  readonly inPolicy: boolean | null;
  readonly reason: ReturnRequestFilter['reason'];
  readonly marketplace: ReturnRequestFilter['marketplace'];
  readonly dueBefore: string | null;
  readonly dueWithinWeek: boolean;
  readonly search: string | null;
}

/**
 * A seller's returns queue: a page of it and the counts of its filters. Read only: pages are plain
 * rows (db/rows.ts) of the request's columns, not managed entities.
 */
export class ReturnQueueService {
  constructor(
    private readonly em: EntityManager,
    private readonly now: () => Date,
  ) {}

  async list(principal: Principal, args: ReturnQueueArgs): Promise<Connection<ReturnRequest>> {
    const organizationId = returnsOrganizationOf(principal, 'read');
    const first = args.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
      throw badInput([{ field: 'first', message: `must be between 1 and ${MAX_PAGE}` }]);
    }
    const filter = normalized(args.filter ?? {}, args.search);
    const sort = args.sort ?? ReturnRequestSort.REQUESTED_NEWEST;
    const page = keyset({
      keys: QUEUE_ORDER,
      scope: ['returnRequests', filter, sort],
      first,
      after: args.after,
      descending: sort === ReturnRequestSort.REQUESTED_NEWEST,
    });
    const where = this.condition(organizationId, filter);
    const reader = rowReader(this.em, ReturnRequest, 'r', returnRowProps(this.em));
    const condition = page.after ? joinSql([where, page.after], 'and') : where;
    const raw = await this.em.execute<Array<Record<string, unknown>>>(
      `select ${reader.columns} from "return_request" as "r" where ${condition.text} order by ${page.orderBy} limit ${page.limit}`,
      [...condition.params],
    );
    const rows = raw.map((r) => reader.read(r) as ReturnRequest);
    return page.page(
      rows,
      (row) => row,
      () => this.count(where),
    );
  }

  /** For the filter bar: how many requests each chip holds, as if it were added to `filter`. One statement. */
  async counts(
    principal: Principal,
    filter: ReturnRequestFilter = {},
    search?: string | null,
  ): Promise<ReturnRequestCounts> {
    const organizationId = returnsOrganizationOf(principal, 'read');
    const base = normalized(filter, search);
    const chips: Array<[string, Partial<QueueFilter>]> = [
      ['total', {}],
      ['in_policy', { inPolicy: true }],
      ['out_of_policy', { inPolicy: false }],
      ['due_week', { dueWithinWeek: true }],
      ...RETURN_STATES.map((s): [string, Partial<QueueFilter>] => [`s_${s}`, { state: s }]),
      ...RETURN_REASON_CODES.map((r): [string, Partial<QueueFilter>] => [`r_${r}`, { reason: r }]),
      ...MARKETPLACE_CODES.map((m): [string, Partial<QueueFilter>] => [`m_${m}`, { marketplace: m }]),
    ];
    const conditions = chips.map(([, extra]) => this.chipCondition({ ...base, ...extra }));
    const sums = conditions.map((c, i) => `sum(case when ${c.text} then 1 else 0 end) as "${chips[i]![0]}"`);
    const [row] = await this.em.execute<Array<Record<string, unknown>>>(
      `select ${sums.join(', ')} from "return_request" as "r" where "r"."organization_id" = ?`,
      [...conditions.flatMap((c) => c.params), organizationId],
    );
    const count = (key: string) => Number(row?.[key] ?? 0);
    return {
      total: count('total'),
      inPolicy: count('in_policy'),
      outOfPolicy: count('out_of_policy'),
      dueWithinWeek: count('due_week'),
      byState: RETURN_STATES.map((state) => ({ state, count: count(`s_${state}`) })),
      byReason: RETURN_REASON_CODES.map((reason) => ({ reason, count: count(`r_${reason}`) })),
      byMarketplace: MARKETPLACE_CODES.map((marketplace) => ({ marketplace, count: count(`m_${marketplace}`) })),
    };
  }

  private async count(where: Sql): Promise<number> {
    const [row] = await this.em.execute<Array<{ count: number | string }>>(
      `select count(*) as "count" from "return_request" as "r" where ${where.text}`,
      [...where.params],
    );
    return Number(row?.count ?? 0);
  }

  private condition(organizationId: string, filter: QueueFilter): Sql {
    return joinSql([sql('"r"."organization_id" = ?', [organizationId]), this.chipCondition(filter)], 'and');
  }

  /** The filter's SQL condition on `return_request as r`, without the seller. */
  private chipCondition(filter: QueueFilter): Sql {
    const and: Sql[] = [];
    if (filter.state) and.push(sql('"r"."status" = ?', [filter.state]));
    if (filter.inPolicy != null) and.push(sql('"r"."in_policy" = ?', [filter.inPolicy]));
    if (filter.reason) and.push(sql('"r"."reason_code" = ?', [filter.reason]));
    if (filter.marketplace) and.push(sql('"r"."marketplace" = ?', [filter.marketplace]));
    if (filter.dueBefore) and.push(sql('"r"."deadline" <= ?', [filter.dueBefore]));
    if (filter.dueWithinWeek) {
      // "Today" is each marketplace's own local date.
      const perMarketplace = MARKETPLACE_CODES.map((code) => {
        const today = localDateOf(this.now(), MARKETPLACES[code].timeZone);
        return sql('"r"."marketplace" = ? and "r"."deadline" >= ? and "r"."deadline" <= ?', [
          code,
          today,
          addCalendarDays(today, 7),
        ]);
      });
      and.push(joinSql([sql(`"r"."status" = 'AUTHORIZED'`), joinSql(perMarketplace, 'or')], 'and'));
    }
    if (filter.search) {
      const rmas = [...new Set([cleanCustomRma(filter.search), parseGeneratedRmaNumber(filter.search)])].filter(
        (rma): rma is string => rma !== null,
      );
      and.push(
        sql(`"r"."order_external_id" = ? or "r"."rma" in (${rmas.map(() => '?').join(', ')})`, [
          filter.search,
          ...rmas,
        ]),
      );
    }
    return joinSql(and, 'and');
  }
}

let rowProps: string[] | undefined;
/** Every single-column property of a return request: what a queue row holds. */
export function returnRowProps(em: EntityManager): string[] {
  return (rowProps ??= Object.values(em.getMetadata().get(ReturnRequest.name).properties)
    .filter(
      (p) => (p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.MANY_TO_ONE) && p.fieldNames?.length === 1,
    )
    .map((p) => p.name));
}

function normalized(filter: ReturnRequestFilter, search: string | null | undefined): QueueFilter {
  const dueBefore = filter.dueBefore?.trim() || null;
  if (dueBefore !== null && (!DAY.test(dueBefore) || Number.isNaN(Date.parse(`${dueBefore}T00:00:00Z`)))) {
    throw badInput([{ field: 'filter.dueBefore', message: 'must be a day written YYYY-MM-DD' }]);
  }
  return {
    state: filter.state ?? null,
    inPolicy: filter.inPolicy ?? null,
    reason: filter.reason ?? null,
    marketplace: filter.marketplace ?? null,
    dueBefore,
    dueWithinWeek: false,
    search: search?.trim() || null,
  };
}
