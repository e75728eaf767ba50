import type { Locator, Page } from 'playwright-core';

/**
 * What every page of the app shares: opening a path, where we are, and the header.
 *
 * How page objects read (for every class under e2e/pages): a single element is a `Locator`, and
 * tests assert on it web-first, `await expect(locator).toHaveText(...)` (support/web-first.ts),
 * which reads again until the page agrees. What a page object composes from several elements (a
 * row as a record, a list of names) is a reader, an async method that returns what the page shows
 * *now* without waiting; tests assert on it with `await expect.poll(() => reader(), POLL)`. Never
 * `expect(await locator.innerText())`: right after a click or a navigation that reads the page
 * before it changes (lint forbids it in e2e/).
 */
export class AppPage {
  constructor(
    readonly page: Page,
    protected readonly baseUrl: string,
  ) {}

  /** Opens `path` of the app (the server's SPA fallback answers any path with the app). */
  async open(path: string): Promise<void> {
    await this.page.goto(new URL(path, this.baseUrl).href);
  }

  /** The path shown now: after a navigation, wait with `waitForPath` instead of reading it. */
  get pathname(): string {
    return new URL(this.page.url()).pathname;
  }

  /** The query shown now (a reader: poll it). */
  get search(): URLSearchParams {
    return new URL(this.page.url()).searchParams;
  }

  /** Waits until the app shows `pathname` (client-side navigations and full loads alike). */
  async waitForPath(pathname: string): Promise<void> {
    await this.page.waitForURL((url) => url.pathname === pathname);
  }

  get header(): AppHeader {
    return new AppHeader(this.page.getByRole('banner'));
  }
}

export class AppHeader {
  constructor(readonly root: Locator) {}

  /** A link of the main navigation, e.g. "Account". */
  link(name: string): Locator {
    return this.root.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  }

  /** The header's links, in order (a reader: poll it, as signing in or out changes them). */
  async navigation(): Promise<string[]> {
    return this.root.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts();
  }

  get signOutButton(): Locator {
    return this.root.getByRole('button', { name: 'Sign out', exact: true });
  }

  /** "Signed in as <name> <organization or role>", as the header says it (a reader: poll it). */
  async signedInAs(): Promise<{ name: string; affiliation: string }> {
    const who = this.root.getByText(/^Signed in as/).locator('..');
    const [names, affiliations] = await Promise.all([
      who.locator('.viewer-name').allInnerTexts(),
      who.locator('.viewer-affiliation').allInnerTexts(),
    ]);
    return { name: names.join(' | '), affiliation: affiliations.join(' | ') };
  }
}
