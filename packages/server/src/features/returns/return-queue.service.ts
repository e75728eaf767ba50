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
import {
  cappedCountOf,
  cappedCountSql,
  withCappedCount,
  type CappedCountData,
  type WithCappedCount,
} from '../../db/capped-count.js';
import { keyset, type Connection, type CursorKey } from '../../db/pagination.js';
import { rowReader } from '../../db/rows.js';
import { joinSql, sql, type Sql } from '../../db/sql.js';
import type { Principal } from '../../auth/principal.js';
import { badInput } from '../../errors/app-error.js';
import { ReturnRequest } from './return-request.entity.js';
import { returnsOrganizationOf } from './returns-access.js';
import { ReturnRequestSort } from './returns.enums.js';
import type { ReturnRequestCounts, ReturnRequestFilter } from './returns.types.js';
import { selectRows } from '../../db/select-rows.js';

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

/** A page of the queue: its `count` stops at the cap; `totalCount` (deprecated) counts every row. */
export type ReturnQueuePage = WithCappedCount<Connection<ReturnRequest>>;

/** A chip of the filter bar: its dimension (the filter key it sets) and what it adds. */
interface Chip {
  readonly key: string;
  readonly dimension: 'inPolicy' | 'dueWithinWeek' | 'state' | 'reason' | 'marketplace' | null;
  readonly extra: Partial<QueueFilter>;
}

const NO_FILTER: QueueFilter = {
  state: null,
  inPolicy: null,
  reason: null,
  marketplace: null,
  dueBefore: null,
  dueWithinWeek: false,
  search: null,
};

function isUnfiltered(filter: QueueFilter): boolean {
  return (Object.keys(NO_FILTER) as Array<keyof QueueFilter>).every((key) => filter[key] === NO_FILTER[key]);
}

/** What the chips' conditions read of a scanned row. */
const SCANNED_COLUMNS = ['status', 'in_policy', 'reason_code', 'marketplace', 'deadline']
  .map((c) => `"r"."${c}"`)
  .join(', ');

/**
 * A seller's returns queue: a page of it and the counts of its filters. Read only: pages are plain
 * rows (db/rows.ts) of the request's columns, not managed entities. Every count stops at `countCap`
 * (RETURNS_COUNT_CAP) and says whether it did, so that no statement of a page reads more than about
 * that many index entries per count, whatever the seller's number of returns.
 */
export class ReturnQueueService {
  constructor(
    private readonly em: EntityManager,
    private readonly now: () => Date,
    private readonly countCap: number,
  ) {}

  /**
   * A page of the seller's queue. `fields` are the GraphQL fields selected on each request: the page
   * reads only the columns they need (every column when absent, or when one is not known here).
   */
  async list(principal: Principal, args: ReturnQueueArgs, fields?: ReadonlySet<string>): Promise<ReturnQueuePage> {
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
    const props = (fields && returnRowPropsFor(this.em, fields)) ?? returnRowProps(this.em);
    const reader = rowReader(this.em, ReturnRequest, 'r', props);
    const condition = page.after ? joinSql([where, page.after], 'and') : where;
    const raw = await selectRows<Record<string, unknown>>(
      this.em,
      `select ${reader.columns} from "return_request" as "r" where ${condition.text} order by ${page.orderBy} limit ${page.limit}`,
      [...condition.params],
    );
    const rows = raw.map((r) => reader.read(r) as ReturnRequest);
    // A first page that holds the whole list counts itself.
    const whole = !page.after && rows.length <= first ? rows.length : null;
    const connection = page.page(
      rows,
      (row) => row,
      () => (whole !== null ? Promise.resolve(whole) : this.exactCount(where)),
    );
    return withCappedCount(connection, this.em, this.fromWhere(where), this.countCap, whole);
  }

  /**
   * For the filter bar: how many requests each chip holds, as if it were added to `filter`, each
   * stopping at the cap and saying so; one statement whose cost does not grow with the seller's
   * returns. A chip of dimension d (state, policy, reason, marketplace, due) counts within B, the
   * filter without its own d:
   * - B empty: the chip alone, a capped count on an index that starts with the seller and the
   *   chip's column (see the entity's indexes): exact up to the cap;
   * - otherwise one scan of B's first cap + 1 rows serves every chip over that B: exact when B holds
   *   at most the cap, else a lower bound (`atLeast`) from the rows read.
   */
  async counts(
    principal: Principal,
    filter: ReturnRequestFilter = {},
    search?: string | null,
  ): Promise<ReturnRequestCounts> {
    const organizationId = returnsOrganizationOf(principal, 'read');
    const base = normalized(filter, search);
    const chips: Chip[] = [
      { key: 'total', dimension: null, extra: {} },
      { key: 'in_policy', dimension: 'inPolicy', extra: { inPolicy: true } },
      { key: 'out_of_policy', dimension: 'inPolicy', extra: { inPolicy: false } },
      { key: 'due_week', dimension: 'dueWithinWeek', extra: { dueWithinWeek: true } },
      ...RETURN_STATES.map((s): Chip => ({ key: `s_${s}`, dimension: 'state', extra: { state: s } })),
      ...RETURN_REASON_CODES.map((r): Chip => ({ key: `r_${r}`, dimension: 'reason', extra: { reason: r } })),
      ...MARKETPLACE_CODES.map((m): Chip => ({ key: `m_${m}`, dimension: 'marketplace', extra: { marketplace: m } })),
    ];
    const columns: Sql[] = [];
    const scans = new Map<string, { within: QueueFilter; chips: Chip[] }>();
    const read = new Map<string, (row: Record<string, unknown>) => CappedCountData>();
    const cap = this.countCap;
    for (const chip of chips) {
      const within = chip.dimension ? { ...base, [chip.dimension]: NO_FILTER[chip.dimension] } : base;
      if (isUnfiltered(within)) {
        const count = cappedCountSql(this.fromWhere(this.condition(organizationId, { ...within, ...chip.extra })), cap);
        columns.push(sql(`${count.text} as "${chip.key}"`, count.params));
        read.set(chip.key, (row) => cappedCountOf(row[chip.key] as string | number | undefined, cap));
        continue;
      }
      const scanKey = JSON.stringify(within);
      const scan = scans.get(scanKey) ?? { within, chips: [] };
      scans.set(scanKey, scan);
      scan.chips.push(chip);
      const alias = `s${[...scans.keys()].indexOf(scanKey)}`;
      read.set(chip.key, (row) => {
        const rows = Number(row[`${alias}_rows`] ?? 0);
        const matching = chip.dimension ? Number(row[chip.key] ?? 0) : rows;
        return rows <= cap ? { value: matching, atLeast: false } : { value: Math.min(matching, cap), atLeast: true };
      });
    }
    const from: Sql[] = [...scans.values()].map(({ within, chips: scanned }, i) => {
      const sums = scanned
        .filter((chip) => chip.dimension)
        .map((chip) => {
          const when = joinSql(this.filterConditions({ ...NO_FILTER, ...chip.extra }), 'and');
          return sql(`sum(case when ${when.text} then 1 else 0 end) as "${chip.key}"`, when.params);
        });
      const where = this.condition(organizationId, within);
      const aggregates = [sql(`count(*) as "s${i}_rows"`), ...sums];
      return sql(
        `(select ${aggregates.map((a) => a.text).join(', ')} from (select ${SCANNED_COLUMNS} from "return_request" as "r" ` +
          `where ${where.text} limit ${cap + 1}) as "r") as "s${i}"`,
        [...aggregates.flatMap((a) => a.params), ...where.params],
      );
    });
    const selected = [...columns, ...from.map((_, i) => sql(`"s${i}".*`))];
    const [row = {}] = await selectRows<Record<string, unknown>>(
      this.em,
      `select ${selected.map((c) => c.text).join(', ')}${from.length ? ` from ${from.map((f) => f.text).join(' cross join ')}` : ''}`,
      [...selected.flatMap((c) => c.params), ...from.flatMap((f) => f.params)],
    );
    const count = (key: string) => read.get(key)!(row);
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

  private fromWhere(where: Sql): Sql {
    return sql(`"return_request" as "r" where ${where.text}`, where.params);
  }

  /** Every matching row: the deprecated totalCount's, whose cost grows with the list. */
  private async exactCount(where: Sql): Promise<number> {
    const [row] = await selectRows<{ count: number | string }>(
      this.em,
      `select count(*) as "count" from "return_request" as "r" where ${where.text}`,
      [...where.params],
    );
    return Number(row?.count ?? 0);
  }

  /** The seller's requests that match the filter, as a condition on `return_request as r`. */
  private condition(organizationId: string, filter: QueueFilter): Sql {
    return joinSql([sql('"r"."organization_id" = ?', [organizationId]), ...this.filterConditions(filter)], 'and');
  }

  /** The filter's SQL conditions on `return_request as r`, without the seller. */
  private filterConditions(filter: QueueFilter): Sql[] {
    const and: Sql[] = [];
    if (filter.state) and.push(sql('"r"."status" = ?', [filter.state]));
    if (filter.inPolicy != null) and.push(sql('"r"."in_policy" = ?', [filter.inPolicy]));
    if (filter.reason) and.push(sql('"r"."reason_code" = ?', [filter.reason]));
    if (filter.marketplace) and.push(sql('"r"."marketplace" = ?', [filter.marketplace]));
    if (filter.dueBefore) and.push(sql('"r"."deadline" <= ?', [filter.dueBefore]));
    if (filter.dueWithinWeek) {
      // "Today" is each marketplace's own local date.
      const weeks = MARKETPLACE_CODES.map((code) => {
        const today = localDateOf(this.now(), MARKETPLACES[code].timeZone);
        return { code, from: today, to: addCalendarDays(today, 7) };
      });
      const perMarketplace = weeks.map(({ code, from, to }) =>
        sql('"r"."marketplace" = ? and "r"."deadline" >= ? and "r"."deadline" <= ?', [code, from, to]),
      );
      // The range that spans every marketplace's week: a range of the (seller, status, deadline) index.
      const days = weeks.flatMap(({ from, to }) => [from, to]).sort();
      and.push(
        joinSql(
          [
            sql(`"r"."status" = 'AUTHORIZED' and "r"."deadline" >= ? and "r"."deadline" <= ?`, [days[0], days.at(-1)]),
            joinSql(perMarketplace, 'or'),
          ],
          'and',
        ),
      );
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
    return and;
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

/** Columns every queue row carries: its keys (the queue's order and the cursor). */
const ROW_BASE_PROPS = ['id', 'requestedAt'] as const satisfies ReadonlyArray<keyof ReturnRequest>;

/** GraphQL fields of `ReturnRequest` that are not a column of the same name: the columns they read. */
const FIELD_PROPS: Readonly<Record<string, ReadonlyArray<keyof ReturnRequest>>> = {
  __typename: [],
  state: ['status'],
  reason: ['reasonCode'],
  reasonLabel: ['reasonCode'],
  seller: ['organization'],
  messages: [],
  allowedEvents: ['marketplace', 'status', 'deadline'],
  documents: ['rma'],
};

/** By field set: selectedFields hands every request of one document the same set, so each is mapped once. */
const propsByFields = new WeakMap<ReadonlySet<string>, string[] | null>();

/**
 * The properties a queue row needs for the GraphQL fields a query selects on it, or `null` (read
 * every column) when a field is neither mapped above nor a column of the same name, so that a field
 * added later is never answered from a column that was not read.
 */
function returnRowPropsFor(em: EntityManager, fields: ReadonlySet<string>): string[] | null {
  let props = propsByFields.get(fields);
  if (props === undefined) {
    props = rowPropsOf(em, fields);
    propsByFields.set(fields, props);
  }
  return props;
}

function rowPropsOf(em: EntityManager, fields: Iterable<string>): string[] | null {
  const columns = new Set(returnRowProps(em));
  const props = new Set<string>(ROW_BASE_PROPS);
  for (const field of fields) {
    const mapped = FIELD_PROPS[field];
    if (mapped) for (const prop of mapped) props.add(prop);
    else if (columns.has(field)) props.add(field);
    else return null;
  }
  return [...props];
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
