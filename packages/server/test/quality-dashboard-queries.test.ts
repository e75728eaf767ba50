import { Reference } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { User } from '../src/features/accounts/user.entity.js';
import { Application } from '../src/features/applications/application.entity.js';
import { ApplicationStatusEnum } from '../src/features/applications/applications.enums.js';
import { refreshQualityRollups } from '../src/features/quality/quality-rollups.js';
import { DemoDataSeeder } from '../src/seeders/demo-data.seeder.js';
import { signedUpSeller } from './support/principals.js';
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

  beforeAll(async () => {
    app = await startTestApp({ seeders: [DemoDataSeeder], now: () => NOW, onQuery: (sql) => statements.push(sql) });
    const email = 'counted-seller@example.com';
    seller = await signedUpSeller(app, { email, organizationName: 'Counted Refurb' });
    const em = app.orm.em.fork() as EntityManager;
    const organization = (await em.findOneOrFail(User, { email }, { populate: ['organization'] })).organization!;
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
    // Session, seller and approval, marketplace with its policies, the daily rows with the ratings' sum.
    expect(sql.length).toBeLessThanOrEqual(5);
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
