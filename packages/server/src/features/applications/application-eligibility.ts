import { Reference } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import {
  evaluateEligibility,
  MARKETPLACES,
  orderDataFor,
  type EligibilityReport,
  type MarketplaceCode,
} from '@recertify/domain';
import { conflict } from '../../errors/app-error.js';
import { ExchangeRate } from '../marketplaces/exchange-rate.entity.js';
import { Marketplace } from '../marketplaces/marketplace.entity.js';
import { MarketplaceService } from '../marketplaces/marketplace.service.js';
import { applicationOrderCounts } from '../quality/evaluation/application-order-data.js';
import type { PolicyVersion } from '../marketplaces/policy-version.entity.js';
import { APPLICATION_POPULATE } from './application-lifecycle.js';
import { EligibilitySnapshot, type Application } from './application.entity.js';
import { toApplicationInput } from './application.mapper.js';

/** The domain's eligibility rule applied to a stored application, as at `at`. */
export async function judgeApplication(
  em: EntityManager,
  application: Application,
  policy: PolicyVersion,
  at: Date,
): Promise<EligibilityReport> {
  await em.populate(application, APPLICATION_POPULATE);
  const exchangeRates = await em.find(ExchangeRate, {});
  // An existing seller's ODR from its order data (the quality rollups); none held: a reviewer checks it.
  const orders = application.existingSeller
    ? await applicationOrderCounts(
        em,
        application.organization.id,
        at,
        policy.odrWindowDays,
        MARKETPLACES[application.marketplace].timeZone,
      )
    : null;
  return evaluateEligibility({
    application: toApplicationInput(application),
    policy: policy.toDomain(),
    exchangeRates,
    orders: orderDataFor(application.existingSeller, orders),
    now: at,
  });
}

/** The policy version in force in a marketplace at `at`; CONFLICT when an admin has added none. */
export async function policyInForceAt(em: EntityManager, code: MarketplaceCode, at: Date): Promise<PolicyVersion> {
  const marketplace = await em.findOneOrFail(Marketplace, { code });
  const policy = await new MarketplaceService(em).policyInForce(marketplace, at);
  if (!policy) throw conflict(`No program rules are in force in ${code} yet; an admin must add a policy version.`);
  return policy;
}

/** The version an application is judged by: the one of its submission, else the one in force now. */
export async function policyOfApplication(
  em: EntityManager,
  application: Application,
  now: Date,
): Promise<PolicyVersion> {
  if (application.policyVersion) return application.policyVersion.load() as Promise<PolicyVersion>;
  return policyInForceAt(em, application.marketplace, now);
}

/** The report a change was judged on, kept with it: what the seller and the reviewer see later. */
export function eligibilitySnapshot(
  application: Application,
  trigger: EligibilitySnapshot['trigger'],
  policy: PolicyVersion,
  report: EligibilityReport,
  at: Date,
): EligibilitySnapshot {
  return new EligibilitySnapshot({
    application: Reference.create(application),
    trigger,
    policyVersionNumber: policy.version,
    eligible: report.eligible,
    report: report as unknown as Record<string, unknown>,
    at,
  });
}
