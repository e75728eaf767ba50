import type { Locator, Page } from 'playwright-core';

const DEFAULT_BADGE = 'program default';

/** The Program rules page as a user sees it: found by role and text, not by markup. */
export class ProgramRulesPage {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  /** Opens `path` of the app (the server's SPA fallback answers any path with the app). */
  async open(path = '/program-rules'): Promise<void> {
    await this.page.goto(new URL(path, this.baseUrl).href);
  }

  get pathname(): string {
    return new URL(this.page.url()).pathname;
  }

  get title(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Program rules' });
  }

  get cards(): Locator {
    return this.page.getByRole('article');
  }

  /** The card of one marketplace, by its name as its heading shows it (e.g. "Canada"). */
  marketplace(name: string): MarketplaceCard {
    return new MarketplaceCard(this.page.getByRole('article', { name }));
  }

  /** Card headings in page order, e.g. ["US United States", ...], once the cards are shown. */
  async marketplaceHeadings(): Promise<string[]> {
    await this.cards.first().waitFor();
    return (await this.cards.getByRole('heading', { level: 2 }).allInnerTexts()).map(normalize);
  }

  get emptyState(): Locator {
    return this.page.getByRole('heading', { name: 'No marketplaces yet' });
  }

  get errorState(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'The program rules could not be loaded' });
  }

  get tryAgainButton(): Locator {
    return this.errorState.getByRole('button', { name: 'Try again' });
  }

  get notFound(): Locator {
    return this.page.getByRole('heading', { name: 'Page not found' });
  }

  get programRulesLink(): Locator {
    return this.page.getByRole('main').getByRole('link', { name: 'program rules' });
  }
}

export class MarketplaceCard {
  constructor(readonly root: Locator) {}

  /** A parameter row, by the start of its label (e.g. "Warranty", "Qualifying purchases"). */
  parameter(label: string): Locator {
    return this.root
      .getByRole('row')
      .filter({ has: this.root.page().getByRole('rowheader', { name: new RegExp(`^${escapeRegExp(label)}`) }) });
  }

  /** What a parameter's value cell says, whitespace collapsed: the value, then any local-currency line. */
  async valueOf(label: string): Promise<string> {
    return normalize(await this.parameter(label).getByRole('cell').innerText());
  }

  /** Labels of the rows marked "program default", badge text left out, in table order. */
  async defaultedParameters(): Promise<string[]> {
    await this.root.waitFor();
    const headers = this.root.getByRole('rowheader').filter({ hasText: DEFAULT_BADGE });
    return (await headers.allInnerTexts()).map((text) => normalize(text.replace(DEFAULT_BADGE, '')));
  }

  /** The line naming the version in force, e.g. "Version 1, in force since Jan 1, 2024". */
  get versionInForce(): Locator {
    return this.root.getByText(/^Version \d+, in force since/);
  }

  get noPolicyNotice(): Locator {
    return this.root.getByText('No policy version is in force yet');
  }

  /** Opens the version history and returns its entries, newest first as listed. */
  async versionHistory(): Promise<string[]> {
    await this.root.getByText(/^Version history/).click();
    const entries = this.root.getByRole('group').getByRole('listitem');
    await entries.first().waitFor();
    return (await entries.allInnerTexts()).map(normalize);
  }
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
