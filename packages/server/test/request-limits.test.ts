import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxEmail } from '../src/features/outbox/outbox-email.entity.js';
import { UPLOAD_CSRF_HEADER } from '../src/features/uploads/uploads.router.js';
import { DemoDataSeeder } from '../src/seeders/demo-data.seeder.js';
import { ReferenceDataSeeder } from '../src/seeders/reference-data.seeder.js';
import { createKey, REVIEWER_EMAIL, SELLER_EMAIL, signedIn } from './support/principals.js';
import { startTestApp, testDatabaseKind, type TestApp } from './support/test-app.js';
import { rateLimitStore } from '../src/limits/index.js';
import { ApiScope } from '../src/features/api-keys/api-key.enums.js';

/** `{ a0: <field> a1: <field> ... }` */
const aliased = (count: number, field: string, operation = 'query') =>
  `${operation} { ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

const RESET = (email: string) => `requestPasswordReset(email: ${JSON.stringify(email)})`;

async function emailsTo(app: TestApp, to: string): Promise<number> {
  return app.orm.em.fork().count(OutboxEmail, { toAddress: to });
}

/** POSTs GraphQL from a given client address (the server believes X-Forwarded-For from loopback). */
async function post(app: TestApp, body: object, ip: string, headers: Record<string, string> = {}) {
  const response = await fetch(new URL('/graphql', app.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...headers },
    body: JSON.stringify(body),
  });
  return {
    response,
    body: (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions: any }> },
  };
}

describe('query limits: what one request may cost', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ seeders: [ReferenceDataSeeder, DemoDataSeeder] });
  });
  afterAll(() => app?.stop());

  it('refuses 1,000 aliases of marketplaces { policyVersions } from an anonymous caller, naming the limit', async () => {
    const res = await app.graphql(aliased(1000, 'marketplaces { policyVersions { id notes } }'));
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    expect(res.errors).toHaveLength(1);
    // 1,000 aliases are over 5,000 tokens: refused while parsing, before validation.
    expect(res.errors![0]!.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'tokens', max: 5000 });
    expect(res.errors![0]!.message).toMatch(/number of tokens is over the limit of 5000/);
  });

  it('refuses one alias past the limit of 15, and lets 15 through', async () => {
    const ok = await app.graphql(aliased(15, 'marketplaces { code }'));
    expect(ok.errors).toBeUndefined();
    expect(Object.keys(ok.data!)).toHaveLength(15);
    const res = await app.graphql(aliased(16, 'marketplaces { code }'));
    expect(res.status).toBe(400);
    expect(res.errors).toEqual([
      {
        message: expect.stringMatching(/number of aliases is 16, over the limit of 15/),
        extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'aliases', max: 15 },
      },
    ]);
  });

  it('refuses 100 aliased password resets for one address: no email is queued', async () => {
    // The demo data has already written to this seller (returns, quality): count what this adds.
    const before = await emailsTo(app, SELLER_EMAIL);
    const res = await app.graphql(aliased(100, RESET(SELLER_EMAIL), 'mutation'));
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases', max: 15 });
    expect(await emailsTo(app, SELLER_EMAIL)).toBe(before);
  });

  it('refuses an operation whose lists would cost more than the limit (a page of 100 with its details)', async () => {
    const application =
      'node { id invoices { id lines { id description } } images { id } timeline { at } eligibility { criteria { criterion } } }';
    const reviewer = await signedIn(app, REVIEWER_EMAIL);
    const small = await reviewer.graphql(`{ reviewQueue(first: 5) { edges { ${application} } } }`);
    expect(small.errors).toBeUndefined();
    const res = await reviewer.graphql(`{ reviewQueue(first: 100) { edges { ${application} } } }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: 10000 });
    expect(res.errors?.[0]?.message).toMatch(/estimated cost is \d+, over the limit of 10000/);
    // One document, its page size in a variable: each request is costed with its own variables.
    const paged = `query($n: Int) { reviewQueue(first: $n) { edges { ${application} } } }`;
    expect((await reviewer.graphql(paged, { n: 5 })).errors).toBeUndefined();
    expect((await reviewer.graphql(paged, { n: 100 })).errors?.[0]?.extensions).toMatchObject({ limit: 'cost' });
    expect((await reviewer.graphql(paged, { n: 5 })).errors).toBeUndefined();
  });
});

describe('query limits: settings', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      environment: { GRAPHQL_MAX_DEPTH: '3', GRAPHQL_MAX_DIRECTIVES: '2', GRAPHQL_MAX_TOKENS: '100000' },
    });
  });
  afterAll(() => app?.stop());

  it('GRAPHQL_MAX_DEPTH: three levels pass, four are refused', async () => {
    expect((await app.graphql('{ marketplaces { policyVersions { id } } }')).errors).toBeUndefined();
    const res = await app.graphql('{ viewer { user { organization { id } } } }');
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'depth', max: 3 });
  });

  it('GRAPHQL_MAX_DIRECTIVES: two pass, three are refused', async () => {
    const skip = '@include(if: true)';
    expect((await app.graphql(`{ appInfo ${skip} { embedded ${skip} } }`)).errors).toBeUndefined();
    const res = await app.graphql(`{ appInfo ${skip} { embedded ${skip} } viewer ${skip} { authenticated } }`);
    expect(res.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'directives', max: 2 });
  });

  it('with more tokens allowed, 1,000 aliases are refused by the alias limit', async () => {
    const res = await app.graphql(aliased(1000, 'marketplaces { policyVersions { id } }'));
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases', max: 15 });
  });
});

describe('RECERTIFY_LIMITS=off (for measuring what the limits cost)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ environment: { RECERTIFY_LIMITS: 'off', RATE_LIMIT_ANONYMOUS: '1' } });
  });
  afterAll(() => app?.stop());

  it('runs an operation over the query limits, and counts no requests', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await app.graphql(aliased(16, 'appInfo { embedded }'));
      expect(res.status).toBe(200);
      expect(res.errors).toBeUndefined();
    }
  });
});

describe('rate limits: what one client may cost', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      seeders: [ReferenceDataSeeder, DemoDataSeeder],
      environment: {
        RATE_LIMIT_ANONYMOUS: '5',
        RATE_LIMIT_SESSION: '4',
        RATE_LIMIT_API_KEY: '5',
        RATE_LIMIT_WINDOW_SECONDS: '600',
        EMAIL_LIMIT_PER_ADDRESS: '2',
      },
    });
  });
  afterAll(() => app?.stop());

  const VIEWER = { query: '{ viewer { authenticated } }' };

  it('anonymous: per IP address, 429 with Retry-After and RATE_LIMITED once over; another address is not affected', async () => {
    for (let i = 0; i < 5; i++) {
      const { response } = await post(app, VIEWER, '198.51.100.1');
      expect(response.status).toBe(200);
    }
    const { response, body } = await post(app, VIEWER, '198.51.100.1');
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(500);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      {
        message: expect.stringMatching(/limit "requests-ip" allows 5 per 600 s/),
        extensions: { code: 'RATE_LIMITED', limit: 'requests-ip', max: 5, retryAfterSeconds: retryAfter },
      },
    ]);
    expect((await post(app, VIEWER, '198.51.100.2')).response.status).toBe(200);
  });

  it('an address cannot be chosen by a client: X-Forwarded-For from a public peer is not believed', async () => {
    // The test connects from loopback, which is a trusted proxy; a chain names the last untrusted hop.
    const { response } = await post(app, VIEWER, '198.51.100.1, 203.0.113.50');
    expect(response.status).toBe(200);
    // 198.51.100.1 is over its limit: putting it behind a public hop does not let it escape.
    const again = await post(app, VIEWER, '203.0.113.50, 198.51.100.1');
    expect(again.response.status).toBe(429);
  });

  it('signed in: per session, not per address', async () => {
    const seller = await signedIn(app, SELLER_EMAIL); // one anonymous request (from 127.0.0.1)
    const cookie = `rc_session=${seller.sessionToken}`;
    for (let i = 0; i < 4; i++) {
      expect((await post(app, VIEWER, `192.0.2.${i}`, { cookie })).response.status).toBe(200);
    }
    const { response, body } = await post(app, VIEWER, '192.0.2.99', { cookie });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'requests-session', max: 4 });
    // The same person in another session has a budget of their own.
    const other = await signedIn(app, SELLER_EMAIL);
    expect((await other.graphql(VIEWER.query)).status).toBe(200);
  });

  it('API key: per key; uploads count against the same budget and answer 429 the same way', async () => {
    const seller = await signedIn(app, SELLER_EMAIL);
    const key = await createKey(seller, [ApiScope.READ_APPLICATIONS]);
    const authorization = `Bearer ${key.secret}`;
    for (let i = 0; i < 4; i++) {
      expect((await post(app, VIEWER, '192.0.2.200', { authorization })).response.status).toBe(200);
    }
    // The fifth request goes to the upload route: still allowed (and refused for its scope, 403).
    const upload = await fetch(new URL('/uploads?kind=IMAGE', app.url), {
      method: 'POST',
      headers: { authorization, [UPLOAD_CSRF_HEADER]: '1' },
    });
    expect(upload.status).not.toBe(429);
    const refused = await fetch(new URL('/uploads/00000000-0000-4000-8000-000000000000', app.url), {
      headers: { authorization },
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await refused.json()).toEqual({
      errors: [
        {
          message: expect.stringMatching(/requests-api-key/),
          extensions: {
            code: 'RATE_LIMITED',
            limit: 'requests-api-key',
            max: 5,
            retryAfterSeconds: expect.any(Number),
          },
        },
      ],
    });
    expect((await post(app, VIEWER, '192.0.2.200', { authorization })).response.status).toBe(429);
  });

  it('emails to one address: a few per window, whoever asks and from wherever; other addresses unaffected', async () => {
    const reset = { query: 'mutation($e: String!) { requestPasswordReset(email: $e) }' };
    const target = 'new-seller@demo.recertify.test';
    for (let i = 0; i < 2; i++) {
      const { response, body } = await post(app, { ...reset, variables: { e: target } }, `203.0.113.${i + 1}`);
      expect(response.status).toBe(200);
      expect(body.data.requestPasswordReset).toBe(true);
    }
    const { response, body } = await post(app, { ...reset, variables: { e: target.toUpperCase() } }, '203.0.113.9');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      limit: 'emails-per-address',
      max: 2,
    });
    expect(body.errors?.[0]?.extensions.retryAfterSeconds).toBeGreaterThan(3000);
    expect(await emailsTo(app, target)).toBe(2);
    const other = await post(app, { ...reset, variables: { e: SELLER_EMAIL } }, '203.0.113.9');
    expect(other.response.status).toBe(200);
  });
});

describe.runIf(testDatabaseKind() === 'postgresql')('rate limits on PostgreSQL: no query per request', () => {
  let app: TestApp;
  beforeAll(async () => {
    // No periodic flush during the test: the test flushes when it wants to look.
    app = await startTestApp({ environment: { RATE_LIMIT_ANONYMOUS: '3', RATE_LIMIT_FLUSH_MS: '3600000' } });
  });
  afterAll(() => app?.stop());

  const rows = () =>
    app.orm.em
      .fork()
      .getConnection()
      .execute<Array<{ points: number }>>(`select points from rate_limit where key like 'requests-ip:%'`);

  it('counts in memory, refuses once over, and writes the count to the shared table at the flush', async () => {
    const VIEWER = { query: '{ viewer { authenticated } }' };
    for (let i = 0; i < 3; i++) expect((await post(app, VIEWER, '198.51.100.40')).response.status).toBe(200);
    expect((await post(app, VIEWER, '198.51.100.40')).response.status).toBe(429);
    expect(await rows()).toEqual([]);
    await rateLimitStore(app.orm).flush();
    expect(await rows()).toEqual([{ points: 3 }]);
  });
});

describe('introspection and field suggestions', () => {
  const INTROSPECTION = '{ __schema { queryType { name } } }';
  const TYPO = '{ viewer { authenticatd } }';

  describe('in production', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp({ env: 'production' });
    });
    afterAll(() => app?.stop());

    it('refuse introspection, pointing at the committed schema', async () => {
      for (const query of [INTROSPECTION, '{ __type(name: "Query") { name } }']) {
        const res = await app.graphql(query);
        expect(res.status).toBe(400);
        expect(res.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
        expect(res.errors?.[0]?.message).toMatch(/Introspection is turned off.*schema\.graphql.*GRAPHQL_INTROSPECTION/);
      }
      // __typename is not introspection of the schema: clients (Apollo) send it with everything.
      expect((await app.graphql('{ __typename }')).data).toEqual({ __typename: 'Query' });
    });

    it('do not suggest field names', async () => {
      const res = await app.graphql(TYPO);
      expect(res.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
      expect(res.errors?.[0]?.message).toMatch(/Cannot query field "authenticatd" on type "Viewer"/);
      expect(res.errors?.[0]?.message).not.toMatch(/Did you mean|authenticated/);
    });
  });

  describe('in production with GRAPHQL_INTROSPECTION and GRAPHQL_FIELD_SUGGESTIONS on', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp({
        env: 'production',
        environment: { GRAPHQL_INTROSPECTION: 'true', GRAPHQL_FIELD_SUGGESTIONS: 'true' },
      });
    });
    afterAll(() => app?.stop());

    it('answer introspection and suggest field names', async () => {
      expect((await app.graphql(INTROSPECTION)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      expect((await app.graphql(TYPO)).errors?.[0]?.message).toMatch(/Did you mean "authenticated"\?/);
    });
  });

  describe('in development and tests (the defaults there)', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp();
    });
    afterAll(() => app?.stop());

    it('answer introspection and suggest field names', async () => {
      expect((await app.graphql(INTROSPECTION)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      expect((await app.graphql(TYPO)).errors?.[0]?.message).toMatch(/Did you mean "authenticated"\?/);
    });
  });
});
