import type { EntityManager } from '@mikro-orm/knex';
import type {
  MarketplaceCode,
  OfferQualityInput,
  OfferStatus,
  QualityCounts,
  QualityWindows,
  RatingTally,
} from '@recertify/domain';

/** What evaluating one seller in one marketplace reads: its daily rollups over the windows, never raw orders. */
export interface SellerQualityFacts {
  readonly counts: QualityCounts;
  readonly ratings: RatingTally;
  readonly offers: ReadonlyArray<OfferQualityInput & { readonly sku: string }>;
}

/**
 * Two statements whatever the number of sellers (the daily job reads a batch of them at once):
 * the sellers' day rows summed per seller and window (and their ratings up to the evaluated day:
 * the average is over every rating of a seller's offers, not a window), and each of their offers'
 * day rows summed over the RQS window (offers without orders included). Every seller asked for
 * is in the answer; one without rows has zeros and no offers.
 */
export async function loadSellersQualityFacts(
  em: EntityManager,
  sellerIds: readonly string[],
  marketplace: MarketplaceCode,
  windows: QualityWindows,
): Promise<Map<string, SellerQualityFacts>> {
  const facts = new Map<
    string,
    { counts: QualityCounts; ratings: RatingTally; offers: SellerQualityFacts['offers'][number][] }
  >();
  for (const id of sellerIds) {
    facts.set(id, {
      counts: { rqs: { orders: 0, defectiveOrders: 0 }, odr: { orders: 0, defectiveOrders: 0 } },
      ratings: { count: 0, sum: 0 },
      offers: [],
    });
  }
  if (sellerIds.length === 0) return facts;
  const { rqs, odr } = windows;
  const to = rqs.to > odr.to ? rqs.to : odr.to;
  const sellers = marks(sellerIds);
  const sums = await em.execute<Array<Record<string, number | string | null>>>(
    'select "seller_id", ' +
      'coalesce(sum(case when "day" >= ? and "day" <= ? then "orders" else 0 end), 0) as "rqs_orders", ' +
      'coalesce(sum(case when "day" >= ? and "day" <= ? then "orders_with_complaint" else 0 end), 0) as "rqs_defective", ' +
      'coalesce(sum(case when "day" >= ? and "day" <= ? then "orders" else 0 end), 0) as "odr_orders", ' +
      'coalesce(sum(case when "day" >= ? and "day" <= ? then "orders_with_defect" else 0 end), 0) as "odr_defective", ' +
      'coalesce(sum("rating_count"), 0) as "rating_count", coalesce(sum("rating_star_sum"), 0) as "rating_sum" ' +
      `from "seller_daily_quality" where "seller_id" in (${sellers}) and "marketplace" = ? and "day" <= ? ` +
      'group by "seller_id"',
    [rqs.from, rqs.to, rqs.from, rqs.to, odr.from, odr.to, odr.from, odr.to, ...sellerIds, marketplace, to],
  );
  for (const row of sums) {
    const seller = facts.get(String(row['seller_id']));
    if (!seller) continue;
    seller.counts = {
      rqs: { orders: num(row['rqs_orders']), defectiveOrders: num(row['rqs_defective']) },
      odr: { orders: num(row['odr_orders']), defectiveOrders: num(row['odr_defective']) },
    };
    seller.ratings = { count: num(row['rating_count']), sum: num(row['rating_sum']) };
  }
  const offers = await em.execute<Array<Record<string, number | string | null>>>(
    'select "o"."seller_id", "o"."id", "o"."sku", "o"."status", ' +
      'coalesce(sum("r"."orders"), 0) as "orders", coalesce(sum("r"."orders_with_complaint"), 0) as "defective" ' +
      'from "offer" as "o" left join "offer_daily_quality" as "r" ' +
      'on "r"."offer_id" = "o"."id" and "r"."day" >= ? and "r"."day" <= ? ' +
      `where "o"."seller_id" in (${sellers}) and "o"."marketplace" = ? ` +
      'group by "o"."seller_id", "o"."id", "o"."sku", "o"."status" order by "o"."seller_id", "o"."id"',
    [rqs.from, rqs.to, ...sellerIds, marketplace],
  );
  for (const row of offers) {
    facts.get(String(row['seller_id']))?.offers.push({
      offerId: String(row['id']),
      sku: String(row['sku']),
      status: String(row['status']) as OfferStatus,
      rqs: { orders: num(row['orders']), defectiveOrders: num(row['defective']) },
    });
  }
  return facts;
}

function marks(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}

/** PostgreSQL answers sums as strings (bigint); SQLite as numbers. */
function num(value: number | string | null | undefined): number {
  return value == null ? 0 : Number(value);
}
