import { ApiScope } from '../../src/features/api-keys/api-key.enums.js';
import { Organization } from '../../src/features/accounts/organization.entity.js';
import { User } from '../../src/features/accounts/user.entity.js';
import { OutboxEmail } from '../../src/features/outbox/outbox-email.entity.js';
import { DEMO_PASSWORD, DEMO_PROVIDER } from '../../src/seeders/demo-accounts.js';
import type { TestApp, TestClient } from './test-app.js';

export const SELLER_EMAIL = 'approved-seller@demo.recertify.test';
export const OTHER_SELLER_EMAIL = 'new-seller@demo.recertify.test';
export const REVIEWER_EMAIL = 'reviewer@demo.recertify.test';
export const ADMIN_EMAIL = 'admin@demo.recertify.test';

const SIGN_IN =
  'mutation($email: String!, $password: String!) { signIn(input: { email: $email, password: $password }) { id } }';

/** Signs a demo account in (the app must have been seeded with DemoDataSeeder). */
export async function signedIn(app: TestApp, email: string): Promise<TestClient> {
  const client = app.client();
  const res = await client.graphql(SIGN_IN, { email, password: DEMO_PASSWORD });
  if (res.errors) throw new Error(`sign-in of ${email} failed: ${JSON.stringify(res.errors)}`);
  return client;
}

const CREATE_KEY = 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id } } }';

export async function createKey(
  client: TestClient,
  scopes: ApiScope[],
  organizationId?: string,
): Promise<{ id: string; secret: string }> {
  const res = await client.graphql<any>(CREATE_KEY, {
    input: {
      name: `key ${scopes.join(' ')}`,
      scopes: scopes.map(scopeEnumName),
      ...(organizationId ? { organizationId } : {}),
    },
  });
  if (res.errors) throw new Error(`createApiKey failed: ${JSON.stringify(res.errors)}`);
  return { id: res.data.createApiKey.apiKey.id, secret: res.data.createApiKey.secret };
}

/** GraphQL enum name of a scope value: 'read:applications' -> READ_APPLICATIONS. */
export function scopeEnumName(scope: ApiScope): string {
  return Object.entries(ApiScope).find(([, value]) => value === scope)![0];
}

export async function idsOf(app: TestApp) {
  const em = app.orm.em.fork();
  const user = async (email: string) => (await em.findOneOrFail(User, { email })).id;
  return {
    sellerUserId: await user(SELLER_EMAIL),
    otherSellerUserId: await user(OTHER_SELLER_EMAIL),
    providerOrganizationId: (await em.findOneOrFail(Organization, { name: DEMO_PROVIDER.name })).id,
  };
}

const SIGN_UP = `mutation($input: SignUpSellerInput!) { signUpSeller(input: $input) }`;
const CONFIRM_EMAIL = 'mutation($token: String!) { confirmEmail(token: $token) { id } }';

/**
 * Signs a new seller up as a person does: sign-up, then the link of the welcome email (read from
 * the outbox), which confirms the address and signs in. Returns the signed-in client.
 */
export async function signedUpSeller(
  app: TestApp,
  seller: { email: string; organizationName: string; password?: string; displayName?: string },
): Promise<TestClient> {
  const client = app.client();
  const signUp = await client.graphql(SIGN_UP, {
    input: {
      email: seller.email,
      password: seller.password ?? 'a long password',
      displayName: seller.displayName ?? 'Tess',
      organizationName: seller.organizationName,
    },
  });
  if (signUp.errors) throw new Error(`sign-up of ${seller.email} failed: ${JSON.stringify(signUp.errors)}`);
  const welcome = await app.orm.em
    .fork()
    .findOneOrFail(OutboxEmail, { toAddress: seller.email.trim().toLowerCase(), kind: 'welcome' });
  const confirmed = await client.graphql(CONFIRM_EMAIL, { token: linkToken(welcome.textBody) });
  if (confirmed.errors) throw new Error(`confirming ${seller.email} failed: ${JSON.stringify(confirmed.errors)}`);
  return client;
}

/** The token of the link in an email's text. */
export function linkToken(text: string): string {
  const match = /\?token=([A-Za-z0-9_%-]+)/.exec(text);
  if (!match) throw new Error(`no link with a token in: ${text}`);
  return decodeURIComponent(match[1]!);
}
