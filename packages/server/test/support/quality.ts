import { Reference } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { MARKETPLACES, orderDateOf, type ComplaintCategory, type MarketplaceCode } from '@recertify/domain';
import { OrganizationKind } from '../../src/features/accounts/accounts.enums.js';
import { Organization } from '../../src/features/accounts/organization.entity.js';
import { MoneyValue } from '../../src/graphql/money.types.js';
import { Complaint } from '../../src/features/quality/complaint.entity.js';
import { Offer } from '../../src/features/quality/offer.entity.js';
import { OrderDefect } from '../../src/features/quality/order-defect.entity.js';
import { Order } from '../../src/features/quality/order.entity.js';
import { ProductRating } from '../../src/features/quality/product-rating.entity.js';
import { OfferDailyQuality, SellerDailyQuality } from '../../src/features/quality/quality-rollup.entity.js';

/*
 * Quality records written straight through the ORM, for tests of what reads them (rollups,
 * figures, dashboards). They fill the copied columns (seller, order date...) as the writers do;
 * the caller refreshes the rollups (refreshQualityRollups) like a writer would.
 */

let counter = 0;
const next = (prefix: string) => `${prefix}-${++counter}-${Date.now().toString(36)}`;

export async function qualitySeller(em: EntityManager, name = next('Quality seller')): Promise<Organization> {
  const seller = new Organization({ kind: OrganizationKind.SELLER, name });
  await em.persistAndFlush(seller);
  return seller;
}

export async function qualityOffer(
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

export async function qualityOrder(em: EntityManager, offer: Offer, orderedAt: Date): Promise<Order> {
  const order = new Order({
    offer: Reference.create(offer),
    seller: offer.seller,
    marketplace: offer.marketplace,
    externalId: next('order'),
    buyerReference: 'buyer-1',
    quantity: 1,
    orderedAt,
    shippedAt: null,
    deliveredAt: null,
    orderDate: orderDateOf(orderedAt, MARKETPLACES[offer.marketplace].timeZone),
  });
  await em.persistAndFlush(order);
  return order;
}

const copies = (order: Order) => ({
  order: Reference.create(order),
  offer: order.offer,
  seller: order.seller,
  marketplace: order.marketplace,
  orderDate: order.orderDate,
});

export async function qualityComplaint(
  em: EntityManager,
  order: Order,
  filedAt: Date,
  category: ComplaintCategory = 'NOT_WORKING',
): Promise<Complaint> {
  const complaint = new Complaint({
    ...copies(order),
    externalId: next('complaint'),
    source: 'EMAIL',
    category,
    filedAt,
    note: null,
  });
  await em.persistAndFlush(complaint);
  return complaint;
}

export async function qualityDefect(em: EntityManager, order: Order, reportedAt: Date): Promise<OrderDefect> {
  const defect = new OrderDefect({ ...copies(order), externalId: next('defect'), kind: 'A_TO_Z_CLAIM', reportedAt });
  await em.persistAndFlush(defect);
  return defect;
}

export async function qualityRating(
  em: EntityManager,
  offer: Offer,
  stars: number,
  ratedAt: Date,
): Promise<ProductRating> {
  const rating = new ProductRating({
    offer: Reference.create(offer),
    order: null,
    seller: offer.seller,
    marketplace: offer.marketplace,
    externalId: next('rating'),
    stars,
    ratedAt,
    ratedDate: orderDateOf(ratedAt, MARKETPLACES[offer.marketplace].timeZone),
  });
  await em.persistAndFlush(rating);
  return rating;
}

/** The offer's rollup rows as plain objects, by day. */
export async function offerRows(em: EntityManager, offer: Offer) {
  const rows = await em.fork().find(OfferDailyQuality, { offer: offer.id }, { orderBy: { day: 'asc' } });
  return rows.map((row) => ({
    day: row.day,
    orders: row.orders,
    ordersWithComplaint: row.ordersWithComplaint,
    ordersWithDefect: row.ordersWithDefect,
    ratingCount: row.ratingCount,
    ratingStarSum: row.ratingStarSum,
  }));
}

/** The seller's rollup rows as plain objects, by marketplace and day. */
export async function sellerRows(em: EntityManager, seller: Organization) {
  const rows = await em
    .fork()
    .find(SellerDailyQuality, { seller: seller.id }, { orderBy: { marketplace: 'asc', day: 'asc' } });
  return rows.map((row) => ({
    marketplace: row.marketplace,
    day: row.day,
    orders: row.orders,
    ordersWithComplaint: row.ordersWithComplaint,
    ordersWithDefect: row.ordersWithDefect,
    ratingCount: row.ratingCount,
    ratingStarSum: row.ratingStarSum,
  }));
}
