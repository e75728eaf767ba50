import { randomUUID } from 'node:crypto';
import { Reference } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { User } from '../src/features/accounts/user.entity.js';
import { Application } from '../src/features/applications/application.entity.js';
import { ApplicationStatusEnum } from '../src/features/applications/applications.enums.js';
import { QualityPolicies } from '../src/features/quality/evaluation/quality-policies.js';
import { recordSellerEvaluation } from '../src/features/quality/evaluation/record-seller-evaluation.js';
import { refreshQualityRollups } from '../src/features/quality/quality-rollups.js';
import { DemoDataSeeder } from '../src/seeders/demo-data.seeder.js';
import { REVIEWER_EMAIL, signedIn, signedUpSeller } from './support/principals.js';
import { qualityComplaint, qualityOffer, qualityOrder } from './support/quality.js';
import { startTestApp, type TestApp, type TestClient } from './support/test-app.js';

/*
 * The dashboard's SQL: the figures read the rollups (never raw orders), and every list costs the
 * same number of statements whatever its page size: nothing is loaded row by row.
 */

const NOW = new Date('2026-11-23T17:00:00.000Z');

/** The SQL statements of one request, without the ORM's colours. */
function sqlOf(statements: string[]): string[] {
  return (
    statements
      // eslint-disable-next-line no-control-regex -- the ORM colours its log lines
      .map((s) => s.replace(/\u001b\[[0-9;]*m/g, ''))
      .filter((s) => /\b(select|insert|update|delete)\b/i.test(s))
  );
}

const readsOrders = (statement: string) => /from [`"]?marketplace_order[`"]?/i.test(statement);

const LISTS = {
  qualityOffers: `query($first: Int) { qualityOffers(marketplace: US, first: $first) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id sku product status rqs { orders defectBudget } } } } }`,
  qualityOrders: `query($first: Int) { qualityOrders(marketplace: US, first: $first) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id externalId sku orderedAt validComplaints defects } } } }`,
  qualityComplaints: `query($first: Int) { qualityComplaints(marketplace: US, first: $first) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id externalId orderExternalId sku source category } } } }`,
} as const;

describe('quality dashboard SQL', () => {
  let app: TestApp;
  let seller: TestClient;
  let statements: string[] = [];
  let countedSellerId: string;

  beforeAll(async () => {
    app = await startTestApp({ seeders: [DemoDataSeeder], now: () => NOW, onQuery: (sql) => statements.push(sql) });
    const email = 'counted-seller@example.com';
    seller = await signedUpSeller(app, { email, organizationName: 'Counted Refurb' });
    const em = app.orm.em.fork() as EntityManager;
    const organization = (await em.findOneOrFail(User, { email }, { populate: ['organization'] })).organization!;
    countedSellerId = organization.id;
    const application = new Application({
      organization: Reference.create(organization.getEntity()),
      marketplace: 'US',
    });
    application.status = ApplicationStatusEnum.APPROVED;
    em.persist(application);
    // 60 offers with an order each over the last days, every third with a complaint.
    const offers = [];
    for (let i = 0; i < 60; i++) {
      const offer = await qualityOffer(em, organization.getEntity(), 'US', `COUNTED-${i}`);
      offers.push(offer.id);
      const order = await qualityOrder(em, offer, new Date(Date.UTC(2026, 10, 1 + (i % 20), 18)));
      if (i % 3 === 0) await qualityComplaint(em, order, new Date(Date.UTC(2026, 10, 21, 18)));
    }
    await refreshQualityRollups(em, { offerIds: offers });
    await em.flush();
  });
  afterAll(() => app?.stop());

  async function statementsOf(query: string, variables: Record<string, unknown> = {}): Promise<string[]> {
    statements = [];
    const res = await seller.graphql(query, variables);
    expect(res.errors).toBeUndefined();
    return sqlOf(statements);
  }

  it('the dashboard reads the rollups, never raw orders, in a fixed handful of statements', async () => {
    const sql = await statementsOf(`{ qualityDashboard(marketplace: US) {
      rqs { orders defectBudget } odr { orders } rating { ratings } trend { date rqs { basisPoints } }
      complaintsBySource { source count } complaintsByCategory { category count } } }`);
    expect(sql.some(readsOrders)).toBe(false);
    expect(sql.some((s) => /seller_daily_quality/.test(s))).toBe(true);
    // The complaint breakdown sums the rollups' complaint tally too: no raw complaints either.
    expect(sql.some((s) => /from "complaint"/.test(s))).toBe(false);
    // Session, the seller and its approval beside the marketplace's policies, the daily rows with the ratings' sum.
    expect(sql.length).toBeLessThanOrEqual(4);
  });

  it('the evaluation history comes with its count in one statement on the first page; a later page counts apart', async () => {
    const HISTORY = `query($after: String) { qualityDashboard(marketplace: US) { asOf
      evaluations(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { day } } } } }`;
    // Two days' evaluations of the seller, as the daily job leaves them.
    const em = app.orm.em.fork() as EntityManager;
    const policies = await QualityPolicies.load(em);
    for (const at of [new Date('2026-11-21T17:00:00.000Z'), new Date('2026-11-22T17:00:00.000Z')]) {
      await em.transactional((tx) =>
        recordSellerEvaluation(
          tx,
          { sellerId: countedSellerId, marketplace: 'US' },
          { kind: 'EVALUATE' },
          { policies, publicUrl: 'http://localhost', principal: null, at },
        ),
      );
    }
    statements = [];
    const first = await seller.graphql<any>(HISTORY);
    expect(first.errors).toBeUndefined();
    const history = sqlOf(statements).filter((s) => /quality_evaluation/.test(s));
    expect(history).toHaveLength(1);
    const evaluations = first.data.qualityDashboard.evaluations;
    expect(evaluations.edges).toHaveLength(1);
    expect(evaluations.pageInfo.hasNextPage).toBe(true);
    const [counted] = await em.execute<Array<{ c: number | string }>>(
      'select count(*) as "c" from "quality_evaluation" where "organization_id" = ? and "marketplace" = ?',
      [countedSellerId, 'US'],
    );
    expect(evaluations.totalCount).toBe(Number(counted!.c));
    expect(evaluations.totalCount).toBeGreaterThanOrEqual(2);

    statements = [];
    const next = await seller.graphql<any>(HISTORY, { after: evaluations.pageInfo.endCursor });
    expect(next.errors).toBeUndefined();
    expect(sqlOf(statements).filter((s) => /quality_evaluation/.test(s))).toHaveLength(2);
    expect(next.data.qualityDashboard.evaluations.totalCount).toBe(evaluations.totalCount);
    expect(next.data.qualityDashboard.evaluations.edges[0].node.day < evaluations.edges[0].node.day).toBe(true);
  });

  it('a dashboard asked with an id variable answers the same every time, compiled or not; ids read as the schema reads them', async () => {
    // The first run is graphql-js's; from the second on graphql-jit's, for a lower-case UUID
    // (src/graphql/executor.ts); any other id keeps graphql-js's reading.
    const reviewer = await signedIn(app, REVIEWER_EMAIL);
    const sellerId = countedSellerId;
    const DASHBOARD = `query($sellerId: ID, $marketplace: MarketplaceCode!) { qualityDashboard(sellerId: $sellerId, marketplace: $marketplace) {
      seller { id name } asOf rqs { orders value { basisPoints formatted } minimum { formatted } defectBudget }
      trend { date rqs { basisPoints } odrMaximum { basisPoints formatted } } complaintsBySource { source count }
      evaluations(first: 2) { totalCount edges { cursor node { day standing breaches rqs { formatted } ratingMinimum { formatted } } } } } }`;
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await reviewer.graphql<any>(DASHBOARD, { sellerId, marketplace: 'US' }));
    expect(answers[0]!.errors).toBeUndefined();
    expect(answers[0]!.data.qualityDashboard.seller.id).toBe(sellerId);
    expect(answers[0]!.data.qualityDashboard.trend).toHaveLength(90);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    for (let i = 0; i < 3; i++) {
      const upper = await reviewer.graphql<any>(DASHBOARD, { sellerId: sellerId.toUpperCase(), marketplace: 'US' });
      expect(upper).toEqual(answers[0]);
      const malformed = await reviewer.graphql<any>(DASHBOARD, { sellerId: 'not-a-seller', marketplace: 'US' });
      expect(malformed.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(malformed.errors?.[0]?.extensions)).toContain('sellerId');
      const number = await reviewer.graphql<any>(DASHBOARD, { sellerId: 42, marketplace: 'US' });
      expect(number.status).toBe(400);
      expect(number.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      const otherSeller = await seller.graphql<any>(DASHBOARD, { sellerId: randomUUID(), marketplace: 'US' });
      expect(otherSeller.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    }
  });

  for (const [list, query] of Object.entries(LISTS)) {
    it(`${list}: a page of 50 runs no more statements than a page of 5`, async () => {
      const five = await statementsOf(query, { first: 5 });
      const fifty = await statementsOf(query, { first: 50 });
      expect(fifty.length).toBe(five.length);
      expect(fifty.length).toBeLessThanOrEqual(9);
    });
  }

  it('the offer table sums the offer rollups, not orders', async () => {
    const sql = await statementsOf(LISTS.qualityOffers, { first: 50 });
    expect(sql.some(readsOrders)).toBe(false);
    expect(sql.some((s) => /offer_daily_quality/.test(s))).toBe(true);
  });
});
