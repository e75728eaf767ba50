import type { EntityManager } from '@mikro-orm/knex';
import {
  MARKETPLACES,
  policyInForce,
  type MarketplaceCode,
  type PolicyVersion as DomainPolicyVersion,
} from '@recertify/domain';
import { Marketplace } from '../../marketplaces/marketplace.entity.js';
import { PolicyVersion } from '../../marketplaces/policy-version.entity.js';

/**
 * The marketplaces and their policy versions, read once for a run of evaluations (the daily job
 * evaluates every seller with the same few rows): the zone a day is counted in and the version in
 * force on the evaluated day.
 */
export class QualityPolicies {
  private constructor(
    private readonly zones: ReadonlyMap<MarketplaceCode, string>,
    private readonly versions: readonly DomainPolicyVersion[],
  ) {}

  static async load(em: EntityManager): Promise<QualityPolicies> {
    const [marketplaces, versions] = await Promise.all([em.find(Marketplace, {}), em.find(PolicyVersion, {})]);
    return new QualityPolicies(
      new Map(marketplaces.map((m) => [m.code, m.timeZone])),
      versions.map((v) => v.toDomain()),
    );
  }

  get marketplaces(): MarketplaceCode[] {
    return [...this.zones.keys()];
  }

  timeZone(code: MarketplaceCode): string {
    return this.zones.get(code) ?? MARKETPLACES[code].timeZone;
  }

  /** The version in force in `code` at `at`; the domain's NO_POLICY_IN_FORCE before the first one. */
  at(code: MarketplaceCode, at: Date): DomainPolicyVersion {
    return policyInForce(this.versions, code, at);
  }
}
