import type { Download, Locator } from 'playwright-core';
import { AppPage } from './app.page.js';

/** /returns: the seller's returns queue, its filters, selection and bulk actions. */
export class ReturnsQueuePage extends AppPage {
  get title(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Returns' });
  }

  get filters(): Locator {
    return this.page.getByRole('search', { name: 'Filter the returns' });
  }

  /** A filter chip, e.g. chip('State', 'Requested'); its name starts with the label and ends with its count. */
  chip(group: 'State' | 'Policy' | 'Marketplace' | 'Due', label: string): Locator {
    return this.filters
      .getByRole('group', { name: group, exact: true })
      .getByRole('button', { name: new RegExp(`^${escape(label)}(: \\d+)?$`) });
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Return requests' });
  }

  /** The row of an order, by the order id in its row header. */
  row(orderId: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader').getByRole('link', { name: orderId, exact: true }) });
  }

  /** The row's checkbox (the header has one for the whole page). */
  checkbox(orderId: string): Locator {
    return this.table.getByRole('checkbox', { name: `Select the return of order ${orderId}`, exact: true });
  }

  get pageCheckbox(): Locator {
    return this.table.getByRole('checkbox', { name: 'Select every return on this page', exact: true });
  }

  get bulkActions(): Locator {
    return this.page.getByRole('group', { name: 'Bulk actions', exact: true });
  }

  get selectedCount(): Locator {
    return this.bulkActions.locator('.rt-bulk-count');
  }

  get authorizeSelectedButton(): Locator {
    return this.bulkActions.getByRole('button', { name: 'Authorize selected', exact: true });
  }

  async closeSelected(reason: string): Promise<void> {
    await this.bulkActions.getByRole('combobox', { name: 'Close reason' }).selectOption({ label: reason });
    await this.bulkActions.getByRole('button', { name: 'Close selected', exact: true }).click();
  }

  /** The line that sums up the last bulk action, e.g. "1 return authorized; 1 could not be: its row says why." */
  get bulkSummary(): Locator {
    return this.page.locator('.rt-bulk-summary');
  }

  /** The result cell of a row after a bulk action: "Authorized · RMA …" or the refusal. */
  result(orderId: string): Locator {
    return this.row(orderId).locator('.rt-result');
  }

  /** The state badge of a row. */
  state(orderId: string): Locator {
    return this.row(orderId).locator('.rt-state-badge');
  }

  async openReturn(orderId: string): Promise<void> {
    await this.row(orderId).getByRole('link', { name: orderId, exact: true }).click();
  }
}

/** /returns/:id: one return, its authorization, downloads, messages and closing. */
export class ReturnDetailPage extends AppPage {
  /** "Return of order <id>": assert on it web-first, right after the queue it is still the queue's. */
  get title(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The value of a fact of the header, e.g. fact('State') -> "Authorized". */
  fact(term: 'State' | 'Marketplace' | 'Requested' | 'RMA' | 'Deadline' | 'Closed as'): Locator {
    return this.page
      .locator('.rt-facts > div')
      .filter({ has: this.page.getByText(term, { exact: true }) })
      .getByRole('definition');
  }

  get authorization(): Locator {
    return this.page.getByRole('region', { name: 'Authorization', exact: true });
  }

  get labelLink(): Locator {
    return this.page.getByRole('link', { name: 'Download the return label (PDF)', exact: true });
  }

  get packingSlipLink(): Locator {
    return this.page.getByRole('link', { name: 'Download the packing slip (PDF)', exact: true });
  }

  /** Clicks a download link and resolves with the download the browser received. */
  async download(link: Locator): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), link.click()]);
    return download;
  }

  get messages(): Locator {
    return this.page.getByRole('list', { name: 'Messages with the buyer', exact: true }).getByRole('listitem');
  }

  async reply(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Reply to the buyer', exact: true }).fill(text);
    await this.page.getByRole('button', { name: 'Send reply', exact: true }).click();
  }

  get replySent(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'Reply sent.' });
  }

  get closePanel(): Locator {
    return this.page.getByRole('region', { name: 'Close', exact: true });
  }

  async close(reason: string): Promise<void> {
    await this.closePanel.getByRole('combobox', { name: 'Reason', exact: true }).selectOption({ label: reason });
    await this.closePanel.getByRole('button', { name: 'Close return', exact: true }).click();
  }

  get backToQueue(): Locator {
    return this.page.getByRole('link', { name: '← Returns', exact: true });
  }

  get alerts(): Locator {
    return this.page.getByRole('main').getByRole('alert');
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
