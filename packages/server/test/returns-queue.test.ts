import { readFileSync } from 'node:fs';
import { buildSchema, getNamedType, isCompositeType, type GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoDataSeeder } from '../src/seeders/demo-data.seeder.js';
import { OTHER_SELLER_EMAIL, signedIn } from './support/principals.js';
import { arrive, organizationId } from './support/returns.js';
import { startTestApp, type TestApp, type TestClient } from './support/test-app.js';

const NOW = new Date('2026-11-23T17:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;

const PAGE = `query($first: Int, $after: String, $filter: ReturnRequestFilter, $search: String, $sort: ReturnRequestSort) {
  returnRequests(first: $first, after: $after, filter: $filter, search: $search, sort: $sort) {
    count { value atLeast }
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id externalId orderExternalId state version inPolicy outOfPolicyReason policyExplanation reason reasonLabel
      requestedAt rma deadline marketplace authorizationMode authorizationReason labelKind allowedEvents
      items { sku quantity categoryName } seller { name } returnAddress { name } messages { body }
    } }
  }
}`;

const COUNTS = `query($filter: ReturnRequestFilter) { returnRequestCounts(filter: $filter) {
  total { value atLeast } inPolicy { value atLeast } outOfPolicy { value atLeast } dueWithinWeek { value atLeast }
  byState { state count { value atLeast } } byReason { reason count { value atLeast } }
  byMarketplace { marketplace count { value atLeast } }
} }`;

function sqlOf(statements: string[]): string[] {
  return (
    statements
      // eslint-disable-next-line no-control-regex -- the ORM colours its log lines
      .map((s) => s.replace(/\u001b\[[0-9;]*m/g, ''))
      .filter((s) => /\b(select|insert|update|delete)\b/i.test(s))
  );
}

describe('returns queue', () => {
  let app: TestApp;
  let seller: TestClient;
  let statements: string[] = [];
  const ids: string[] = [];

  beforeAll(async () => {
    app = await startTestApp({ seeders: [DemoDataSeeder], now: () => NOW, onQuery: (s) => statements.push(s) });
    // A seller of its own, so the demo data does not blur the counts.
    seller = await signedIn(app, OTHER_SELLER_EMAIL);
    const sellerId = await organizationId(app, 'Fresh Start Electronics');
    // 60 requests, one an hour: every third out of policy (delivered 40 days before), reasons in turn.
    const reasons = ['DEFECTIVE', 'WRONG_ITEM', 'NO_LONGER_NEEDED'] as const;
    for (let i = 0; i < 60; i++) {
      const request = await arrive(app, sellerId, {
        requestedAt: new Date(NOW.getTime() - 10 * DAY + i * 60 * 60 * 1000),
        deliveredDaysBefore: i % 3 === 0 ? 40 : 3,
        reason: reasons[i % 3]!,
        orderId: `ORDER-Q-${i}`,
      });
      ids.push(request.id);
    }
  });
  afterAll(() => app?.stop());

  it('pages newest first with cursors that continue without gaps or repeats, and oldest first on request', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await seller.graphql<any>(PAGE, { first: 25, after });
      expect(res.errors).toBeUndefined();
      const page = res.data.returnRequests;
      expect(page.count).toEqual({ value: 60, atLeast: false });
      seen.push(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual([...ids].reverse());
    const oldest = await seller.graphql<any>(PAGE, { first: 3, sort: 'REQUESTED_OLDEST' });
    expect(oldest.data.returnRequests.edges.map((e: any) => e.node.id)).toEqual(ids.slice(0, 3));
  });

  it('filters by state, policy, reason, marketplace and due date; searches by order id or RMA', async () => {
    const count = async (filter: object, search?: string) => {
      const { count } = (await seller.graphql<any>(PAGE, { first: 1, filter, search })).data.returnRequests;
      expect(count.atLeast).toBe(false);
      return count.value;
    };
    expect(await count({ inPolicy: false })).toBe(20);
    expect(await count({ inPolicy: true })).toBe(40);
    // A new seller is INDIVIDUAL by default: in-policy requests wait for review too.
    expect(await count({ state: 'REQUESTED' })).toBe(60);
    expect(await count({ reason: 'WRONG_ITEM' })).toBe(20);
    expect(await count({ reason: 'WRONG_ITEM', inPolicy: false })).toBe(0);
    expect(await count({ marketplace: 'CA' })).toBe(0);
    expect(await count({ dueBefore: '2027-01-01' })).toBe(0);
    expect(await count({}, 'ORDER-Q-7')).toBe(1);
    const bad = await seller.graphql<any>(PAGE, { filter: { dueBefore: '2026-13-45' } });
    expect(bad.errors?.[0]?.extensions?.['fields']).toEqual([
      { field: 'filter.dueBefore', message: 'must be a day written YYYY-MM-DD' },
    ]);
  });

  it('refuses a cursor from another filter, naming `after`', async () => {
    const first = await seller.graphql<any>(PAGE, { first: 2 });
    const res = await seller.graphql<any>(PAGE, {
      first: 2,
      after: first.data.returnRequests.pageInfo.endCursor,
      filter: { inPolicy: true },
    });
    expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect((res.errors?.[0]?.extensions?.['fields'] as Array<{ field: string }>)[0]?.field).toBe('after');
  });

  it('counts every filter chip in one statement, as if added to the chosen filters', async () => {
    statements = [];
    const res = await seller.graphql<any>(COUNTS, { filter: { reason: 'DEFECTIVE' } });
    expect(res.errors).toBeUndefined();
    const counts = res.data.returnRequestCounts;
    const exactly = (value: number) => ({ value, atLeast: false });
    expect(counts.total).toEqual(exactly(20));
    expect(counts.outOfPolicy).toEqual(exactly(20));
    expect(counts.inPolicy).toEqual(exactly(0));
    expect(counts.dueWithinWeek).toEqual(exactly(0));
    expect(counts.byState.find((s: any) => s.state === 'REQUESTED').count).toEqual(exactly(20));
    expect(counts.byReason.find((r: any) => r.reason === 'WRONG_ITEM').count).toEqual(exactly(20));
    expect(sqlOf(statements).filter((s) => /from [`"]?return_request[`"]? /i.test(s))).toHaveLength(1);
  });

  it('a page of 50 runs no more statements than a page of 5, with every field selected', async () => {
    const run = async (first: number) => {
      statements = [];
      const res = await seller.graphql<any>(PAGE, { first });
      expect(res.errors).toBeUndefined();
      expect(res.data.returnRequests.edges).toHaveLength(first);
      return sqlOf(statements);
    };
    const five = await run(5);
    const fifty = await run(50);
    expect(fifty.length).toBe(five.length);
    // Session, page, count, seller, addresses, messages.
    expect(fifty.length).toBeLessThanOrEqual(8);
  });

  it('reads only the columns of the fields a page selects: the web row reads 11 of 36', async () => {
    statements = [];
    const res = await seller.graphql<any>(
      `{ returnRequests(first: 5) { edges { node {
        id version state marketplace orderExternalId rma reason inPolicy requestedAt deadline items { sku title quantity }
      } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.returnRequests.edges).toHaveLength(5);
    const page = sqlOf(statements).find((s) => /from "return_request" as "r" where .* order by/.test(s));
    const selectList = /select (.*?) from "return_request" as "r" where/.exec(page ?? '')?.[1] ?? '';
    const selected = new Set([...selectList.matchAll(/"r"\."([a-z_]+)"/g)].map((m) => m[1]));
    expect(selected).toEqual(
      new Set([
        'deadline',
        'id',
        'in_policy',
        'items',
        'marketplace',
        'order_external_id',
        'reason_code',
        'requested_at',
        'rma',
        'status',
        'version',
      ]),
    );
  });

  it('answers every field of a request alone as it does with every field selected', async () => {
    // Each field on its own makes the page read only its columns: a field whose columns are not all
    // read would come back different from the page that reads them all (every field selected).
    const schema = buildSchema(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));
    const fields = Object.values((schema.getType('ReturnRequest') as GraphQLObjectType).getFields()).map((field) =>
      isCompositeType(getNamedType(field.type)) ? `${field.name} { __typename }` : field.name,
    );
    const pageOf = async (selection: string) => {
      const res = await seller.graphql<any>(`{ returnRequests(first: 20) { edges { node { id ${selection} } } } }`);
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      return res.data.returnRequests.edges.map((edge: any) => edge.node) as Array<Record<string, unknown>>;
    };
    const everything = await pageOf(fields.join(' '));
    expect(everything).toHaveLength(20);
    expect(fields.length).toBeGreaterThan(30);
    for (const field of fields) {
      const name = field.split(' ')[0]!;
      const alone = await pageOf(field);
      expect(
        alone.map((node) => node[name]),
        name,
      ).toEqual(everything.map((node) => node[name]));
    }
  });
});

describe('returns queue counts at their cap (RETURNS_COUNT_CAP=3)', () => {
  let app: TestApp;
  let seller: TestClient;
  let statements: string[] = [];

  beforeAll(async () => {
    app = await startTestApp({
      seeders: [DemoDataSeeder],
      now: () => NOW,
      onQuery: (s) => statements.push(s),
      environment: { RETURNS_COUNT_CAP: '3' },
    });
    seller = await signedIn(app, OTHER_SELLER_EMAIL);
    const sellerId = await organizationId(app, 'Fresh Start Electronics');
    // Exactly the cap of one reason, one more than the cap of the other: 3 DEFECTIVE, 4 WRONG_ITEM.
    for (let i = 0; i < 7; i++) {
      await arrive(app, sellerId, {
        requestedAt: new Date(NOW.getTime() - DAY + i * 60 * 60 * 1000),
        deliveredDaysBefore: 3,
        reason: i < 3 ? 'DEFECTIVE' : 'WRONG_ITEM',
        orderId: `ORDER-CAP-${i}`,
      });
    }
  });
  afterAll(() => app?.stop());

  const pageCount = async (first: number, filter: object) => {
    statements = [];
    const res = await seller.graphql<any>(PAGE, { first, filter });
    expect(res.errors).toBeUndefined();
    return { count: res.data.returnRequests.count, sql: sqlOf(statements) };
  };
  const countStatements = (sql: string[]) => sql.filter((s) => /select count\(\*\)/i.test(s));

  it('a page counts exactly the cap as exact, and one more as "at least the cap", by a capped count', async () => {
    // first: 1, so that the page does not hold the whole list and the count runs in SQL.
    const exact = await pageCount(1, { reason: 'DEFECTIVE' });
    expect(exact.count).toEqual({ value: 3, atLeast: false });
    expect(countStatements(exact.sql)).toHaveLength(1);
    expect(countStatements(exact.sql)[0]).toMatch(/limit 4\)/i);
    const beyond = await pageCount(1, { reason: 'WRONG_ITEM' });
    expect(beyond.count).toEqual({ value: 3, atLeast: true });
    expect((await pageCount(2, {})).count).toEqual({ value: 3, atLeast: true });
    // The cap stops the count only: the pages still reach every return.
    expect((await seller.graphql<any>(PAGE, { first: 10 })).data.returnRequests.edges).toHaveLength(7);
  });

  it('a first page that holds its whole list counts itself, without a count statement', async () => {
    const whole = await pageCount(5, { reason: 'WRONG_ITEM' });
    expect(whole.count).toEqual({ value: 3, atLeast: true });
    const few = await pageCount(5, { reason: 'DEFECTIVE' });
    expect(few.count).toEqual({ value: 3, atLeast: false });
    expect(countStatements(few.sql)).toHaveLength(0);
  });

  it('each chip stops at the cap and says so, in one statement', async () => {
    statements = [];
    const res = await seller.graphql<any>(COUNTS, {});
    expect(res.errors).toBeUndefined();
    const counts = res.data.returnRequestCounts;
    expect(counts.total).toEqual({ value: 3, atLeast: true });
    expect(counts.byReason.find((r: any) => r.reason === 'DEFECTIVE').count).toEqual({ value: 3, atLeast: false });
    expect(counts.byReason.find((r: any) => r.reason === 'WRONG_ITEM').count).toEqual({ value: 3, atLeast: true });
    expect(counts.byReason.find((r: any) => r.reason === 'OTHER').count).toEqual({ value: 0, atLeast: false });
    expect(counts.outOfPolicy).toEqual({ value: 0, atLeast: false });
    expect(sqlOf(statements).filter((s) => /from [`"]?return_request[`"]? /i.test(s))).toHaveLength(1);
    // With a filter chosen, as if each chip were added to it.
    const defective = await seller.graphql<any>(COUNTS, { filter: { reason: 'DEFECTIVE' } });
    expect(defective.data.returnRequestCounts.total).toEqual({ value: 3, atLeast: false });
    expect(defective.data.returnRequestCounts.inPolicy).toEqual({ value: 3, atLeast: false });
    // A filter holding more than the cap: its chips count within the cap + 1 rows read, as lower bounds;
    // the reason chips, counted without the reason filter, stay exact up to the cap.
    const wrongItem = (await seller.graphql<any>(COUNTS, { filter: { reason: 'WRONG_ITEM' } })).data
      .returnRequestCounts;
    expect(wrongItem.total).toEqual({ value: 3, atLeast: true });
    expect(wrongItem.inPolicy).toEqual({ value: 3, atLeast: true });
    expect(wrongItem.outOfPolicy).toEqual({ value: 0, atLeast: true });
    expect(wrongItem.byState.find((s: any) => s.state === 'REQUESTED').count).toEqual({ value: 3, atLeast: true });
    expect(wrongItem.byReason.find((r: any) => r.reason === 'DEFECTIVE').count).toEqual({ value: 3, atLeast: false });
    expect(wrongItem.byReason.find((r: any) => r.reason === 'WRONG_ITEM').count).toEqual({ value: 3, atLeast: true });
  });
});
