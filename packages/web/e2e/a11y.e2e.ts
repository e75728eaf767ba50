import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browserTestsCanRun, type BrowserSession } from './support/browser.js';
import type { RunningServer } from './support/server.js';
import { POLL } from './support/web-first.js';
import { withBrowserAndServer } from './support/lifecycle.js';

/*
 * The main pages on a phone (390 px wide, as an iPhone 12-15), as each kind of person sees them
 * with the demo data: nothing scrolls the page sideways, the header is one row, every page has one
 * h1 and its headings skip no level, and axe finds nothing serious or critical (WCAG 2.1 A/AA).
 */

const PHONE = { width: 390, height: 844 };
const DEMO_PASSWORD = 'demo-password';

interface PageReport {
  readonly path: string;
  readonly horizontalOverflow: number;
  readonly headerRows: number;
  readonly h1Count: number;
  readonly skippedHeadings: string[];
  readonly violations: string[];
}

describe.skipIf(!browserTestsCanRun())('Accessibility on a phone, production build in Chromium', () => {
  let browser: BrowserSession;
  let server: RunningServer;
  let page: Page;

  withBrowserAndServer((started, running) => {
    browser = started;
    server = running;
  });
  beforeEach(async () => {
    await browser.context.clearCookies();
    page = await browser.newPage();
    await page.setViewportSize(PHONE);
  });
  afterEach(async () => {
    await page.close();
  });

  /** Signs in through the API (the context keeps the session cookie), as set-up, not as the test. */
  async function signIn(email: string): Promise<void> {
    const response = await api('mutation SignIn($input: SignInInput!) { signIn(input: $input) { id } }', {
      input: { email, password: DEMO_PASSWORD },
    });
    expect(response.errors).toBeUndefined();
  }

  async function api(query: string, variables: Record<string, unknown> = {}): Promise<any> {
    const response = await browser.context.request.post(new URL('/graphql', server.url).href, {
      data: { query, variables },
    });
    return response.json();
  }

  /** Opens `path`, waits for its heading and for every loading state to end, then measures it. */
  async function check(path: string): Promise<PageReport> {
    await page.goto(new URL(path, server.url).href);
    await page.locator('main h1').first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0);
    const measured = await page.evaluate(() => {
      const banner = document.querySelector('header.shell-header');
      const visible = banner ? [...banner.children].filter((child) => child.getBoundingClientRect().height > 0) : [];
      // Children of one row overlap vertically; a child below all the others starts a new row.
      const rows = visible
        .map((child) => child.getBoundingClientRect())
        .sort((a, b) => a.top - b.top)
        .reduce<DOMRect[]>((found, rect) => {
          const last = found[found.length - 1];
          if (!last || rect.top >= last.bottom) found.push(rect);
          return found;
        }, []).length;
      const levels = [...document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')]
        .filter((heading) => heading.getClientRects().length > 0)
        .map((heading) => ({ level: Number(heading.tagName[1]), text: heading.textContent?.trim() ?? '' }));
      const skipped: string[] = [];
      let previous = 0;
      for (const { level, text } of levels) {
        if (level > previous + 1) skipped.push(`h${level} "${text}" after h${previous}`);
        previous = level;
      }
      return {
        horizontalOverflow: document.documentElement.scrollWidth - window.innerWidth,
        headerRows: rows,
        h1Count: levels.filter((heading) => heading.level === 1).length,
        skippedHeadings: skipped,
      };
    });
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const violations = axe.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    return { path, ...measured, violations };
  }

  function expectClean(report: PageReport): void {
    expect(report).toEqual({
      path: report.path,
      horizontalOverflow: 0,
      headerRows: 1,
      h1Count: 1,
      skippedHeadings: [],
      violations: [],
    });
  }

  it.each(['/program-rules', '/sign-in', '/sign-up', '/forgot-password', '/no-such-page'])(
    'a visitor: %s',
    async (path) => {
      expectClean(await check(path));
    },
  );

  it('a seller with a draft: applications, the form, the account with its tables', async () => {
    await signIn('draft-seller@demo.recertify.test');
    const { data } = await api('{ myApplications { id status } }');
    const draft = data.myApplications.find((application: { status: string }) => application.status === 'DRAFT');
    expect(draft).toBeDefined();
    for (const path of [
      '/applications',
      `/applications/${draft.id}`,
      `/applications/${draft.id}/edit`,
      `/applications/${draft.id}/edit?step=invoices`,
      `/applications/${draft.id}/edit?step=review`,
      '/account',
    ]) {
      expectClean(await check(path));
    }
  });

  it('a rejected seller and an approved one: their application pages, and the return settings', async () => {
    for (const email of ['rejected-seller@demo.recertify.test', 'approved-seller@demo.recertify.test']) {
      await browser.context.clearCookies();
      await signIn(email);
      const { data } = await api('{ myApplications { id } }');
      const [application] = data.myApplications;
      expect(application).toBeDefined();
      expectClean(await check(`/applications/${application.id}`));
    }
    // The approved seller's return settings: every card filled in.
    expectClean(await check('/returns/settings'));
  });

  it('a reviewer: the queue and an application under review; an admin: the account, the ingestion keys and the return windows', async () => {
    await signIn('reviewer@demo.recertify.test');
    const { data } = await api('{ reviewQueue(first: 1) { edges { node { id } } } }');
    const [first] = data.reviewQueue.edges;
    expect(first).toBeDefined();
    expectClean(await check('/review'));
    expectClean(await check(`/review/${first.node.id}`));

    await browser.context.clearCookies();
    await signIn('admin@demo.recertify.test');
    expectClean(await check('/account'));
    expectClean(await check('/admin/ingestion-keys'));
    expectClean(await check('/admin/return-windows'));
  });

  it('a wide table scrolls inside its own labelled, focusable frame, and says so', async () => {
    await signIn('reviewer@demo.recertify.test');
    await page.goto(new URL('/review', server.url).href);
    const frame = page.getByRole('region', { name: 'Applications waiting for a decision' });
    await expect(frame).toHaveAttribute('tabindex', '0');
    // Polled: the table may still be filling in when the frame first shows.
    await expect
      .poll(() => frame.evaluate((element) => element.scrollWidth - element.clientWidth), POLL)
      .toBeGreaterThan(0);
    await expectText(page, 'More columns to the right: scroll sideways.');
    // The keyboard scrolls it: focus the frame, press the right arrow; the left edge then shows its shadow.
    await frame.focus();
    for (let press = 0; press < 5; press += 1) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => (document.querySelector('.table-scroll[role="region"]')?.scrollLeft ?? 0) > 0);
    await page.locator('.table-scroll.is-clipped-before').waitFor();
  });
});

async function expectText(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: true }).waitFor();
}
