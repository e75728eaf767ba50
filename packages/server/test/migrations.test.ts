import { describe, expect, it } from 'vitest';
import { pendingSchemaChanges } from '../src/db/migration-check.js';
import { testDatabaseKind } from './support/test-app.js';

describe('committed migrations', () => {
  it('cover every entity: a database migrated from them needs no further change', async () => {
    expect(await pendingSchemaChanges(testDatabaseKind())).toBe('');
  });
});
