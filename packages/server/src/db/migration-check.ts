import type { DatabaseConfig } from '../config.js';
import { createOrm, migrateToLatest, type Orm } from './orm.js';
import { createScratchDatabase } from './scratch-database.js';

/** Runs `work` on a new scratch database of `kind` with every committed migration applied. */
export async function withMigratedScratchDatabase<T>(
  kind: DatabaseConfig['kind'],
  work: (orm: Orm) => Promise<T>,
): Promise<T> {
  const scratch = await createScratchDatabase(kind, 'migrations');
  try {
    const orm = await createOrm({ database: scratch.database });
    try {
      await migrateToLatest(orm);
      return await work(orm);
    } finally {
      await orm.close();
    }
  } finally {
    await scratch.drop();
  }
}

/**
 * The SQL that would still be needed to bring a database migrated from the committed migrations
 * up to the entities; empty when every entity change has its migration.
 */
export function pendingSchemaChanges(kind: DatabaseConfig['kind']): Promise<string> {
  return withMigratedScratchDatabase(kind, async (orm) =>
    (await orm.schema.getUpdateSchemaSQL({ wrap: false, safe: false })).trim(),
  );
}
