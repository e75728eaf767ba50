import type { EntityManager } from '@mikro-orm/knex';
import type { MarketplaceCode, SellerQualityStanding } from '@recertify/domain';
import { requireUser } from '../../auth/permissions.js';
import type { Principal } from '../../auth/principal.js';
import { keyset, type Connection, type CursorKey } from '../../db/pagination.js';
import { rowReader } from '../../db/rows.js';
import { joinSql, sql, type Sql } from '../../db/sql.js';
import { badInput } from '../../errors/app-error.js';
import { Role } from '../accounts/accounts.enums.js';
import { Organization } from '../accounts/organization.entity.js';
import type { QualityEvaluationService } from '../quality/evaluation/quality-evaluation.service.js';
import { SellerQualityStandingRecord } from '../quality/evaluation/seller-quality-standing.entity.js';
import { SellerQualityType, type SellerQualityRow } from '../quality/evaluation/seller-quality.types.js';
import { SellerHealthSort, type SellerHealthFilter } from './seller-health.types.js';
import { selectRows } from '../../db/select-rows.js';

const MAX_PAGE = 100;
const LISTED: readonly SellerQualityStanding[] = ['AT_RISK', 'SUSPENDED'];

/**
 * Each order worst first, ending with the id so no two rows tie. Figures sort on their rounded
 * basis points (the verdicts were decided exactly); a seller without orders or ratings sorts last.
 */
const ORDERS: Record<SellerHealthSort, ReadonlyArray<CursorKey<SellerQualityRow>>> = {
  // Lowest RQS first.
  RQS: [{ column: 'coalesce("s"."rqs_bps", 10001)', type: 'integer', of: (r) => r.rqsBps ?? 10_001 }],
  // Highest ODR first.
  ODR: [{ column: '(10000 - coalesce("s"."odr_bps", -1))', type: 'integer', of: (r) => 10_000 - (r.odrBps ?? -1) }],
  // Lowest rating first.
  RATING: [{ column: 'coalesce("s"."rating_hundredths", 501)', type: 'integer', of: (r) => r.ratingHundredths ?? 501 }],
  // Longest in the standing first.
  SINCE: [{ column: '"s"."since"', type: 'timestamp', of: (r) => r.since }],
};
const BY_ID: CursorKey<SellerQualityRow> = { column: '"s"."id"', type: 'uuid', of: (r) => r.id };

const STANDING_COLUMNS = [
  'id',
  'marketplace',
  'standing',
  'since',
  'reason',
  'changedByName',
  'breaches',
  'evaluatedOn',
  'rqsOrders',
  'rqsDefectiveOrders',
  'rqsBps',
  'odrOrders',
  'odrDefectiveOrders',
  'odrBps',
  'ratingCount',
  'ratingHundredths',
  'suppressedOffers',
] as const;
const ORGANIZATION_COLUMNS = ['id', 'createdAt', 'updatedAt', 'kind', 'name'] as const;

export interface SellerHealthArgs {
  readonly first?: number | null;
  readonly after?: string | null;
  readonly sort?: SellerHealthSort | null;
  readonly filter?: SellerHealthFilter | null;
}

/**
 * The reviewers' seller health: the sellers at risk or suspended with their figures (one
 * statement per page, the seller joined; the count only when asked), and suspension and
 * reinstatement with a reason.
 */
export class SellerHealthService {
  constructor(
    private readonly em: EntityManager,
    private readonly evaluation: QualityEvaluationService,
  ) {}

  async list(principal: Principal, args: SellerHealthArgs): Promise<Connection<SellerQualityType>> {
    requireUser(principal, Role.REVIEWER, Role.ADMIN);
    const first = args.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
      throw badInput([{ field: 'first', message: `must be between 1 and ${MAX_PAGE}` }]);
    }
    const sort = args.sort ?? SellerHealthSort.RQS;
    const filter = { standing: args.filter?.standing ?? null, marketplace: args.filter?.marketplace ?? null };
    if (filter.standing && !LISTED.includes(filter.standing)) {
      throw badInput([{ field: 'filter.standing', message: 'the list holds AT_RISK and SUSPENDED sellers only' }]);
    }
    const page = keyset({
      keys: [...ORDERS[sort], BY_ID],
      scope: ['sellerHealth', sort, filter],
      first,
      after: args.after,
    });
    const where = condition(filter);
    const standings = rowReader(this.em, SellerQualityStandingRecord, 's', STANDING_COLUMNS);
    const sellers = rowReader(this.em, Organization, 'o', ORGANIZATION_COLUMNS, true);
    const when = page.after ? joinSql([where, page.after], 'and') : where;
    const raw = await selectRows<Record<string, unknown>>(
      this.em,
      `select ${standings.columns}, ${sellers.columns} from "seller_quality_standing_record" as "s" ` +
        'inner join "organization" as "o" on "o"."id" = "s"."organization_id" ' +
        `where ${when.text} order by ${page.orderBy} limit ${page.limit}`,
      [...when.params],
    );
    const rows = raw.map((r): SellerQualityRow => {
      const s = standings.read(r);
      return {
        id: s.id!,
        seller: sellers.read(r),
        marketplace: s.marketplace!,
        standing: s.standing!,
        since: s.since!,
        reason: s.reason ?? null,
        changedByName: s.changedByName ?? null,
        breaches: s.breaches ?? [],
        evaluatedOn: s.evaluatedOn ?? null,
        rqsOrders: s.rqsOrders ?? 0,
        rqsDefectiveOrders: s.rqsDefectiveOrders ?? 0,
        rqsBps: s.rqsBps ?? null,
        odrOrders: s.odrOrders ?? 0,
        odrDefectiveOrders: s.odrDefectiveOrders ?? 0,
        odrBps: s.odrBps ?? null,
        ratingCount: s.ratingCount ?? 0,
        ratingHundredths: s.ratingHundredths ?? null,
        suppressedOffers: s.suppressedOffers ?? 0,
      };
    });
    return page.page(
      rows,
      (row) => new SellerQualityType(row),
      () => this.count(where),
    );
  }

  /** A reviewer suspends the seller in the marketplace: every offer there goes off sale. */
  suspend(principal: Principal, input: StandingChangeInput): Promise<SellerQualityType> {
    requireUser(principal, Role.REVIEWER, Role.ADMIN);
    return this.evaluation.act(principal, input.sellerId, input.marketplace, {
      kind: 'SUSPEND',
      reason: checkedReason(input.reason),
    });
  }

  /** A reviewer lifts a suspension: the offers that meet the offer RQS come back on sale. */
  reinstate(principal: Principal, input: StandingChangeInput): Promise<SellerQualityType> {
    requireUser(principal, Role.REVIEWER, Role.ADMIN);
    return this.evaluation.act(principal, input.sellerId, input.marketplace, {
      kind: 'REINSTATE',
      reason: checkedReason(input.reason),
    });
  }

  private async count(where: Sql): Promise<number> {
    const [row] = await selectRows<{ count: number | string }>(
      this.em,
      `select count(*) as "count" from "seller_quality_standing_record" as "s" where ${where.text}`,
      [...where.params],
    );
    return Number(row?.count ?? 0);
  }
}

export interface StandingChangeInput {
  readonly sellerId: string;
  readonly marketplace: MarketplaceCode;
  readonly reason: string;
}

function condition(filter: { standing: SellerQualityStanding | null; marketplace: MarketplaceCode | null }): Sql {
  const and: Sql[] = [sql(`"s"."standing" in (${LISTED.map((s) => `'${s}'`).join(', ')})`)];
  if (filter.standing) and.push(sql('"s"."standing" = ?', [filter.standing]));
  if (filter.marketplace) and.push(sql('"s"."marketplace" = ?', [filter.marketplace]));
  return joinSql(and, 'and');
}

function checkedReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed.length === 0) throw badInput([{ field: 'reason', message: 'say why, for the seller and the audit log' }]);
  return trimmed;
}
