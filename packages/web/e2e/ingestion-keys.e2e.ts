import { describe, expect, it } from 'vitest';
import { IngestionKeysPage } from './pages/ingestion-keys.page.js';
import { browserTestsCanRun, type BrowserSession } from './support/browser.js';
import { withBrowserAndServer } from './support/lifecycle.js';
import type { RunningServer } from './support/server.js';
import { POLL } from './support/web-first.js';

const ADMIN = 'admin@demo.recertify.test';
const DEMO_PASSWORD = 'demo-password';

/** What the marketplace's systems do with a key: plain HTTP, the key as a bearer token. */
async function askViewerWithKey(baseUrl: string, key: string): Promise<{ status: number; body: any }> {
  const response = await fetch(new URL('/graphql', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: '{ viewer { organization { name kind } scopes } }' }),
  });
  return { status: response.status, body: await response.json() };
}

describe.skipIf(!browserTestsCanRun())('Ingestion keys, production build in Chromium', () => {
  let browser: BrowserSession;
  let server: RunningServer;
  withBrowserAndServer((b, s) => {
    browser = b;
    server = s;
  });

  it("an admin creates a key for the marketplace's systems, sees its secret once, and revokes it", async () => {
    // Set-up through the API, in the browser's own session.
    const signIn = await browser.context.request.post(new URL('/graphql', server.url).href, {
      data: {
        query: 'mutation($input: SignInInput!) { signIn(input: $input) { id } }',
        variables: { input: { email: ADMIN, password: DEMO_PASSWORD } },
      },
    });
    expect((await signIn.json()).errors).toBeUndefined();

    const page = await browser.newPage();
    const admin = new IngestionKeysPage(page, server.url);
    await admin.open('/review');
    await expect
      .poll(() => admin.header.navigation(), POLL)
      .toEqual(['Program rules', 'Review queue', 'Seller health', 'Ingestion keys', 'Return windows', 'Account']);
    await admin.header.link('Ingestion keys').click();
    await admin.waitForPath('/admin/ingestion-keys');
    await expect(admin.title).toBeVisible();

    const keys = admin.keysOf('Marketplace Systems');
    await expect(keys.emptyState).toBeVisible();
    await expect(keys.scope('ingest:marketplace-data')).toBeChecked();

    // A refusal names the field: a key needs a name.
    await keys.create('   ', []);
    await expect(keys.root.getByLabel('Key name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(keys.root.getByRole('alert')).toContainText('Key name');

    await keys.create('Order feed', []);
    const secret = await keys.newSecret();
    await expect.poll(async () => (await keys.key('Order feed'))['Scopes'], POLL).toBe('ingest:marketplace-data');
    const withKey = await askViewerWithKey(server.url, secret);
    expect(withKey.body.data.viewer).toEqual({
      organization: { name: 'Marketplace Systems', kind: 'MARKETPLACE' },
      scopes: ['INGEST_MARKETPLACE_DATA'],
    });

    // Shown once: gone when dismissed, and not brought back by a reload.
    await keys.dismissSecret();
    await expect(keys.secretBox).toHaveCount(0);
    await page.reload();
    await expect(keys.row('Order feed')).toBeVisible();
    await expect(keys.secretBox).toHaveCount(0);

    await keys.revoke('Order feed');
    await expect.poll(async () => (await keys.key('Order feed'))['Status'], POLL).toMatch(/^Revoked /);
    expect((await askViewerWithKey(server.url, secret)).status).toBe(401);
    await page.close();
  });
});
