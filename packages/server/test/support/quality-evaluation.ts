import { Reference } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { MARKETPLACES, type MarketplaceCode } from '@recertify/domain';
import { OrganizationKind, Role } from '../../src/features/accounts/accounts.enums.js';
import { Organization } from '../../src/features/accounts/organization.entity.js';
import { User } from '../../src/features/accounts/user.entity.js';
import { Offer } from '../../src/features/quality/offer.entity.js';
import { MoneyValue } from '../../src/graphql/money.types.js';

/*
 * Evaluation reads the daily rollups only, so its boundary tests write rollup rows straight
 * (10,000 orders are one row, not 10,000 records): the offer's row and the seller's row of the
 * same day, added to what is there, as refreshQualityRollups would leave them.
 */

let counter = 0;
const next = (prefix: string) => `${prefix}-${++counter}-${Date.now().toString(36)}`;

export interface RollupDay {
  readonly day: string;
  readonly orders: number;
  readonly complaints?: number;
  readonly defects?: number;
  readonly ratingCount?: number;
  readonly ratingSum?: number;
}

/** A seller organization with one seller account (whose address gets the quality emails). */
export async function evaluationSeller(em: EntityManager, name = next('Evaluated seller')): Promise<Organization> {
  const seller = new Organization({ kind: OrganizationKind.SELLER, name });
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}@example.com`;
  em.persist(seller);
  em.persist(
    new User({
      email,
      displayName: name,
      role: Role.SELLER,
      organization: Reference.create(seller),
      passwordHash: 'not-a-hash',
    }),
  );
  await em.flush();
  return seller;
}

export async function evaluationOffer(
  em: EntityManager,
  seller: Organization,
  marketplace: MarketplaceCode = 'US',
  sku = next('SKU'),
): Promise<Offer> {
  const offer = new Offer({
    seller: Reference.create(seller),
    marketplace,
    externalId: next('offer'),
    sku,
    productName: 'Renewed phone',
    brand: 'Acme',
    category: 'Phones',
    condition: 'Renewed',
    price: new MoneyValue({ amountMinor: 19_999, currency: MARKETPLACES[marketplace].currency }),
  });
  await em.persistAndFlush(offer);
  return offer;
}

/** Adds a day's figures to the offer's row and to its seller's row of that day. */
export async function addRollup(em: EntityManager, offer: Offer, figures: RollupDay): Promise<void> {
  const values = [
    figures.orders,
    figures.complaints ?? 0,
    figures.defects ?? 0,
    figures.ratingCount ?? 0,
    figures.ratingSum ?? 0,
  ];
  const counts = '"orders", "orders_with_complaint", "orders_with_defect", "rating_count", "rating_star_sum"';
  const add =
    '"orders" = t."orders" + excluded."orders", ' +
    '"orders_with_complaint" = t."orders_with_complaint" + excluded."orders_with_complaint", ' +
    '"orders_with_defect" = t."orders_with_defect" + excluded."orders_with_defect", ' +
    '"rating_count" = t."rating_count" + excluded."rating_count", ' +
    '"rating_star_sum" = t."rating_star_sum" + excluded."rating_star_sum"';
  await em.execute(
    `insert into "offer_daily_quality" as t ("offer_id", "day", "seller_id", "marketplace", ${counts}) ` +
      `values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict ("offer_id", "day") do update set ${add}`,
    [offer.id, figures.day, offer.seller.id, offer.marketplace, ...values],
  );
  await em.execute(
    `insert into "seller_daily_quality" as t ("seller_id", "marketplace", "day", ${counts}) ` +
      `values (?, ?, ?, ?, ?, ?, ?, ?) on conflict ("seller_id", "marketplace", "day") do update set ${add}`,
    [offer.seller.id, offer.marketplace, figures.day, ...values],
  );
}
