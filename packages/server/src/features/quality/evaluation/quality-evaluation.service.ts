import type { MarketplaceCode } from '@recertify/domain';
import { requireUser } from '../../../auth/permissions.js';
import type { Principal } from '../../../auth/principal.js';
import { badInput, notFound } from '../../../errors/app-error.js';
import type { ServiceDependencies } from '../../../services.js';
import { Role } from '../../accounts/accounts.enums.js';
import { Organization } from '../../accounts/organization.entity.js';
import { OrganizationKind } from '../../accounts/accounts.enums.js';
import { QualityPolicies } from './quality-policies.js';
import { recordSellerEvaluation, type QualityAction } from './record-seller-evaluation.js';
import type { SellerQualityStandingRecord } from './seller-quality-standing.entity.js';
import { SellerQualityType } from './seller-quality.types.js';

/**
 * Evaluation on demand: a reviewer evaluates any seller now; a seller refreshes its own figures.
 * The same use case as the daily job's, as at now, in one transaction.
 */
export class QualityEvaluationService {
  constructor(private readonly deps: ServiceDependencies) {}

  async evaluateNow(
    principal: Principal,
    input: { sellerId?: string | null; marketplace: MarketplaceCode },
  ): Promise<SellerQualityType> {
    const me = requireUser(principal, Role.SELLER, Role.REVIEWER, Role.ADMIN);
    let sellerId = input.sellerId ?? null;
    if (me.role === Role.SELLER) {
      // A seller evaluates itself only; another seller's id is answered as if it did not exist.
      if (sellerId && sellerId !== me.organizationId) throw notFound('The seller');
      sellerId = me.organizationId;
    }
    if (!sellerId) throw badInput([{ field: 'sellerId', message: 'name the seller to evaluate' }]);
    return this.act(principal, sellerId, input.marketplace, { kind: 'EVALUATE' });
  }

  /** Loads the seller, applies the action in a transaction, and answers the standing as it now is. */
  async act(
    principal: Principal,
    sellerId: string,
    marketplace: MarketplaceCode,
    action: QualityAction,
  ): Promise<SellerQualityType> {
    const { em, config, now } = this.deps;
    const seller = await em.findOne(Organization, { id: sellerId, kind: OrganizationKind.SELLER });
    if (!seller) throw notFound('The seller');
    const standing = await em.transactional(async (tx) =>
      recordSellerEvaluation(tx, { sellerId, marketplace }, action, {
        policies: await QualityPolicies.load(tx),
        publicUrl: config.publicUrl,
        principal,
        at: now(),
      }),
    );
    return sellerQualityOf(standing, seller);
  }
}

export function sellerQualityOf(standing: SellerQualityStandingRecord, seller: Organization): SellerQualityType {
  return new SellerQualityType({
    id: standing.id,
    seller,
    marketplace: standing.marketplace,
    standing: standing.standing,
    since: standing.since,
    reason: standing.reason,
    changedByName: standing.changedByName,
    breaches: standing.breaches,
    evaluatedOn: standing.evaluatedOn,
    rqsOrders: standing.rqsOrders,
    rqsDefectiveOrders: standing.rqsDefectiveOrders,
    rqsBps: standing.rqsBps,
    odrOrders: standing.odrOrders,
    odrDefectiveOrders: standing.odrDefectiveOrders,
    odrBps: standing.odrBps,
    ratingCount: standing.ratingCount,
    ratingHundredths: standing.ratingHundredths,
    suppressedOffers: standing.suppressedOffers,
  });
}
