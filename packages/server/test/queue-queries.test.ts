import { Reference } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/knex';
import { refreshStatistics } from '../src/db/statistics.js';
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

// Every field of Application that reads columns or references (not collections or the eligibility service).
const ROW_FIELDS = `id version status marketplace legalName contactName contactEmail sellerType existingSeller
  refurbisher refurbisherName inspectionAttested categories brands appleRequested productsHaveScreen guaranteeAccepted
  warrantyDays qualityPolicyAccepted qualityPolicyVersion submittedAt firstSubmittedAt dueDate failingChecks
  checksNeedingReview claimedAt decidedAt appleApproved reviewerMessage createdAt updatedAt
  seller { id name kind createdAt updatedAt } due { dueDate businessDaysLeft overdue dueToday dueThisWeek } claimedByName claimedByMe
  policyVersion { id } rejectionReasons { criterion reason } timeline { at action }`;

/** The SQL statements of one request, without the ORM's colours. */
function sqlOf(statements: string[]): string[] {
  return (
    statements
      // eslint-disable-next-line no-control-regex -- the ORM colours its log lines
      .map((s) => s.replace(/\u001b\[[0-9;]*m/g, ''))
      .filter((s) => /\b(select|insert|update|delete)\b/i.test(s))
  );
}

const touchesApplications = (statement: string) => /from [`"]?application[`"]? /i.test(statement);

describe('review queue SQL', () => {
  let app: TestApp;
  let reviewer: TestClient;
  let statements: string[] = [];
  let demoQueued = 0;
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
    demoQueued =
      (await em.count(Application, {
        status: { $in: [ApplicationStatusEnum.SUBMITTED, ApplicationStatusEnum.IN_REVIEW] },
      })) - 120;
  });
  afterAll(() => app?.stop());

  async function statementsFor(first: number): Promise<string[]> {
    statements = [];
    const res = await reviewer.graphql<any>(PAGE, { first });
    expect(res.errors).toBeUndefined();
    expect(res.data.reviewQueue.edges).toHaveLength(first);
    // Sign-in checks (the session lookup) are the same for every request; count the rest too.
    return sqlOf(statements);
  }

  async function statementsOf(query: string, variables: Record<string, unknown> = {}) {
    statements = [];
    const res = await reviewer.graphql<any>(query, variables);
    expect(res.errors).toBeUndefined();
    return { data: res.data, sql: sqlOf(statements) };
  }

  it('one page of 50 runs no more statements than a page of 5: nothing is loaded row by row', async () => {
    const five = await statementsFor(5);
    const fifty = await statementsFor(50);
    expect(five.length).toBeGreaterThan(2);
    expect(fifty.length).toBe(five.length);
    // Session, page, count, sellers, reviewers who claimed, and each marketplace's calendar: a handful.
    expect(fifty.length).toBeLessThanOrEqual(12);
  });

  it('counts only when totalCount is selected, and once however often it is', async () => {
    const withoutCount = await statementsOf(`{ reviewQueue(first: 5) { edges { node { id } } } }`);
    expect(withoutCount.sql.filter(touchesApplications)).toHaveLength(1);
    expect(withoutCount.sql.some((s) => /count\(/i.test(s))).toBe(false);

    const withCount = await statementsOf(
      `{ reviewQueue(first: 5) { totalCount again: totalCount edges { node { id } } } }`,
    );
    expect(withCount.sql.filter(touchesApplications)).toHaveLength(2);
    expect(withCount.sql.filter((s) => /count\(/i.test(s))).toHaveLength(1);
    expect(withCount.data.reviewQueue.totalCount).toBe(120 + demoQueued);
    expect(withCount.data.reviewQueue.again).toBe(withCount.data.reviewQueue.totalCount);

    // The capped count, as the web app asks for it: one statement, once, of at most cap + 1 rows.
    const capped = await statementsOf(
      `{ reviewQueue(first: 5) { count { value atLeast } again: count { value } edges { node { id } } } }`,
    );
    expect(capped.sql.filter(touchesApplications)).toHaveLength(2);
    const counts = capped.sql.filter((s) => /count\(/i.test(s));
    expect(counts).toHaveLength(1);
    expect(counts[0]).toMatch(/limit 10001\)/i);
    expect(capped.data.reviewQueue.count).toEqual({ value: 120 + demoQueued, atLeast: false });
    expect(capped.data.reviewQueue.again).toEqual({ value: 120 + demoQueued });
  });

  it('a page asked again answers the same, refusals included, once its query is compiled (graphql-jit)', async () => {
    // The first time a document runs on graphql-js; from the second on, compiled (src/graphql/executor.ts).
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await reviewer.graphql<any>(PAGE, { first: 50 }));
    expect(answers[0]!.errors).toBeUndefined();
    expect(answers[0]!.data.reviewQueue.edges).toHaveLength(50);
    expect(answers[0]!.data.reviewQueue.totalCount).toBe(120 + demoQueued);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);

    // A refusal from the service keeps its code and field; a variable that is no Int stays a 400.
    for (let i = 0; i < 3; i++) {
      const tooMany = await reviewer.graphql<any>(PAGE, { first: 500 });
      expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(tooMany.errors?.[0]?.path).toEqual(['reviewQueue']);
      expect(tooMany.data).toBeNull();
      const notAnInt = await reviewer.graphql<any>(PAGE, { first: 'fifty' });
      expect(notAnInt.status).toBe(400);
      expect(notAnInt.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    }
  });

  it('the counts of every filter chip are one statement, and each equals the count of that filter', async () => {
    const COUNTS = `query($filter: ReviewQueueFilter) { reviewQueueCounts(filter: $filter) {
      total submitted inReview overdue dueToday dueThisWeek appleRequested failedChecks byMarketplace { marketplace count } } }`;
    const filter = { marketplace: 'US', status: 'SUBMITTED' };
    const { data, sql } = await statementsOf(COUNTS, { filter });
    expect(sql.filter(touchesApplications)).toHaveLength(1);

    const countOf = async (extra: Record<string, unknown>) =>
      (
        await reviewer.graphql<any>(
          `query($filter: ReviewQueueFilter) { reviewQueue(first: 1, filter: $filter) { totalCount } }`,
          {
            filter: { ...filter, ...extra },
          },
        )
      ).data.reviewQueue.totalCount;
    const counts = data.reviewQueueCounts;
    expect(counts.total).toBeGreaterThan(0);
    expect(counts).toEqual({
      total: await countOf({}),
      submitted: await countOf({ status: 'SUBMITTED' }),
      inReview: await countOf({ status: 'IN_REVIEW' }),
      overdue: await countOf({ due: 'OVERDUE' }),
      dueToday: await countOf({ due: 'DUE_TODAY' }),
      dueThisWeek: await countOf({ due: 'DUE_THIS_WEEK' }),
      appleRequested: await countOf({ appleRequested: true }),
      failedChecks: await countOf({ failedChecks: true }),
      byMarketplace: [
        { marketplace: 'US', count: await countOf({ marketplace: 'US' }) },
        { marketplace: 'CA', count: await countOf({ marketplace: 'CA' }) },
        { marketplace: 'MX', count: await countOf({ marketplace: 'MX' }) },
      ],
    });
    // The chips replace the filter's own value: IN_REVIEW counts claimed applications though the filter says SUBMITTED.
    expect(counts.inReview).toBeGreaterThan(0);
  });

  it('reads only the seller columns a page selects, through fragments too', async () => {
    const nameOnly = await statementsOf(`{ reviewQueue(first: 5) { edges { node { id seller { name } } } } }`);
    const page = nameOnly.sql.find(touchesApplications)!;
    expect(page).toMatch(/"o"\."name"/);
    expect(page).not.toMatch(/"o"\."(created_at|updated_at|kind)"/);
    expect(nameOnly.data.reviewQueue.edges[0].node.seller.name).toEqual(expect.any(String));

    const viaFragment = await statementsOf(
      `{ reviewQueue(first: 5) { edges { node { id ...Seller } } } } fragment Seller on Application { seller { createdAt } }`,
    );
    expect(viaFragment.sql.find(touchesApplications)).toMatch(/"o"\."created_at"/);
    expect(new Date(viaFragment.data.reviewQueue.edges[0].node.seller.createdAt).getTime()).not.toBeNaN();
  });

  it('a queue row answers every field as the application itself does, from plain rows or entities', async () => {
    const page = await reviewer.graphql<any>(`{ reviewQueue(first: 100) { edges { node { ${ROW_FIELDS} } } } }`);
    expect(page.errors).toBeUndefined();
    const nodes = page.data.reviewQueue.edges.map((e: any) => e.node);
    const claimed = nodes.find((n: any) => n.claimedByName);
    const demo = nodes.find((n: any) => n.legalName !== '');
    expect(claimed?.claimedByMe).toBe(true);
    for (const node of [nodes[0], claimed, demo]) {
      const one = await reviewer.graphql<any>(`query($id: ID!) { application(id: $id) { ${ROW_FIELDS} } }`, {
        id: node.id,
      });
      expect(node).toEqual(one.data.application);
    }
    // A field that needs the entity (a collection) loads the page's entities in one more statement, not per row.
    const five = await statementsOf(`{ reviewQueue(first: 5) { edges { node { id invoices { id } } } } }`);
    const fifty = await statementsOf(`{ reviewQueue(first: 50) { edges { node { id invoices { id } } } } }`);
    expect(fifty.data.reviewQueue.edges).toHaveLength(50);
    expect(fifty.sql.length).toBe(five.sql.length);
  });

  describe('cursors', () => {
    const QUEUE = `query($after: String, $filter: ReviewQueueFilter) {
      reviewQueue(first: 3, after: $after, filter: $filter) { pageInfo { endCursor } edges { node { id } } } }`;
    const refusal = async (after: string, filter?: Record<string, unknown>) => {
      const res = await reviewer.graphql<any>(QUEUE, { after, filter });
      expect(res.data?.reviewQueue ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      const fields = res.errors?.[0]?.extensions?.['fields'] as Array<{ field: string; message: string }>;
      expect(fields.map((f) => f.field)).toEqual(['after']);
      return fields[0]!.message;
    };
    const decode = (cursor: string) => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const encode = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    let cursor: string;
    beforeAll(async () => {
      cursor = (await reviewer.graphql<any>(QUEUE, {})).data.reviewQueue.pageInfo.endCursor;
    });

    it('a cursor continues its own list', async () => {
      const next = await reviewer.graphql<any>(QUEUE, { after: cursor });
      expect(next.errors).toBeUndefined();
      expect(next.data.reviewQueue.edges).toHaveLength(3);
    });

    it('a forged cursor is BAD_USER_INPUT naming after, never a server error', async () => {
      for (const forged of [
        'nonsense',
        encode(['x']),
        encode({ a: 1 } as never),
        encode([...decode(cursor), 'extra']),
        '%%%',
      ]) {
        expect(await refusal(forged)).toMatch(/not a cursor from this list/);
      }
      const [scope, due, at] = decode(cursor);
      expect(await refusal(encode([scope, due, at, 42]))).toMatch(/not a cursor/);
      expect(await refusal(encode([scope, null, at, 'id']))).toMatch(/not a cursor/);
    });

    it('a cursor with a date that is not one is refused', async () => {
      const [scope, due, at, id] = decode(cursor);
      expect(await refusal(encode([scope, due, '2026-11-31T25:00:00.000Z', id]))).toMatch(/not a cursor/);
      expect(await refusal(encode([scope, due, 'yesterday', id]))).toMatch(/not a cursor/);
      expect(await refusal(encode([scope, '2026-02-30', at, id]))).toMatch(/not a cursor/);
      expect(await refusal(encode([scope, `${String(due)}' or 1=1 --`, at, id]))).toMatch(/not a cursor/);
    });

    it('a cursor from another filter is refused rather than continuing a different list', async () => {
      expect(await refusal(cursor, { marketplace: 'US' })).toMatch(/another filter/);
      const us = (await reviewer.graphql<any>(QUEUE, { filter: { marketplace: 'US' } })).data.reviewQueue.pageInfo
        .endCursor as string;
      expect(await refusal(us)).toMatch(/another filter/);
      const next = await reviewer.graphql<any>(QUEUE, { after: us, filter: { marketplace: 'US' } });
      expect(next.errors).toBeUndefined();
    });
  });

  it('SQLite gets statistics for the queue once the data grew after migrating (PRAGMA optimize)', async (context) => {
    if (app.kind !== 'sqlite') context.skip(); // PostgreSQL: autovacuum analyzes.
    const em = app.orm.em.fork() as EntityManager;
    const stats = () =>
      em.execute<Array<{ idx: string }>>(`select idx from sqlite_stat1 where tbl = 'application' order by idx`);
    await em.execute('drop table if exists sqlite_stat1');
    expect(await em.execute(`select name from sqlite_master where name = 'sqlite_stat1'`)).toEqual([]);
    await refreshStatistics(app.orm);
    expect((await stats()).map((s) => s.idx)).toContain('application_queue_order_index');
  });

  it('SQLite walks an index in queue order for the first page and for a marketplace + Apple filter: no sort', async (context) => {
    if (app.kind !== 'sqlite') context.skip(); // PostgreSQL's plans at 100,000 rows: BENCHMARKS.md (bench output).
    const em = app.orm.em.fork() as EntityManager;
    await refreshStatistics(app.orm); // as every server start does
    // The page's statement with its parameters, as the driver receives them.
    const knex = em.getKnex();
    const planOf = async (filter: Record<string, unknown> | null, after?: string) => {
      const sent: Array<{ sql: string; bindings?: readonly Knex.RawBinding[] }> = [];
      const listen = (query: { sql: string; bindings?: readonly Knex.RawBinding[] }) => sent.push(query);
      knex.on('query', listen);
      const res = await reviewer.graphql<any>(
        `query($filter: ReviewQueueFilter, $after: String) {
          reviewQueue(first: 5, filter: $filter, after: $after) { pageInfo { endCursor } edges { node { id seller { name } } } } }`,
        { filter, after },
      );
      knex.off('query', listen);
      expect(res.errors).toBeUndefined();
      const page = sent.filter((q) => touchesApplications(q.sql));
      expect(page).toHaveLength(1);
      const plan = await knex.raw<Array<{ detail: string }>>(
        `explain query plan ${page[0]!.sql}`,
        page[0]!.bindings ?? [],
      );
      return {
        endCursor: res.data.reviewQueue.pageInfo.endCursor as string,
        plan: plan.map((p) => p.detail).join('\n'),
      };
    };
    const firstPage = await planOf(null);
    expect(firstPage.plan).toMatch(/USING INDEX application_queue_order_index\b/);
    expect(firstPage.plan).not.toMatch(/TEMP B-TREE/);
    for (const filter of [
      { marketplace: 'US', appleRequested: true },
      { marketplace: 'MX', appleRequested: false },
    ]) {
      const filtered = await planOf(filter);
      expect(filtered.plan).toMatch(/USING INDEX application_queue_marketplace_order_index\b/);
      expect(filtered.plan).not.toMatch(/TEMP B-TREE/);
      const next = await planOf(filter, filtered.endCursor);
      expect(next.plan).toMatch(/USING INDEX application_queue_marketplace_order_index\b/);
      expect(next.plan).not.toMatch(/TEMP B-TREE/);
    }
  });

  // Last in this block: it adds applications. Monday 2026-11-23 in every marketplace at 17:00 UTC.
  it('the due chips count on the marketplace calendar: yesterday overdue, today, through Sunday, not next Monday', async () => {
    const COUNTS = `query($filter: ReviewQueueFilter) { reviewQueueCounts(filter: $filter) {
      total overdue dueToday dueThisWeek byMarketplace { marketplace count } } }`;
    const countsOf = async () =>
      (await reviewer.graphql<any>(COUNTS, { filter: { marketplace: 'US' } })).data.reviewQueueCounts;
    const before = await countsOf();
    const em = app.orm.em.fork();
    const seller = (await em.find(Organization, { kind: OrganizationKind.SELLER }))[0]!;
    for (const dueDate of ['2026-11-22', '2026-11-23', '2026-11-29', '2026-11-30']) {
      const application = new Application({ organization: Reference.create(seller), marketplace: 'US' });
      application.status = ApplicationStatusEnum.SUBMITTED;
      application.submittedAt = new Date('2026-11-20T12:00:00.000Z');
      application.dueDate = dueDate;
      em.persist(application);
    }
    await em.flush();
    const after = await countsOf();
    expect({
      total: after.total - before.total,
      overdue: after.overdue - before.overdue,
      dueToday: after.dueToday - before.dueToday,
      dueThisWeek: after.dueThisWeek - before.dueThisWeek,
    }).toEqual({ total: 4, overdue: 1, dueToday: 1, dueThisWeek: 2 });
    // And each chip still equals its filter's page count (the page's SQL condition).
    for (const [chip, due] of [
      ['overdue', 'OVERDUE'],
      ['dueToday', 'DUE_TODAY'],
      ['dueThisWeek', 'DUE_THIS_WEEK'],
    ] as const) {
      const page = await reviewer.graphql<any>(
        `query($filter: ReviewQueueFilter) { reviewQueue(first: 1, filter: $filter) { totalCount } }`,
        { filter: { marketplace: 'US', due } },
      );
      expect(after[chip], chip).toBe(page.data.reviewQueue.totalCount);
    }
  });
});

describe('review queue count at its cap (REVIEW_QUEUE_COUNT_CAP=3)', () => {
  let app: TestApp;
  let reviewer: TestClient;
  let statements: string[] = [];
  const CAP = 3;

  beforeAll(async () => {
    app = await startTestApp({
      seeders: [DemoDataSeeder],
      now: () => new Date('2026-11-23T17:00:00.000Z'),
      onQuery: (sql) => statements.push(sql),
      environment: { REVIEW_QUEUE_COUNT_CAP: String(CAP) },
    });
    reviewer = await signedIn(app, REVIEWER_EMAIL);
    const em = app.orm.em.fork();
    // Only this test's applications in the queue: the demo's queued ones are withdrawn.
    await em.nativeUpdate(
      Application,
      { status: { $in: [ApplicationStatusEnum.SUBMITTED, ApplicationStatusEnum.IN_REVIEW] } },
      { status: ApplicationStatusEnum.WITHDRAWN },
    );
    const organizations = await em.find(Organization, { kind: OrganizationKind.SELLER });
    const claimer = await em.findOneOrFail(User, { email: REVIEWER_EMAIL });
    // Exactly the cap in US (submitted), one more than the cap in CA (claimed), none in MX.
    for (let i = 0; i < 2 * CAP + 1; i++) {
      const inUs = i < CAP;
      const application = new Application({
        organization: Reference.create(organizations[i % organizations.length]!),
        marketplace: inUs ? 'US' : 'CA',
      });
      application.status = inUs ? ApplicationStatusEnum.SUBMITTED : ApplicationStatusEnum.IN_REVIEW;
      if (!inUs) application.claimedBy = Reference.create(claimer);
      application.submittedAt = new Date(Date.UTC(2026, 10, 1 + i, 12));
      application.dueDate = `2026-12-${String(1 + i).padStart(2, '0')}`;
      em.persist(application);
    }
    await em.flush();
  });
  afterAll(() => app?.stop());

  const COUNTED = `query($first: Int!, $filter: ReviewQueueFilter) {
    reviewQueue(first: $first, filter: $filter) { count { value atLeast } totalCount edges { node { id } } }
  }`;
  const counted = async (first: number, filter: Record<string, unknown> = {}) => {
    statements = [];
    const res = await reviewer.graphql<any>(COUNTED, { first, filter });
    expect(res.errors).toBeUndefined();
    const sql = sqlOf(statements);
    return {
      count: res.data.reviewQueue.count,
      totalCount: res.data.reviewQueue.totalCount,
      rows: res.data.reviewQueue.edges.length,
      cappedCounts: sql.filter((s) => /select \(select count\(\*\) from \(select 1 from/i.test(s)),
    };
  };

  it('a page counts exactly the cap as exact, and one more as "at least the cap", by one capped statement', async () => {
    // first: 1, so that the page does not hold the whole list and the count runs in SQL.
    const exact = await counted(1, { marketplace: 'US' });
    expect(exact.count).toEqual({ value: CAP, atLeast: false });
    expect(exact.cappedCounts).toHaveLength(1);
    expect(exact.cappedCounts[0]).toMatch(new RegExp(`limit ${CAP + 1}\\)`, 'i'));
    expect(exact.totalCount).toBe(CAP);

    const beyond = await counted(1, { marketplace: 'CA' });
    expect(beyond.count).toEqual({ value: CAP, atLeast: true });
    expect(beyond.cappedCounts).toHaveLength(1);
    // totalCount, deprecated, stays exact.
    expect(beyond.totalCount).toBe(CAP + 1);

    const whole = await counted(1);
    expect(whole.count).toEqual({ value: CAP, atLeast: true });
    expect(whole.totalCount).toBe(2 * CAP + 1);
    // The cap stops the count only: the pages still reach every application.
    expect((await counted(10)).rows).toBe(2 * CAP + 1);
  });

  it('the count follows the filters', async () => {
    expect((await counted(1, { status: 'SUBMITTED' })).count).toEqual({ value: CAP, atLeast: false });
    expect((await counted(1, { status: 'IN_REVIEW' })).count).toEqual({ value: CAP, atLeast: true });
    const none = await counted(1, { marketplace: 'CA', status: 'SUBMITTED' });
    expect(none.count).toEqual({ value: 0, atLeast: false });
    expect(none.totalCount).toBe(0);
    expect((await counted(1, { marketplace: 'MX' })).count).toEqual({ value: 0, atLeast: false });
  });

  it('a first page that holds its whole list counts itself, without a count statement', async () => {
    const few = await counted(10, { marketplace: 'US' });
    expect(few.count).toEqual({ value: CAP, atLeast: false });
    expect(few.cappedCounts).toHaveLength(0);
    const beyond = await counted(10, { marketplace: 'CA' });
    expect(beyond.count).toEqual({ value: CAP, atLeast: true });
    expect(beyond.cappedCounts).toHaveLength(0);
    expect(beyond.totalCount).toBe(CAP + 1);
  });
});
