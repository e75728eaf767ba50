import type { EntityManager } from '@mikro-orm/knex';
import type { MarketplaceCode } from '@recertify/domain';
import { Role } from '../../accounts/accounts.enums.js';
import { Organization } from '../../accounts/organization.entity.js';
import { User } from '../../accounts/user.entity.js';
import { MarketplaceApproval } from '../../applications/application.entity.js';

/**
 * Who hears about the seller's quality in a marketplace: the contact of the application its
 * approval there came from (CA through US: the US application's contact), else the seller's
 * oldest account. Null for a seller with neither (its changes are still audited).
 */
export async function sellerQualityRecipient(
  em: EntityManager,
  sellerId: string,
  marketplace: MarketplaceCode,
): Promise<{ email: string; name: string } | null> {
  const approval = await em.findOne(
    MarketplaceApproval,
    { organization: sellerId, marketplace },
    { populate: ['application'] },
  );
  const application = approval?.application.getEntity();
  if (application?.contactEmail) {
    return { email: application.contactEmail, name: application.legalName || application.contactName };
  }
  const user = await em.findOne(
    User,
    { organization: sellerId, role: Role.SELLER },
    { orderBy: { createdAt: 'asc' }, fields: ['email', 'displayName'] },
  );
  if (!user) return null;
  const organization = await em.findOne(Organization, sellerId);
  return { email: user.email, name: organization?.name ?? user.displayName };
}
