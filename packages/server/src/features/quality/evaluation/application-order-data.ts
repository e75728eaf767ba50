import type { EntityManager } from '@mikro-orm/knex';
import { trailingWindow, type OrderCounts } from '@recertify/domain';

/**
 * An existing seller's orders over the ODR window for its application (SPEC 3), from the daily
 * rollups of every marketplace it sells in, the window counted in the applied-to marketplace's
 * zone. Null when the program holds no order of the seller at all: its ODR is then for a reviewer
 * to check (NEEDS_REVIEW), as before order data arrived.
 */
export async function applicationOrderCounts(
  em: EntityManager,
  sellerId: string,
  at: Date,
  odrWindowDays: number,
  timeZone: string,
): Promise<OrderCounts | null> {
  const window = trailingWindow(at, odrWindowDays, timeZone);
  const [row] = await em.execute<Array<Record<string, number | string | null>>>(
    'select count(*) as "days", ' +
      'coalesce(sum(case when "day" >= ? then "orders" else 0 end), 0) as "orders", ' +
      'coalesce(sum(case when "day" >= ? then "orders_with_defect" else 0 end), 0) as "defective" ' +
      'from "seller_daily_quality" where "seller_id" = ? and "day" <= ? and "orders" > 0',
    [window.from, window.from, sellerId, window.to],
  );
  if (!row || Number(row['days']) === 0) return null;
  return { orders: Number(row['orders']), defectiveOrders: Number(row['defective']) };
}
