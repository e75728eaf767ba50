import { Reference } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Organization } from '../src/features/accounts/organization.entity.js';
import { User } from '../src/features/accounts/user.entity.js';
import { ApiScope } from '../src/features/api-keys/api-key.enums.js';
import { Application } from '../src/features/applications/application.entity.js';
import { ApplicationStatusEnum } from '../src/features/applications/applications.enums.js';
import type { Complaint } from '../src/features/quality/complaint.entity.js';
import type { Offer } from '../src/features/quality/offer.entity.js';
import { refreshQualityRollups } from '../src/features/quality/quality-rollups.js';
import { DemoDataSeeder } from '../src/seeders/demo-data.seeder.js';
import { OTHER_SELLER_EMAIL, REVIEWER_EMAIL, createKey, signedIn, signedUpSeller } from './support/principals.js';
import { qualityComplaint, qualityDefect, qualityOffer, qualityOrder, qualityRating } from './support/quality.js';
import { startTestApp, type TestApp, type TestClient } from './support/test-app.js';

// 17:00 UTC is 09:00 in Los Angeles: "today" in the US marketplace is 2026-11-23.
const NOW = new Date('2026-11-23T17:00:00.000Z');
const US_TODAY = '2026-11-23';
/** Noon in Los Angeles, `days` before today. */
const daysAgo = (days: number) => new Date(Date.UTC(2026, 10, 23 - days, 20, 0, 0));

const DASHBOARD = `query($sellerId: ID, $marketplace: MarketplaceCode!) {
  qualityDashboard(sellerId: $sellerId, marketplace: $marketplace) {
    seller { id name } marketplace asOf policyVersion rqsWindow { from to } odrWindow { from to }
    rqs { orders defectiveOrders value { basisPoints formatted } minimum { basisPoints } minimumOrders enforced breached defectBudget }
    odr { orders defectiveOrders value { basisPoints } maximum { basisPoints } enforced breached defectBudget }
    rating { ratings average { hundredths } minimum { hundredths } enforced breached }
    trend { date rqsOrders rqs { basisPoints } rqsMinimum { basisPoints } odrOrders odr { basisPoints } odrMaximum { basisPoints } ordersThatDay }
    complaintsBySource { source count }
    complaintsByCategory { category count }
  }
}`;

const OFFERS = `query($sellerId: ID, $first: Int, $after: String, $search: String) {
  qualityOffers(sellerId: $sellerId, marketplace: US, first: $first, after: $after, search: $search) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id sku product status rqs { orders defectiveOrders value { basisPoints } enforced breached defectBudget } } }
  }
}`;

const ORDERS = `query($sellerId: ID, $offerId: ID, $figure: QualityDrillDownFigure, $defectiveOnly: Boolean, $first: Int, $after: String) {
  qualityOrders(sellerId: $sellerId, marketplace: US, offerId: $offerId, figure: $figure, defectiveOnly: $defectiveOnly, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id externalId sku orderedAt quantity validComplaints defects } }
  }
}`;

const COMPLAINTS = `query($sellerId: ID, $offerId: ID, $defectiveOnly: Boolean, $first: Int, $after: String) {
  qualityComplaints(sellerId: $sellerId, marketplace: US, offerId: $offerId, defectiveOnly: $defectiveOnly, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id externalId orderExternalId sku source category receivedAt invalidatedAt invalidationReason } }
  }
}`;

interface Figures {
  qualityDashboard: {
    seller: { id: string; name: string };
    asOf: string;
    rqsWindow: { from: string; to: string };
    rqs: { orders: number; defectiveOrders: number; value: { basisPoints: number; formatted: string } | null } & Record<
      string,
      unknown
    >;
    odr: Record<string, unknown>;
    rating: Record<string, unknown>;
    trend: Array<Record<string, unknown> & { date: string; rqsOrders: number }>;
    complaintsBySource: Array<{ source: string; count: number }>;
    complaintsByCategory: Array<{ category: string; count: number }>;
  };
}

interface OfferPage {
  qualityOffers: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: { id: string; sku: string; rqs: Record<string, unknown> } }>;
  };
}

interface Page {
  [key: string]: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: Record<string, unknown> & { id: string } }>;
  };
}

/** A seller signed up through the API and approved in US (and only there). */
async function approvedSeller(app: TestApp, name: string): Promise<{ client: TestClient; seller: Organization }> {
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}@example.com`;
  const client = await signedUpSeller(app, { email, organizationName: name });
  const em = app.orm.em.fork();
  const user = await em.findOneOrFail(User, { email }, { populate: ['organization'] });
  const seller = user.organization!.getEntity();
  const application = new Application({ organization: Reference.create(seller), marketplace: 'US' });
  application.status = ApplicationStatusEnum.APPROVED;
  await em.persistAndFlush(application);
  return { client, seller };
}

describe('quality dashboard', () => {
  let app: TestApp;
  let seller: Organization;
  let sellerClient: TestClient;
  let reviewer: TestClient;
  let worst: Offer;
  let perfect: Offer;
  let old: Offer;
  let empty: Offer;
  let triple: Complaint[] = [];

  beforeAll(async () => {
    app = await startTestApp({ seeders: [DemoDataSeeder], now: () => NOW });
    ({ client: sellerClient, seller } = await approvedSeller(app, 'Dash Board Refurb'));
    reviewer = await signedIn(app, REVIEWER_EMAIL);
    const em = app.orm.em.fork() as EntityManager;
    // worst: 20 orders 5 days ago, two of them with complaints (one with three); one with a defect.
    worst = await qualityOffer(em, seller, 'US', 'WORST-1');
    perfect = await qualityOffer(em, seller, 'US', 'PERFECT-1');
    old = await qualityOffer(em, seller, 'US', 'OLD-1');
    empty = await qualityOffer(em, seller, 'US', 'EMPTY-1');
    const worstOrders = [];
    for (let i = 0; i < 20; i++) worstOrders.push(await qualityOrder(em, worst, daysAgo(5)));
    triple = [
      await qualityComplaint(em, worstOrders[0]!, daysAgo(3), 'NOT_WORKING'),
      await qualityComplaint(em, worstOrders[0]!, daysAgo(2), 'BATTERY'),
      await qualityComplaint(em, worstOrders[0]!, daysAgo(1), 'BATTERY'),
    ];
    await qualityComplaint(em, worstOrders[1]!, daysAgo(2), 'COSMETIC_DAMAGE');
    await qualityDefect(em, worstOrders[2]!, daysAgo(2));
    // perfect: 10 orders on day 90 of the window (89 days ago), no complaints.
    for (let i = 0; i < 10; i++) await qualityOrder(em, perfect, daysAgo(89));
    // old: 5 orders on day 91 (90 days ago): out of today's window, in yesterday's.
    for (let i = 0; i < 5; i++) await qualityOrder(em, old, daysAgo(90));
    await qualityRating(em, perfect, 4, daysAgo(10));
    await qualityRating(em, perfect, 3, daysAgo(10));
    await refreshQualityRollups(em, { offerIds: [worst.id, perfect.id, old.id, empty.id] });
    await em.flush();
  });
  afterAll(() => app?.stop());

  it("shows the seller's figures against the policy in force, with counts and defect budgets", async () => {
    const res = await sellerClient.graphql<Figures>(DASHBOARD, { marketplace: 'US' });
    expect(res.errors).toBeUndefined();
    const dashboard = res.data!.qualityDashboard;
    expect(dashboard.seller.id).toBe(seller.id);
    expect(dashboard.asOf).toBe(US_TODAY);
    expect(dashboard.rqsWindow).toEqual({ from: '2026-08-26', to: US_TODAY });
    // 30 orders in the window (the 5 of day 91 are out); 2 with complaints, the order with three counted once.
    expect(dashboard.rqs).toMatchObject({
      orders: 30,
      defectiveOrders: 2,
      value: { basisPoints: 9_333, formatted: '93.33%' },
      minimum: { basisPoints: 9_800 },
      minimumOrders: 10,
      enforced: true,
      breached: true,
      defectBudget: 0,
    });
    expect(dashboard.odr).toMatchObject({
      orders: 30,
      defectiveOrders: 1,
      value: { basisPoints: 333 },
      maximum: { basisPoints: 80 },
      breached: true,
      defectBudget: 0,
    });
    expect(dashboard.rating).toMatchObject({
      ratings: 2,
      average: { hundredths: 350 },
      minimum: { hundredths: 370 },
      enforced: true,
      breached: true,
    });
  });

  it('draws 90 days of trend, each day its own trailing window with the threshold in force', async () => {
    const { trend } = (await sellerClient.graphql<Figures>(DASHBOARD, { marketplace: 'US' })).data!.qualityDashboard;
    expect(trend).toHaveLength(90);
    expect(trend.at(-1)).toMatchObject({
      date: US_TODAY,
      rqsOrders: 30,
      rqsMinimum: { basisPoints: 9_800 },
      odrMaximum: { basisPoints: 80 },
    });
    // Yesterday's window still held the orders of 90 days ago.
    expect(trend.at(-2)).toMatchObject({ date: '2026-11-22', rqsOrders: 35 });
    expect(trend.find((day) => day.date === '2026-11-18')).toMatchObject({ ordersThatDay: 20 });
    expect(trend[0]).toMatchObject({ date: '2026-08-26', rqsOrders: 15, rqs: { basisPoints: 10_000 } });
  });

  it('counts the valid complaints of the window by source and by category', async () => {
    const dashboard = (await sellerClient.graphql<Figures>(DASHBOARD, { marketplace: 'US' })).data!.qualityDashboard;
    expect(dashboard.complaintsBySource).toContainEqual({ source: 'EMAIL', count: 4 });
    expect(dashboard.complaintsBySource).toHaveLength(4);
    expect(dashboard.complaintsByCategory).toEqual(
      expect.arrayContaining([
        { category: 'BATTERY', count: 2 },
        { category: 'NOT_WORKING', count: 1 },
        { category: 'COSMETIC_DAMAGE', count: 1 },
        { category: 'WRONG_ITEM', count: 0 },
      ]),
    );
  });

  it('lists offers worst first, page by page, offers without orders in the window last', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const res: { data?: OfferPage | null } = await sellerClient.graphql<OfferPage>(OFFERS, { first: 1, after });
      const offers: OfferPage['qualityOffers'] = res.data!.qualityOffers;
      expect(offers.totalCount).toBe(4);
      seen.push(...offers.edges.map((edge) => edge.node.id));
      after = offers.pageInfo.endCursor;
      if (!offers.pageInfo.hasNextPage) break;
    }
    expect(seen.slice(0, 2)).toEqual([worst.id, perfect.id]);
    expect(seen.slice(2).sort()).toEqual([old.id, empty.id].sort());
    const all = (await sellerClient.graphql<OfferPage>(OFFERS, { first: 10 })).data!.qualityOffers.edges;
    expect(all[0]!.node.rqs).toMatchObject({
      orders: 20,
      defectiveOrders: 2,
      value: { basisPoints: 9_000 },
      breached: true,
    });
    // 10 orders at 100% against the offer minimum of 95%: floor(10 x 5%) = 0 more.
    expect(all[1]!.node.rqs).toMatchObject({ orders: 10, enforced: true, breached: false, defectBudget: 0 });
    expect(all[2]!.node.rqs).toMatchObject({ orders: 0, value: null, enforced: false, defectBudget: null });
  });

  it('finds offers by SKU or product, case-insensitively, and refuses a cursor of another search', async () => {
    const found = await sellerClient.graphql<OfferPage>(OFFERS, { search: 'perfect' });
    expect(found.data!.qualityOffers.edges.map((edge) => edge.node.sku)).toEqual(['PERFECT-1']);
    const first = await sellerClient.graphql<OfferPage>(OFFERS, { first: 1 });
    const mixed = await sellerClient.graphql(OFFERS, {
      first: 1,
      search: 'perfect',
      after: first.data!.qualityOffers.pageInfo.endCursor,
    });
    expect(mixed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'after' }] });
    const wild = await sellerClient.graphql<OfferPage>(OFFERS, { search: '%' });
    expect(wild.data!.qualityOffers.totalCount).toBe(0);
  });

  it('drills into the orders behind RQS and ODR, defective only or all, keyset-paged', async () => {
    const defective = await sellerClient.graphql<Page>(ORDERS, { defectiveOnly: true });
    expect(defective.data!['qualityOrders']!.totalCount).toBe(2);
    expect(defective.data!['qualityOrders']!.edges.map((edge) => edge.node['validComplaints']).sort()).toEqual([1, 3]);
    const odr = await sellerClient.graphql<Page>(ORDERS, { figure: 'ODR', defectiveOnly: true });
    expect(odr.data!['qualityOrders']!.edges.map((edge) => edge.node['defects'])).toEqual([1]);

    const ids = new Set<string>();
    let after: string | null = null;
    let pages = 0;
    do {
      const res: { data?: Page | null } = await sellerClient.graphql<Page>(ORDERS, {
        first: 7,
        after,
      });
      const page = res.data!['qualityOrders']!;
      expect(page.totalCount).toBe(30);
      for (const edge of page.edges) ids.add(edge.node.id);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(ids.size).toBe(30);
    expect(pages).toBe(5);

    const ofOffer = await sellerClient.graphql<Page>(ORDERS, { offerId: perfect.id });
    expect(ofOffer.data!['qualityOrders']!.totalCount).toBe(10);
  });

  it('drills into complaints; an invalidated one stops counting and still shows among all', async () => {
    const em = app.orm.em.fork() as EntityManager;
    const complaint = (await em.findOneOrFail('Complaint', { id: triple[1]!.id })) as Complaint;
    complaint.invalidatedAt = NOW;
    complaint.invalidationReason = 'Buyer damaged it';
    await em.flush();
    await refreshQualityRollups(em, { offerIds: [worst.id] });

    const valid = await sellerClient.graphql<Page>(COMPLAINTS, { defectiveOnly: true });
    expect(valid.data!['qualityComplaints']!.totalCount).toBe(3);
    const all = await sellerClient.graphql<Page>(COMPLAINTS, {});
    expect(all.data!['qualityComplaints']!.totalCount).toBe(4);
    expect(all.data!['qualityComplaints']!.edges.map((edge) => edge.node['invalidationReason'])).toContain(
      'Buyer damaged it',
    );
    // One of the order's three complaints invalidated: the order still counts once.
    const dashboard = (await sellerClient.graphql<Figures>(DASHBOARD, { marketplace: 'US' })).data!.qualityDashboard;
    expect(dashboard.rqs.defectiveOrders).toBe(2);
    expect(dashboard.complaintsByCategory).toContainEqual({ category: 'BATTERY', count: 1 });
  });

  describe('who reads it', () => {
    it('refuses a seller not approved in the marketplace with NOT_APPROVED and why', async () => {
      const other = await signedIn(app, OTHER_SELLER_EMAIL);
      const res = await other.graphql(DASHBOARD, { marketplace: 'US' });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_APPROVED', field: 'marketplace' });
      expect(res.errors?.[0]?.message).toMatch(/approved/);
      const mx = await sellerClient.graphql(OFFERS.replace('marketplace: US', 'marketplace: MX'), {});
      expect(mx.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_APPROVED', reason: 'NO_APPLICATION' });
    });

    it("lets reviewers read any seller's dashboard, naming the seller", async () => {
      const res = await reviewer.graphql<Figures>(DASHBOARD, { sellerId: seller.id, marketplace: 'US' });
      expect(res.data?.qualityDashboard.rqs.orders).toBe(30);
      const unnamed = await reviewer.graphql(DASHBOARD, { marketplace: 'US' });
      expect(unnamed.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'sellerId' }],
      });
    });

    it("refuses a seller reading another seller's figures, offers or orders", async () => {
      const { client: rival, seller: rivalSeller } = await approvedSeller(app, 'Rival Renewed');
      const res = await rival.graphql(DASHBOARD, { sellerId: seller.id, marketplace: 'US' });
      expect(res.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      const ofOffer = await rival.graphql(ORDERS, { offerId: worst.id });
      expect(ofOffer.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
      const own = await rival.graphql<Figures>(DASHBOARD, { marketplace: 'US' });
      expect(own.data?.qualityDashboard.seller.id).toBe(rivalSeller.id);
      expect(own.data?.qualityDashboard.rqs.orders).toBe(0);
    });

    it('lets a read:quality key read the figures, offers and complaints of the seller that granted it, and nothing else', async () => {
      const key = await createKey(sellerClient, [ApiScope.READ_QUALITY]);
      const client = app.withApiKey(key.secret);
      const figures = await client.graphql<Figures>(DASHBOARD, { marketplace: 'US' });
      expect(figures.data?.qualityDashboard.seller.id).toBe(seller.id);
      expect((await client.graphql<OfferPage>(OFFERS, {})).data?.qualityOffers.totalCount).toBe(4);
      expect((await client.graphql<Page>(COMPLAINTS, {})).data?.['qualityComplaints']?.totalCount).toBe(4);
      const { seller: rival } = await approvedSeller(app, 'Third Renewed');
      const foreign = await client.graphql(DASHBOARD, { sellerId: rival.id, marketplace: 'US' });
      expect(foreign.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      const otherScope = app.withApiKey((await createKey(sellerClient, [ApiScope.READ_RETURNS])).secret);
      expect((await otherScope.graphql(DASHBOARD, { marketplace: 'US' })).errors?.[0]?.extensions?.['code']).toBe(
        'FORBIDDEN',
      );
    });

    it('refuses a page size out of range, naming the field', async () => {
      const res = await sellerClient.graphql(OFFERS, { first: 101 });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'first' }] });
      const long = await sellerClient.graphql(OFFERS, { search: 'x'.repeat(101) });
      expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'search' }] });
    });
  });
});
