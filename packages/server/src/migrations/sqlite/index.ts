// The SQLite migrations, in order. Maintained by `pnpm --filter @recertify/server migration:create`.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122025449_Initial } from './Migration20261122025449_Initial.js';

export const sqliteMigrations: MigrationObject[] = [
  { name: 'Migration20261122025449_Initial', class: Migration20261122025449_Initial },
];
