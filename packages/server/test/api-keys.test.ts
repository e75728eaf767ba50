import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKey } from '../src/features/api-keys/api-key.entity.js';
import { ApiScope } from '../src/features/api-keys/api-key.enums.js';
import { OrganizationKind } from '../src/features/accounts/accounts.enums.js';
import { Organization } from '../src/features/accounts/organization.entity.js';
import { DEMO_MARKETPLACE_SYSTEMS } from '../src/seeders/demo-accounts.js';
import { DemoDataSeeder } from '../src/seeders/demo-data.seeder.js';
import { ReferenceDataSeeder } from '../src/seeders/reference-data.seeder.js';
import { ADMIN_EMAIL, OTHER_SELLER_EMAIL, SELLER_EMAIL, createKey, idsOf, signedIn } from './support/principals.js';
import { startTestApp, TestClock, type TestApp, type TestClient } from './support/test-app.js';

const VIEWER = '{ viewer { authenticated user { email } organization { name kind } scopes apiKey { name prefix } } }';
const LIST = '{ apiKeys { id name prefix scopes lastUsedAt revokedAt organization { name } } }';
const REVOKE = 'mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }';

describe('API keys', () => {
  const clock = new TestClock();
  let app: TestApp;
  let seller: TestClient;
  let otherSeller: TestClient;
  let admin: TestClient;
  beforeAll(async () => {
    app = await startTestApp({ seeders: [DemoDataSeeder], now: clock.now });
    [seller, otherSeller, admin] = await Promise.all([
      signedIn(app, SELLER_EMAIL),
      signedIn(app, OTHER_SELLER_EMAIL),
      signedIn(app, ADMIN_EMAIL),
    ]);
  });
  afterAll(() => app?.stop());

  it('a seller creates a key shown once; only its hash is stored; the key authenticates a plain HTTP request', async () => {
    const { id, secret } = await createKey(seller, [ApiScope.READ_APPLICATIONS, ApiScope.READ_QUALITY]);
    expect(secret).toMatch(/^rcf_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    const stored = await app.orm.em.fork().findOneOrFail(ApiKey, { id }, { populate: ['secretHash'] });
    expect(stored.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(secret.slice(18));

    const res = await app.withApiKey(secret).graphql<any>(VIEWER);
    expect(res.data.viewer).toEqual({
      authenticated: true,
      user: null,
      organization: { name: 'Evergreen Renewed', kind: 'SELLER' },
      scopes: ['READ_APPLICATIONS', 'READ_QUALITY'],
      apiKey: { name: 'key read:applications read:quality', prefix: secret.slice(4, 16) },
    });
    const listed = (await seller.graphql<any>(LIST)).data.apiKeys.find((k: any) => k.id === id);
    expect(listed.lastUsedAt).toBe(clock.now().toISOString());
    expect(JSON.stringify(listed)).not.toContain(secret.slice(18));
  });

  it('a revoked key gets 401 UNAUTHENTICATED at once; revoking twice changes nothing', async () => {
    const { id, secret } = await createKey(seller, [ApiScope.READ_RETURNS]);
    const first = await seller.graphql<any>(REVOKE, { id });
    expect(first.data.revokeApiKey.revokedAt).toBeTruthy();
    clock.advance(60_000);
    const second = await seller.graphql<any>(REVOKE, { id });
    expect(second.data.revokeApiKey.revokedAt).toBe(first.data.revokeApiKey.revokedAt);
    const res = await app.withApiKey(secret).graphql(VIEWER);
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0]?.message).toMatch(/revoked/);
  });

  it.each([
    ['garbage', 'Bearer nonsense'],
    ['a well-formed key nobody issued', `Bearer rcf_0123456789ab_${'A'.repeat(43)}`],
    ['a basic auth header', 'Basic dXNlcjpwYXNz'],
  ])('refuses %s with 401 and a message saying what to send', async (_label, header) => {
    const response = await fetch(new URL('/graphql', app.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: header },
      body: JSON.stringify({ query: VIEWER }),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as any;
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('a right prefix with a wrong secret is refused', async () => {
    const { secret } = await createKey(seller, [ApiScope.READ_QUALITY]);
    const tampered = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
    expect((await app.withApiKey(tampered).graphql(VIEWER)).status).toBe(401);
  });

  it('a seller cannot grant provider scopes, nor an empty scope list, nor an empty name; nothing is stored', async () => {
    const before = await app.orm.em.fork().count(ApiKey);
    const res = await seller.graphql<any>(
      'mutation { createApiKey(input: { name: " ", scopes: [PROVIDER_RETURNS] }) { secret } }',
    );
    expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.['fields']).toEqual([
      { field: 'name', message: 'must not be empty' },
      {
        field: 'scopes',
        message:
          'provider:returns cannot be granted to a seller key; allowed: read:applications, read:quality, read:returns, write:returns',
      },
    ]);
    const empty = await seller.graphql<any>('mutation { createApiKey(input: { name: "x", scopes: [] }) { secret } }');
    expect(empty.errors?.[0]?.extensions?.['fields']).toEqual([
      { field: 'scopes', message: 'choose at least one scope' },
    ]);
    expect(await app.orm.em.fork().count(ApiKey)).toBe(before);
  });

  it('a seller sees and revokes only its own organization’s keys', async () => {
    const mine = await createKey(seller, [ApiScope.READ_QUALITY]);
    const theirs = (await otherSeller.graphql<any>(LIST)).data.apiKeys.map((k: any) => k.id);
    expect(theirs).not.toContain(mine.id);
    const res = await otherSeller.graphql(REVOKE, { id: mine.id });
    expect(res.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect((await app.withApiKey(mine.secret).graphql<any>(VIEWER)).data.viewer.authenticated).toBe(true);
  });

  it('an admin creates a provider key with provider scopes, but no key for a seller organization', async () => {
    const { providerOrganizationId } = await idsOf(app);
    const key = await createKey(admin, [ApiScope.PROVIDER_RETURNS], providerOrganizationId);
    const res = await app.withApiKey(key.secret).graphql<any>(VIEWER);
    expect(res.data.viewer.organization).toEqual({ name: 'ReturnWorks Logistics', kind: 'PROVIDER' });
    expect(res.data.viewer.scopes).toEqual(['PROVIDER_RETURNS']);

    const listed = await admin.graphql<any>('query($o: ID) { apiKeys(organizationId: $o) { id } }', {
      o: providerOrganizationId,
    });
    expect(listed.data.apiKeys.map((k: any) => k.id)).toContain(key.id);

    const sellerScope = await admin.graphql<any>(
      'mutation($o: ID) { createApiKey(input: { name: "x", scopes: [READ_QUALITY], organizationId: $o }) { secret } }',
      { o: providerOrganizationId },
    );
    expect(sellerScope.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const viewer = await seller.graphql<any>('{ viewer { organization { id } } }');
    const forSeller = await admin.graphql<any>(
      'mutation($o: ID) { createApiKey(input: { name: "x", scopes: [READ_QUALITY], organizationId: $o }) { secret } }',
      { o: viewer.data.viewer.organization.id },
    );
    expect(forSeller.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('an admin creates an ingestion key for the marketplace systems organization; no other key may ingest', async () => {
    const em = app.orm.em.fork();
    const systems = await em.findOneOrFail(Organization, { name: DEMO_MARKETPLACE_SYSTEMS.name });
    const key = await createKey(admin, [ApiScope.INGEST_MARKETPLACE_DATA], systems.id);
    const res = await app.withApiKey(key.secret).graphql<any>(VIEWER);
    expect(res.data.viewer.organization).toEqual({ name: 'Marketplace Systems', kind: 'MARKETPLACE' });
    expect(res.data.viewer.scopes).toEqual(['INGEST_MARKETPLACE_DATA']);

    const create =
      'mutation($o: ID, $s: [ApiScope!]!) { createApiKey(input: { name: "x", scopes: $s, organizationId: $o }) { secret } }';
    const { providerOrganizationId } = await idsOf(app);
    const refusals = [
      await admin.graphql<any>(create, { o: systems.id, s: ['READ_QUALITY'] }),
      await admin.graphql<any>(create, { o: systems.id, s: ['PROVIDER_RETURNS'] }),
      await admin.graphql<any>(create, { o: providerOrganizationId, s: ['INGEST_MARKETPLACE_DATA'] }),
      await seller.graphql<any>(create, { s: ['INGEST_MARKETPLACE_DATA'] }),
    ];
    expect(refusals.map((r) => r.errors?.[0]?.extensions?.['code'])).toEqual(Array(4).fill('BAD_USER_INPUT'));
  });

  it("an admin finds the marketplace's systems, lists their ingestion keys and revokes one; sellers cannot see them", async () => {
    const orgs = await admin.graphql<any>('{ organizations(kind: MARKETPLACE) { id name kind } }');
    expect(orgs.data.organizations).toEqual([
      expect.objectContaining({ name: 'Marketplace Systems', kind: 'MARKETPLACE' }),
    ]);
    const systemsId: string = orgs.data.organizations[0].id;
    const key = await createKey(admin, [ApiScope.INGEST_MARKETPLACE_DATA], systemsId);
    const list = 'query($o: ID) { apiKeys(organizationId: $o) { id scopes revokedAt organization { kind } } }';
    const listed = await admin.graphql<any>(list, { o: systemsId });
    expect(listed.data.apiKeys).toContainEqual({
      id: key.id,
      scopes: ['INGEST_MARKETPLACE_DATA'],
      revokedAt: null,
      organization: { kind: 'MARKETPLACE' },
    });
    expect((await seller.graphql<any>(list, { o: systemsId })).errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect((await seller.graphql<any>(REVOKE, { id: key.id })).errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');

    expect((await app.withApiKey(key.secret).graphql<any>(VIEWER)).status).toBe(200);
    const revoked = await admin.graphql<any>(REVOKE, { id: key.id });
    expect(revoked.data.revokeApiKey.revokedAt).toBeTruthy();
    expect((await app.withApiKey(key.secret).graphql<any>(VIEWER)).status).toBe(401);
  });
});

describe('The marketplace systems organization', () => {
  it('is reference data: production has it without the demo, and seeding again adds no second one', async () => {
    const app = await startTestApp();
    try {
      const count = () => app.orm.em.fork().count(Organization, { kind: OrganizationKind.MARKETPLACE });
      expect(await count()).toBe(1);
      await app.orm.getSeeder().seed(ReferenceDataSeeder);
      expect(await count()).toBe(1);
    } finally {
      await app.stop();
    }
  });
});
