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
 * Two statements whatever the seller's size: the seller's day rows summed per window (and its
 * ratings up to the evaluated day: the average is over every rating of its offers, not a window),
 * and each offer's day rows summed over the RQS window (offers without orders included).
 */
export async function loadSellerQualityFacts(
  em: EntityManager,
  sellerId: string,
  marketplace: MarketplaceCode,
  windows: QualityWindows,
): Promise<SellerQualityFacts> {
  const { rqs, odr } = windows;
  const to = rqs.to > odr.to ? rqs.to : odr.to;
  const [sums] = await em.execute<Array<Record<string, number | string | null>>>(
    'select ' +
      'coalesce(sum(case when "day" >= ? and "day" <= ? then "orders" else 0 end), 0) as "rqs_orders", ' +
      'coalesce(sum(case when "day" >= ? and "day" <= ? then "orders_with_complaint" else 0 end), 0) as "rqs_defective", ' +
      'coalesce(sum(case when "day" >= ? and "day" <= ? then "orders" else 0 end), 0) as "odr_orders", ' +
      'coalesce(sum(case when "day" >= ? and "day" <= ? then "orders_with_defect" else 0 end), 0) as "odr_defective", ' +
      'coalesce(sum("rating_count"), 0) as "rating_count", coalesce(sum("rating_star_sum"), 0) as "rating_sum" ' +
      'from "seller_daily_quality" where "seller_id" = ? and "marketplace" = ? and "day" <= ?',
    [rqs.from, rqs.to, rqs.from, rqs.to, odr.from, odr.to, odr.from, odr.to, sellerId, marketplace, to],
  );
  const offers = await em.execute<Array<Record<string, number | string | null>>>(
    'select "o"."id", "o"."sku", "o"."status", ' +
      'coalesce(sum("r"."orders"), 0) as "orders", coalesce(sum("r"."orders_with_complaint"), 0) as "defective" ' +
      'from "offer" as "o" left join "offer_daily_quality" as "r" ' +
      'on "r"."offer_id" = "o"."id" and "r"."day" >= ? and "r"."day" <= ? ' +
      'where "o"."seller_id" = ? and "o"."marketplace" = ? group by "o"."id", "o"."sku", "o"."status" order by "o"."id"',
    [rqs.from, rqs.to, sellerId, marketplace],
  );
  return {
    counts: {
      rqs: { orders: num(sums?.['rqs_orders']), defectiveOrders: num(sums?.['rqs_defective']) },
      odr: { orders: num(sums?.['odr_orders']), defectiveOrders: num(sums?.['odr_defective']) },
    },
    ratings: { count: num(sums?.['rating_count']), sum: num(sums?.['rating_sum']) },
    offers: offers.map((row) => ({
      offerId: String(row['id']),
      sku: String(row['sku']),
      status: String(row['status']) as OfferStatus,
      rqs: { orders: num(row['orders']), defectiveOrders: num(row['defective']) },
    })),
  };
}

/** PostgreSQL answers sums as strings (bigint); SQLite as numbers. */
function num(value: number | string | null | undefined): number {
  return value == null ? 0 : Number(value);
}
