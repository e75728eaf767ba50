import type { Locator, Page } from 'playwright-core';

/** What every page of the app shares: opening a path, where we are, and the header. */
export class AppPage {
  constructor(
    readonly page: Page,
    protected readonly baseUrl: string,
  ) {}

  /** Opens `path` of the app (the server's SPA fallback answers any path with the app). */
  async open(path: string): Promise<void> {
    await this.page.goto(new URL(path, this.baseUrl).href);
  }

  get pathname(): string {
    return new URL(this.page.url()).pathname;
  }

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

  /** The header's links, in order, once the viewer is known (a "Sign in" link or a sign-out button shows). */
  async navigation(): Promise<string[]> {
    await this.root
      .getByRole('link', { name: 'Sign in', exact: true })
      .or(this.root.getByRole('button', { name: 'Sign out', exact: true }))
      .waitFor();
    return this.root.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts();
  }

  get signOutButton(): Locator {
    return this.root.getByRole('button', { name: 'Sign out', exact: true });
  }

  /** "Signed in as <name> <organization or role>", as the header says it. */
  async signedInAs(): Promise<{ name: string; affiliation: string }> {
    const who = this.root.getByText(/^Signed in as/).locator('..');
    await who.waitFor();
    const [name, affiliation] = await Promise.all([
      who.locator('.viewer-name').innerText(),
      who.locator('.viewer-affiliation').innerText(),
    ]);
    return { name, affiliation };
  }
}
