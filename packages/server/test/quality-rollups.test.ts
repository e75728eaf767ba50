import type { EntityManager } from '@mikro-orm/knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Complaint } from '../src/features/quality/complaint.entity.js';
import type { Offer } from '../src/features/quality/offer.entity.js';
import { Order } from '../src/features/quality/order.entity.js';
import { refreshQualityRollups, type TouchedQuality } from '../src/features/quality/quality-rollups.js';
import {
  offerRows,
  qualityComplaint,
  qualityDefect,
  qualityOffer,
  qualityOrder,
  qualityRating,
  qualitySeller,
  sellerRows,
} from './support/quality.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const DAY = 24 * 60 * 60 * 1000;
/** Noon in Los Angeles (the US marketplace's zone) on 2026-10-01. */
const OCT_1_NOON_US = new Date('2026-10-01T19:00:00Z');

/*
 * The daily rollups against real databases: what refreshQualityRollups writes for the touched
 * offer-days equals what the records say, on the rules of SPEC 5 (an order counts once however many
 * valid complaints it has, on its own order date in the marketplace's zone, whenever they came).
 */
describe('refreshQualityRollups', () => {
  let app: TestApp;
  const fork = () => app.orm.em.fork() as EntityManager;
  const refresh = (touched: TouchedQuality) => fork().transactional((em) => refreshQualityRollups(em, touched));
  const days = (offer: Offer, ...list: string[]) => ({ offerDays: list.map((day) => ({ offerId: offer.id, day })) });
  const row = (day: string, counts: Partial<Record<string, number>> = {}) => ({
    day,
    orders: 1,
    ordersWithComplaint: 0,
    ordersWithDefect: 0,
    ratingCount: 0,
    ratingStarSum: 0,
    ...counts,
  });

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.stop());

  it('counts an order with three complaints once, and an order with two defects once', async () => {
    const em = fork();
    const offer = await qualityOffer(em, await qualitySeller(em));
    const complained = await qualityOrder(em, offer, OCT_1_NOON_US);
    const defective = await qualityOrder(em, offer, OCT_1_NOON_US);
    await qualityOrder(em, offer, OCT_1_NOON_US);
    for (let i = 0; i < 3; i++) await qualityComplaint(em, complained, OCT_1_NOON_US);
    await qualityDefect(em, defective, OCT_1_NOON_US);
    await qualityDefect(em, defective, OCT_1_NOON_US);
    await refresh(days(offer, '2026-10-01'));
    expect(await offerRows(em, offer)).toEqual([
      row('2026-10-01', { orders: 3, ordersWithComplaint: 1, ordersWithDefect: 1 }),
    ]);
  });

  it("counts a complaint filed weeks later on its order's day, not the day it was filed", async () => {
    const em = fork();
    const offer = await qualityOffer(em, await qualitySeller(em));
    const order = await qualityOrder(em, offer, OCT_1_NOON_US);
    await refresh(days(offer, '2026-10-01'));
    expect(await offerRows(em, offer)).toEqual([row('2026-10-01')]);

    await qualityComplaint(em, order, new Date(OCT_1_NOON_US.getTime() + 40 * DAY));
    await refresh(days(offer, order.orderDate));
    expect(await offerRows(em, offer)).toEqual([row('2026-10-01', { ordersWithComplaint: 1 })]);
  });

  it('keeps an order defective when one of its two complaints is invalidated, and not when both are', async () => {
    const em = fork();
    const offer = await qualityOffer(em, await qualitySeller(em));
    const order = await qualityOrder(em, offer, OCT_1_NOON_US);
    const first = await qualityComplaint(em, order, OCT_1_NOON_US);
    const second = await qualityComplaint(em, order, OCT_1_NOON_US);
    const invalidate = async (complaint: Complaint) => {
      const tx = fork();
      const loaded = await tx.findOneOrFail(Complaint, { id: complaint.id });
      loaded.invalidatedAt = new Date();
      loaded.invalidationReason = 'Buyer error';
      await tx.flush();
      await refresh(days(offer, order.orderDate));
    };

    await invalidate(first);
    expect(await offerRows(em, offer)).toEqual([row('2026-10-01', { ordersWithComplaint: 1 })]);
    await invalidate(second);
    expect(await offerRows(em, offer)).toEqual([row('2026-10-01', { ordersWithComplaint: 0 })]);
  });

  it("puts an order on its date in the marketplace's zone: 23:59:59 and midnight in Los Angeles are two days", async () => {
    const em = fork();
    const offer = await qualityOffer(em, await qualitySeller(em), 'US');
    // 2026-11-02 08:00Z is midnight in Los Angeles (PST, UTC-8, since 1 November).
    const lastSecond = await qualityOrder(em, offer, new Date('2026-11-02T07:59:59Z'));
    const midnight = await qualityOrder(em, offer, new Date('2026-11-02T08:00:00Z'));
    expect([lastSecond.orderDate, midnight.orderDate]).toEqual(['2026-11-01', '2026-11-02']);
    await refresh(days(offer, '2026-11-01', '2026-11-02'));
    expect(await offerRows(em, offer)).toEqual([row('2026-11-01'), row('2026-11-02')]);

    // Each marketplace has its own zone: midnight in Toronto (EST, UTC-5) is 05:00Z.
    const ca = await qualityOffer(em, await qualitySeller(em), 'CA');
    const toronto = await qualityOrder(em, ca, new Date('2026-11-02T04:59:59Z'));
    const torontoMidnight = await qualityOrder(em, ca, new Date('2026-11-02T05:00:00Z'));
    expect([toronto.orderDate, torontoMidnight.orderDate]).toEqual(['2026-11-01', '2026-11-02']);
  });

  it('tallies ratings by their own date as a star sum and a count', async () => {
    const em = fork();
    const offer = await qualityOffer(em, await qualitySeller(em));
    await qualityRating(em, offer, 5, OCT_1_NOON_US);
    await qualityRating(em, offer, 2, OCT_1_NOON_US);
    await qualityRating(em, offer, 4, new Date(OCT_1_NOON_US.getTime() + DAY));
    await qualityOrder(em, offer, OCT_1_NOON_US);
    await refresh(days(offer, '2026-10-01', '2026-10-02'));
    expect(await offerRows(em, offer)).toEqual([
      row('2026-10-01', { ratingCount: 2, ratingStarSum: 7 }),
      row('2026-10-02', { orders: 0, ratingCount: 1, ratingStarSum: 4 }),
    ]);
  });

  it("sums a seller's offers per marketplace and day, and drops a row an order moved away from", async () => {
    const em = fork();
    const seller = await qualitySeller(em);
    const phone = await qualityOffer(em, seller, 'US');
    const tablet = await qualityOffer(em, seller, 'US');
    const canadian = await qualityOffer(em, seller, 'CA');
    const moving = await qualityOrder(em, phone, OCT_1_NOON_US);
    await qualityComplaint(em, moving, OCT_1_NOON_US);
    await qualityOrder(em, tablet, OCT_1_NOON_US);
    await qualityOrder(em, canadian, OCT_1_NOON_US);
    await refresh({ offerIds: [phone.id, tablet.id, canadian.id] });
    expect(await sellerRows(em, seller)).toEqual([
      { marketplace: 'CA', ...row('2026-10-01') },
      { marketplace: 'US', ...row('2026-10-01', { orders: 2, ordersWithComplaint: 1 }) },
    ]);

    // The order's time is corrected to the next day: both the old and the new day are touched.
    const tx = fork();
    const order = await tx.findOneOrFail(Order, { id: moving.id });
    order.orderedAt = new Date(OCT_1_NOON_US.getTime() + DAY);
    order.orderDate = '2026-10-02';
    await tx.flush();
    await refresh(days(phone, '2026-10-01', '2026-10-02'));
    expect(await offerRows(em, phone)).toEqual([row('2026-10-02', { ordersWithComplaint: 1 })]);
    expect(await sellerRows(em, seller)).toEqual([
      { marketplace: 'CA', ...row('2026-10-01') },
      { marketplace: 'US', ...row('2026-10-01') },
      { marketplace: 'US', ...row('2026-10-02', { ordersWithComplaint: 1 }) },
    ]);
  });

  it('writes the same rows when refreshed twice, by days or by whole offers', async () => {
    const em = fork();
    const seller = await qualitySeller(em);
    const offer = await qualityOffer(em, seller);
    for (let d = 0; d < 5; d++) {
      const order = await qualityOrder(em, offer, new Date(OCT_1_NOON_US.getTime() + d * DAY));
      if (d % 2 === 0) await qualityComplaint(em, order, OCT_1_NOON_US);
    }
    await refresh({ offerIds: [offer.id] });
    const once = { offer: await offerRows(em, offer), seller: await sellerRows(em, seller) };
    expect(once.offer).toHaveLength(5);
    await refresh(days(offer, '2026-10-01', '2026-10-03'));
    await refresh({ offerIds: [offer.id] });
    expect({ offer: await offerRows(em, offer), seller: await sellerRows(em, seller) }).toEqual(once);
  });

  it('accepts an empty touch and offers with nothing in them', async () => {
    const em = fork();
    const offer = await qualityOffer(em, await qualitySeller(em));
    await refresh({ offerIds: [] });
    await refresh({ offerDays: [] });
    await refresh(days(offer, '2026-10-01'));
    expect(await offerRows(em, offer)).toEqual([]);
  });

  it("adds up concurrent writers of one seller's offers on one day: none lost, none twice", async () => {
    const em = fork();
    const seller = await qualitySeller(em);
    const offers = [];
    for (let i = 0; i < 5; i++) offers.push(await qualityOffer(em, seller));
    // Each writer adds its order and refreshes in its own transaction, all at once: on PostgreSQL
    // the seller lock orders them, so the last to commit sums every offer's row.
    await Promise.all(
      offers.map((offer) =>
        fork().transactional(async (tx) => {
          const order = await qualityOrder(tx, offer, OCT_1_NOON_US);
          await refreshQualityRollups(tx, days(offer, order.orderDate));
        }),
      ),
    );
    expect(await sellerRows(em, seller)).toEqual([{ marketplace: 'US', ...row('2026-10-01', { orders: 5 }) }]);
  });
});
