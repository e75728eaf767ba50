import { describe, expect, it } from 'vitest';
import { SellerHealthPage } from './pages/seller-health.page.js';
import { browserTestsCanRun, type BrowserSession } from './support/browser.js';
import { withBrowserAndServer } from './support/lifecycle.js';
import type { RunningServer } from './support/server.js';
import { POLL } from './support/web-first.js';

const REVIEWER = 'reviewer@demo.recertify.test';
const DEMO_PASSWORD = 'demo-password';

describe.skipIf(!browserTestsCanRun())('Seller health, production build in Chromium', () => {
  let browser: BrowserSession;
  let server: RunningServer;
  withBrowserAndServer((b, s) => {
    browser = b;
    server = s;
  });

  async function api(query: string, variables: Record<string, unknown> = {}): Promise<any> {
    const response = await browser.context.request.post(new URL('/graphql', server.url).href, {
      data: { query, variables },
    });
    return response.json();
  }

  it('a reviewer sees a suspended seller and reinstates it with a reason', async () => {
    // Set-up through the API, in the browser's own session: the reviewer signs in and suspends a
    // seller from the review queue.
    const signIn = await api('mutation($input: SignInInput!) { signIn(input: $input) { id } }', {
      input: { email: REVIEWER, password: DEMO_PASSWORD },
    });
    expect(signIn.errors).toBeUndefined();
    const queue = await api('{ reviewQueue(first: 1) { edges { node { seller { id name } } } } }');
    const seller = queue.data.reviewQueue.edges[0].node.seller as { id: string; name: string };
    const suspended = await api(
      'mutation($input: SellerStandingChangeInput!) { suspendSeller(input: $input) { standing } }',
      { input: { sellerId: seller.id, marketplace: 'US', reason: 'Set-up: repeated battery complaints' } },
    );
    expect(suspended.data?.suspendSeller.standing).toBe('SUSPENDED');

    const page = await browser.newPage();
    const health = new SellerHealthPage(page, server.url);
    await health.open('/review');
    await page.getByRole('link', { name: 'Seller health', exact: true }).click();
    await health.waitForPath('/review/seller-health');
    await expect(health.title).toBeVisible();
    await expect
      .poll(() => health.standing(seller.name), POLL)
      .toMatch(/^Suspended since .*Set-up: repeated battery complaints/);

    await health.openStandingChange(seller.name);
    await health.form.getByRole('button', { name: 'Reinstate seller' }).click();
    await expect(health.formAlert).toHaveText(/Say why/);

    await health.reason.fill('Supplier changed; units re-tested');
    await health.form.getByRole('button', { name: 'Reinstate seller' }).click();
    // Back in good standing (no orders, so no figure misses a threshold): off the list.
    await expect.poll(() => health.standing(seller.name), POLL).toBeNull();
    await page.close();
  });
});
