import { Reference } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrganizationKind } from '../src/features/accounts/accounts.enums.js';
import { Organization } from '../src/features/accounts/organization.entity.js';
import { User } from '../src/features/accounts/user.entity.js';
import { Application } from '../src/features/applications/application.entity.js';
import { ApplicationStatusEnum } from '../src/features/applications/applications.enums.js';
import { DemoDataSeeder } from '../src/seeders/demo-data.seeder.js';
import { REVIEWER_EMAIL, signedIn } from './support/principals.js';
import { startTestApp, type TestApp, type TestClient } from './support/test-app.js';

const PAGE = `query($first: Int!) {
  reviewQueue(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id marketplace status submittedAt dueDate failingChecks checksNeedingReview appleRequested version
      seller { name }
      due { businessDaysLeft overdue dueToday dueThisWeek }
      claimedByName
    } }
  }
}`;

describe('review queue SQL', () => {
  let app: TestApp;
  let reviewer: TestClient;
  let statements: string[] = [];
  beforeAll(async () => {
    app = await startTestApp({
      seeders: [DemoDataSeeder],
      now: () => new Date('2026-11-23T17:00:00.000Z'),
      onQuery: (sql) => statements.push(sql),
    });
    reviewer = await signedIn(app, REVIEWER_EMAIL);
    // 120 applications across every seller, marketplace and both queue states, some claimed.
    const em = app.orm.em.fork();
    const organizations = await em.find(Organization, { kind: OrganizationKind.SELLER });
    const claimer = await em.findOneOrFail(User, { email: REVIEWER_EMAIL });
    const markets = ['US', 'CA', 'MX'] as const;
    for (let i = 0; i < 120; i++) {
      const application = new Application({
        organization: Reference.create(organizations[i % organizations.length]!),
        marketplace: markets[i % 3]!,
      });
      application.status = i % 4 === 0 ? ApplicationStatusEnum.IN_REVIEW : ApplicationStatusEnum.SUBMITTED;
      if (application.status === ApplicationStatusEnum.IN_REVIEW) application.claimedBy = Reference.create(claimer);
      application.submittedAt = new Date(Date.UTC(2026, 10, 1 + (i % 20), 12, i));
      application.dueDate = `2026-12-${String(1 + (i % 20)).padStart(2, '0')}`;
      em.persist(application);
    }
    await em.flush();
  });
  afterAll(() => app?.stop());

  async function statementsFor(first: number): Promise<string[]> {
    statements = [];
    const res = await reviewer.graphql<any>(PAGE, { first });
    expect(res.errors).toBeUndefined();
    expect(res.data.reviewQueue.edges).toHaveLength(first);
    // Sign-in checks (the session lookup) are the same for every request; count the rest too.
    return (
      statements
        // eslint-disable-next-line no-control-regex -- the ORM colours its log lines
        .map((s) => s.replace(/\u001b\[[0-9;]*m/g, ''))
        .filter((s) => /\b(select|insert|update|delete)\b/i.test(s))
    );
  }

  it('one page of 50 runs no more statements than a page of 5: nothing is loaded row by row', async () => {
    const five = await statementsFor(5);
    const fifty = await statementsFor(50);
    expect(five.length).toBeGreaterThan(2);
    expect(fifty.length).toBe(five.length);
    // Session, page, count, sellers, reviewers who claimed, and each marketplace's calendar: a handful.
    expect(fifty.length).toBeLessThanOrEqual(12);
  });
});
