import type { Locator } from 'playwright-core';
import { ApiKeysSection } from './account.page.js';
import { AppPage } from './app.page.js';

/** /admin/ingestion-keys: the keys the marketplace's own systems ingest quality data with (admins). */
export class IngestionKeysPage extends AppPage {
  get title(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Ingestion keys' });
  }

  /** The keys of one marketplace systems organization, e.g. "Marketplace Systems". */
  keysOf(organization: string): ApiKeysSection {
    return new ApiKeysSection(this.page.getByRole('region', { name: `Keys of ${organization}`, exact: true }));
  }
}
