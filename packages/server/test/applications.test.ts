import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Application } from '../src/features/applications/application.entity.js';
import { AuditLogEntry } from '../src/features/audit/audit-log-entry.entity.js';
import { ApiScope } from '../src/features/api-keys/api-key.enums.js';
import { OutboxEmail } from '../src/features/outbox/outbox-email.entity.js';
import { DemoDataSeeder } from '../src/seeders/demo-data.seeder.js';
import {
  CLAIM,
  DECIDE,
  SAVE,
  START,
  SUBMIT,
  completeDraftInput,
  submittedApplication,
} from './support/applications.js';
import { ADMIN_EMAIL, REVIEWER_EMAIL, createKey, signedIn, signedUpSeller } from './support/principals.js';
import { startTestApp, TestClock, type TestApp, type TestClient } from './support/test-app.js';

const APPLICATION = `query($id: ID!) { application(id: $id) {
  id version status marketplace dueDate reviewerMessage appleApproved
  due { dueDate businessDaysLeft overdue }
  rejectionReasons { criterion reason }
  eligibility { eligible policyVersion criteria { criterion status hard summary } invoices { invoiceId inWindow lines { counted exclusions flagged valueUsd { formatted } } } }
  timeline { action message }
} }`;

// Monday 23 November 2026, 09:00 in Los Angeles.
const MONDAY = new Date('2026-11-23T17:00:00.000Z');
const INVOICE_DATE = '2026-10-01';

let n = 0;
async function newSeller(app: TestApp): Promise<{ client: TestClient; email: string }> {
  const email = `applicant-${++n}@example.com`;
  const client = await signedUpSeller(app, { email, organizationName: `Applicant ${n} LLC` });
  return { client, email };
}

describe('applications and review', () => {
  const clock = new TestClock(MONDAY);
  let app: TestApp;
  let reviewer: TestClient;
  let admin: TestClient;
  beforeAll(async () => {
    app = await startTestApp({ seeders: [DemoDataSeeder], now: clock.now });
    reviewer = await signedIn(app, REVIEWER_EMAIL);
    admin = await signedIn(app, ADMIN_EMAIL);
  });
  afterAll(() => app?.stop());

  it('a draft is saved incomplete, and a malformed line is refused by name with nothing saved', async () => {
    const { client } = await newSeller(app);
    const started = await client.graphql<any>(START, { m: 'US' });
    const { id, version } = started.data.startApplication;
    const partial = await client.graphql<any>(SAVE, {
      id,
      v: version,
      input: { legalName: 'Half Done Ltd', categories: ['Phones'] },
    });
    expect(partial.errors).toBeUndefined();
    const v2 = partial.data.saveApplicationDraft.version;
    expect(v2).toBeGreaterThan(version);

    const bad = await client.graphql<any>(SAVE, {
      id,
      v: v2,
      input: {
        legalName: 'Changed Name',
        invoices: [
          {
            supplier: 'S',
            invoiceNumber: '1',
            date: '2026-02-30',
            currency: 'USD',
            lines: [{ description: 'Phone', brand: 'X', unitPrice: '20.00', quantity: null, amount: null }],
          },
        ],
      },
    });
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const fields = (bad.errors?.[0]?.extensions?.['fields'] as Array<{ field: string; message: string }>).map(
      (f) => f.field,
    );
    expect(fields).toContain('invoices[0].date');
    expect(bad.errors?.[0]?.message).toMatch(/invoices\[0\]\.lines\[0\].*cannot both be blacked out/);
    const after = await client.graphql<any>(APPLICATION, { id });
    expect(after.data.application).toMatchObject({ version: v2, status: 'DRAFT' });
    expect((await app.orm.em.fork().findOneOrFail(Application, { id })).legalName).toBe('Half Done Ltd');
  });

  it('a second open application in the same marketplace is refused', async () => {
    const { client } = await newSeller(app);
    await client.graphql(START, { m: 'MX' });
    const again = await client.graphql<any>(START, { m: 'MX' });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'OPEN_APPLICATION' });
  });

  it('submission with 7 images is refused with the failures listed; the draft stays a draft', async () => {
    const { client, email } = await newSeller(app);
    const started = await client.graphql<any>(START, { m: 'US' });
    const { id } = started.data.startApplication;
    const input = await completeDraftInput(app, email, INVOICE_DATE, { images: 7 });
    const saved = await client.graphql<any>(SAVE, { id, v: started.data.startApplication.version, input });
    const res = await client.graphql<any>(SUBMIT, { id, v: saved.data.saveApplicationDraft.version });
    expect(res.errors?.[0]?.extensions?.['code']).toBe('NOT_ELIGIBLE');
    expect((res.errors?.[0]?.extensions?.['failures'] as Array<{ criterion: string }>).map((f) => f.criterion)).toEqual(
      ['IMAGES'],
    );
    const after = await client.graphql<any>(APPLICATION, { id });
    expect(after.data.application.status).toBe('DRAFT');
    expect(after.data.application.eligibility.eligible).toBe(false);
  });

  it('end to end: submit at exactly 50,000.00 USD, a reviewer claims and approves US, CA is granted through US, emails are queued', async () => {
    const { client, email } = await newSeller(app);
    const submitted = await submittedApplication(app, client, email, INVOICE_DATE);
    // 10 business days after Monday 23 November 2026, skipping Thanksgiving (Thursday 26th).
    expect(submitted).toMatchObject({ status: 'SUBMITTED', dueDate: '2026-12-08' });

    const view = await client.graphql<any>(APPLICATION, { id: submitted.id });
    const qualifying = view.data.application.eligibility.criteria.find(
      (c: any) => c.criterion === 'QUALIFYING_PURCHASES',
    );
    expect(qualifying.status).toBe('PASS');
    expect(view.data.application.eligibility.invoices[0].lines).toEqual([
      { counted: true, exclusions: [], flagged: false, valueUsd: { formatted: '50,000.00 USD' } },
      { counted: false, exclusions: ['AT_OR_BELOW_EXCLUSION'], flagged: false, valueUsd: { formatted: '150.00 USD' } },
    ]);
    expect(view.data.application.due).toEqual({ dueDate: '2026-12-08', businessDaysLeft: 10, overdue: false });

    const received = await app.orm.em.fork().find(OutboxEmail, { toAddress: email, kind: 'application-received' });
    expect(received).toHaveLength(1);

    const claimed = await reviewer.graphql<any>(CLAIM, { id: submitted.id, v: submitted.version });
    expect(claimed.data.claimApplication.status).toBe('IN_REVIEW');

    // A second reviewer can neither claim nor decide it.
    const secondClaim = await admin.graphql<any>(CLAIM, { id: submitted.id, v: claimed.data.claimApplication.version });
    expect(secondClaim.errors?.[0]?.extensions).toEqual({
      code: 'CONFLICT',
      holder: { name: 'Rita Reviewer', claimedAt: clock.now().toISOString() },
    });
    expect(secondClaim.errors?.[0]?.message).toMatch(/Rita Reviewer claimed this application/);
    const secondDecision = await admin.graphql<any>(DECIDE, {
      input: {
        id: submitted.id,
        version: claimed.data.claimApplication.version,
        decision: 'REJECT',
        reasons: [{ criterion: 'IMAGES', reason: 'x' }],
      },
    });
    expect(secondDecision.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');

    // A stale version is refused and changes nothing.
    const stale = await reviewer.graphql<any>(DECIDE, {
      input: { id: submitted.id, version: submitted.version, decision: 'APPROVE' },
    });
    expect(stale.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');

    const approved = await reviewer.graphql<any>(DECIDE, {
      input: { id: submitted.id, version: claimed.data.claimApplication.version, decision: 'APPROVE' },
    });
    expect(approved.errors).toBeUndefined();
    expect(approved.data.decideApplication.status).toBe('APPROVED');

    const again = await reviewer.graphql<any>(DECIDE, {
      input: {
        id: submitted.id,
        version: approved.data.decideApplication.version,
        decision: 'REJECT',
        reasons: [{ criterion: 'IMAGES', reason: 'x' }],
      },
    });
    expect(again.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    expect(again.errors?.[0]?.message).toMatch(/APPROVED/);

    const approvals = await client.graphql<any>('{ myMarketplaceApprovals { marketplace grantedThrough } }');
    expect(approvals.data.myMarketplaceApprovals).toEqual([
      { marketplace: 'US', grantedThrough: null },
      { marketplace: 'CA', grantedThrough: 'US' },
    ]);
    const onboarding = await app.orm.em.fork().find(OutboxEmail, { toAddress: email, kind: 'application-approved' });
    expect(onboarding).toHaveLength(1);
    expect(onboarding[0]!.textBody).toMatch(/Next steps/);
    expect(onboarding[0]!.textBody).toMatch(/Canada/);

    const ca = await client.graphql<any>(START, { m: 'CA' });
    expect(ca.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_APPROVED' });
    expect((await client.graphql<any>(START, { m: 'MX' })).errors).toBeUndefined();

    // The test's clock stands still, so every entry has the same `at`: the order they were written
    // in is the time-ordered id's (as auditTrail orders them); by `at` alone any order may come back.
    const audit = await app.orm.em
      .fork()
      .find(AuditLogEntry, { subjectId: submitted.id }, { orderBy: { at: 'asc', id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['STARTED', 'DRAFT_SAVED', 'SUBMITTED', 'CLAIMED', 'APPROVED']);
    expect(audit.at(-1)!.data).toMatchObject({ decision: 'APPROVE', eligibility: { eligible: true } });
  });

  it('needs info: the seller sees the message, fixes and resubmits on a new 10-business-day clock', async () => {
    const { client, email } = await newSeller(app);
    const submitted = await submittedApplication(app, client, email, INVOICE_DATE);
    const claimed = await reviewer.graphql<any>(CLAIM, { id: submitted.id, v: submitted.version });
    const noMessage = await reviewer.graphql<any>(DECIDE, {
      input: {
        id: submitted.id,
        version: claimed.data.claimApplication.version,
        decision: 'NEEDS_INFO',
        message: '  ',
      },
    });
    expect(noMessage.errors?.[0]?.extensions?.['fields']).toEqual([
      { field: 'message', message: 'tell the seller what to provide or fix' },
    ]);
    const asked = await reviewer.graphql<any>(DECIDE, {
      input: {
        id: submitted.id,
        version: claimed.data.claimApplication.version,
        decision: 'NEEDS_INFO',
        message: 'Upload a clearer invoice.',
      },
    });
    expect(asked.data.decideApplication.status).toBe('NEEDS_INFO');
    const seen = await client.graphql<any>(APPLICATION, { id: submitted.id });
    expect(seen.data.application.reviewerMessage).toBe('Upload a clearer invoice.');
    expect(seen.data.application.timeline.map((t: any) => t.action)).toContain('NEEDS_INFO');

    clock.advance(7 * 24 * 3_600_000); // Monday 30 November
    const resubmitted = await client.graphql<any>(SUBMIT, {
      id: submitted.id,
      v: asked.data.decideApplication.version,
    });
    expect(resubmitted.errors).toBeUndefined();
    expect(resubmitted.data.submitApplication).toMatchObject({ status: 'SUBMITTED', dueDate: '2026-12-14' });
    // The seller's list shows the first submission date: it stays when the application is resubmitted.
    const dates = await client.graphql<any>(
      'query($id: ID!) { application(id: $id) { submittedAt firstSubmittedAt } }',
      { id: submitted.id },
    );
    expect(dates.data.application).toEqual({
      submittedAt: new Date(MONDAY.getTime() + 7 * 24 * 3_600_000).toISOString(),
      firstSubmittedAt: MONDAY.toISOString(),
    });
    clock.set(MONDAY);
  });

  it('reject needs a reason for each failed criterion; a rejected seller may apply again', async () => {
    const { client, email } = await newSeller(app);
    const submitted = await submittedApplication(app, client, email, INVOICE_DATE);
    const claimed = await reviewer.graphql<any>(CLAIM, { id: submitted.id, v: submitted.version });
    const v = claimed.data.claimApplication.version;
    const unknown = await reviewer.graphql<any>(DECIDE, {
      input: { id: submitted.id, version: v, decision: 'REJECT', reasons: [{ criterion: 'VIBES', reason: 'no' }] },
    });
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    // The domain's decision rule, the one the decision form runs: one reason per criterion.
    const twice = await reviewer.graphql<any>(DECIDE, {
      input: {
        id: submitted.id,
        version: v,
        decision: 'REJECT',
        reasons: [
          { criterion: 'IMAGES', reason: 'The photos show a different model.' },
          { criterion: ' IMAGES ', reason: 'And they are blurred.' },
        ],
      },
    });
    expect(twice.errors?.[0]?.extensions?.['fields']).toEqual([
      { field: 'reasons[1].criterion', message: 'has a reason already; write one per criterion' },
    ]);
    const rejected = await reviewer.graphql<any>(DECIDE, {
      input: {
        id: submitted.id,
        version: v,
        decision: 'REJECT',
        reasons: [{ criterion: 'IMAGES', reason: 'The photos show a different model.' }],
      },
    });
    expect(rejected.data.decideApplication.status).toBe('REJECTED');
    const seen = await client.graphql<any>(APPLICATION, { id: submitted.id });
    expect(seen.data.application.rejectionReasons).toEqual([
      { criterion: 'IMAGES', reason: 'The photos show a different model.' },
    ]);
    expect((await client.graphql<any>(START, { m: 'US' })).errors).toBeUndefined();
  });

  it('a decision judges the application as at submission: an invoice on day 90 then still counts days later', async () => {
    const { client, email } = await newSeller(app);
    // Submitted Monday 23 November (Los Angeles): 26 August is day 90 of the trailing window.
    const submitted = await submittedApplication(app, client, email, '2026-08-26');
    clock.advance(5 * 24 * 3_600_000);
    const claimed = await reviewer.graphql<any>(CLAIM, { id: submitted.id, v: submitted.version });
    const approved = await reviewer.graphql<any>(DECIDE, {
      input: { id: submitted.id, version: claimed.data.claimApplication.version, decision: 'APPROVE' },
    });
    expect(approved.errors).toBeUndefined();
    const audit = await app.orm.em.fork().findOneOrFail(AuditLogEntry, { subjectId: submitted.id, action: 'APPROVED' });
    expect(audit.data).toMatchObject({ eligibility: { eligible: true } });
    clock.set(MONDAY);
  });

  it('a seller never sees another seller’s application; a key needs read:applications', async () => {
    const owner = await newSeller(app);
    const submitted = await submittedApplication(app, owner.client, owner.email, INVOICE_DATE);
    const stranger = await newSeller(app);
    const res = await stranger.client.graphql<any>(APPLICATION, { id: submitted.id });
    expect(res.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const readKey = await createKey(owner.client, [ApiScope.READ_APPLICATIONS]);
    const viaKey = await app
      .withApiKey(readKey.secret)
      .graphql<any>('query($id: ID!) { application(id: $id) { status } }', { id: submitted.id });
    expect(viaKey.data.application.status).toBe('SUBMITTED');
    const qualityKey = await createKey(owner.client, [ApiScope.READ_QUALITY]);
    const denied = await app.withApiKey(qualityKey.secret).graphql<any>('{ myApplications { id } }');
    expect(denied.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('the queue is oldest due first, filters, counts, and pages with cursors', async () => {
    const { client, email } = await newSeller(app);
    await submittedApplication(app, client, email, INVOICE_DATE, 'MX');
    const QUEUE = `query($first: Int, $after: String, $filter: ReviewQueueFilter) {
      reviewQueue(first: $first, after: $after, filter: $filter) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { id marketplace status dueDate seller { name } failingChecks } }
      }
      reviewQueueCounts(filter: $filter) { total submitted inReview byMarketplace { marketplace count } }
    }`;
    const all = await reviewer.graphql<any>(QUEUE, { first: 100 });
    const dues = all.data.reviewQueue.edges.map((e: any) => e.node.dueDate);
    expect(dues).toEqual([...dues].sort());
    expect(all.data.reviewQueue.totalCount).toBe(all.data.reviewQueueCounts.total);

    const mx = await reviewer.graphql<any>(QUEUE, { first: 100, filter: { marketplace: 'MX' } });
    expect(mx.data.reviewQueue.edges.every((e: any) => e.node.marketplace === 'MX')).toBe(true);
    expect(mx.data.reviewQueue.totalCount).toBeGreaterThan(0);

    const ids: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await reviewer.graphql<any>(QUEUE, { first: 1, after });
      ids.push(...page.data.reviewQueue.edges.map((e: any) => e.node.id));
      after = page.data.reviewQueue.pageInfo.hasNextPage ? page.data.reviewQueue.pageInfo.endCursor : null;
    } while (after);
    expect(ids).toEqual(all.data.reviewQueue.edges.map((e: any) => e.node.id));

    const bad = await reviewer.graphql<any>(QUEUE, { first: 101 });
    expect(bad.errors?.[0]?.extensions?.['fields']).toEqual([{ field: 'first', message: 'must be between 1 and 100' }]);
    const sellerTries = await client.graphql<any>(QUEUE, {});
    expect(sellerTries.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
