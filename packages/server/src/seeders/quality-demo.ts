import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import {
  MARKETPLACES,
  orderDateOf,
  type ComplaintCategory,
  type ComplaintSource,
  type MarketplaceCode,
  type OrderDefectKind,
} from '@recertify/domain';
import { Organization } from '../features/accounts/organization.entity.js';
import { MoneyValue } from '../graphql/money.types.js';
import { Complaint } from '../features/quality/complaint.entity.js';
import { Offer } from '../features/quality/offer.entity.js';
import { OrderDefect } from '../features/quality/order-defect.entity.js';
import { Order } from '../features/quality/order.entity.js';
import { ProductRating } from '../features/quality/product-rating.entity.js';
import { refreshQualityRollups } from '../features/quality/quality-rollups.js';

/*
 * About 90 days of quality data for the two approved demo sellers, so the dashboard's charts tell a
 * story on first start (SPEC 5):
 * - Evergreen Renewed: healthy, close to one threshold: seller RQS about 98.4 % (minimum 98 %),
 *   ODR about 0.3 %, rating about 4.4; every offer above 95 %.
 * - Tightrope Traders: under every threshold and getting worse (complaints rise toward today):
 *   RQS about 95 %, ODR about 1.2 %, rating about 3.6, and one offer around 85 % RQS that
 *   evaluation suppresses (quality-evaluation-demo.ts runs after this).
 * Deterministic: a seeded generator draws every record, so the counts are the same on every start
 * (only the dates follow today). Fast: multi-row inserts and one rollup refresh, about 2,000 orders.
 * Idempotent: a seller that has offers already is left alone.
 */

interface DemoOfferPlan {
  readonly sku: string;
  readonly productName: string;
  readonly brand: string;
  readonly category: string;
  readonly priceMinor: number;
  /** Chance an order gets a complaint (on average over the 90 days). */
  readonly complaintRate: number;
}

interface DemoSellerPlan {
  readonly organization: string;
  readonly key: string;
  readonly marketplace: MarketplaceCode;
  readonly ordersPerDay: number;
  readonly offers: readonly DemoOfferPlan[];
  readonly defectRate: number;
  /** Weights of 1 to 5 stars. */
  readonly starWeights: readonly [number, number, number, number, number];
  /** Complaints grow toward today (a worsening trend) when true; steady otherwise. */
  readonly worsening: boolean;
}

const offer = (
  sku: string,
  productName: string,
  brand: string,
  category: string,
  priceMinor: number,
  complaintRate: number,
): DemoOfferPlan => ({ sku, productName, brand, category, priceMinor, complaintRate });

export const QUALITY_DEMO_SELLERS: readonly DemoSellerPlan[] = [
  {
    organization: 'Evergreen Renewed',
    key: 'EVG',
    marketplace: 'US',
    ordersPerDay: 15,
    offers: [
      offer('EVG-IP13-128', 'iPhone 13 128 GB, Midnight (Renewed)', 'Apple', 'Phones', 42_900, 0.014),
      offer('EVG-GS22-256', 'Galaxy S22 256 GB (Renewed)', 'Samsung', 'Phones', 37_500, 0.016),
      offer('EVG-IPAD9-64', 'iPad 9th gen 64 GB Wi-Fi (Renewed)', 'Apple', 'Tablets', 23_900, 0.018),
      offer('EVG-PX7-128', 'Pixel 7 128 GB (Renewed)', 'Google', 'Phones', 29_900, 0.015),
      offer('EVG-MBA-M1', 'MacBook Air M1 8/256 (Renewed)', 'Apple', 'Laptops', 64_900, 0.012),
      offer('EVG-AW7-45', 'Apple Watch Series 7 45 mm (Renewed)', 'Apple', 'Wearables', 21_900, 0.02),
    ],
    defectRate: 0.003,
    starWeights: [2, 3, 8, 30, 57],
    worsening: false,
  },
  {
    organization: 'Tightrope Traders',
    key: 'TTR',
    marketplace: 'US',
    ordersPerDay: 8,
    offers: [
      offer('TTR-IP12-64', 'iPhone 12 64 GB (Renewed)', 'Apple', 'Phones', 32_900, 0.02),
      offer('TTR-GS21-128', 'Galaxy S21 128 GB (Renewed)', 'Samsung', 'Phones', 27_900, 0.02),
      // The offer evaluation suppresses: batteries that do not last.
      offer('TTR-BUDS-PRO', 'Galaxy Buds Pro (Renewed)', 'Samsung', 'Audio', 8_900, 0.15),
      offer('TTR-SW4-44', 'Galaxy Watch4 44 mm (Renewed)', 'Samsung', 'Wearables', 12_900, 0.02),
    ],
    defectRate: 0.012,
    starWeights: [12, 10, 15, 30, 33],
    worsening: true,
  },
];

const DAYS = 88;
const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const RATING_SHARE = 0.25;
const INSERT_CHUNK = 300;
const SOURCES: readonly ComplaintSource[] = ['EMAIL', 'PRODUCT_REVIEW', 'SELLER_FEEDBACK', 'CUSTOMER_SERVICE_CALL'];
const CATEGORIES: readonly ComplaintCategory[] = [
  'NOT_WORKING',
  'BATTERY',
  'BATTERY',
  'COSMETIC_DAMAGE',
  'MISSING_ACCESSORIES',
  'WRONG_ITEM',
  'OTHER',
];
const DEFECT_KINDS: readonly OrderDefectKind[] = ['NEGATIVE_FEEDBACK', 'A_TO_Z_CLAIM', 'CHARGEBACK'];

export async function seedQualityDemo(em: EntityManager, now: Date = new Date()): Promise<void> {
  for (const plan of QUALITY_DEMO_SELLERS) {
    const seller = await em.findOne(Organization, { name: plan.organization });
    if (!seller || (await em.count(Offer, { seller: seller.id })) > 0) continue;
    await em.transactional((tx) => seedSeller(tx, plan, seller.id, now));
  }
}

async function seedSeller(em: EntityManager, plan: DemoSellerPlan, sellerId: string, now: Date): Promise<void> {
  const random = mulberry32(hash(plan.key));
  const { timeZone, currency } = MARKETPLACES[plan.marketplace];
  const base = { marketplace: plan.marketplace, seller: sellerId, version: 1, createdAt: now, updatedAt: now };
  // A handful of offers as entities (their price is an embedded value); the volume below as rows.
  const offers = plan.offers.map(
    (o, i) =>
      new Offer({
        seller: em.getReference(Organization, sellerId, { wrapped: true }),
        marketplace: plan.marketplace,
        externalId: `DEMO-${plan.key}-OF-${i + 1}`,
        sku: o.sku,
        productName: o.productName,
        brand: o.brand,
        category: o.category,
        condition: 'Renewed',
        price: new MoneyValue({ amountMinor: o.priceMinor, currency }),
      }),
  );
  em.persist(offers);
  await em.flush();
  const orders: Array<Record<string, unknown>> = [];
  const complaints: Array<Record<string, unknown>> = [];
  const defects: Array<Record<string, unknown>> = [];
  const ratings: Array<Record<string, unknown>> = [];
  const latest = now.getTime() - HOUR_MS;
  const after = (from: number, minDays: number, maxDays: number) =>
    new Date(Math.min(latest, from + (minDays + random() * (maxDays - minDays)) * DAY_MS));

  for (let daysAgo = DAYS; daysAgo >= 0; daysAgo--) {
    // Tightrope's complaints rise toward today: from 0.6 to 1.4 times its rate, 1.0 on average.
    const trend = plan.worsening ? 0.6 + 0.8 * (1 - daysAgo / DAYS) : 1;
    const count = plan.ordersPerDay - 2 + Math.floor(random() * 5);
    for (let k = 0; k < count; k++) {
      const offerIndex = Math.floor(random() * offers.length);
      const theOffer = offers[offerIndex]!;
      const orderedAt = new Date(
        Math.min(latest - HOUR_MS, now.getTime() - daysAgo * DAY_MS - random() * 20 * HOUR_MS),
      );
      const orderDate = orderDateOf(orderedAt, timeZone);
      const orderId = randomUUID();
      const n = orders.length + 1;
      const shippedAt = after(orderedAt.getTime(), 0.5, 2);
      orders.push({
        ...base,
        id: orderId,
        offer: theOffer.id,
        externalId: `DEMO-${plan.key}-OR-${String(n).padStart(5, '0')}`,
        buyerReference: `demo-buyer-${Math.floor(random() * 5000)}`,
        quantity: random() < 0.9 ? 1 : 2,
        orderedAt,
        shippedAt,
        deliveredAt: after(shippedAt.getTime(), 1, 4),
        orderDate,
      });
      const copies = { ...base, order: orderId, offer: theOffer.id, orderDate };
      if (random() < plan.offers[offerIndex]!.complaintRate * trend) {
        // Now and then a buyer complains twice, through two channels: the order counts once.
        const times = random() < 0.25 ? 2 : 1;
        const category = pick(random, CATEGORIES);
        for (let c = 0; c < times; c++) {
          complaints.push({
            ...copies,
            id: randomUUID(),
            externalId: `DEMO-${plan.key}-CO-${n}-${c + 1}`,
            source: pick(random, SOURCES),
            category,
            filedAt: after(orderedAt.getTime(), 2, 20),
            note: c === 0 ? DEMO_NOTES[category] : null,
          });
        }
      }
      if (random() < plan.defectRate) {
        defects.push({
          ...copies,
          id: randomUUID(),
          externalId: `DEMO-${plan.key}-DF-${n}`,
          kind: pick(random, DEFECT_KINDS),
          reportedAt: after(orderedAt.getTime(), 3, 25),
        });
      }
      if (random() < RATING_SHARE) {
        const ratedAt = after(orderedAt.getTime(), 4, 14);
        ratings.push({
          ...base,
          id: randomUUID(),
          offer: theOffer.id,
          order: orderId,
          externalId: `DEMO-${plan.key}-RA-${n}`,
          stars: weighted(random, plan.starWeights) + 1,
          ratedAt,
          ratedDate: orderDateOf(ratedAt, timeZone),
        });
      }
    }
  }

  await insertChunked(em, Order, orders);
  await insertChunked(em, Complaint, complaints);
  await insertChunked(em, OrderDefect, defects);
  await insertChunked(em, ProductRating, ratings);
  await refreshQualityRollups(em, { offerIds: offers.map((o) => o.id) });
}

const DEMO_NOTES: Readonly<Record<ComplaintCategory, string>> = {
  NOT_WORKING: 'Does not turn on after the first charge.',
  BATTERY: 'Battery is down to 20 % by lunchtime.',
  COSMETIC_DAMAGE: 'Deep scratch across the screen, not "like new".',
  MISSING_ACCESSORIES: 'No charging cable in the box.',
  WRONG_ITEM: 'Received the 64 GB model instead of 128 GB.',
  OTHER: 'Smells of smoke.',
};

async function insertChunked(
  em: EntityManager,
  entity: new (...args: never[]) => object,
  rows: Array<Record<string, unknown>>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await em.insertMany(entity as never, rows.slice(i, i + INSERT_CHUNK) as never[]);
  }
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function weighted(random: () => number, weights: readonly number[]): number {
  const total = weights.reduce((sum, w) => sum + w, 0);
  let roll = random() * total;
  for (let i = 0; i < weights.length; i++) {
    roll -= weights[i]!;
    if (roll < 0) return i;
  }
  return weights.length - 1;
}

/** A small seeded generator (mulberry32): the same draws on every start. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
