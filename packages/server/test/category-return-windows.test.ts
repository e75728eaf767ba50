import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Organization } from '../src/features/accounts/organization.entity.js';
import { ApiScope } from '../src/features/api-keys/api-key.enums.js';
import { AuditLogEntry } from '../src/features/audit/audit-log-entry.entity.js';
import { DEMO_MARKETPLACE_SYSTEMS } from '../src/seeders/demo-accounts.js';
import { DemoDataSeeder } from '../src/seeders/demo-data.seeder.js';
import { ADMIN_EMAIL, OTHER_SELLER_EMAIL, createKey, signedIn } from './support/principals.js';
import { startTestApp, TestClock, type TestApp, type TestClient } from './support/test-app.js';

const LIST = 'query($m: MarketplaceCode!) { categoryReturnWindows(marketplace: $m) { marketplace categoryName days } }';
const SET = `mutation($input: CategoryReturnWindowInput!) {
  setCategoryReturnWindow(input: $input) { id marketplace categoryName days }
}`;
const REMOVE = `mutation($m: MarketplaceCode!, $c: String!) {
  removeCategoryReturnWindow(marketplace: $m, categoryName: $c) { categoryName days }
}`;
const RECEIVE = `mutation($input: ReceiveReturnRequestInput!) {
  receiveReturnRequest(input: $input) { inPolicy returnWindowDays policyExplanation }
}`;

const errorOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions;

/** SPEC 6: "30 days unless the category says otherwise", the category's window kept by admins. */
describe('category return windows', () => {
  let app: TestApp;
  let admin: TestClient;
  let marketplace: TestClient;
  let sellerId: string;
  let counter = 0;
  let statements: string[] = [];

  /** A Cameras request delivered on 2026-10-01 (US), asked `daysAfter` days later. */
  async function cameraRequest(daysAfter: number, market = 'US') {
    counter += 1;
    const requestedAt = new Date(Date.UTC(2026, 9, 1 + daysAfter, 19));
    const res = await marketplace.graphql<any>(RECEIVE, {
      input: {
        sellerId,
        marketplace: market,
        externalId: `CW-${counter}`,
        orderId: `cw-${counter}`,
        orderDeliveredAt: '2026-10-01T19:00:00Z',
        items: [{ sku: `CAM-${counter}`, quantity: 1, categoryName: 'Cameras' }],
        reason: 'DEFECTIVE',
        requestedAt: requestedAt.toISOString(),
      },
    });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data.receiveReturnRequest;
  }

  beforeAll(async () => {
    app = await startTestApp({
      seeders: [DemoDataSeeder],
      now: new TestClock(new Date('2026-11-23T17:00:00Z')).now,
      onQuery: (sql) => statements.push(sql),
    });
    const em = app.orm.em.fork();
    admin = await signedIn(app, ADMIN_EMAIL);
    const systems = await em.findOneOrFail(Organization, { name: DEMO_MARKETPLACE_SYSTEMS.name });
    marketplace = app.withApiKey((await createKey(admin, [ApiScope.INGEST_MARKETPLACE_DATA], systems.id)).secret);
    sellerId = (await em.findOneOrFail(Organization, { name: 'Fresh Start Electronics' })).id;
  });
  afterAll(() => app?.stop());

  it("lists the demo's window (Headphones, 15 days in US) and none in CA", async () => {
    const us = await admin.graphql<any>(LIST, { m: 'US' });
    expect(us.data.categoryReturnWindows).toEqual([{ marketplace: 'US', categoryName: 'Headphones', days: 15 }]);
    expect((await admin.graphql<any>(LIST, { m: 'CA' })).data.categoryReturnWindows).toEqual([]);
  });

  it('judges requests arriving after a window is set by it, day 20 in and day 21 out, and by the default once removed', async () => {
    // The default 30 days first.
    expect(await cameraRequest(21)).toMatchObject({ inPolicy: true, returnWindowDays: 30 });

    const set = await admin.graphql<any>(SET, { input: { marketplace: 'US', categoryName: ' Cameras ', days: 20 } });
    expect(set.data.setCategoryReturnWindow).toMatchObject({ marketplace: 'US', categoryName: 'Cameras', days: 20 });
    const day20 = await cameraRequest(20);
    const day21 = await cameraRequest(21);
    expect(day20).toMatchObject({ inPolicy: true, returnWindowDays: 20 });
    expect(day21).toMatchObject({ inPolicy: false, returnWindowDays: 20 });
    expect(day21.policyExplanation).toContain('the 20-day return window for Cameras ended on 2026-10-21');
    // The window is the US's: a Canadian request still gets the default.
    expect(await cameraRequest(21, 'CA')).toMatchObject({ returnWindowDays: 30 });

    // Changed: the same row, the new length.
    const changed = await admin.graphql<any>(SET, { input: { marketplace: 'US', categoryName: 'Cameras', days: 25 } });
    expect(changed.data.setCategoryReturnWindow).toMatchObject({ id: set.data.setCategoryReturnWindow.id, days: 25 });
    expect(await cameraRequest(21)).toMatchObject({ inPolicy: true, returnWindowDays: 25 });

    const removed = await admin.graphql<any>(REMOVE, { m: 'US', c: 'Cameras' });
    expect(removed.data.removeCategoryReturnWindow).toEqual({ categoryName: 'Cameras', days: 25 });
    expect(await cameraRequest(21)).toMatchObject({ returnWindowDays: 30 });
    expect(errorOf(await admin.graphql<any>(REMOVE, { m: 'US', c: 'Cameras' }))?.['code']).toBe('NOT_FOUND');

    const audit = await app.orm.em
      .fork()
      .find(AuditLogEntry, { subjectId: set.data.setCategoryReturnWindow.id }, { orderBy: { at: 'asc', id: 'asc' } });
    expect(audit.map((entry) => [entry.action, entry.data])).toEqual(
      expect.arrayContaining([
        ['CATEGORY_RETURN_WINDOW_SET', { marketplace: 'US', categoryName: 'Cameras', days: 20, before: null }],
        ['CATEGORY_RETURN_WINDOW_SET', { marketplace: 'US', categoryName: 'Cameras', days: 25, before: 20 }],
        ['CATEGORY_RETURN_WINDOW_REMOVED', { marketplace: 'US', categoryName: 'Cameras', days: 25 }],
      ]),
    );
    expect(audit).toHaveLength(3);
  });

  it.each([
    [0, 'days'],
    [366, 'days'],
    [-5, 'days'],
  ])('refuses a window of %i days naming `days`, and nothing changes', async (days, field) => {
    const res = await admin.graphql<any>(SET, { input: { marketplace: 'US', categoryName: 'Headphones', days } });
    expect(errorOf(res)).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field, message: `The return window must be a whole number of days from 1 to 365; got ${days}.` }],
    });
    const us = await admin.graphql<any>(LIST, { m: 'US' });
    expect(us.data.categoryReturnWindows).toContainEqual({ marketplace: 'US', categoryName: 'Headphones', days: 15 });
  });

  it('accepts the bounds themselves, 1 and 365 days, and refuses a blank or overlong category by name', async () => {
    for (const days of [1, 365]) {
      const res = await admin.graphql<any>(SET, { input: { marketplace: 'MX', categoryName: 'Laptops', days } });
      expect(res.data.setCategoryReturnWindow.days).toBe(days);
    }
    const blank = await admin.graphql<any>(SET, { input: { marketplace: 'MX', categoryName: '  ', days: 10 } });
    expect(errorOf(blank)?.['fields']).toEqual([
      { field: 'categoryName', message: 'is required: the category as order items name it' },
    ]);
    const long = await admin.graphql<any>(SET, {
      input: { marketplace: 'MX', categoryName: 'x'.repeat(101), days: 10 },
    });
    expect(errorOf(long)?.['code']).toBe('BAD_USER_INPUT');
    expect((errorOf(long)?.['fields'] as Array<{ field: string }>).map((f) => f.field)).toEqual(['categoryName']);
    const mx = await admin.graphql<any>(LIST, { m: 'MX' });
    expect(mx.data.categoryReturnWindows).toEqual([{ marketplace: 'MX', categoryName: 'Laptops', days: 365 }]);
  });

  it('is for admins only: a seller is refused and changes nothing', async () => {
    const seller = await signedIn(app, OTHER_SELLER_EMAIL);
    const res = await seller.graphql<any>(SET, { input: { marketplace: 'US', categoryName: 'Headphones', days: 99 } });
    expect(errorOf(res)?.['code']).toBe('FORBIDDEN');
    const us = await admin.graphql<any>(LIST, { m: 'US' });
    expect(us.data.categoryReturnWindows).toContainEqual({ marketplace: 'US', categoryName: 'Headphones', days: 15 });
  });

  it("lists a marketplace's windows in one statement, however many there are", async () => {
    for (let i = 0; i < 25; i++) {
      const set = await admin.graphql<any>(SET, {
        input: { marketplace: 'MX', categoryName: `Counted ${i}`, days: 10 + i },
      });
      expect(set.errors).toBeUndefined();
    }
    statements = [];
    const list = await admin.graphql<any>(LIST, { m: 'MX' });
    const reads = statements.filter((sql) => /from [`"]?category_return_window[`"]?/i.test(sql));
    expect(
      list.data.categoryReturnWindows.filter((w: { categoryName: string }) => w.categoryName.startsWith('Counted')),
    ).toHaveLength(25);
    expect(reads).toHaveLength(1);
  });
});
