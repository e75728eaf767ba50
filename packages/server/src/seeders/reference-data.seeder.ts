import type { EntityManager } from '@mikro-orm/core';
import { Seeder } from '@mikro-orm/seeder';
import { OrganizationKind } from '../features/accounts/accounts.enums.js';
import { Organization } from '../features/accounts/organization.entity.js';
import { ExchangeRate } from '../features/marketplaces/exchange-rate.entity.js';
import { Holiday } from '../features/marketplaces/holiday.entity.js';
import { Marketplace } from '../features/marketplaces/marketplace.entity.js';
import { PolicyVersion } from '../features/marketplaces/policy-version.entity.js';
import {
  HOLIDAYS,
  INITIAL_EXCHANGE_RATES,
  INITIAL_POLICY_EFFECTIVE_FROM,
  INITIAL_POLICY_PARAMETERS,
  MARKETPLACE_CODES,
  MARKETPLACE_SYSTEMS,
  MARKETPLACES,
  PARAMETERS_MARKED_DEFAULT,
} from './reference-data.js';

/**
 * The data the program cannot run without: marketplaces, their first policy version, holidays and
 * exchange rates, and the organization the marketplace's own systems ingest quality data as (admins
 * create its ingestion keys). Idempotent: it only adds what is missing, so it is safe in production and on
 * every embedded start, and never touches versions or rates an admin added.
 */
export class ReferenceDataSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    for (const code of MARKETPLACE_CODES) {
      if (!(await em.findOne(Marketplace, { code }))) {
        em.persist(new Marketplace(MARKETPLACES[code]));
      }
      const versions = await em.count(PolicyVersion, { marketplace: code });
      if (versions === 0) {
        em.persist(
          new PolicyVersion({
            marketplace: em.getReference(Marketplace, code, { wrapped: true }),
            version: 1,
            effectiveFrom: INITIAL_POLICY_EFFECTIVE_FROM,
            notes: 'Program rules at launch.',
            parameters: INITIAL_POLICY_PARAMETERS[code],
            defaultedParameters: PARAMETERS_MARKED_DEFAULT[code],
          }),
        );
      }
      const existingHolidays = new Set((await em.find(Holiday, { marketplace: code })).map((holiday) => holiday.date));
      for (const holiday of HOLIDAYS[code]) {
        if (!existingHolidays.has(holiday.date)) {
          em.persist(new Holiday({ marketplace: em.getReference(Marketplace, code, { wrapped: true }), ...holiday }));
        }
      }
    }
    const existingRates = new Set((await em.find(ExchangeRate, {})).map((r) => `${r.base}/${r.quote}/${r.validFrom}`));
    for (const rate of INITIAL_EXCHANGE_RATES) {
      if (!existingRates.has(`${rate.base}/${rate.quote}/${rate.validFrom}`)) {
        em.persist(new ExchangeRate(rate));
      }
    }
    if ((await em.count(Organization, { kind: OrganizationKind.MARKETPLACE })) === 0) {
      em.persist(new Organization(MARKETPLACE_SYSTEMS));
    }
    await em.flush();
  }
}
