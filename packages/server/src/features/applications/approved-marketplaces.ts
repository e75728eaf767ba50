import type { EntityManager } from '@mikro-orm/knex';
import { MARKETPLACE_CODES, type MarketplaceCode } from '@recertify/domain';
import { Application, MarketplaceApproval } from './application.entity.js';

/**
 * The marketplaces where a seller organization is approved: its direct approvals and those granted
 * through them (SPEC 3: approval in US also grants CA), in the program's order. Where its quality
 * dashboard answers (the dashboard refuses others with NOT_APPROVED).
 */
export async function approvedMarketplacesOf(em: EntityManager, organizationId: string): Promise<MarketplaceCode[]> {
  const [approvals, approved] = await Promise.all([
    em.find(MarketplaceApproval, { organization: organizationId }, { fields: ['marketplace'] }),
    em.find(Application, { organization: organizationId, status: 'APPROVED' }, { fields: ['marketplace'] }),
  ]);
  const codes = new Set([...approvals, ...approved].map((row) => row.marketplace));
  return MARKETPLACE_CODES.filter((code) => codes.has(code));
}
