import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page, Response } from 'playwright-core';
import { ProgramRulesPage } from './pages/program-rules.page.js';
import { SignInPage } from './pages/sign-in.page.js';
import { browserTestsCanRun, type BrowserSession } from './support/browser.js';
import type { RunningServer } from './support/server.js';
import { POLL } from './support/web-first.js';
import { withBrowserAndServer } from './support/lifecycle.js';

interface LoadedScript {
  readonly name: string;
  readonly acceptEncoding: string;
  readonly contentEncoding: string | undefined;
  readonly text: string;
}

/** Records every script the page fetches from /assets/, with how it was asked for and sent. */
function recordScripts(page: Page): { loaded(): Promise<LoadedScript[]> } {
  const reads: Array<Promise<LoadedScript>> = [];
  page.on('response', (response: Response) => {
    const url = new URL(response.url());
    if (!url.pathname.startsWith('/assets/') || !url.pathname.endsWith('.js')) return;
    const read = Promise.all([response.request().allHeaders(), response.allHeaders(), response.text()]).then(
      ([requestHeaders, headers, text]) => ({
        name: url.pathname.slice('/assets/'.length),
        acceptEncoding: requestHeaders['accept-encoding'] ?? '',
        contentEncoding: headers['content-encoding'],
        text,
      }),
    );
    // A script that arrives as the test ends (the page closes before its body is read) rejects
    // here; that is not an unhandled rejection of the run. loaded() still fails on any read it awaits.
    read.catch(() => undefined);
    reads.push(read);
  });
  return { loaded: () => Promise.all(reads) };
}

const PAGE_CHUNK = /^(.+)\.route-[\w-]+\.js$/;

function pagesIn(scripts: LoadedScript[]): string[] {
  return scripts.flatMap((script) => PAGE_CHUNK.exec(script.name)?.[1] ?? []).sort();
}

describe.skipIf(!browserTestsCanRun())('Loading pages, production build in Chromium', () => {
  let browser: BrowserSession;
  let server: RunningServer;
  let page: Page;
  let pageErrors: string[];

  withBrowserAndServer((started, running) => {
    browser = started;
    server = running;
  });
  beforeEach(async () => {
    page = await browser.newPage();
    pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterEach(async () => {
    await page.close();
    expect(pageErrors).toEqual([]);
  });

  it('/sign-in downloads its own page code and no other page, compressed, without source maps', async () => {
    const scripts = recordScripts(page);
    const signIn = new SignInPage(page, server.url);
    await signIn.open('/sign-in');
    await signIn.title.waitFor();

    const loaded = await scripts.loaded();
    expect(pagesIn(loaded)).toEqual(['sign-in']);
    // Nor the domain's eligibility rules, which only the application and review pages run.
    expect(loaded.filter((script) => script.text.includes('AT_OR_BELOW_EXCLUSION')).map((s) => s.name)).toEqual([]);
    for (const script of loaded) {
      // Brotli whenever the browser accepts it (Chromium does not on plain-HTTP hosts), gzip otherwise.
      const expected = /\bbr\b/.test(script.acceptEncoding) ? 'br' : 'gzip';
      expect({ name: script.name, encoding: script.contentEncoding }).toEqual({
        name: script.name,
        encoding: expected,
      });
      expect(script.text).not.toMatch(/sourceMappingURL/);
    }
  });

  it('fetches the next page code on an in-app navigation, keeping the shell in place', async () => {
    const scripts = recordScripts(page);
    const signIn = new SignInPage(page, server.url);
    await signIn.open('/sign-in');
    await signIn.title.waitFor();
    const banner = await page.getByRole('banner').elementHandle();

    await signIn.header.root.getByRole('link', { name: 'Program rules' }).click();
    await new ProgramRulesPage(page, server.url).title.waitFor();

    expect(pagesIn(await scripts.loaded())).toEqual(['program-rules', 'sign-in']);
    // The same header element: the shell was not re-rendered from scratch around the new page.
    await expect.poll(() => banner?.evaluate((element) => element.isConnected), POLL).toBe(true);
  });

  it('keeps the header on screen while the first page loads, and then shows the page', async () => {
    const signIn = new SignInPage(page, server.url);
    // Hold the sign-in page's code until the shell is seen: the loading state must be inside it.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/sign-in\.route-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await signIn.open('/sign-in');

    await page.getByRole('banner').getByRole('link', { name: 'Recertify home' }).waitFor();
    const loading = page.getByRole('main').getByRole('status');
    await loading.filter({ hasText: 'Loading page…' }).waitFor();
    await expect.poll(() => page.getByRole('main').getAttribute('aria-busy'), POLL).toBe('true');

    release();
    await signIn.title.waitFor();
    await expect.poll(() => page.getByRole('main').getAttribute('aria-busy'), POLL).toBe('false');
  });
});
