import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ReviewApplicationPage, ReviewQueuePage } from './pages/review.page.js';
import { SignInPage } from './pages/sign-in.page.js';
import { browserTestsCanRun, type BrowserSession } from './support/browser.js';
import type { RunningServer } from './support/server.js';
import { POLL } from './support/web-first.js';
import { withBrowserAndServer } from './support/lifecycle.js';

const REVIEWER = 'reviewer@demo.recertify.test';
const DEMO_PASSWORD = 'demo-password';

describe.skipIf(!browserTestsCanRun())('The production build under its Content-Security-Policy, in Chromium', () => {
  let browser: BrowserSession;
  let server: RunningServer;
  let page: Page;
  /** What Chromium reports when the policy blocks something (a script, a style, an image...). */
  let violations: string[];

  withBrowserAndServer((started, running) => {
    browser = started;
    server = running;
  });
  beforeEach(async () => {
    page = await browser.newPage();
    violations = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
  });
  afterEach(async () => {
    await page.close();
  });

  it('a reviewer signs in and opens an application: its images load, and nothing is blocked', async () => {
    const signIn = new SignInPage(page, server.url);
    const response = await page.goto(new URL('/sign-in', server.url).toString());
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self';/);
    await signIn.title.waitFor();
    await signIn.signIn(REVIEWER, DEMO_PASSWORD);
    const queue = new ReviewQueuePage(page, server.url);
    await queue.waitForPath('/review');
    await queue.table.getByRole('row').nth(1).waitFor();
    await queue.table.getByRole('row').nth(1).getByRole('rowheader').getByRole('link').click();

    const application = new ReviewApplicationPage(page, server.url);
    const images = page.getByRole('article').locator('img[src^="/uploads/"]');
    await images.first().waitFor();
    await images.first().scrollIntoViewIfNeeded();
    // Decoded: the image came through img-src 'self' and its own `sandbox` policy.
    await expect
      .poll(() => images.first().evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth), POLL)
      .toBeGreaterThan(0);
    await application.title.waitFor();
    expect(violations).toEqual([]);
  });

  it('another site cannot frame the app (frame-ancestors none)', async () => {
    await page.setContent(`<iframe title="framed" src="${new URL('/sign-in', server.url).toString()}"></iframe>`);
    await expect.poll(() => violations.some((text) => /frame-ancestors/.test(text)), POLL).toBe(true);
    // Nothing of the app rendered inside the frame.
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    await expect
      .poll(() => frame?.evaluate(() => document.querySelector('#root')?.childElementCount ?? 0).catch(() => 0), POLL)
      .toBe(0);
  });
});
