import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiScope } from '../src/features/api-keys/api-key.enums.js';
import { DemoDataSeeder } from '../src/seeders/demo-data.seeder.js';
import { ADMIN_EMAIL, REVIEWER_EMAIL, createKey, signedIn } from './support/principals.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const VIEWER = '{ viewer { approvedMarketplaces } }';
const DASHBOARD = 'query($m: MarketplaceCode!) { qualityDashboard(marketplace: $m) { marketplace } }';

/** The web app shows a seller its Quality page only where the dashboard answers: both read the same rule (CA granted through US counts, SPEC 3). */
describe('viewer.approvedMarketplaces', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ seeders: [DemoDataSeeder] });
  });
  afterAll(() => app?.stop());

  it.each([
    ['approved-seller', ['US', 'CA']],
    ['at-risk-seller', ['US', 'CA']],
    ['submitted-seller', []],
    ['needs-info-seller', []],
    ['rejected-seller', []],
    ['draft-seller', []],
    ['new-seller', []],
  ])('%s is approved in %j, and the dashboard answers there and only there', async (who, expected) => {
    const seller = await signedIn(app, `${who}@demo.recertify.test`);
    const viewer = await seller.graphql<any>(VIEWER);
    expect(viewer.data.viewer.approvedMarketplaces).toEqual(expected);
    for (const marketplace of ['US', 'CA', 'MX']) {
      const res = await seller.graphql<any>(DASHBOARD, { m: marketplace });
      const code = res.errors?.[0]?.extensions?.['code'] ?? 'OK';
      expect([marketplace, code]).toEqual([marketplace, expected.includes(marketplace) ? 'OK' : 'NOT_APPROVED']);
    }
  });

  it("is the seller's for its read:quality key, and empty for staff and visitors", async () => {
    const seller = await signedIn(app, 'approved-seller@demo.recertify.test');
    const key = await createKey(seller, [ApiScope.READ_QUALITY]);
    expect((await app.withApiKey(key.secret).graphql<any>(VIEWER)).data.viewer.approvedMarketplaces).toEqual([
      'US',
      'CA',
    ]);
    for (const email of [REVIEWER_EMAIL, ADMIN_EMAIL]) {
      const staff = await signedIn(app, email);
      expect((await staff.graphql<any>(VIEWER)).data.viewer.approvedMarketplaces).toEqual([]);
    }
    expect((await app.client().graphql<any>(VIEWER)).data.viewer.approvedMarketplaces).toEqual([]);
  });
});
