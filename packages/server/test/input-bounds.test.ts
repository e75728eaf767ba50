import { LIST_LIMITS, TEXT_LIMITS } from '@recertify/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Application } from '../src/features/applications/application.entity.js';
import { User } from '../src/features/accounts/user.entity.js';
import { DemoDataSeeder } from '../src/seeders/demo-data.seeder.js';
import { SAVE, START, submittedApplication } from './support/applications.js';
import { ADMIN_EMAIL, REVIEWER_EMAIL, SELLER_EMAIL, idsOf, signedIn, signedUpSeller } from './support/principals.js';
import { startTestApp, TestClock, type GraphQLResponse, type TestApp, type TestClient } from './support/test-app.js';

/**
 * Issue 8, "every input bounded and typed": what a hostile client sent, and the answer it must get
 * on SQLite and PostgreSQL alike: BAD_USER_INPUT naming the field, before any SQL, nothing stored.
 */

const SIGN_UP = `mutation($input: SignUpSellerInput!) { signUpSeller(input: $input) }`;
const APPLICATION = 'query($id: ID!) { application(id: $id) { id legalName contactName } }';
const QUEUE = `query($first: Int, $after: String, $filter: ReviewQueueFilter) {
  reviewQueue(first: $first, after: $after, filter: $filter) { edges { cursor node { id } } pageInfo { endCursor } }
}`;

/** The refusal's code and the fields it names. */
function refusal(res: GraphQLResponse<unknown>): { code: unknown; fields: string[] } {
  const error = res.errors?.[0];
  const fields = (error?.extensions?.['fields'] as Array<{ field: string }> | undefined) ?? [];
  return { code: error?.extensions?.['code'], fields: fields.map((f) => f.field) };
}

let n = 0;
async function newSeller(app: TestApp): Promise<TestClient> {
  ++n;
  return signedUpSeller(app, { email: `bounded-${n}@example.com`, organizationName: `Bounded ${n} LLC` });
}

describe('every input bounded and typed', () => {
  let app: TestApp;
  let seller: TestClient;
  let reviewer: TestClient;
  let admin: TestClient;
  let draft: { id: string; version: number };
  beforeAll(async () => {
    app = await startTestApp({
      seeders: [DemoDataSeeder],
      now: new TestClock(new Date('2026-11-23T17:00:00.000Z')).now,
    });
    seller = await newSeller(app);
    reviewer = await signedIn(app, REVIEWER_EMAIL);
    admin = await signedIn(app, ADMIN_EMAIL);
    const started = await seller.graphql<any>(START, { m: 'US' });
    draft = started.data.startApplication;
    // Three applications in the queue, so that it pages.
    const queued = await signedIn(app, SELLER_EMAIL);
    await submittedApplication(app, queued, SELLER_EMAIL, '2026-10-01', 'MX');
  });
  afterAll(() => app?.stop());

  async function storedDraft() {
    return app.orm.em.fork().findOneOrFail(Application, { id: draft.id });
  }

  describe('malformed ids answer BAD_USER_INPUT naming the argument, on both databases', () => {
    it.each([
      ['a variable', APPLICATION, { id: 'abc' }],
      ['a literal', '{ application(id: "abc") { id } }', {}],
      ['SQL in an id', APPLICATION, { id: "' or 1=1 --" }],
      ['an id one character short', APPLICATION, { id: '0b9f3c52-1d7e-4c0a-9a51-2f0e6f1f4c3' }],
    ])('application(id) given %s', async (_, query, variables) => {
      const res = await reviewer.graphql(query, variables);
      expect(refusal(res)).toEqual({ code: 'BAD_USER_INPUT', fields: ['id'] });
      expect(res.errors?.[0]?.message).toMatch(/id: must be an id \(a UUID/);
    });

    it('a well-formed id nobody has is NOT_FOUND; the same id in capitals finds the application', async () => {
      const missing = await reviewer.graphql(APPLICATION, { id: '0b9f3c52-1d7e-4c0a-9a51-2f0e6f1f4c3d' });
      expect(refusal(missing).code).toBe('NOT_FOUND');
      const found = await seller.graphql<any>(APPLICATION, { id: draft.id.toUpperCase() });
      expect(found.errors).toBeUndefined();
      expect(found.data.application.id).toBe(draft.id);
    });

    it('names the argument or the input field of every kind of id', async () => {
      const ids = await idsOf(app);
      const cases: Array<[TestClient, string, Record<string, unknown>, string]> = [
        [seller, 'mutation($id: ID!) { removeOrganizationUser(userId: $id) { id } }', { id: 'x' }, 'userId'],
        [seller, 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: '42' }, 'id'],
        [seller, 'mutation($id: ID!) { setDefaultReturnAddress(id: $id) { id } }', { id: "' or 1=1 --" }, 'id'],
        [seller, 'mutation($id: ID!) { removeReturnAddress(id: $id) { id } }', { id: 'x'.repeat(10_000) }, 'id'],
        [admin, 'query($o: ID) { apiKeys(organizationId: $o) { id } }', { o: 'nope' }, 'organizationId'],
        [
          admin,
          'mutation($o: ID) { createApiKey(input: { name: "k", scopes: [PROVIDER_RETURNS], organizationId: $o }) { secret } }',
          { o: `${ids.providerOrganizationId}x` },
          'organizationId',
        ],
        [
          reviewer,
          'mutation($id: ID!) { decideApplication(input: { id: $id, version: 1, decision: APPROVE }) { id } }',
          { id: 'abc' },
          'id',
        ],
        [
          seller,
          SAVE,
          {
            id: draft.id,
            v: draft.version,
            input: {
              images: [{ uploadId: 'abc', view: 'TOP' }],
              invoices: [
                { supplier: 'S', invoiceNumber: '1', date: '', currency: 'USD', documentUploadId: 'zz', lines: [] },
              ],
            },
          },
          'images[0].uploadId',
        ],
      ];
      for (const [client, query, variables, field] of cases) {
        const res = await client.graphql(query, variables);
        expect(refusal(res).code, query).toBe('BAD_USER_INPUT');
        expect(refusal(res).fields, query).toContain(field);
      }
      const both = await seller.graphql(SAVE, cases.at(-1)![2]);
      expect(refusal(both).fields.sort()).toEqual(['images[0].uploadId', 'invoices[0].documentUploadId']);
    });

    it('a number where an id goes is refused as well, never a server error', async () => {
      const res = await reviewer.graphql('{ application(id: 42) { id } }');
      expect(res.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
      const variable = await reviewer.graphql(APPLICATION, { id: 42 });
      expect(variable.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    });
  });

  describe('strings are bounded by their column, before the database', () => {
    it('a 100 kB legal name is refused by name and nothing is stored', async () => {
      const before = await storedDraft();
      const res = await seller.graphql(SAVE, {
        id: draft.id,
        v: draft.version,
        input: { legalName: 'A'.repeat(100_000), contactName: 'Still Here' },
      });
      expect(refusal(res)).toEqual({ code: 'BAD_USER_INPUT', fields: ['legalName'] });
      expect(res.errors?.[0]?.message).toBe(`legalName: must be at most ${TEXT_LIMITS.businessName} characters`);
      const after = await storedDraft();
      expect(after.version).toBe(before.version);
      expect(after.contactName).toBe(before.contactName);
    });

    it("an admin's category return window: a 100 kB or control-character category and an out-of-range day count are refused by name", async () => {
      const SET = `mutation($input: CategoryReturnWindowInput!) { setCategoryReturnWindow(input: $input) { days } }`;
      const REMOVE = `mutation($c: String!) { removeCategoryReturnWindow(marketplace: US, categoryName: $c) { days } }`;
      for (const categoryName of ['C'.repeat(100_000), 'Head\u0000phones', 'Head\u202Ephones']) {
        const set = await admin.graphql(SET, { input: { marketplace: 'US', categoryName, days: 20 } });
        expect(refusal(set)).toEqual({ code: 'BAD_USER_INPUT', fields: ['categoryName'] });
        const remove = await admin.graphql(REMOVE, { c: categoryName });
        expect(refusal(remove)).toEqual({ code: 'BAD_USER_INPUT', fields: ['categoryName'] });
      }
      const huge = await admin.graphql(SET, {
        input: { marketplace: 'US', categoryName: 'Headphones', days: 100_000 },
      });
      expect(refusal(huge)).toEqual({ code: 'BAD_USER_INPUT', fields: ['days'] });
      const list = await admin.graphql<any>('{ categoryReturnWindows(marketplace: US) { categoryName days } }');
      expect(list.data.categoryReturnWindows).toEqual([{ categoryName: 'Headphones', days: 15 }]);
    });

    it('the column length itself is accepted, one more character is not', async () => {
      const max = TEXT_LIMITS.businessName;
      const tooLong = await seller.graphql(SAVE, {
        id: draft.id,
        v: draft.version,
        input: { legalName: 'B'.repeat(max + 1) },
      });
      expect(refusal(tooLong).fields).toEqual(['legalName']);
      const fits = await seller.graphql<any>(SAVE, {
        id: draft.id,
        v: draft.version,
        input: { legalName: 'B'.repeat(max), contactName: 'C'.repeat(TEXT_LIMITS.personName) },
      });
      expect(fits.errors).toBeUndefined();
      draft = fits.data.saveApplicationDraft;
      expect((await storedDraft()).legalName).toBe('B'.repeat(max));
    });

    it('names every field too long, down to an invoice line, and lists over their size', async () => {
      const line = { description: 'D'.repeat(TEXT_LIMITS.lineDescription + 1), brand: 'Acme', quantity: 1 };
      const res = await seller.graphql(SAVE, {
        id: draft.id,
        v: draft.version,
        input: {
          contactEmail: `${'e'.repeat(250)}@example.com`,
          categories: Array.from({ length: LIST_LIMITS.categories + 1 }, (_, i) => `Category ${i}`),
          brands: ['x'.repeat(TEXT_LIMITS.brand + 1)],
          invoices: [{ supplier: 'S', invoiceNumber: '1', date: '2026-10-01', currency: 'USD', lines: [line] }],
        },
      });
      expect(refusal(res).code).toBe('BAD_USER_INPUT');
      expect(refusal(res).fields.sort()).toEqual(
        ['brands', 'categories', 'contactEmail', 'invoices[0].lines[0].description'].sort(),
      );
      expect((await storedDraft()).version).toBe(draft.version);
    });

    it.each([
      ['NUL', 'Acme\u0000 Ltd'],
      ['a right-to-left override', 'Acme \u202Edtl'],
      ['a left-to-right isolate', 'Acme \u2066Ltd'],
      ['a line break', 'Acme\nLtd'],
    ])('a legal name holding %s is refused', async (_, legalName) => {
      const res = await seller.graphql(SAVE, { id: draft.id, v: draft.version, input: { legalName } });
      expect(refusal(res)).toEqual({ code: 'BAD_USER_INPUT', fields: ['legalName'] });
      expect((await storedDraft()).version).toBe(draft.version);
    });

    it('names in sign-up are bounded and plain text; nobody is signed up', async () => {
      const input = {
        email: 'plain@example.com',
        password: 'a long password',
        displayName: 'Tess',
        organizationName: 'O',
      };
      const cases: Array<[Record<string, string>, string]> = [
        [{ displayName: 'T'.repeat(TEXT_LIMITS.personName + 1) }, 'displayName'],
        [{ organizationName: 'evil\u202Egnp.exe' }, 'organizationName'],
        [{ email: `nul\u0000@example.com` }, 'email'],
        [{ email: `${'a'.repeat(TEXT_LIMITS.email)}@example.com` }, 'email'],
        [{ password: 'p'.repeat(100_000) }, 'password'],
      ];
      for (const [change, field] of cases) {
        const res = await app.graphql(SIGN_UP, { input: { ...input, ...change } });
        expect(refusal(res), field).toEqual({ code: 'BAD_USER_INPUT', fields: [field] });
      }
      expect(await app.orm.em.fork().count(User, { email: 'plain@example.com' })).toBe(0);
    });

    it('sign-in and password reset refuse NUL and overlong addresses instead of failing in SQL', async () => {
      for (const email of ['nul\u0000@example.com', `${'a'.repeat(100_000)}@example.com`]) {
        const signIn = await app.graphql(
          'mutation($e: String!) { signIn(input: { email: $e, password: "whatever it is" }) { id } }',
          { e: email },
        );
        expect(refusal(signIn)).toEqual({ code: 'BAD_USER_INPUT', fields: ['email'] });
        const reset = await app.graphql('mutation($e: String!) { requestPasswordReset(email: $e) }', { e: email });
        expect(refusal(reset)).toEqual({ code: 'BAD_USER_INPUT', fields: ['email'] });
      }
    });

    it('a reviewer message may span lines but holds no control or bidirectional characters', async () => {
      const decide = 'mutation($input: DecideApplicationInput!) { decideApplication(input: $input) { id } }';
      const base = { id: draft.id, version: 1, decision: 'NEEDS_INFO' };
      const nul = await reviewer.graphql(decide, { input: { ...base, message: 'Please\u0000 send' } });
      expect(refusal(nul)).toEqual({ code: 'BAD_USER_INPUT', fields: ['message'] });
      const long = await reviewer.graphql(decide, {
        input: { ...base, message: 'm'.repeat(TEXT_LIMITS.decisionMessage + 1) },
      });
      expect(refusal(long)).toEqual({ code: 'BAD_USER_INPUT', fields: ['message'] });
      const reasons = await reviewer.graphql(decide, {
        input: {
          ...base,
          decision: 'REJECT',
          reasons: Array.from({ length: LIST_LIMITS.rejectionReasons + 1 }, () => ({ criterion: 'X', reason: 'y' })),
        },
      });
      expect(refusal(reasons)).toEqual({ code: 'BAD_USER_INPUT', fields: ['reasons'] });
      // Lines are fine: past the bounds, the decision's own rules answer (the draft is not in review).
      const lines = await reviewer.graphql(decide, { input: { ...base, message: 'Please\nsend\tthe invoice' } });
      expect(refusal(lines).code).toBe('CONFLICT');
    });
  });

  describe('the review queue: cursors and filters', () => {
    const encode = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    let realParts: unknown[];
    beforeAll(async () => {
      const page = await reviewer.graphql<any>(QUEUE, { first: 1 });
      expect(page.errors).toBeUndefined();
      realParts = JSON.parse(
        Buffer.from(page.data.reviewQueue.pageInfo.endCursor as string, 'base64url').toString('utf8'),
      ) as unknown[];
      expect(realParts).toHaveLength(4);
    });

    it('a real cursor continues the list', async () => {
      const res = await reviewer.graphql(QUEUE, { first: 1, after: encode(realParts) });
      expect(res.errors).toBeUndefined();
    });

    it.each([
      ['a month 13', (p: unknown[]) => [p[0], '2026-13-01', p[2], p[3]]],
      ['30 February', (p: unknown[]) => [p[0], '2026-02-30', p[2], p[3]]],
      ['an impossible instant', (p: unknown[]) => [p[0], p[1], '2026-11-99T99:99:99.000Z', p[3]]],
      ['a day where an instant goes', (p: unknown[]) => [p[0], p[1], '2026-11-23', p[3]]],
      ['an id that is not a UUID', (p: unknown[]) => [p[0], p[1], p[2], "x' or '1'='1"]],
      ['a number for a date', (p: unknown[]) => [p[0], 20261123, p[2], p[3]]],
      ['a key missing', (p: unknown[]) => [p[0], p[1], p[2]]],
      ['another filter', (p: unknown[]) => ['AAAAAAAAAAAA', p[1], p[2], p[3]]],
    ])('a forged cursor with %s answers BAD_USER_INPUT naming after', async (_, forge) => {
      const res = await reviewer.graphql(QUEUE, { first: 1, after: encode(forge(realParts)) });
      expect(refusal(res)).toEqual({ code: 'BAD_USER_INPUT', fields: ['after'] });
    });

    it.each([
      ['not base64 JSON', '!!!not a cursor!!!'],
      ['an object', Buffer.from('{"a":1}').toString('base64url')],
      ['100 kB', 'A'.repeat(100_000)],
    ])('a cursor that is %s answers BAD_USER_INPUT naming after', async (_, after) => {
      const res = await reviewer.graphql(QUEUE, { first: 1, after });
      expect(refusal(res)).toEqual({ code: 'BAD_USER_INPUT', fields: ['after'] });
    });

    it('a status the queue never holds is refused, not ignored', async () => {
      for (const status of ['APPROVED', 'REJECTED', 'DRAFT', 'NEEDS_INFO', 'WITHDRAWN']) {
        const page = await reviewer.graphql(QUEUE, { filter: { status } });
        expect(refusal(page), status).toEqual({ code: 'BAD_USER_INPUT', fields: ['filter.status'] });
        const counts = await reviewer.graphql(
          'query($filter: ReviewQueueFilter) { reviewQueueCounts(filter: $filter) { total } }',
          { filter: { status } },
        );
        expect(refusal(counts), status).toEqual({ code: 'BAD_USER_INPUT', fields: ['filter.status'] });
      }
      for (const status of ['SUBMITTED', 'IN_REVIEW']) {
        expect((await reviewer.graphql(QUEUE, { filter: { status } })).errors).toBeUndefined();
      }
    });
  });
});
