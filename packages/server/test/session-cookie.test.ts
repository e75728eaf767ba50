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
