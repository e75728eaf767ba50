import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { MARKETPLACES, addCalendarDays, dayOfWeek, localDateOf, type MarketplaceCode } from '@recertify/domain';
import { badInput } from '../../graphql/app-errors.js';
import { requireUser } from '../../graphql/auth.js';
import { decodeCursor, encodeCursor, type Connection } from '../../graphql/connection.js';
import type { Principal } from '../../graphql/principal.js';
import { Role } from '../accounts/accounts.enums.js';
import { Application } from '../applications/application.entity.js';
import { ApplicationStatusEnum } from '../applications/applications.enums.js';
import { Marketplace } from '../marketplaces/marketplace.entity.js';
import { DueFilter, type ReviewQueueCounts, type ReviewQueueFilter } from './review.types.js';

const QUEUE_STATUSES = [ApplicationStatusEnum.SUBMITTED, ApplicationStatusEnum.IN_REVIEW];
const MAX_PAGE = 100;

/** The reviewer's queue: one page of it, and how many applications each filter holds. Read only. */
export class ReviewQueueService {
  constructor(
    private readonly em: EntityManager,
    private readonly now: () => Date,
  ) {}

  /** Oldest due first; keyset pagination on (dueDate, submittedAt, id). */
  async queue(
    principal: Principal,
    args: { first?: number | null; after?: string | null; filter?: ReviewQueueFilter | null },
  ): Promise<Connection<Application>> {
    requireUser(principal, Role.REVIEWER, Role.ADMIN);
    const first = args.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
      throw badInput([{ field: 'first', message: `must be between 1 and ${MAX_PAGE}` }]);
    }
    const where = await this.queueWhere(args.filter ?? {});
    const conditions: Array<FilterQuery<Application>> = [where];
    if (args.after) {
      const parts = decodeCursor(args.after);
      const [dueDate, submittedAt, id] = parts ?? [];
      if (typeof dueDate !== 'string' || typeof submittedAt !== 'string' || typeof id !== 'string') {
        throw badInput([{ field: 'after', message: 'is not a cursor from this list; start again without it' }]);
      }
      const at = new Date(submittedAt);
      conditions.push({
        $or: [
          { dueDate: { $gt: dueDate } },
          { dueDate, submittedAt: { $gt: at } },
          { dueDate, submittedAt: at, id: { $gt: id } },
        ],
      });
    }
    const [rows, totalCount] = await Promise.all([
      this.em.find(
        Application,
        { $and: conditions },
        {
          orderBy: [{ dueDate: 'asc' }, { submittedAt: 'asc' }, { id: 'asc' }],
          limit: first + 1,
          populate: ['organization'],
        },
      ),
      this.em.count(Application, where),
    ]);
    const page = rows.slice(0, first);
    const edges = page.map((node) => ({
      node,
      cursor: encodeCursor([node.dueDate, node.submittedAt?.toISOString(), node.id]),
    }));
    return {
      edges,
      totalCount,
      pageInfo: {
        hasNextPage: rows.length > first,
        hasPreviousPage: Boolean(args.after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  async counts(principal: Principal, filter: ReviewQueueFilter = {}): Promise<ReviewQueueCounts> {
    requireUser(principal, Role.REVIEWER, Role.ADMIN);
    const count = async (extra: ReviewQueueFilter) =>
      this.em.count(Application, await this.queueWhere({ ...filter, ...extra }));
    const [
      total,
      submitted,
      inReview,
      overdue,
      dueToday,
      dueThisWeek,
      appleRequested,
      failedChecks,
      ...perMarketplace
    ] = await Promise.all([
      count({}),
      count({ status: ApplicationStatusEnum.SUBMITTED }),
      count({ status: ApplicationStatusEnum.IN_REVIEW }),
      count({ due: DueFilter.OVERDUE }),
      count({ due: DueFilter.DUE_TODAY }),
      count({ due: DueFilter.DUE_THIS_WEEK }),
      count({ appleRequested: true }),
      count({ failedChecks: true }),
      ...(Object.keys(MARKETPLACES) as MarketplaceCode[]).map((m) => count({ marketplace: m as never })),
    ]);
    return {
      total,
      submitted,
      inReview,
      overdue,
      dueToday,
      dueThisWeek,
      appleRequested,
      failedChecks,
      byMarketplace: (Object.keys(MARKETPLACES) as MarketplaceCode[]).map((m, i) => ({
        marketplace: m as never,
        count: perMarketplace[i] ?? 0,
      })),
    };
  }

  private async queueWhere(filter: ReviewQueueFilter): Promise<FilterQuery<Application>> {
    const and: Array<FilterQuery<Application>> = [
      { status: filter.status && QUEUE_STATUSES.includes(filter.status) ? filter.status : { $in: QUEUE_STATUSES } },
    ];
    if (filter.marketplace) and.push({ marketplace: filter.marketplace });
    if (filter.appleRequested != null) and.push({ appleRequested: filter.appleRequested });
    if (filter.failedChecks === true)
      and.push({ $or: [{ failingChecks: { $gt: 0 } }, { checksNeedingReview: { $gt: 0 } }] });
    if (filter.failedChecks === false) and.push({ failingChecks: 0, checksNeedingReview: 0 });
    if (filter.due) {
      // "Today" is each marketplace's own local date.
      const marketplaces = await this.em.find(Marketplace, {});
      and.push({
        $or: marketplaces.map((m) => {
          const today = localDateOf(this.now(), m.timeZone);
          const sunday = addCalendarDays(today, (7 - dayOfWeek(today)) % 7);
          const dueDate =
            filter.due === DueFilter.OVERDUE
              ? { $lt: today }
              : filter.due === DueFilter.DUE_TODAY
                ? today
                : { $gte: today, $lte: sunday };
          return { marketplace: m.code, dueDate };
        }),
      });
    }
    return { $and: and };
  }
}
