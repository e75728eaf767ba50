// The SQLite migrations, in order. Maintained by `pnpm --filter @recertify/server migration:create`.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122025449_Initial } from './Migration20261122025449_Initial.js';
import { Migration20261122030228_Accounts } from './Migration20261122030228_Accounts.js';

export const sqliteMigrations: MigrationObject[] = [
  { name: 'Migration20261122025449_Initial', class: Migration20261122025449_Initial },
  { name: 'Migration20261122030228_Accounts', class: Migration20261122030228_Accounts },
];
