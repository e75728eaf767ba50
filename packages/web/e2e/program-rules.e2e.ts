import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ProgramRulesPage } from './pages/program-rules.page.js';
import { browserTestsCanRun, launchBrowser, type BrowserSession } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { POLL } from './support/web-first.js';

describe.skipIf(!browserTestsCanRun())('Program rules page, production build in Chromium', () => {
  let browser: BrowserSession;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    page = await browser.newPage();
    pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterEach(async () => {
    await page.close();
  });

  describe('with demo data', () => {
    let server: RunningServer;
    let programRules: ProgramRulesPage;

    beforeAll(async () => {
      server = await startServer();
    });
    afterAll(async () => {
      await server?.stop();
    });
    beforeEach(() => {
      programRules = new ProgramRulesPage(page, server.url);
    });

    it('opens on the program rules of every marketplace, from the seeded policy versions', async () => {
      await programRules.open('/');
      await programRules.waitForPath('/program-rules');
      await expect(programRules.title).toBeVisible();
      await expect
        .poll(() => programRules.marketplaceHeadings(), POLL)
        .toEqual(['US United States', 'CA Canada', 'MX Mexico']);

      const us = programRules.marketplace('United States');
      await expect(us.valueOf('Qualifying purchases')).toHaveText('50,000.00 USD');
      await expect(us.valueOf('Apple-brand approval')).toHaveText('2,500,000.00 USD');
      await expect(us.valueOf('Warranty')).toHaveText('Honour the Renewed Guarantee (explicit acceptance)');
      await expect(us.versionInForce).toHaveText('Version 1, in force since 1 Jan 2024 — Program rules at launch.');
      await us.openVersionHistory();
      await expect
        .poll(() => us.versionHistory(), POLL)
        .toEqual([expect.stringMatching(/^Version 1, effective 1 Jan 2024 ?in force — Program rules at launch\.$/)]);

      const canada = programRules.marketplace('Canada');
      await expect(canada.valueOf('Warranty')).toHaveText('At least 90 days from purchase');
      // Thresholds stay in USD; the CAD line uses whichever seeded rate is in force on today's date.
      await expect(canada.valueOf('Apple-brand approval')).toHaveText(
        /^75,000\.00 USD ≈ \d{1,3}(,\d{3})*\.\d{2} CAD today$/,
      );
      await expect(canada.valueOf('Qualifying purchases')).toHaveText(/^50,000\.00 USD ≈ [\d,]+\.\d{2} CAD today$/);

      const mexico = programRules.marketplace('Mexico');
      await expect
        .poll(() => mexico.defaultedParameters(), POLL)
        .toEqual([
          'Qualifying purchases, trailing 90 days',
          'Items that do not count: unit price at or below',
          'Apple-brand approval: Apple refurbished purchases, trailing 90 days',
          'Warranty',
          'RQS window',
          'Orders before an RQS is enforced',
          'Return window (unless the category says otherwise)',
        ]);
      await expect
        .poll(() => us.defaultedParameters(), POLL)
        .toEqual([
          'RQS window',
          'Orders before an RQS is enforced',
          'Return window (unless the category says otherwise)',
        ]);
      expect(pageErrors).toEqual([]);
    });

    it('shows the error state when the API cannot be reached, and loads the rules on "Try again"', async () => {
      // Only the API is cut off: the app itself still loads from the real server.
      await page.route('**/graphql', (route) => route.abort('connectionrefused'));
      await programRules.open('/program-rules');
      await programRules.errorState.waitFor();
      await expect(programRules.cards).toHaveCount(0);
      await expect(programRules.tryAgainButton).toBeVisible();

      await page.unroute('**/graphql');
      await programRules.tryAgainButton.click();
      await programRules.marketplace('United States').root.waitFor();
      await expect(programRules.errorState).toHaveCount(0);
      await expect(programRules.marketplace('United States').valueOf('Qualifying purchases')).toHaveText(
        '50,000.00 USD',
      );
      expect(pageErrors).toEqual([]);
    });

    it('answers a deep link to an unknown path with the app, which says the page is not found', async () => {
      const response = await page.goto(new URL('/nope', server.url).href);
      expect(response?.status()).toBe(200); // the SPA fallback, not the server's 404
      await programRules.notFound.waitFor();
      expect(programRules.pathname).toBe('/nope');

      await programRules.programRulesLink.click();
      await programRules.waitForPath('/program-rules');
      await programRules.marketplace('Mexico').root.waitFor();
      expect(pageErrors).toEqual([]);
    });
  });

  describe('with an empty database', () => {
    let server: RunningServer;

    beforeAll(async () => {
      server = await startServer({ env: { SEED_DEMO_DATA: 'false' } });
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('shows the empty state instead of marketplace cards', async () => {
      const programRules = new ProgramRulesPage(page, server.url);
      await programRules.open('/program-rules');
      await programRules.emptyState.waitFor();
      await expect(programRules.cards).toHaveCount(0);
      await expect(programRules.errorState).toHaveCount(0);
      expect(pageErrors).toEqual([]);
    });
  });
});
