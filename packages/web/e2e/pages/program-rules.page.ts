import type { Locator } from 'playwright-core';
import { AppPage } from './app.page.js';

const DEFAULT_BADGE = 'program default';

/** The Program rules page as a user sees it: found by role and text, not by markup. */
export class ProgramRulesPage extends AppPage {
  /** Opens `path` of the app (the server's SPA fallback answers any path with the app). */
  override async open(path = '/program-rules'): Promise<void> {
    await super.open(path);
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

  /** Card headings in page order, e.g. ["US United States", ...] (a reader: poll it). */
  async marketplaceHeadings(): Promise<string[]> {
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

  /** A parameter's value cell: the value, then any local-currency line. */
  valueOf(label: string): Locator {
    return this.parameter(label).getByRole('cell');
  }

  /** Labels of the rows marked "program default", badge text left out, in table order (a reader: poll it). */
  async defaultedParameters(): Promise<string[]> {
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

  async openVersionHistory(): Promise<void> {
    await this.root.getByText(/^Version history/).click();
  }

  /** The version history's entries, newest first as listed, once opened (a reader: poll it). */
  async versionHistory(): Promise<string[]> {
    const entries = this.root.getByRole('group').getByRole('listitem');
    return (await entries.allInnerTexts()).map(normalize);
  }
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
