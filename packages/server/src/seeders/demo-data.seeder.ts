import { Reference, type EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import { Seeder } from '@mikro-orm/seeder';
import { Organization } from '../features/accounts/organization.entity.js';
import { hashPassword } from '../features/accounts/secrets.js';
import { User } from '../features/accounts/user.entity.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_PROVIDER } from './demo-accounts.js';
import { seedDemoApplications } from './demo-applications.js';
import { seedQualityDemo } from './quality-demo.js';
import { seedQualityEvaluationDemo } from './quality-evaluation-demo.js';
import { ReferenceDataSeeder } from './reference-data.seeder.js';
import { seedDemoReturns } from './returns-demo.js';

/**
 * Demo data for embedded mode, on top of the reference data: a seller in each state later
 * features show, a reviewer, an admin and a returns provider (the marketplace's
 * systems organization is reference data). Idempotent: it adds what is missing.
 */
export class DemoDataSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    await this.call(em, [ReferenceDataSeeder]);

    const existing = new Set((await em.find(User, {})).map((user) => user.email));
    const missing = DEMO_ACCOUNTS.filter((account) => !existing.has(account.email));
    if (missing.length > 0) {
      const passwordHash = await hashPassword(DEMO_PASSWORD);
      for (const account of missing) {
        let organization: Organization | null = null;
        if (account.organization) {
          organization =
            (await em.findOne(Organization, { name: account.organization.name })) ??
            new Organization(account.organization);
          em.persist(organization);
        }
        em.persist(
          new User({
            email: account.email,
            displayName: account.displayName,
            role: account.role,
            organization: organization ? Reference.create(organization) : null,
            passwordHash,
          }),
        );
      }
    }
    if (!(await em.findOne(Organization, { name: DEMO_PROVIDER.name }))) {
      em.persist(new Organization(DEMO_PROVIDER));
    }
    await em.flush();
    await seedDemoApplications(em);
    await seedDemoReturns(em);
    await seedQualityDemo(em as SqlEntityManager);
    // Last: evaluates the quality data seeded above, as the daily job would have.
    await seedQualityEvaluationDemo(em as SqlEntityManager);
  }
}
