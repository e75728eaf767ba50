import type { Locator } from 'playwright-core';
import { AppPage } from './app.page.js';

/** /review/seller-health: sellers at risk or suspended, suspend and reinstate with a reason. */
export class SellerHealthPage extends AppPage {
  get title(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Seller health' });
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: /^Sellers at risk or suspended/ });
  }

  /** A seller's row, by the seller's name in its row header. */
  row(seller: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: seller, exact: true }) });
  }

  /** The seller's standing as its row shows it ("Suspended since …"), or null without a row (a reader: poll it). */
  async standing(seller: string): Promise<string | null> {
    const row = this.row(seller);
    if ((await row.count()) === 0) return null;
    const [standing] = await row.locator('td').nth(1).allInnerTexts();
    return (standing ?? '').replace(/\s+/g, ' ').trim();
  }

  /** Opens the reinstate (or suspend) form under the seller's row. */
  async openStandingChange(seller: string): Promise<void> {
    await this.row(seller)
      .getByRole('button', { name: /^(Reinstate|Suspend)…/ })
      .click();
  }

  get form(): Locator {
    return this.page.getByRole('form', { name: /^(Reinstate|Suspend) / });
  }

  get reason(): Locator {
    return this.form.getByLabel('Reason (emailed to the seller)');
  }

  get formAlert(): Locator {
    return this.form.getByRole('alert');
  }

  /** The column header that orders the list by its figure, e.g. "ODR". */
  sortHeader(column: 'Standing' | 'RQS' | 'ODR' | 'Rating'): Locator {
    return this.table
      .getByRole('columnheader')
      .filter({ has: this.page.getByRole('button', { name: new RegExp(`^${column} `) }) });
  }

  /** The seller's link to its quality dashboard, in its row header. */
  sellerLink(seller: string): Locator {
    return this.row(seller).getByRole('link', { name: seller, exact: true });
  }

  get marketplaceFilter(): Locator {
    return this.page.getByLabel('Marketplace', { exact: true });
  }

  /** The sellers' names, in the order the list shows them (a reader: poll it). */
  async sellers(): Promise<string[]> {
    return this.table.getByRole('rowheader').allInnerTexts();
  }
}
