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

  get settingsLink(): Locator {
    return this.page.getByRole('link', { name: 'Return settings', exact: true });
  }
}

/** A return address as the settings form takes it. */
export interface AddressFields {
  readonly name: string;
  readonly line1: string;
  readonly city: string;
  readonly region: string;
  readonly postalCode: string;
  readonly country: string;
}

/** /returns/settings: authorization and RMA format per marketplace, saved addresses, emails. */
export class ReturnSettingsPage extends AppPage {
  get title(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Return settings' });
  }

  private get authorization(): Locator {
    return this.page.getByRole('region', { name: 'Authorization and RMA numbers', exact: true });
  }

  get marketplace(): Locator {
    return this.authorization.getByRole('combobox', { name: 'Marketplace', exact: true });
  }

  get rmaPrefix(): Locator {
    return this.authorization.getByRole('textbox', { name: 'RMA prefix', exact: true });
  }

  /** The message under the RMA prefix field. */
  get rmaPrefixError(): Locator {
    const field = this.page.getByRole('textbox', { name: 'RMA prefix', exact: true });
    return this.authorization.locator('.field').filter({ has: field }).locator('.field-error');
  }

  get outOfPolicyAutomatic(): Locator {
    return this.authorization.getByRole('checkbox', { name: /^Authorize out-of-policy requests automatically/ });
  }

  async saveSettings(): Promise<void> {
    await this.authorization.getByRole('button', { name: 'Save settings', exact: true }).click();
  }

  get settingsSaved(): Locator {
    return this.authorization.getByRole('status').filter({ hasText: 'Settings saved.' });
  }

  private get addresses(): Locator {
    return this.page.getByRole('region', { name: 'Return addresses', exact: true });
  }

  /** The saved address whose line starts with `name`. */
  address(name: string): Locator {
    return this.addresses
      .getByRole('list', { name: 'Saved return addresses' })
      .getByRole('listitem')
      .filter({ hasText: new RegExp(`^${escape(name)},`) });
  }

  get savedAddresses(): Locator {
    return this.addresses.getByRole('list', { name: 'Saved return addresses' }).getByRole('listitem');
  }

  async addAddress(fields: AddressFields): Promise<void> {
    const form = this.addresses.getByRole('form', { name: 'Add a return address' });
    await form.getByRole('textbox', { name: 'Addressee', exact: true }).fill(fields.name);
    await form.getByRole('textbox', { name: 'Street and number', exact: true }).fill(fields.line1);
    await form.getByRole('textbox', { name: 'City', exact: true }).fill(fields.city);
    await form.getByRole('textbox', { name: 'State, province or region', exact: true }).fill(fields.region);
    await form.getByRole('textbox', { name: 'Postal code', exact: true }).fill(fields.postalCode);
    await form.getByRole('textbox', { name: 'Country code', exact: true }).fill(fields.country);
    await form.getByRole('button', { name: 'Add address', exact: true }).click();
  }

  async makeDefault(name: string): Promise<void> {
    await this.addresses.getByRole('button', { name: `Make ${name} the default`, exact: true }).click();
  }

  /** Removes an address: "Remove", then the confirming "Remove <name>". */
  async remove(name: string): Promise<void> {
    await this.address(name)
      .getByRole('button', { name: `Remove ${name}`, exact: true })
      .click();
    await this.addresses
      .getByRole('group', { name: `Remove ${name}?`, exact: true })
      .getByRole('button', { name: `Remove ${name}`, exact: true })
      .click();
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

  /** Authorizes with a generated RMA to one of the saved (not default) addresses, by its line as listed. */
  async authorizeToSavedAddress(addressLine: string): Promise<void> {
    const panel = this.page.getByRole('region', { name: 'Authorize', exact: true });
    await panel.getByRole('radio', { name: 'One of my saved addresses', exact: true }).check();
    await panel.getByRole('combobox', { name: 'Saved address', exact: true }).selectOption({ label: addressLine });
    await panel.getByRole('button', { name: 'Authorize return', exact: true }).click();
  }

  /** "Sent back to: …" once authorized. */
  get sentBackTo(): Locator {
    return this.page.getByText(/^Sent back to: /);
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** /admin/return-windows: the categories' own return windows per marketplace (admins). */
export class ReturnWindowsAdminPage extends AppPage {
  get title(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Return windows' });
  }

  get marketplace(): Locator {
    return this.page.getByRole('combobox', { name: 'Marketplace', exact: true });
  }

  /** The row of a category in the marketplace's table. */
  row(category: string): Locator {
    return this.page
      .getByRole('table')
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: category, exact: true }) });
  }

  get emptyState(): Locator {
    return this.page.getByRole('heading', { name: /^No category has its own window in / });
  }

  private get form(): Locator {
    return this.page.getByRole('form', { name: "Set a category's window" });
  }

  async setWindow(category: string, days: string): Promise<void> {
    await this.form.getByRole('textbox', { name: 'Category', exact: true }).fill(category);
    await this.form.getByRole('textbox', { name: 'Return window (days)', exact: true }).fill(days);
    await this.form.getByRole('button', { name: 'Save window', exact: true }).click();
  }

  /** The message under the days field. */
  get daysError(): Locator {
    const field = this.page.getByRole('textbox', { name: 'Return window (days)', exact: true });
    return this.form.locator('.field').filter({ has: field }).locator('.field-error');
  }

  get saved(): Locator {
    return this.form.getByRole('status');
  }

  async remove(category: string): Promise<void> {
    await this.row(category)
      .getByRole('button', { name: `Remove the window of ${category}`, exact: true })
      .click();
  }
}
