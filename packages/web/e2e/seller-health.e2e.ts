import { describe, expect, it } from 'vitest';
import { SellerHealthPage } from './pages/seller-health.page.js';
import { browserTestsCanRun, type BrowserSession } from './support/browser.js';
import { withBrowserAndServer } from './support/lifecycle.js';
import type { RunningServer } from './support/server.js';
import { POLL } from './support/web-first.js';

const REVIEWER = 'reviewer@demo.recertify.test';
const DEMO_PASSWORD = 'demo-password';
const AT_RISK_SELLER = 'Tightrope Traders';

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

  async function sellerIdOf(name: string): Promise<string> {
    const res = await api('{ sellerHealth(first: 100) { edges { node { seller { id name } } } } }');
    const edge = res.data.sellerHealth.edges.find((e: any) => e.node.seller.name === name);
    return edge.node.seller.id as string;
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
    // Back in good standing (no orders, so no figure misses a threshold): off the list, and the list
    // is there (the demo's at-risk seller is on it), not a list still loading.
    await expect
      .poll(async () => {
        const sellers = await health.sellers();
        return sellers.includes(AT_RISK_SELLER) && !sellers.includes(seller.name);
      }, POLL)
      .toBe(true);
    await page.close();
  });

  it("a reviewer orders the list by a figure, filters it, and opens an at-risk seller's dashboard from its row", async () => {
    const signIn = await api('mutation($input: SignInInput!) { signIn(input: $input) { id } }', {
      input: { email: REVIEWER, password: DEMO_PASSWORD },
    });
    expect(signIn.errors).toBeUndefined();

    const page = await browser.newPage();
    const health = new SellerHealthPage(page, server.url);
    await health.open('/review/seller-health');
    await expect(health.title).toBeVisible();
    // The demo's at-risk seller, worst RQS first by default.
    await expect.poll(() => health.sellers(), POLL).toContain(AT_RISK_SELLER);
    await expect(health.sortHeader('RQS')).toHaveAttribute('aria-sort', 'ascending');

    await health.sortHeader('ODR').getByRole('button').click();
    await expect(health.sortHeader('ODR')).toHaveAttribute('aria-sort', 'descending');
    await expect.poll(() => health.search.get('sort'), POLL).toBe('odr');
    await health.marketplaceFilter.selectOption({ label: 'Canada' });
    await expect(page.getByRole('heading', { name: 'No sellers match these filters' })).toBeVisible();
    await health.marketplaceFilter.selectOption({ label: 'United States' });
    await expect.poll(() => health.sellers(), POLL).toContain(AT_RISK_SELLER);

    await health.sellerLink(AT_RISK_SELLER).click();
    await health.waitForPath(`/review/sellers/${await sellerIdOf(AT_RISK_SELLER)}/quality`);
    await expect.poll(() => health.search.get('marketplace'), POLL).toBe('US');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Quality of ${AT_RISK_SELLER}`);

    // Back: the same order and filter, read from the address.
    await page.goBack();
    await health.waitForPath('/review/seller-health');
    await expect(health.sortHeader('ODR')).toHaveAttribute('aria-sort', 'descending');
    await expect(health.marketplaceFilter).toHaveValue('US');
    await page.close();
  });
});
