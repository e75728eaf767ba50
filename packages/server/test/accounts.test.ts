import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Organization } from '../src/features/accounts/organization.entity.js';
import { Session } from '../src/features/accounts/session.entity.js';
import { User } from '../src/features/accounts/user.entity.js';
import { OutboxEmail } from '../src/features/outbox/outbox-email.entity.js';
import { signedUpSeller } from './support/principals.js';
import { startTestApp, TestClock, type TestApp, type TestClient } from './support/test-app.js';

const SIGN_UP = /* GraphQL */ `
  mutation SignUp($input: SignUpSellerInput!) {
    signUpSeller(input: $input)
  }
`;
const CONFIRM = /* GraphQL */ `
  mutation Confirm($token: String!) {
    confirmEmail(token: $token) {
      email
      role
      organization {
        name
        kind
      }
    }
  }
`;
const SIGN_IN = /* GraphQL */ `
  mutation SignIn($email: String!, $password: String!) {
    signIn(input: { email: $email, password: $password }) {
      id
      email
    }
  }
`;
const VIEWER = /* GraphQL */ `
  query {
    viewer {
      authenticated
      role
      user {
        email
      }
      organization {
        name
      }
    }
  }
`;
const COLLEAGUES = /* GraphQL */ `
  query {
    organizationUsers {
      id
      email
      displayName
    }
  }
`;

const HOUR = 3_600_000;
let counter = 0;
const uniqueEmail = (label: string) => `${label}-${++counter}-${Date.now()}@example.com`;

/** A seller signed up and confirmed through the emailed link, so signed in. */
async function signUp(app: TestApp, email = uniqueEmail('seller'), password = 'correct horse battery') {
  const client = await signedUpSeller(app, { email, password, organizationName: `Org of ${email}` });
  return { client, email, password };
}

async function emailsTo(app: TestApp, to: string) {
  return app.orm.em.fork().find(OutboxEmail, { toAddress: to }, { orderBy: { createdAt: 'asc' } });
}

function tokenFrom(email: OutboxEmail): string {
  const match = /token=([A-Za-z0-9_%-]+)/.exec(email.textBody);
  expect(match, `no token link in: ${email.textBody}`).not.toBeNull();
  return decodeURIComponent(match![1]!);
}

describe('accounts over GraphQL', () => {
  const clock = new TestClock();
  let app: TestApp;
  /** Every SQL statement the app runs (a test empties it before the request it looks at). */
  const statements: string[] = [];
  beforeAll(async () => {
    app = await startTestApp({ now: clock.now, onQuery: (sql) => statements.push(sql) });
  });
  afterAll(() => app?.stop());

  describe('sign-up', () => {
    it('a new address: the account waits for the emailed link, which confirms it and signs in with an httpOnly SameSite cookie', async () => {
      const email = uniqueEmail('New.Seller').toUpperCase();
      const client = app.client();
      const res = await client.graphql<any>(SIGN_UP, {
        input: { email, password: 'a long password', displayName: 'Nora', organizationName: 'Fresh Start LLC' },
      });
      expect(res).toEqual({ status: 200, data: { signUpSeller: true } });
      expect(client.lastSetCookie).toBeNull();
      // Until the link is opened the account does not exist for signing in.
      const early = await app.client().graphql(SIGN_IN, { email, password: 'a long password' });
      expect(early.errors?.[0]?.extensions?.['code']).toBe('INVALID_CREDENTIALS');

      const mails = await emailsTo(app, email.toLowerCase());
      expect(mails.map((m) => [m.kind, m.subject])).toEqual([['welcome', 'Welcome to Recertify: confirm your email']]);
      expect(mails[0]!.textBody).toContain(`${app.url}confirm-email?token=`);
      const token = tokenFrom(mails[0]!);
      const confirmed = await client.graphql<any>(CONFIRM, { token });
      expect(confirmed.errors).toBeUndefined();
      expect(confirmed.data.confirmEmail).toEqual({
        email: email.toLowerCase(),
        role: 'SELLER',
        organization: { name: 'Fresh Start LLC', kind: 'SELLER' },
      });
      expect(client.lastSetCookie).toMatch(/rc_session=[^;]+;/);
      expect(client.lastSetCookie).toMatch(/HttpOnly/i);
      expect(client.lastSetCookie).toMatch(/SameSite=Lax/i);
      const viewer = await client.graphql<any>(VIEWER);
      expect(viewer.data.viewer).toMatchObject({
        authenticated: true,
        role: 'SELLER',
        organization: { name: 'Fresh Start LLC' },
      });

      const again = await app.client().graphql(CONFIRM, { token });
      expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TOKEN', field: 'token' });
      expect((await app.client().graphql(SIGN_IN, { email, password: 'a long password' })).errors).toBeUndefined();
    });

    it('an address that has an account (any case) answers exactly as a new one, changes nothing and emails the owner', async () => {
      const { email, password } = await signUp(app);
      const organizations = await app.orm.em.fork().count(Organization);
      const input = (address: string) => ({
        input: { email: address, password: 'another password', displayName: 'X', organizationName: 'Y' },
      });
      const newcomer = app.client();
      const forNew = await newcomer.graphql(SIGN_UP, input(uniqueEmail('newcomer')));
      const intruder = app.client();
      const forExisting = await intruder.graphql(SIGN_UP, input(` ${email.toUpperCase()} `));
      expect(forExisting).toEqual(forNew);
      expect(intruder.lastSetCookie).toBe(newcomer.lastSetCookie);
      expect(await app.orm.em.fork().count(Organization)).toBe(organizations + 1);

      const mails = (await emailsTo(app, email)).filter((m) => m.kind === 'sign-up-attempt');
      expect(mails.map((m) => m.subject)).toEqual(['Someone tried to sign up with your address']);
      expect(mails[0]!.textBody).toContain(`${app.url}reset-password?token=`);
      // The intruder's password opens nothing; the owner's still works.
      const tried = await app.client().graphql(SIGN_IN, { email, password: 'another password' });
      expect(tried.errors?.[0]?.extensions?.['code']).toBe('INVALID_CREDENTIALS');
      expect((await app.client().graphql(SIGN_IN, { email, password })).errors).toBeUndefined();
    });

    it('an address still waiting for its link: the owner gets a link that sets a password and confirms it', async () => {
      const email = uniqueEmail('forgetful');
      const input = { email, password: 'first password', displayName: 'F', organizationName: 'Forgetful Co' };
      await app.client().graphql(SIGN_UP, { input });
      expect((await app.client().graphql<any>(SIGN_UP, { input })).data.signUpSeller).toBe(true);
      const attempt = (await emailsTo(app, email)).find((m) => m.kind === 'sign-up-attempt')!;
      const reset = await app
        .client()
        .graphql<any>('mutation($t: String!) { resetPassword(input: { token: $t, password: "second password" }) }', {
          t: tokenFrom(attempt),
        });
      expect(reset.errors).toBeUndefined();
      expect((await app.client().graphql(SIGN_IN, { email, password: 'second password' })).errors).toBeUndefined();
    });

    it('names every bad field at once: 9-character password, empty names, malformed email', async () => {
      const res = await app.client().graphql(SIGN_UP, {
        input: { email: 'not-an-email', password: '123456789', displayName: ' ', organizationName: '' },
      });
      expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      const fields = (res.errors?.[0]?.extensions?.['fields'] as Array<{ field: string }>).map((f) => f.field);
      expect(fields).toEqual(['email', 'password', 'displayName', 'organizationName']);
      expect(res.errors?.[0]?.message).toContain('password: must be at least 10 characters');
    });

    it('accepts a password of exactly 10 characters', async () => {
      const res = await app.client().graphql(SIGN_UP, {
        input: { email: uniqueEmail('ten'), password: '1234567890', displayName: 'T', organizationName: 'Ten Inc' },
      });
      expect(res.errors).toBeUndefined();
    });

    it('a confirmation link expires after 72 hours', async () => {
      const email = uniqueEmail('late');
      await app.client().graphql(SIGN_UP, {
        input: { email, password: 'a long password', displayName: 'L', organizationName: 'Late LLC' },
      });
      const token = tokenFrom((await emailsTo(app, email))[0]!);
      clock.advance(72 * HOUR);
      const res = await app.client().graphql(CONFIRM, { token });
      expect(res.errors?.[0]?.extensions?.['code']).toBe('INVALID_TOKEN');
      expect(res.errors?.[0]?.message).toMatch(/expired/);
    });
  });

  describe('sign-in and lockout', () => {
    it('gives the same answer for a wrong password and an unknown email', async () => {
      const { email } = await signUp(app);
      const wrong = await app.client().graphql(SIGN_IN, { email, password: 'wrong password!' });
      const unknown = await app.client().graphql(SIGN_IN, { email: uniqueEmail('nobody'), password: 'whatever123' });
      expect(wrong.errors?.[0]?.extensions?.['code']).toBe('INVALID_CREDENTIALS');
      expect(unknown.errors?.[0]).toEqual(wrong.errors?.[0]);
    });

    it('signs in case-insensitively and sets a session cookie', async () => {
      const { email, password } = await signUp(app);
      const client = app.client();
      const res = await client.graphql(SIGN_IN, { email: email.toUpperCase(), password });
      expect(res.errors).toBeUndefined();
      expect(client.sessionToken).toBeTruthy();
      expect((await client.graphql<any>(VIEWER)).data.viewer.user.email).toBe(email);
    });

    // Locks and throttling: sign-in-throttling.test.ts.
  });

  describe('sessions', () => {
    it('expire after 14 days: the cookie then means "not signed in"', async () => {
      const { client } = await signUp(app);
      clock.advance(14 * 24 * HOUR - 1);
      expect((await client.graphql<any>(VIEWER)).data.viewer.authenticated).toBe(true);
      clock.advance(1);
      expect((await client.graphql<any>(VIEWER)).data.viewer.authenticated).toBe(false);
      const res = await client.graphql(COLLEAGUES);
      expect(res.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    });

    it('record when they were last seen, at most once a minute', async () => {
      const { client, email } = await signUp(app);
      const lastSeen = async () => {
        const user = await app.orm.em.fork().findOneOrFail(User, { email });
        return (await app.orm.em.fork().findOneOrFail(Session, { user: user.id })).lastSeenAt.getTime();
      };
      const opened = await lastSeen();
      clock.advance(60_000);
      expect((await client.graphql<any>(VIEWER)).data.viewer.user.email).toBe(email);
      expect(await lastSeen()).toBe(opened);
      clock.advance(1);
      expect((await client.graphql<any>(VIEWER)).data.viewer.authenticated).toBe(true);
      expect(await lastSeen()).toBe(opened + 60_001);
    });

    it('of a deactivated person mean "not signed in", even if not revoked', async () => {
      const { client, email } = await signUp(app);
      expect((await client.graphql<any>(VIEWER)).data.viewer.authenticated).toBe(true);
      await app.orm.em.fork().nativeUpdate(User, { email }, { deactivatedAt: clock.now() });
      expect((await client.graphql<any>(VIEWER)).data.viewer).toMatchObject({ authenticated: false, user: null });
    });

    it('sign-out ends the session on the server: replaying the old cookie does not work', async () => {
      const { client } = await signUp(app);
      const token = client.sessionToken;
      expect((await client.graphql<any>('mutation { signOut }')).data.signOut).toBe(true);
      expect(client.lastSetCookie).toMatch(/rc_session=;/);
      const replay = app.client();
      replay.sessionToken = token;
      expect((await replay.graphql<any>(VIEWER)).data.viewer.authenticated).toBe(false);
    });

    it('sign-out everywhere ends every browser of the account', async () => {
      const { client: laptop, email, password } = await signUp(app);
      const phone = app.client();
      await phone.graphql(SIGN_IN, { email, password });
      const res = await laptop.graphql<any>('mutation { signOutEverywhere }');
      expect(res.data.signOutEverywhere).toBe(2);
      expect((await phone.graphql<any>(VIEWER)).data.viewer.authenticated).toBe(false);
      expect((await laptop.graphql<any>(VIEWER)).data.viewer.authenticated).toBe(false);
    });
  });

  describe('password reset', () => {
    const REQUEST = 'mutation($email: String!) { requestPasswordReset(email: $email) }';
    const RESET =
      'mutation($token: String!, $password: String!) { resetPassword(input: { token: $token, password: $password }) }';

    it('emails a single-use link; the new password works, the old one and old sessions do not; reuse is refused', async () => {
      const { client: oldSession, email, password } = await signUp(app);
      expect((await app.client().graphql<any>(REQUEST, { email })).data.requestPasswordReset).toBe(true);
      const resetMail = (await emailsTo(app, email)).find((m) => m.kind === 'password-reset')!;
      expect(resetMail.subject).toBe('Reset your Recertify password');
      // The link points at the address the server really listens on (the tests use PORT=0).
      expect(resetMail.textBody).toContain(`${app.url}reset-password?token=`);
      const token = tokenFrom(resetMail);

      expect(
        (await app.client().graphql<any>(RESET, { token, password: 'brand new password' })).errors,
      ).toBeUndefined();
      expect((await oldSession.graphql<any>(VIEWER)).data.viewer.authenticated).toBe(false);
      expect((await app.client().graphql(SIGN_IN, { email, password })).errors?.[0]?.extensions?.['code']).toBe(
        'INVALID_CREDENTIALS',
      );
      expect((await app.client().graphql(SIGN_IN, { email, password: 'brand new password' })).errors).toBeUndefined();

      const reuse = await app.client().graphql(RESET, { token, password: 'yet another password' });
      expect(reuse.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TOKEN', field: 'token' });
      expect(reuse.errors?.[0]?.message).toMatch(/already been used/);
    });

    it('a link expires after 60 minutes', async () => {
      const { email } = await signUp(app);
      await app.client().graphql(REQUEST, { email });
      const token = tokenFrom((await emailsTo(app, email)).find((m) => m.kind === 'password-reset')!);
      clock.advance(60 * 60_000);
      const res = await app.client().graphql(RESET, { token, password: 'brand new password' });
      expect(res.errors?.[0]?.extensions?.['code']).toBe('INVALID_TOKEN');
      expect(res.errors?.[0]?.message).toMatch(/expired/);
    });

    it('answers the same for an unknown address, after the same work, and only tells that address it has no account', async () => {
      const { email: known } = await signUp(app);
      const unknown = uniqueEmail('ghost');
      const run = async (email: string) => {
        statements.length = 0;
        const res = await app.client().graphql<any>(REQUEST, { email });
        // Each statement's verb and table, without values (the lines carry the logger's colour codes).
        const shape = statements.map((line) => {
          const [, verb, table] =
            /(select|insert|update|delete|begin|commit|rollback)(?:\s|$)(?:.*?(?:from|into|update)\s+[`"]?(\w+))?/i.exec(
              line,
            ) ?? [];
          return [verb, table].filter(Boolean).join(' ');
        });
        return { res, shape };
      };
      const forKnown = await run(known);
      const forUnknown = await run(unknown);
      expect(forUnknown.res).toEqual(forKnown.res);
      // The same statements, but for the reset token that only an account can have.
      const tokenInsert = forKnown.shape.findIndex((s) => s === 'insert password_reset_token');
      expect(tokenInsert).toBeGreaterThan(-1);
      expect(forUnknown.shape).toEqual(forKnown.shape.filter((_, i) => i !== tokenInsert));

      const mails = await emailsTo(app, unknown);
      expect(mails.map((m) => m.kind)).toEqual(['password-reset-no-account']);
      expect(mails[0]!.textBody).not.toContain('token=');
    });

    it('unlocks a locked account', async () => {
      const { email, password } = await signUp(app);
      for (let i = 0; i < 5; i++) await app.client().graphql(SIGN_IN, { email, password: 'wrong password!' });
      expect((await app.client().graphql(SIGN_IN, { email, password })).errors?.[0]?.extensions?.['code']).toBe(
        'ACCOUNT_LOCKED',
      );
      await app.client().graphql(REQUEST, { email });
      const token = tokenFrom((await emailsTo(app, email)).find((m) => m.kind === 'password-reset')!);
      await app.client().graphql(RESET, { token, password: 'brand new password' });
      expect((await app.client().graphql(SIGN_IN, { email, password: 'brand new password' })).errors).toBeUndefined();
    });
  });

  describe('colleagues in a seller organization', () => {
    const ADD =
      'mutation($email: String!) { addOrganizationUser(input: { email: $email, displayName: "Col League" }) { id email } }';
    const REMOVE = 'mutation($id: ID!) { removeOrganizationUser(userId: $id) { id } }';

    it('a seller adds a colleague, who sets a password from the emailed link and sees the same organization', async () => {
      const { client: owner } = await signUp(app);
      const colleagueEmail = uniqueEmail('colleague');
      const added = await owner.graphql<any>(ADD, { email: colleagueEmail });
      expect(added.errors).toBeUndefined();
      const invitation = (await emailsTo(app, colleagueEmail))[0]!;
      expect(invitation.kind).toBe('invitation');
      const token = tokenFrom(invitation);
      await app
        .client()
        .graphql('mutation($t: String!) { resetPassword(input: { token: $t, password: "colleague password" }) }', {
          t: token,
        });
      const colleague = app.client();
      expect(
        (await colleague.graphql(SIGN_IN, { email: colleagueEmail, password: 'colleague password' })).errors,
      ).toBeUndefined();
      const list = await colleague.graphql<any>(COLLEAGUES);
      expect(list.data.organizationUsers).toHaveLength(2);
    });

    it('removing a colleague signs them out everywhere; removing yourself or another organization’s user is refused', async () => {
      const { client: owner } = await signUp(app);
      const colleagueEmail = uniqueEmail('leaver');
      const added = await owner.graphql<any>(ADD, { email: colleagueEmail });
      const colleagueId = added.data.addOrganizationUser.id as string;
      const token = tokenFrom((await emailsTo(app, colleagueEmail))[0]!);
      await app
        .client()
        .graphql('mutation($t: String!) { resetPassword(input: { token: $t, password: "colleague password" }) }', {
          t: token,
        });
      const colleague = app.client();
      await colleague.graphql(SIGN_IN, { email: colleagueEmail, password: 'colleague password' });

      const { client: stranger } = await signUp(app);
      const strangers = await stranger.graphql<any>(REMOVE, { id: colleagueId });
      expect(strangers.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');

      const me = (await owner.graphql<any>(VIEWER)).data.viewer;
      const ownerId = (await app.orm.em.fork().findOneOrFail(User, { email: me.user.email })).id;
      const self = await owner.graphql<any>(REMOVE, { id: ownerId });
      expect(self.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });

      expect((await owner.graphql<any>(REMOVE, { id: colleagueId })).errors).toBeUndefined();
      expect((await colleague.graphql<any>(VIEWER)).data.viewer.authenticated).toBe(false);
      const sessions = await app.orm.em.fork().find(Session, { user: colleagueId, revokedAt: null });
      expect(sessions).toHaveLength(0);
      expect((await owner.graphql<any>(COLLEAGUES)).data.organizationUsers).toHaveLength(1);
    });
  });
});

export type { TestClient };
