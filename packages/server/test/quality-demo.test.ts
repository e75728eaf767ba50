import type { EntityManager } from '@mikro-orm/knex';
import { addCalendarDays, dailyRollupsFromRecords, localDateOf, MARKETPLACES } from '@recertify/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Organization } from '../src/features/accounts/organization.entity.js';
import { Complaint } from '../src/features/quality/complaint.entity.js';
import { Offer } from '../src/features/quality/offer.entity.js';
import { OrderDefect } from '../src/features/quality/order-defect.entity.js';
import { Order } from '../src/features/quality/order.entity.js';
import { OfferDailyQuality, SellerDailyQuality } from '../src/features/quality/quality-rollup.entity.js';
import { QualityEvaluation } from '../src/features/quality/evaluation/quality-evaluation.entity.js';
import { SellerQualityStandingRecord } from '../src/features/quality/evaluation/seller-quality-standing.entity.js';
import { seedQualityDemo } from '../src/seeders/quality-demo.js';
import { DEMO_HISTORY_DAYS } from '../src/seeders/quality-evaluation-demo.js';
import { DemoDataSeeder } from '../src/seeders/demo-data.seeder.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/*
 * The demo's quality data (src/seeders/quality-demo.ts): the story it must tell on first start,
 * read from the rollups as the dashboard reads them, and rollups equal to what the raw records say.
 */
describe('quality demo data', () => {
  let app: TestApp;
  const em = () => app.orm.em.fork() as EntityManager;

  beforeAll(async () => {
    app = await startTestApp({ seeders: [DemoDataSeeder] });
  });
  afterAll(() => app?.stop());

  async function figures(name: string) {
    const seller = await em().findOneOrFail(Organization, { name });
    const rows = await em().find(SellerDailyQuality, { seller: seller.id, marketplace: 'US' });
    const sum = (key: 'orders' | 'ordersWithComplaint' | 'ordersWithDefect' | 'ratingCount' | 'ratingStarSum') =>
      rows.reduce((total, row) => total + row[key], 0);
    const offers = await em().find(Offer, { seller: seller.id });
    const offerRqs = [];
    for (const offer of offers) {
      const offerRows = await em().find(OfferDailyQuality, { offer: offer.id });
      const orders = offerRows.reduce((t, r) => t + r.orders, 0);
      const complained = offerRows.reduce((t, r) => t + r.ordersWithComplaint, 0);
      offerRqs.push({ sku: offer.sku, orders, rqs: (orders - complained) / orders });
    }
    return {
      seller,
      days: rows.length,
      orders: sum('orders'),
      rqs: 1 - sum('ordersWithComplaint') / sum('orders'),
      odr: sum('ordersWithDefect') / sum('orders'),
      rating: sum('ratingStarSum') / sum('ratingCount'),
      offerRqs,
    };
  }

  it('gives the approved seller healthy figures close to the 98 % RQS threshold', async () => {
    const f = await figures('Evergreen Renewed');
    expect(f.days).toBeGreaterThanOrEqual(85);
    expect(f.orders).toBeGreaterThan(1000);
    expect(f.rqs).toBeGreaterThanOrEqual(0.98);
    expect(f.rqs).toBeLessThan(0.99);
    expect(f.odr).toBeLessThanOrEqual(0.008);
    expect(f.rating).toBeGreaterThanOrEqual(3.7);
    expect(f.offerRqs.every((o) => o.rqs >= 0.95)).toBe(true);
  });

  it('puts the at-risk seller under every threshold, with exactly one offer under 95 %', async () => {
    const f = await figures('Tightrope Traders');
    expect(f.rqs).toBeLessThan(0.98);
    expect(f.odr).toBeGreaterThan(0.008);
    expect(f.rating).toBeLessThan(3.7);
    const under = f.offerRqs.filter((o) => o.rqs < 0.95);
    expect(under.map((o) => o.sku)).toEqual(['TTR-BUDS-PRO']);
    expect(under[0]!.orders).toBeGreaterThanOrEqual(10);
  });

  it('keeps rollups equal to the raw records, and seeding again adds nothing', async () => {
    const { seller } = await figures('Tightrope Traders');
    const orders = await em().find(Order, { seller: seller.id });
    const complaints = await em().find(Complaint, { seller: seller.id });
    const defects = await em().find(OrderDefect, { seller: seller.id });
    const expected = dailyRollupsFromRecords(
      orders.map((o) => ({ id: o.id, offerId: o.offer.id, orderedAt: o.orderedAt })),
      complaints.map((c) => ({ orderId: c.order.id, invalidatedAt: c.invalidatedAt })),
      defects.map((d) => ({ orderId: d.order.id })),
      MARKETPLACES.US.timeZone,
    );
    const rows = await em().find(OfferDailyQuality, { seller: seller.id, orders: { $gt: 0 } });
    const actual = rows
      .map((r) => ({
        offerId: r.offer.id,
        date: r.day,
        orders: r.orders,
        ordersWithComplaint: r.ordersWithComplaint,
        ordersWithDefect: r.ordersWithDefect,
      }))
      .sort((a, b) => (a.offerId + a.date < b.offerId + b.date ? -1 : 1));
    expect(actual).toEqual(expected);

    const before = await em().count(Order, {});
    await seedQualityDemo(em());
    expect(await em().count(Order, {})).toBe(before);
  });

  async function history(name: string) {
    const seller = await em().findOneOrFail(Organization, { name });
    const rows = await em().find(
      QualityEvaluation,
      { organization: seller.id, marketplace: 'US' },
      { orderBy: { day: 'asc' } },
    );
    const standing = await em().findOneOrFail(SellerQualityStandingRecord, {
      organization: seller.id,
      marketplace: 'US',
    });
    return { rows, standing };
  }

  it('keeps 90 days of evaluations for both sellers, one a day up to today, the newest matching the standing', async () => {
    const today = localDateOf(new Date(), MARKETPLACES.US.timeZone);
    for (const name of ['Evergreen Renewed', 'Tightrope Traders']) {
      const { rows, standing } = await history(name);
      expect(rows.map((r) => r.day)).toEqual(
        Array.from({ length: DEMO_HISTORY_DAYS }, (_, i) => addCalendarDays(today, i - (DEMO_HISTORY_DAYS - 1))),
      );
      const newest = rows.at(-1)!;
      expect(newest.standing).toBe(standing.standing);
      expect(newest.rqsBps).toBe(standing.rqsBps);
      expect(newest.suppressedOffers).toBe(standing.suppressedOffers);
      // The windows fill up day by day: orders in the RQS window never shrink before the window is full.
      expect(rows[0]!.rqsOrders).toBeLessThan(newest.rqsOrders);
    }
  });

  it('tells a story: the approved seller recovers to GOOD and stays; the at-risk seller crosses into AT_RISK and stays', async () => {
    // The trailing windows fill up over the first days (the demo's orders start 88 days ago): figures
    // on few orders swing, so the approved seller, close to 98 %, dips under it early and recovers.
    const approved = (await history('Evergreen Renewed')).rows;
    const lastAtRisk = approved.findLastIndex((r) => r.standing !== 'GOOD');
    expect(lastAtRisk).toBeGreaterThan(0);
    expect(lastAtRisk).toBeLessThan(approved.length - 30); // the newest month, the history's first page, is GOOD
    expect(approved.slice(lastAtRisk + 1).every((r) => r.standing === 'GOOD' && r.breaches.length === 0)).toBe(true);
    expect(approved.at(-1)!.suppressedOffers).toBe(0);

    const atRisk = (await history('Tightrope Traders')).rows;
    expect(atRisk[0]!.standing).toBe('GOOD');
    const crossed = atRisk.findIndex((r) => r.standing === 'AT_RISK');
    expect(crossed).toBeGreaterThan(0);
    expect(atRisk[crossed]!.breaches).toContain('RQS');
    expect(atRisk.slice(crossed).every((r) => r.standing === 'AT_RISK' && r.breaches.length > 0)).toBe(true);
    expect(atRisk.at(-1)!.suppressedOffers).toBe(1);
  });
});
