import type { EntityManager } from '@mikro-orm/knex';
import { MARKETPLACE_CODES, type MarketplaceCode } from '@recertify/domain';
import { Application } from './application.entity.js';

/**
 * The marketplaces where a seller organization has an approved application: where its quality
 * dashboard answers (the dashboard refuses others with NOT_APPROVED), in the program's order.
 */
export async function approvedMarketplacesOf(em: EntityManager, organizationId: string): Promise<MarketplaceCode[]> {
  const approved = await em.find(
    Application,
    { organization: organizationId, status: 'APPROVED' },
    { fields: ['marketplace'] },
  );
  const codes = new Set(approved.map((application) => application.marketplace));
  return MARKETPLACE_CODES.filter((code) => codes.has(code));
}
