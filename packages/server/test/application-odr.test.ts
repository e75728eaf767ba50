import type { EntityManager } from '@mikro-orm/knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Organization } from '../src/features/accounts/organization.entity.js';
import { User } from '../src/features/accounts/user.entity.js';
import { DemoDataSeeder } from '../src/seeders/demo-data.seeder.js';
import { OTHER_SELLER_EMAIL, signedIn } from './support/principals.js';
import { SAVE, START } from './support/applications.js';
import { addRollup, evaluationOffer } from './support/quality-evaluation.js';
import { startTestApp, TestClock, type TestApp, type TestClient } from './support/test-app.js';

const ODR = `query($id: ID!) { application(id: $id) { eligibility { criteria { criterion status summary } } } }`;

describe("an existing seller's ODR on its application comes from its order data", () => {
  let app: TestApp;
  let seller: TestClient;
  let applicationId: string;
  let organization: Organization;
  const em = () => app.orm.em.fork() as EntityManager;

  beforeAll(async () => {
    app = await startTestApp({
      seeders: [DemoDataSeeder],
      now: new TestClock(new Date('2026-11-23T17:00:00.000Z')).now,
    });
    seller = await signedIn(app, OTHER_SELLER_EMAIL);
    const started = await seller.graphql<any>(START, { m: 'US' });
    applicationId = started.data.startApplication.id;
    const saved = await seller.graphql<any>(SAVE, {
      id: applicationId,
      v: started.data.startApplication.version,
      input: { existingSeller: true },
    });
    expect(saved.errors).toBeUndefined();
    const user = await em().findOneOrFail(User, { email: OTHER_SELLER_EMAIL });
    organization = await em().findOneOrFail(Organization, user.organization!.id);
  });
  afterAll(() => app?.stop());

  const odr = async () => {
    const res = await seller.graphql<any>(ODR, { id: applicationId });
    expect(res.errors).toBeUndefined();
    return res.data.application.eligibility.criteria.find((c: { criterion: string }) => c.criterion === 'ODR');
  };

  it('without any order: a reviewer checks it (NEEDS_REVIEW)', async () => {
    expect((await odr()).status).toBe('NEEDS_REVIEW');
  });

  it('0.80% of its orders over the trailing 90 days passes; 0.81% fails', async () => {
    const offer = await evaluationOffer(em(), organization);
    // Day 90 of the window ending 2026-11-23 counts; day 91 does not.
    await addRollup(em(), offer, { day: '2026-08-26', orders: 10_000, defects: 80 });
    await addRollup(em(), offer, { day: '2026-08-25', orders: 10, defects: 10 });
    const within = await odr();
    expect(within.status).toBe('PASS');
    expect(within.summary).toContain('0.80%');

    await addRollup(em(), offer, { day: '2026-08-26', orders: 0, defects: 1 });
    const over = await odr();
    expect(over.status).toBe('FAIL');
    expect(over.summary).toContain('0.81%');
  });
});
