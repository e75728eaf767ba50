import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { Organization } from '../features/accounts/organization.entity.js';

/**
 * Holds the organization's row until the transaction ends, so that two changes of one
 * organization's rows that read before they write (its upload quota, its default return address)
 * run one after the other. PostgreSQL only: SQLite has one writer. Call it first in a transaction.
 */
export async function lockOrganization(em: EntityManager, organizationId: string): Promise<void> {
  if (!(em.getPlatform() instanceof PostgreSqlPlatform)) return;
  await em.findOneOrFail(
    Organization,
    { id: organizationId },
    { lockMode: LockMode.PESSIMISTIC_WRITE, fields: ['id'], refresh: true },
  );
}
