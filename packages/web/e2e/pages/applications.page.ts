import type { Locator } from 'playwright-core';
import { AppPage } from './app.page.js';

/** /applications: one card per marketplace, with the seller's standing and applications there. */
export class ApplicationsPage extends AppPage {
  get title(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Applications' });
  }

  /** A marketplace's card by its code, e.g. "US" (the card's heading reads "US United States"). */
  marketplace(code: string): MarketplaceApplicationsCard {
    return new MarketplaceApplicationsCard(this.page.getByRole('article', { name: new RegExp(`^${code} `) }));
  }
}

export class MarketplaceApplicationsCard {
  constructor(readonly root: Locator) {}

  /** "Not approved yet", "Approved since …" or "Approved through your US approval, since …". */
  get approvalLine(): Locator {
    return this.root.getByText(/^(Not approved yet|Approved )/);
  }

  get startButton(): Locator {
    return this.root.getByRole('button', { name: 'Start an application', exact: true });
  }

  /** The application rows, each "<status> <facts> …", whitespace collapsed (a reader: poll it). */
  async applications(): Promise<string[]> {
    const rows = this.root.getByRole('list', { name: /^Applications in / }).getByRole('listitem');
    return (await rows.allInnerTexts()).map(normalize);
  }
}

/** /applications/:id: where one application stands. */
export class SellerApplicationPage extends AppPage {
  get title(): Locator {
    return this.page.getByRole('heading', { level: 1, name: /^Application to sell Renewed in / });
  }

  /** The notice shown right after submitting. */
  get submittedNotice(): Locator {
    return this.page.getByRole('status').filter({ hasText: /^Submitted\. A reviewer will decide by / });
  }

  get standing(): Locator {
    return this.page.getByRole('region', { name: 'Where it stands', exact: true });
  }

  /** The value of a line of "Where it stands" by its term, e.g. "Status" -> "Submitted". */
  fact(term: 'Marketplace' | 'Status' | 'Submitted' | 'Decision due' | 'Decided' | 'Evidence'): Locator {
    return this.standing
      .locator('dl > div')
      .filter({ has: this.page.getByText(term, { exact: true }) })
      .getByRole('definition');
  }

  /** The Approval card's lines, e.g. "US United States: approved on …" (a reader: poll it). */
  async approvals(): Promise<string[]> {
    const items = this.page.getByRole('region', { name: 'Approval', exact: true }).getByRole('listitem');
    return (await items.allInnerTexts()).map(normalize);
  }
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
