import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { Role } from '../src/features/accounts/accounts.enums.js';
import { hashPassword } from '../src/features/accounts/secrets.js';
import { User } from '../src/features/accounts/user.entity.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const SIGN_IN = 'mutation($e: String!) { signIn(input: { email: $e, password: "a long password" }) { id } }';

/** A production deployment (NODE_ENV=production, not embedded) as its settings describe it. */
const DEPLOYMENT = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db.internal/recertify' };

/** Signs a reviewer in; returns the session cookie's Set-Cookie header. */
async function sessionCookieOf(app: TestApp): Promise<string> {
  const email = `cookie-${Date.now()}@example.com`;
  const em = app.orm.em.fork();
  const passwordHash = await hashPassword('a long password');
  em.persist(new User({ email, displayName: 'Cy', role: Role.REVIEWER, organization: null, passwordHash }));
  await em.flush();
  const client = app.client();
  const res = await client.graphql(SIGN_IN, { e: email });
  expect(res.errors).toBeUndefined();
  expect(client.lastSetCookie).toMatch(/^rc_session=[^;]+;/);
  return client.lastSetCookie!;
}

describe('the session cookie', () => {
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  it('is Secure in a production deployment, even when its public URL is http', async () => {
    app = await startTestApp({ env: 'production', environment: { ...DEPLOYMENT, PUBLIC_URL: 'http://rc.internal' } });
    expect(await sessionCookieOf(app)).toMatch(/; Secure/i);
  });

  it('is not Secure when the setting says the deployment is plain HTTP', async () => {
    app = await startTestApp({ env: 'production', environment: { ...DEPLOYMENT, PLAIN_HTTP: 'true' } });
    const cookie = await sessionCookieOf(app);
    expect(cookie).not.toMatch(/Secure/i);
    expect(cookie).toMatch(/HttpOnly/i);
  });

  it('is not Secure in embedded mode on http://127.0.0.1 (the demo)', async () => {
    app = await startTestApp({ env: 'production', environment: { NODE_ENV: 'production' } });
    expect(await sessionCookieOf(app)).not.toMatch(/Secure/i);
  });
});

describe('the session cookie of an API client that accepts no encoding', () => {
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  /** One POST /graphql without Accept-Encoding (fetch would send one); returns its Set-Cookie headers. */
  function post(url: string, body: unknown, cookie?: string): Promise<string[]> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        new URL('/graphql', url),
        { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.headers['set-cookie'] ?? []));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify(body));
    });
  }

  it('is set for the session length with HttpOnly, SameSite=Lax on every path, and cleared on sign-out', async () => {
    app = await startTestApp({ environment: { SESSION_TTL_HOURS: '12' } });
    const email = `raw-cookie-${Date.now()}@example.com`;
    const em = app.orm.em.fork();
    const passwordHash = await hashPassword('a long password');
    em.persist(new User({ email, displayName: 'Ra', role: Role.REVIEWER, organization: null, passwordHash }));
    await em.flush();

    const before = Date.now();
    const [set, ...others] = await post(app.url, { query: SIGN_IN, variables: { e: email } });
    expect(others).toEqual([]);
    const match = /^rc_session=([^;]+); Path=\/; Expires=([^;]+); HttpOnly; SameSite=Lax$/.exec(set ?? '');
    expect(match, set).not.toBeNull();
    const expires = Date.parse(match![2]!);
    // Twelve hours from sign-in, to the second an Expires attribute carries.
    expect(expires).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 12 * 3_600_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 12 * 3_600_000);

    const cleared = await post(app.url, { query: 'mutation { signOut }' }, `rc_session=${match![1]}`);
    expect(cleared).toEqual(['rc_session=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax']);
  });
});
