import type { Locator } from 'playwright-core';
import { AppPage } from './app.page.js';

/** /review: submitted applications, oldest due first. */
export class ReviewQueuePage extends AppPage {
  get title(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Review queue' });
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: /^Applications waiting for a decision/ });
  }

  /** A seller's row, by the seller's name in its row header. */
  row(seller: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: seller, exact: true }) });
  }

  /**
   * One row as {column header: cell text}: Seller, Marketplace, Submitted, Due, Checks, Apple,
   * Claimed by (a reader: poll it).
   */
  async application(seller: string): Promise<Record<string, string>> {
    const row = this.row(seller);
    const headers = (await this.table.locator('thead th').allTextContents()).map((h) => h.trim());
    const cells = (await row.locator('th, td').allInnerTexts()).map(normalize);
    return Object.fromEntries(headers.map((header, index) => [header, cells[index] ?? '']));
  }

  /** Opens the seller's application from its row. */
  async openApplication(seller: string): Promise<void> {
    await this.row(seller).getByRole('link', { name: seller, exact: true }).click();
  }
}

/** /review/:id: the evidence, the claim and the decision. */
export class ReviewApplicationPage extends AppPage {
  /**
   * "<seller> <marketplace>", e.g. "Ellis Refurb 1a2b US". Any main heading: right after the queue
   * links here it is still the queue's, so assert on it web-first.
   */
  get title(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The value of a fact of the header by its term, e.g. "Status" -> "In review". */
  fact(term: 'Status' | 'Submitted' | 'Decision due' | 'Claimed by' | 'Apple-brand approval'): Locator {
    return this.page
      .getByRole('article')
      .locator('header dl > div')
      .filter({ has: this.page.getByText(term, { exact: true }) })
      .getByRole('definition');
  }

  get claimButton(): Locator {
    return this.page.getByRole('button', { name: 'Claim', exact: true });
  }

  get releaseButton(): Locator {
    return this.page.getByRole('button', { name: 'Release', exact: true });
  }

  /** Claims the application and waits until it is the viewer's (a Release button replaces Claim). */
  async claim(): Promise<void> {
    await this.claimButton.click();
    await this.releaseButton.waitFor();
  }

  get decisionPanel(): Locator {
    return this.page.getByRole('region', { name: 'Decision', exact: true });
  }

  /** Chooses Approve, sends it, and waits for the panel to say it is recorded. */
  async approve(): Promise<void> {
    await this.decisionPanel.getByRole('radio', { name: 'Approve', exact: true }).check();
    await this.decisionPanel.getByRole('button', { name: 'Approve', exact: true }).click();
    await this.decidedNotice.waitFor();
  }

  /** The notice the panel shows once a decision is recorded. */
  get decidedNotice(): Locator {
    return this.decisionPanel.getByRole('status').filter({ hasText: /^(Approved|Rejected|Information requested)\./ });
  }

  /** Problems the decision panel or the claim controls report. */
  get alerts(): Locator {
    return this.page.getByRole('main').getByRole('alert');
  }
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
