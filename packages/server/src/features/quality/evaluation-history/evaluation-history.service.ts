import type { EntityManager } from '@mikro-orm/knex';
import type { MarketplaceCode } from '@recertify/domain';
import { keyset, type Connection, type CursorKey } from '../../../db/pagination.js';
import { rowReader } from '../../../db/rows.js';
import { badInput } from '../../../errors/app-error.js';
import { Percentage, StarRating } from '../../../graphql/figures.types.js';
import { QualityEvaluation } from '../evaluation/quality-evaluation.entity.js';
import { QualityEvaluationType } from './evaluation-history.types.js';
import { selectRows } from '../../../db/select-rows.js';

const DEFAULT_PAGE = 30;
const MAX_PAGE = 100;
const COLUMNS = [
  'day',
  'evaluatedAt',
  'policyVersion',
  'standing',
  'breaches',
  'rqsOrders',
  'rqsDefectiveOrders',
  'rqsBps',
  'rqsMinimumBps',
  'odrOrders',
  'odrDefectiveOrders',
  'odrBps',
  'odrMaximumBps',
  'ratingCount',
  'ratingHundredths',
  'ratingMinimumHundredths',
  'offers',
  'suppressedOffers',
] as const;
type Row = Partial<QualityEvaluation>;
/** One evaluation per seller, marketplace and day: the day alone orders a seller's history. */
const BY_DAY: CursorKey<Row> = { column: '"e"."day"', type: 'day', of: (r) => r.day };

/**
 * A seller's evaluation history in one marketplace, newest first: the dated snapshots the daily
 * job and on-demand evaluations keep. Read through the dashboard, which has already checked who
 * may see the seller; one statement per page, the first with its count (a later page's count apart, when asked).
 */
export class EvaluationHistoryService {
  constructor(private readonly em: EntityManager) {}

  async list(
    sellerId: string,
    marketplace: MarketplaceCode,
    args: { first?: number | null; after?: string | null },
  ): Promise<Connection<QualityEvaluationType>> {
    const first = args.first ?? DEFAULT_PAGE;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
      throw badInput([{ field: 'first', message: `must be between 1 and ${MAX_PAGE}` }]);
    }
    const page = keyset({
      keys: [BY_DAY],
      scope: ['qualityEvaluations', sellerId, marketplace],
      first,
      after: args.after,
      descending: true,
    });
    const reader = rowReader(this.em, QualityEvaluation, 'e', COLUMNS);
    const where = '"e"."organization_id" = ? and "e"."marketplace" = ?';
    // The first page counts the whole list in the same statement (a window function is evaluated
    // before the limit); a later page, whose rows the cursor cuts, counts apart and only if asked.
    const raw = await selectRows<Record<string, unknown>>(
      this.em,
      `select ${reader.columns}${page.after ? '' : ', count(*) over () as "total_count"'}` +
        ` from "quality_evaluation" as "e" where ${where}` +
        (page.after ? ` and ${page.after.text}` : '') +
        ` order by ${page.orderBy} limit ${page.limit}`,
      [sellerId, marketplace, ...(page.after?.params ?? [])],
    );
    const count = page.after
      ? async () => {
          const [row] = await selectRows<{ count: number | string }>(
            this.em,
            `select count(*) as "count" from "quality_evaluation" as "e" where ${where}`,
            [sellerId, marketplace],
          );
          return Number(row?.count ?? 0);
        }
      : () => Promise.resolve(Number(raw[0]?.['total_count'] ?? 0));
    return page.page(raw.map(reader.read), toType, count);
  }
}

function toType(row: Row): QualityEvaluationType {
  return Object.assign(new QualityEvaluationType(), {
    day: row.day!,
    evaluatedAt: row.evaluatedAt!,
    policyVersion: row.policyVersion!,
    standing: row.standing!,
    breaches: row.breaches ?? [],
    rqs: row.rqsBps == null ? null : new Percentage(row.rqsBps),
    rqsOrders: row.rqsOrders ?? 0,
    rqsDefectiveOrders: row.rqsDefectiveOrders ?? 0,
    rqsMinimum: new Percentage(row.rqsMinimumBps!),
    odr: row.odrBps == null ? null : new Percentage(row.odrBps),
    odrOrders: row.odrOrders ?? 0,
    odrDefectiveOrders: row.odrDefectiveOrders ?? 0,
    odrMaximum: new Percentage(row.odrMaximumBps!),
    averageRating: row.ratingHundredths == null ? null : new StarRating(row.ratingHundredths),
    ratingCount: row.ratingCount ?? 0,
    ratingMinimum: new StarRating(row.ratingMinimumHundredths!),
    offers: row.offers ?? 0,
    suppressedOffers: row.suppressedOffers ?? 0,
  });
}
