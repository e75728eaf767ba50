import type { EntityManager } from '@mikro-orm/knex';
import { MARKETPLACE_CODES, policyInForce, type MarketplaceCode } from '@recertify/domain';
import { ExchangeRate } from './exchange-rate.entity.js';
import { Marketplace } from './marketplace.entity.js';
import type { PolicyVersion } from './policy-version.entity.js';

const MARKETPLACE_ORDER: readonly MarketplaceCode[] = MARKETPLACE_CODES;

export class MarketplaceService {
  constructor(private readonly em: EntityManager) {}

  /** Every marketplace with its policy versions, in one round of queries whatever the count. */
  async listMarketplaces(): Promise<Marketplace[]> {
    const marketplaces = await this.em.find(
      Marketplace,
      {},
      { populate: ['policyVersions'], orderBy: { policyVersions: { version: 'desc' } } },
    );
    return marketplaces.sort((a, b) => MARKETPLACE_ORDER.indexOf(a.code) - MARKETPLACE_ORDER.indexOf(b.code));
  }

  async findMarketplace(code: MarketplaceCode): Promise<Marketplace | null> {
    return this.em.findOne(
      Marketplace,
      { code },
      { populate: ['policyVersions'], orderBy: { policyVersions: { version: 'desc' } } },
    );
  }

  /** Newest first. */
  async policyVersions(marketplace: Marketplace): Promise<PolicyVersion[]> {
    const versions = await marketplace.policyVersions.load();
    return [...versions].sort((a, b) => b.version - a.version);
  }

  /** The version in force at `at`, or null before the marketplace's first version. */
  async policyInForce(marketplace: Marketplace, at: Date): Promise<PolicyVersion | null> {
    const versions = await this.policyVersions(marketplace);
    const inForce = versions.filter((v) => v.effectiveFrom.getTime() <= at.getTime());
    if (inForce.length === 0) return null;
    // The domain rule decides; the entity is looked up by the version number it picks.
    const chosen = policyInForce(
      inForce.map((v) => v.toDomain()),
      marketplace.code,
      at,
    );
    return inForce.find((v) => v.version === chosen.version) ?? null;
  }

  /** Every dated exchange rate, oldest first (a small admin-managed table). */
  async exchangeRates(): Promise<ExchangeRate[]> {
    return this.em.find(ExchangeRate, {}, { orderBy: { validFrom: 'asc', base: 'asc', quote: 'asc' } });
  }
}
