import type { EntityManager } from '@mikro-orm/knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Organization } from '../src/features/accounts/organization.entity.js';
import { ApiScope } from '../src/features/api-keys/api-key.enums.js';
import { AuditLogEntry } from '../src/features/audit/audit-log-entry.entity.js';
import { Complaint } from '../src/features/quality/complaint.entity.js';
import { Offer } from '../src/features/quality/offer.entity.js';
import { DEMO_MARKETPLACE_SYSTEMS } from '../src/seeders/demo-accounts.js';
import { DemoDataSeeder } from '../src/seeders/demo-data.seeder.js';
import { ADMIN_EMAIL, REVIEWER_EMAIL, SELLER_EMAIL, createKey, signedIn } from './support/principals.js';
import { offerRows, qualitySeller, sellerRows } from './support/quality.js';
import { startTestApp, TestClock, type TestApp, type TestClient } from './support/test-app.js';

const UPSERT_OFFER = `mutation($input: UpsertOfferInput!) {
  upsertOffer(input: $input) { outcome offer { id externalId sellerId sku version status price { amountMinor currency } } } }`;
const UPSERT_ORDER = `mutation($input: UpsertOrderInput!) {
  upsertOrder(input: $input) { outcome order { id orderDate version offerId } } }`;
const UPSERT_COMPLAINT = `mutation($input: UpsertComplaintInput!) {
  upsertComplaint(input: $input) { outcome complaint { id orderDate version invalidatedAt } } }`;
const UPSERT_DEFECT = `mutation($input: UpsertOrderDefectInput!) {
  upsertOrderDefect(input: $input) { outcome orderDefect { id orderId version } } }`;
const UPSERT_RATING = `mutation($input: UpsertProductRatingInput!) {
  upsertProductRating(input: $input) { outcome productRating { id stars version } } }`;
const INVALIDATE = `mutation($input: InvalidateComplaintInput!) {
  invalidateComplaint(input: $input) { id invalidatedAt invalidationReason version } }`;

/*
 * The single-record ingestion API (SPEC 5) over HTTP with a marketplace systems key, on a real
 * database: idempotent on (marketplace, external id), bad records refused by field with nothing
 * written, and the daily rollups following every change.
 */
describe('quality ingestion', () => {
  const clock = new TestClock(new Date('2026-11-23T17:00:00.000Z'));
  let app: TestApp;
  let ingest: TestClient;
  let reviewer: TestClient;
  let sellerKey: TestClient;
  let n = 0;
  const id = (prefix: string) => `${prefix}-${++n}`;
  const em = () => app.orm.em.fork() as EntityManager;

  beforeAll(async () => {
    app = await startTestApp({ seeders: [DemoDataSeeder], now: clock.now });
    const admin = await signedIn(app, ADMIN_EMAIL);
    const systems = await em().findOneOrFail(Organization, { name: DEMO_MARKETPLACE_SYSTEMS.name });
    ingest = app.withApiKey((await createKey(admin, [ApiScope.INGEST_MARKETPLACE_DATA], systems.id)).secret);
    reviewer = await signedIn(app, REVIEWER_EMAIL);
    sellerKey = app.withApiKey((await createKey(await signedIn(app, SELLER_EMAIL), [ApiScope.READ_QUALITY])).secret);
  });
  afterAll(() => app?.stop());

  const offerInput = (sellerId: string, change: Record<string, unknown> = {}) => ({
    marketplace: 'US',
    externalId: id('OF'),
    sellerId,
    sku: id('SKU'),
    productName: 'Renewed phone 128 GB',
    brand: 'Acme',
    category: 'Phones',
    condition: 'Renewed Premium',
    price: { amountMinor: 19_999, currency: 'USD' },
    ...change,
  });
  const orderInput = (offerExternalId: string, change: Record<string, unknown> = {}) => ({
    marketplace: 'US',
    externalId: id('OR'),
    offerExternalId,
    buyerReference: 'buyer-7',
    quantity: 1,
    orderedAt: '2026-11-01T19:00:00Z',
    shippedAt: '2026-11-02T19:00:00Z',
    deliveredAt: '2026-11-04T19:00:00Z',
    ...change,
  });
  const complaintInput = (orderExternalId: string, change: Record<string, unknown> = {}) => ({
    marketplace: 'US',
    externalId: id('CO'),
    orderExternalId,
    source: 'EMAIL',
    category: 'BATTERY',
    filedAt: '2026-11-10T19:00:00Z',
    note: 'Battery drains in an hour.',
    ...change,
  });

  async function newOffer() {
    const seller = await qualitySeller(em());
    const input = offerInput(seller.id);
    const res = await ingest.graphql<any>(UPSERT_OFFER, { input });
    expect(res.errors).toBeUndefined();
    const offer = await em().findOneOrFail(Offer, { id: res.data.upsertOffer.offer.id });
    return { seller, offer, input };
  }
  const fields = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
    ((res.errors?.[0]?.extensions?.['fields'] ?? []) as Array<{ field: string }>).map((f) => f.field);
  const row = (day: string, counts: Record<string, number> = {}) => ({
    day,
    orders: 1,
    ordersWithComplaint: 0,
    ordersWithDefect: 0,
    ratingCount: 0,
    ratingStarSum: 0,
    ...counts,
  });

  it('creates an offer, leaves it as it is when sent again, and updates it when it changed', async () => {
    const seller = await qualitySeller(em());
    const input = offerInput(seller.id);
    const first = await ingest.graphql<any>(UPSERT_OFFER, { input });
    expect(first.data.upsertOffer).toMatchObject({
      outcome: 'CREATED',
      offer: { externalId: input.externalId, sellerId: seller.id, version: 1, status: 'ACTIVE' },
    });
    const again = await ingest.graphql<any>(UPSERT_OFFER, { input });
    expect(again.data.upsertOffer).toMatchObject({ outcome: 'UNCHANGED', offer: { version: 1 } });
    const changed = await ingest.graphql<any>(UPSERT_OFFER, {
      input: { ...input, price: { amountMinor: 17_999, currency: 'USD' } },
    });
    expect(changed.data.upsertOffer).toMatchObject({
      outcome: 'UPDATED',
      offer: { id: first.data.upsertOffer.offer.id, version: 2, price: { amountMinor: 17_999 } },
    });
  });

  it('refuses an offer by field: unknown seller, SKU of another offer, wrong currency, another seller', async () => {
    const { seller, input } = await newOffer();
    const other = await qualitySeller(em());
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [offerInput('0b9f3c52-1d7e-4c0a-9a51-2f0e6f1f4c3d'), ['sellerId']],
      [offerInput(seller.id, { sku: input.sku }), ['sku']],
      [offerInput(seller.id, { price: { amountMinor: 100, currency: 'CAD' } }), ['price.currency']],
      [offerInput(seller.id, { price: { amountMinor: -1, currency: 'USD' } }), ['price.amountMinor']],
      [{ ...input, sellerId: other.id }, ['sellerId']],
    ];
    for (const [bad, expected] of cases) {
      const res = await ingest.graphql<any>(UPSERT_OFFER, { input: bad });
      expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(fields(res)).toEqual(expected);
    }
    expect(await em().count(Offer, { seller: seller.id })).toBe(1);
  });

  it('counts an order on its day in the zone, once; a repeat changes nothing; a corrected time moves it', async () => {
    const { offer, input: offerIn } = await newOffer();
    // 07:30Z on 2 November is 23:30 on 1 November in Los Angeles.
    const input = orderInput(offerIn.externalId, {
      orderedAt: '2026-11-02T07:30:00Z',
      shippedAt: null,
      deliveredAt: null,
    });
    const created = await ingest.graphql<any>(UPSERT_ORDER, { input });
    expect(created.data.upsertOrder).toMatchObject({
      outcome: 'CREATED',
      order: { orderDate: '2026-11-01', version: 1 },
    });
    expect(await offerRows(em(), offer)).toEqual([row('2026-11-01')]);

    const again = await ingest.graphql<any>(UPSERT_ORDER, { input });
    expect(again.data.upsertOrder).toMatchObject({ outcome: 'UNCHANGED', order: { version: 1 } });
    expect(await offerRows(em(), offer)).toEqual([row('2026-11-01')]);

    await ingest.graphql<any>(UPSERT_COMPLAINT, { input: complaintInput(input.externalId) });
    const moved = await ingest.graphql<any>(UPSERT_ORDER, { input: { ...input, orderedAt: '2026-11-02T08:00:00Z' } });
    expect(moved.data.upsertOrder).toMatchObject({
      outcome: 'UPDATED',
      order: { orderDate: '2026-11-02', version: 2 },
    });
    expect(await offerRows(em(), offer)).toEqual([row('2026-11-02', { ordersWithComplaint: 1 })]);
  });

  it('refuses a bad order naming the field, and writes nothing', async () => {
    const { offer, input: offerIn } = await newOffer();
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [orderInput('no-such-offer'), ['offerExternalId']],
      [orderInput(offerIn.externalId, { quantity: -1 }), ['quantity']],
      [orderInput(offerIn.externalId, { quantity: 0 }), ['quantity']],
      [orderInput(offerIn.externalId, { deliveredAt: '2026-10-30T00:00:00Z', shippedAt: null }), ['deliveredAt']],
      [
        orderInput(offerIn.externalId, { orderedAt: '2026-12-24T00:00:00Z', shippedAt: null, deliveredAt: null }),
        ['orderedAt'],
      ],
    ];
    for (const [bad, expected] of cases) {
      const res = await ingest.graphql<any>(UPSERT_ORDER, { input: bad });
      expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(fields(res)).toEqual(expected);
    }
    // A date that is no date is refused by the DateTimeISO scalar, naming the field in its message.
    const badDate = await ingest.graphql<any>(UPSERT_ORDER, {
      input: orderInput(offerIn.externalId, { orderedAt: '2026-02-30T10:00:00Z' }),
    });
    expect(badDate.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(badDate.errors?.[0]?.message).toContain('orderedAt');
    expect(await offerRows(em(), offer)).toEqual([]);
  });

  it('counts three complaints on one order once, a later one on the order day, and a defect for ODR', async () => {
    const { offer, seller, input: offerIn } = await newOffer();
    const order = orderInput(offerIn.externalId);
    await ingest.graphql(UPSERT_ORDER, { input: order });
    await ingest.graphql(UPSERT_ORDER, { input: orderInput(offerIn.externalId) });
    for (const filedAt of ['2026-11-05T10:00:00Z', '2026-11-06T10:00:00Z', '2026-11-22T10:00:00Z']) {
      const res = await ingest.graphql<any>(UPSERT_COMPLAINT, { input: complaintInput(order.externalId, { filedAt }) });
      expect(res.data.upsertComplaint).toMatchObject({ outcome: 'CREATED', complaint: { orderDate: '2026-11-01' } });
    }
    const defect = {
      marketplace: 'US',
      externalId: id('DF'),
      orderExternalId: order.externalId,
      kind: 'CHARGEBACK',
      reportedAt: '2026-11-12T10:00:00Z',
    };
    expect((await ingest.graphql<any>(UPSERT_DEFECT, { input: defect })).data.upsertOrderDefect.outcome).toBe(
      'CREATED',
    );
    expect((await ingest.graphql<any>(UPSERT_DEFECT, { input: defect })).data.upsertOrderDefect.outcome).toBe(
      'UNCHANGED',
    );
    const expected = [row('2026-11-01', { orders: 2, ordersWithComplaint: 1, ordersWithDefect: 1 })];
    expect(await offerRows(em(), offer)).toEqual(expected);
    expect(await sellerRows(em(), seller)).toEqual([{ marketplace: 'US', ...expected[0] }]);

    const early = await ingest.graphql<any>(UPSERT_COMPLAINT, {
      input: complaintInput(order.externalId, { filedAt: '2026-10-01T10:00:00Z' }),
    });
    expect(fields(early)).toEqual(['filedAt']);
    const unknown = await ingest.graphql<any>(UPSERT_COMPLAINT, { input: complaintInput('no-such-order') });
    expect(fields(unknown)).toEqual(['orderExternalId']);
  });

  it('tallies ratings by their date, refuses 6 stars and 0, and moves a changed rating', async () => {
    const { offer, input: offerIn } = await newOffer();
    const rating = {
      marketplace: 'US',
      externalId: id('RA'),
      offerExternalId: offerIn.externalId,
      stars: 4,
      ratedAt: '2026-11-03T19:00:00Z',
    };
    expect((await ingest.graphql<any>(UPSERT_RATING, { input: rating })).data.upsertProductRating.outcome).toBe(
      'CREATED',
    );
    expect((await ingest.graphql<any>(UPSERT_RATING, { input: rating })).data.upsertProductRating.outcome).toBe(
      'UNCHANGED',
    );
    for (const stars of [6, 0]) {
      const res = await ingest.graphql<any>(UPSERT_RATING, { input: { ...rating, externalId: id('RA'), stars } });
      expect(fields(res)).toEqual(['stars']);
    }
    expect(await offerRows(em(), offer)).toEqual([row('2026-11-03', { orders: 0, ratingCount: 1, ratingStarSum: 4 })]);
    const changed = await ingest.graphql<any>(UPSERT_RATING, {
      input: { ...rating, stars: 2, ratedAt: '2026-11-04T19:00:00Z' },
    });
    expect(changed.data.upsertProductRating).toMatchObject({
      outcome: 'UPDATED',
      productRating: { stars: 2, version: 2 },
    });
    expect(await offerRows(em(), offer)).toEqual([row('2026-11-04', { orders: 0, ratingCount: 1, ratingStarSum: 2 })]);
  });

  it('lets a reviewer invalidate a complaint with a reason: one of two keeps the order defective, twice is refused', async () => {
    const { offer, input: offerIn } = await newOffer();
    const order = orderInput(offerIn.externalId);
    await ingest.graphql(UPSERT_ORDER, { input: order });
    const complaintIds: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await ingest.graphql<any>(UPSERT_COMPLAINT, { input: complaintInput(order.externalId) });
      complaintIds.push(res.data.upsertComplaint.complaint.id);
    }
    const [first, second] = complaintIds as [string, string];

    const refused = await Promise.all(
      [ingest, sellerKey].map((c) => c.graphql<any>(INVALIDATE, { input: { complaintId: first, reason: 'x' } })),
    );
    expect(refused.map((r) => r.errors?.[0]?.extensions?.['code'])).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    const empty = await reviewer.graphql<any>(INVALIDATE, { input: { complaintId: first, reason: '  ' } });
    expect(fields(empty)).toEqual(['reason']);

    const done = await reviewer.graphql<any>(INVALIDATE, { input: { complaintId: first, reason: 'Buyer damaged it' } });
    expect(done.data.invalidateComplaint).toMatchObject({ invalidationReason: 'Buyer damaged it', version: 2 });
    expect(await offerRows(em(), offer)).toEqual([row('2026-11-01', { ordersWithComplaint: 1 })]);

    const twice = await reviewer.graphql<any>(INVALIDATE, { input: { complaintId: first, reason: 'Again' } });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'COMPLAINT_ALREADY_INVALIDATED' });

    await reviewer.graphql(INVALIDATE, { input: { complaintId: second, reason: 'Wrong order' } });
    expect(await offerRows(em(), offer)).toEqual([row('2026-11-01')]);
    // Sent again by the marketplace, an invalidated complaint stays invalidated.
    const resent = await ingest.graphql<any>(UPSERT_COMPLAINT, {
      input: {
        ...complaintInput(order.externalId),
        externalId: (await em().findOneOrFail(Complaint, { id: first })).externalId,
      },
    });
    expect(resent.data.upsertComplaint.complaint.invalidatedAt).not.toBeNull();
    expect(await offerRows(em(), offer)).toEqual([row('2026-11-01')]);

    const audit = await em().find(AuditLogEntry, { subjectId: first });
    expect(audit.map((a) => [a.action, a.data?.['reason']])).toEqual([['COMPLAINT_INVALIDATED', 'Buyer damaged it']]);
  });

  it('creates a record once when the same new external id arrives twice at the same time', async () => {
    const { offer, input: offerIn } = await newOffer();
    const input = orderInput(offerIn.externalId);
    const results = await Promise.all([0, 1, 2].map(() => ingest.graphql<any>(UPSERT_ORDER, { input })));
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
    expect(results.map((r) => r.data.upsertOrder.outcome).sort()).toEqual(['CREATED', 'UNCHANGED', 'UNCHANGED']);
    expect(await offerRows(em(), offer)).toEqual([row('2026-11-01')]);
  });
});
