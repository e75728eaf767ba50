import type { EntityManager } from '@mikro-orm/knex';
import { defaultReturnSettings, type MarketplaceCode, type ReturnSettings, type SellerType } from '@recertify/domain';
import { Application } from '../applications/application.entity.js';
import { policyInForceAt } from '../applications/application-eligibility.js';
import { Marketplace } from '../marketplaces/marketplace.entity.js';
import { ReturnAddress } from './return-address.entity.js';
import { ReturnSettingsRecord } from './return-settings.entity.js';

/** What returns are judged by in one marketplace: its zone and the policy version's numbers. */
export interface MarketplaceReturnPolicy {
  readonly timeZone: string;
  readonly defaultReturnWindowDays: number;
  readonly transitAllowanceDays: number;
}

/** The marketplace's zone and the policy in force at `at` (CONFLICT when an admin has added none). */
export async function marketplaceReturnPolicy(
  em: EntityManager,
  marketplace: MarketplaceCode,
  at: Date,
): Promise<MarketplaceReturnPolicy> {
  const [market, policy] = await Promise.all([
    em.findOneOrFail(Marketplace, { code: marketplace }),
    policyInForceAt(em, marketplace, at),
  ]);
  return {
    timeZone: market.timeZone,
    defaultReturnWindowDays: policy.defaultReturnWindowDays,
    transitAllowanceDays: policy.transitAllowanceDays,
  };
}

/**
 * A seller's return settings in a marketplace as the domain reads them, with the seller type of its
 * newest application there (INDIVIDUAL when it never said: the manual default is the safe one).
 */
export async function sellerReturnSettings(
  em: EntityManager,
  organizationId: string,
  marketplace: MarketplaceCode,
): Promise<{ settings: ReturnSettings; rmaPrefix: string | null }> {
  const [record, sellerType] = await Promise.all([
    em.findOne(ReturnSettingsRecord, { organization: organizationId, marketplace }),
    sellerTypeIn(em, organizationId, marketplace),
  ]);
  if (!record) return { settings: defaultReturnSettings(sellerType), rmaPrefix: null };
  return {
    settings: {
      ...defaultReturnSettings(sellerType),
      automaticInPolicy: record.automaticInPolicy,
      automaticOutOfPolicy: record.automaticOutOfPolicy,
      prepaidExemptSkus: record.prepaidExemptSkus,
      exemptSkuAuthorization: record.exemptSkuAuthorization,
    },
    rmaPrefix: record.rmaPrefix,
  };
}

/** The seller type of the seller's newest application in a marketplace; INDIVIDUAL when it never said. */
export async function sellerTypeIn(
  em: EntityManager,
  organizationId: string,
  marketplace: MarketplaceCode,
): Promise<SellerType> {
  const application = await em.findOne(
    Application,
    { organization: organizationId, marketplace, sellerType: { $ne: null } },
    { orderBy: { createdAt: 'desc' }, fields: ['sellerType'] },
  );
  return application?.sellerType ?? 'INDIVIDUAL';
}

/** The seller's default return address; null when it has saved none. */
export function defaultReturnAddress(em: EntityManager, organizationId: string): Promise<ReturnAddress | null> {
  return em.findOne(
    ReturnAddress,
    { organization: organizationId, isDefault: true },
    { orderBy: { createdAt: 'asc' } },
  );
}
