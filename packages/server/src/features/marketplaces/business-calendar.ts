import type { EntityManager } from '@mikro-orm/knex';
import { businessCalendar, type BusinessCalendar, type MarketplaceCode } from '@recertify/domain';
import { Holiday } from './holiday.entity.js';
import { Marketplace } from './marketplace.entity.js';

/** A marketplace's business days: its time zone and its holidays. */
export async function loadBusinessCalendar(em: EntityManager, code: MarketplaceCode): Promise<BusinessCalendar> {
  const [marketplace, holidays] = await Promise.all([
    em.findOneOrFail(Marketplace, { code }),
    em.find(Holiday, { marketplace: code }),
  ]);
  return businessCalendar(
    marketplace.timeZone,
    holidays.map((holiday) => holiday.date),
  );
}
