import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiScope } from '../src/features/api-keys/api-key.enums.js';
import { DemoDataSeeder } from '../src/seeders/demo-data.seeder.js';
import { DEMO_HISTORY_DAYS } from '../src/seeders/quality-evaluation-demo.js';
import { REVIEWER_EMAIL, createKey, signedIn } from './support/principals.js';
import { startTestApp, type TestApp, type TestClient } from './support/test-app.js';

const DAY = 86_400_000;
const AT_RISK = 'at-risk-seller@demo.recertify.test';
const HISTORY = `query($sellerId: ID, $first: Int, $after: String) {
  qualityDashboard(sellerId: $sellerId, marketplace: US) {
    evaluations(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node {
        day standing breaches policyVersion
        rqs { basisPoints } rqsOrders rqsDefectiveOrders rqsMinimum { basisPoints }
        odr { basisPoints } odrOrders odrMaximum { basisPoints }
        averageRating { hundredths } ratingCount ratingMinimum { hundredths }
        offers suppressedOffers
      } }
    }
  }
}`;
const EVALUATE = `mutation($sellerId: ID) {
  evaluateSellerQuality(input: { sellerId: $sellerId, marketplace: US }) {
    standing evaluatedOn rqs { basisPoints } odr { basisPoints } averageRating { hundredths } suppressedOffers
  }
}`;

/** SPEC 5 "each evaluation keeps a dated snapshot": the snapshots, read back as the seller's history. */
describe('the evaluation history on the quality dashboard', () => {
  let now = new Date();
  let statements: string[] = [];
  let app: TestApp;
  let seller: TestClient;
  let reviewer: TestClient;
  let sellerId: string;
  const evaluated: any[] = [];

  beforeAll(async () => {
    app = await startTestApp({
      seeders: [DemoDataSeeder],
      now: () => now,
      onQuery: (sql) => statements.push(sql),
    });
    [seller, reviewer] = await Promise.all([signedIn(app, AT_RISK), signedIn(app, REVIEWER_EMAIL)]);
    sellerId = (await seller.graphql<any>('{ viewer { organization { id } } }')).data.viewer.organization.id;
    // The demo evaluated today; a reviewer evaluates on demand on each of the next three days.
    for (let day = 1; day <= 3; day++) {
      now = new Date(now.getTime() + DAY);
      const res = await reviewer.graphql<any>(EVALUATE, { sellerId });
      expect(res.errors).toBeUndefined();
      evaluated.push(res.data.evaluateSellerQuality);
    }
  });
  afterAll(() => app?.stop());

  it('lists one snapshot per evaluated day, newest first, with the figures and thresholds that day judged', async () => {
    const res = await seller.graphql<any>(HISTORY, {});
    const history = res.data.qualityDashboard.evaluations;
    // The demo's 90 days of history (quality-evaluation-demo.ts), then the three days evaluated here.
    expect(history.totalCount).toBe(DEMO_HISTORY_DAYS + 3);
    const days = history.edges.map((e: any) => e.node.day);
    expect(days).toEqual([...days].sort().reverse());
    expect(days.slice(0, 3)).toEqual(evaluated.map((e) => e.evaluatedOn).reverse());
    const latest = history.edges[0].node;
    const last = evaluated.at(-1);
    expect(latest).toMatchObject({
      standing: last.standing,
      rqs: last.rqs,
      odr: last.odr,
      averageRating: last.averageRating,
      suppressedOffers: last.suppressedOffers,
      rqsMinimum: { basisPoints: 9800 },
      odrMaximum: { basisPoints: 80 },
      ratingMinimum: { hundredths: 370 },
    });
    // The demo's at-risk seller misses its thresholds every day.
    expect(history.edges.every((e: any) => e.node.standing === 'AT_RISK' && e.node.breaches.length > 0)).toBe(true);
  });

  it('pages by cursor without repeats, and reads the same for staff and for the seller’s read:quality key', async () => {
    const first = (await seller.graphql<any>(HISTORY, { first: 3 })).data.qualityDashboard.evaluations;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = (await seller.graphql<any>(HISTORY, { first: 3, after: first.pageInfo.endCursor })).data
      .qualityDashboard.evaluations;
    expect(next.pageInfo.hasNextPage).toBe(true); // the demo's 90 days follow
    const days = [...first.edges, ...next.edges].map((e: any) => e.node.day);
    expect(new Set(days).size).toBe(6);
    expect(days).toEqual([...days].sort().reverse());

    const all = (await seller.graphql<any>(HISTORY, {})).data.qualityDashboard.evaluations.edges;
    const staff = (await reviewer.graphql<any>(HISTORY, { sellerId })).data.qualityDashboard.evaluations.edges;
    expect(staff).toEqual(all);
    const key = await createKey(seller, [ApiScope.READ_QUALITY]);
    const viaKey = await app.withApiKey(key.secret).graphql<any>(HISTORY, {});
    expect(viaKey.data.qualityDashboard.evaluations.edges).toEqual(all);
  });

  it('refuses a page size out of bounds and a cursor of another seller, naming the argument', async () => {
    for (const first of [0, 101]) {
      const res = await seller.graphql<any>(HISTORY, { first });
      expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(res.errors?.[0]?.extensions)).toContain('first');
    }
    const approved = await signedIn(app, 'approved-seller@demo.recertify.test');
    const theirs = (await approved.graphql<any>(HISTORY, { first: 1 })).data.qualityDashboard.evaluations;
    expect(theirs.pageInfo.endCursor).toBeTruthy();
    const res = await seller.graphql<any>(HISTORY, { first: 1, after: theirs.pageInfo.endCursor });
    expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res.errors?.[0]?.extensions)).toContain('after');
  });

  it('a seller not approved gets NOT_APPROVED, history included', async () => {
    const newSeller = await signedIn(app, 'new-seller@demo.recertify.test');
    const res = await newSeller.graphql<any>(HISTORY, {});
    expect(res.errors?.[0]?.extensions?.['code']).toBe('NOT_APPROVED');
    expect(res.data?.qualityDashboard ?? null).toBeNull();
  });

  it('a page of 50 runs no more statements than a page of 1: one select, no row-by-row loading', async () => {
    const count = async (first: number) => {
      statements = [];
      await seller.graphql<any>(
        'query($first: Int) { qualityDashboard(marketplace: US) { evaluations(first: $first) { edges { node { day } } } } }',
        { first },
      );
      return statements.filter((sql) => sql.includes('quality_evaluation')).length;
    };
    const one = await count(1);
    expect(one).toBe(1);
    expect(await count(50)).toBe(one);
  });
});
