import type { Locator } from 'playwright-core';
import { expect } from 'vitest';
import { AppPage } from './app.page.js';

export class AccountPage extends AppPage {
  get title(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Account' });
  }

  section(name: 'Profile' | 'People' | 'API keys' | 'API keys for providers' | 'Sessions'): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  /** The value of a profile line by its term, e.g. "Role" -> "Reviewer". */
  profile(term: string): Locator {
    return this.section('Profile')
      .locator('dl > div')
      .filter({ has: this.page.getByText(term, { exact: true }) })
      .locator('dd');
  }

  /** The headings of the sections shown, in order (a reader: poll it). */
  async sectionTitles(): Promise<string[]> {
    return this.page.getByRole('main').getByRole('heading', { level: 2 }).allInnerTexts();
  }

  get apiKeys(): ApiKeysSection {
    return new ApiKeysSection(this.section('API keys'));
  }

  get providerKeys(): ApiKeysSection {
    return new ApiKeysSection(this.section('API keys for providers'));
  }

  get people(): PeopleSection {
    return new PeopleSection(this.section('People'));
  }
}

/** A row of a data table as {column header: cell text}, the row header included (a reader: poll it). */
async function rowAsRecord(table: Locator, row: Locator): Promise<Record<string, string>> {
  // textContent: innerText would carry the headers' CSS upper-casing.
  const headers = (await table.locator('thead th').allTextContents()).map((h) => h.trim());
  const cells = (await row.locator('th, td').allInnerTexts()).map((c) => c.replace(/\s+/g, ' ').trim());
  return Object.fromEntries(headers.map((header, index) => [header, cells[index] ?? '']));
}

export class ApiKeysSection {
  constructor(readonly root: Locator) {}

  get table(): Locator {
    return this.root.getByRole('table');
  }

  get emptyState(): Locator {
    return this.root.getByRole('heading', { name: 'No API keys yet' });
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.root.page().getByRole('rowheader', { name, exact: true }) });
  }

  /** One key's row as the table shows it: Name, Key, Scopes, Created, Last used, Status (a reader: poll it). */
  async key(name: string): Promise<Record<string, string>> {
    return rowAsRecord(this.table, this.row(name));
  }

  /** Chooses the provider whose keys are shown (admins). */
  async chooseProvider(name: string): Promise<void> {
    await this.root.getByLabel('Provider', { exact: true }).selectOption({ label: name });
  }

  get providerChoice(): Locator {
    return this.root.getByLabel('Provider', { exact: true });
  }

  scope(label: string): Locator {
    return this.root.getByRole('checkbox', { name: label, exact: true });
  }

  async create(name: string, scopes: string[]): Promise<void> {
    const form = this.root.getByRole('form', { name: 'Create an API key' });
    await form.getByLabel('Key name', { exact: true }).fill(name);
    for (const scope of scopes) await this.scope(scope).check();
    await form.getByRole('button', { name: 'Create key', exact: true }).click();
  }

  get secretBox(): Locator {
    return this.root.getByRole('region', { name: /^Your new API key/ });
  }

  get secretInput(): Locator {
    return this.secretBox.getByLabel('New API key', { exact: true });
  }

  /** The secret from the box that shows it once, as soon as it shows one. */
  async newSecret(): Promise<string> {
    await expect(this.secretInput).toHaveValue(/\S/);
    return this.secretInput.inputValue();
  }

  async copySecret(): Promise<void> {
    await this.secretBox.getByRole('button', { name: 'Copy', exact: true }).click();
  }

  /** What the box says after Copy, e.g. "Copied to the clipboard.". */
  get copyOutcome(): Locator {
    return this.secretBox.getByRole('status');
  }

  async dismissSecret(): Promise<void> {
    await this.secretBox.getByRole('button', { name: 'I have stored the key' }).click();
  }

  /** Revoke, then confirm. */
  async revoke(name: string): Promise<void> {
    await this.row(name)
      .getByRole('button', { name: `Revoke ${name}`, exact: true })
      .click();
    await this.row(name).getByRole('button', { name: 'Yes, revoke', exact: true }).click();
    await this.row(name)
      .getByText(/^Revoked /)
      .waitFor();
  }
}

export class PeopleSection {
  constructor(readonly root: Locator) {}

  get table(): Locator {
    return this.root.getByRole('table');
  }

  /** Names in the list, in order ("you" badge included for oneself) (a reader: poll it). */
  async names(): Promise<string[]> {
    return (await this.table.getByRole('rowheader').allInnerTexts()).map((n) => n.replace(/\s+/g, ' ').trim());
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.root.page().getByRole('rowheader', { name }) });
  }

  async add(email: string, name: string): Promise<void> {
    const form = this.root.getByRole('form', { name: 'Add a colleague' });
    await form.getByLabel("Colleague's email", { exact: true }).fill(email);
    await form.getByLabel("Colleague's name", { exact: true }).fill(name);
    await form.getByRole('button', { name: 'Add colleague', exact: true }).click();
  }

  get notice(): Locator {
    return this.root.getByRole('status');
  }

  async remove(name: string): Promise<void> {
    await this.row(name)
      .getByRole('button', { name: `Remove ${name}`, exact: true })
      .click();
    await this.row(name).getByRole('button', { name: 'Yes, remove', exact: true }).click();
    await this.row(name).waitFor({ state: 'detached' });
  }
}
