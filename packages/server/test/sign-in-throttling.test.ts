import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src/features/accounts/accounts.enums.js';
import { hashPassword } from '../src/features/accounts/secrets.js';
import { User } from '../src/features/accounts/user.entity.js';
import { OutboxEmail } from '../src/features/outbox/outbox-email.entity.js';
import { startTestApp, TestClock, type GraphQLResponse, type TestApp } from './support/test-app.js';

/*
 * Guessing passwords, as a hostile client would: many guesses at once, from one address or from
 * many (every 127.0.0.0/8 address reaches the loopback server, so each test client has its own).
 * The numbers are the defaults (5 failures in a row per client and account, locks of 15 minutes)
 * except two this file lowers so the tests need fewer slow password checks: 10 failures in a row
 * per account from everyone (20 by default) and 12 failures per address (100 by default).
 */
const SIGN_IN = /* GraphQL */ `
  mutation SignIn($email: String!, $password: String!) {
    signIn(input: { email: $email, password: $password }) {
      email
    }
  }
`;
const RESET =
  'mutation($token: String!, $password: String!) { resetPassword(input: { token: $token, password: $password }) }';
const PASSWORD = 'correct horse battery';
const WRONG = 'wrong password!';

interface Client {
  graphql(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse>;
}

let lastAddress = 1;
/** A client with a network address of its own (127.0.0.2, 127.0.0.3, ...). */
function newClient(app: TestApp): Client {
  lastAddress += 1;
  const localAddress = `127.0.${Math.floor(lastAddress / 250)}.${(lastAddress % 250) + 2}`;
  const url = new URL('/graphql', app.url);
  return {
    graphql(query, variables) {
      const body = JSON.stringify({ query, variables });
      return new Promise((resolve, reject) => {
        const request = http.request(
          {
            host: url.hostname,
            port: url.port,
            path: url.pathname,
            method: 'POST',
            localAddress,
            agent: false,
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          },
          (response) => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => (text += chunk));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, ...JSON.parse(text) }));
          },
        );
        request.on('error', reject);
        request.end(body);
      });
    },
  };
}

let counter = 0;
async function newAccount(app: TestApp, role: Role = Role.SELLER): Promise<string> {
  const email = `guessed-${++counter}-${Date.now()}@example.com`;
  const em = app.orm.em.fork();
  em.persist(
    new User({ email, displayName: 'Gus', role, organization: null, passwordHash: await hashPassword(PASSWORD) }),
  );
  await em.flush();
  return email;
}

const codeOf = (res: GraphQLResponse) => (res.errors ? String(res.errors[0]?.extensions?.['code']) : 'SIGNED_IN');

function tally(results: GraphQLResponse[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const res of results) counts[codeOf(res)] = (counts[codeOf(res)] ?? 0) + 1;
  return counts;
}

describe('guessing passwords', () => {
  const clock = new TestClock();
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      now: clock.now,
      environment: { SIGN_IN_IP_MAX_FAILURES: '12', SIGN_IN_ACCOUNT_MAX_FAILURES: '10' },
    });
  });
  afterAll(() => app?.stop());

  async function userRow(email: string) {
    return app.orm.em.fork().findOneOrFail(User, { email });
  }

  describe('from one client', () => {
    it('the 5th failure in a row locks that client out of the account, even for the right password', async () => {
      const email = await newAccount(app);
      const guesser = newClient(app);
      for (let attempt = 1; attempt <= 4; attempt++) {
        expect(codeOf(await guesser.graphql(SIGN_IN, { email, password: WRONG })), `attempt ${attempt}`).toBe(
          'INVALID_CREDENTIALS',
        );
      }
      const fifth = await guesser.graphql(SIGN_IN, { email, password: WRONG });
      expect(codeOf(fifth)).toBe('ACCOUNT_LOCKED');
      expect(fifth.errors?.[0]?.message).toMatch(/locked for 15 more minutes/);
      expect(codeOf(await guesser.graphql(SIGN_IN, { email, password: PASSWORD }))).toBe('ACCOUNT_LOCKED');
    });

    it('100 wrong passwords sent at once are counted one by one: 4 refused as wrong, 96 as locked', async () => {
      const email = await newAccount(app);
      const guesser = newClient(app);
      const results = await Promise.all(
        Array.from({ length: 100 }, () => guesser.graphql(SIGN_IN, { email, password: WRONG })),
      );
      expect(tally(results)).toEqual({ INVALID_CREDENTIALS: 4, ACCOUNT_LOCKED: 96 });
      expect(codeOf(await guesser.graphql(SIGN_IN, { email, password: PASSWORD }))).toBe('ACCOUNT_LOCKED');
    });

    it('cannot lock the owner out: of a seller or of staff, who sign in from their own address', async () => {
      for (const role of [Role.SELLER, Role.REVIEWER, Role.ADMIN]) {
        const email = await newAccount(app, role);
        const guesser = newClient(app);
        await Promise.all(Array.from({ length: 50 }, () => guesser.graphql(SIGN_IN, { email, password: WRONG })));
        expect(codeOf(await guesser.graphql(SIGN_IN, { email, password: PASSWORD })), role).toBe('ACCOUNT_LOCKED');
        expect(codeOf(await newClient(app).graphql(SIGN_IN, { email, password: PASSWORD })), role).toBe('SIGNED_IN');
      }
    });

    it('a success forgets the failures: 4 failures, a success, 4 more failures do not lock', async () => {
      const email = await newAccount(app);
      const client = newClient(app);
      for (let i = 0; i < 4; i++) await client.graphql(SIGN_IN, { email, password: WRONG });
      expect(codeOf(await client.graphql(SIGN_IN, { email, password: PASSWORD }))).toBe('SIGNED_IN');
      for (let i = 0; i < 4; i++) {
        expect(codeOf(await client.graphql(SIGN_IN, { email, password: WRONG }))).toBe('INVALID_CREDENTIALS');
      }
      expect((await userRow(email)).failedSignIns).toBe(4);
    });

    it('after 12 failures from one address, to any accounts, that address may not sign in at all for an hour', async () => {
      const sprayer = newClient(app);
      for (let i = 0; i < 4; i++) {
        const email = await newAccount(app);
        const results = await Promise.all([1, 2, 3].map(() => sprayer.graphql(SIGN_IN, { email, password: WRONG })));
        expect(tally(results)).toEqual({ INVALID_CREDENTIALS: 3 });
      }
      const email = await newAccount(app);
      const refused = await sprayer.graphql(SIGN_IN, { email, password: PASSWORD });
      expect(refused.status).toBe(429);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'sign-in-ip', max: 12 });
      expect(refused.errors?.[0]?.extensions?.['retryAfterSeconds']).toBeGreaterThan(3500);
      expect(codeOf(await newClient(app).graphql(SIGN_IN, { email, password: PASSWORD }))).toBe('SIGNED_IN');
    });
  });

  describe('from many clients', () => {
    it('20 wrong passwords at once from 5 addresses lock the account for everyone at exactly the 10th, and email its owner once', async () => {
      const email = await newAccount(app);
      const guessers = Array.from({ length: 5 }, () => newClient(app));
      const results = await Promise.all(
        guessers.flatMap((guesser) => [1, 2, 3, 4].map(() => guesser.graphql(SIGN_IN, { email, password: WRONG }))),
      );
      expect(tally(results)).toEqual({ INVALID_CREDENTIALS: 9, ACCOUNT_LOCKED: 11 });
      const row = await userRow(email);
      expect(row.lockedUntil).toEqual(new Date(clock.now().getTime() + 15 * 60_000));
      expect(row.failedSignIns).toBe(0);

      const owner = newClient(app);
      const refused = await owner.graphql(SIGN_IN, { email, password: PASSWORD });
      expect(codeOf(refused)).toBe('ACCOUNT_LOCKED');
      expect(refused.errors?.[0]?.message).toMatch(/check your email for the link that unlocks it/);

      const mails = await app.orm.em.fork().find(OutboxEmail, { toAddress: email });
      expect(mails.map((m) => m.kind)).toEqual(['account-locked']);
      expect(mails[0]!.subject).toBe('Your Recertify account is locked');
      const token = decodeURIComponent(/reset-password\?token=([A-Za-z0-9_%-]+)/.exec(mails[0]!.textBody)![1]!);
      expect((await owner.graphql(RESET, { token, password: 'a brand new password' })).errors).toBeUndefined();
      expect(codeOf(await owner.graphql(SIGN_IN, { email, password: 'a brand new password' }))).toBe('SIGNED_IN');
    });

    it('the account lock ends after 15 minutes', async () => {
      const email = await newAccount(app);
      for (let i = 0; i < 10; i++) await newClient(app).graphql(SIGN_IN, { email, password: WRONG });
      const owner = newClient(app);
      clock.advance(15 * 60_000 - 1);
      expect(codeOf(await owner.graphql(SIGN_IN, { email, password: PASSWORD }))).toBe('ACCOUNT_LOCKED');
      clock.advance(1);
      expect(codeOf(await owner.graphql(SIGN_IN, { email, password: PASSWORD }))).toBe('SIGNED_IN');
    });
  });

  describe('addresses without an account answer as accounts do', () => {
    it('one client: the same answers, word for word, up to the lock', async () => {
      const known = await newAccount(app);
      const unknown = `nobody-${Date.now()}@example.com`;
      const [a, b] = [newClient(app), newClient(app)];
      for (let attempt = 1; attempt <= 6; attempt++) {
        const forKnown = await a.graphql(SIGN_IN, { email: known, password: WRONG });
        const forUnknown = await b.graphql(SIGN_IN, { email: unknown, password: WRONG });
        expect([codeOf(forUnknown), forUnknown.errors?.[0]?.message], `attempt ${attempt}`).toEqual([
          codeOf(forKnown),
          forKnown.errors?.[0]?.message,
        ]);
      }
    });

    it('many clients: the same answers up to and after the account lock', async () => {
      const known = await newAccount(app);
      const unknown = `nobody-else-${Date.now()}@example.com`;
      for (let attempt = 1; attempt <= 11; attempt++) {
        const forKnown = await newClient(app).graphql(SIGN_IN, { email: known, password: WRONG });
        const forUnknown = await newClient(app).graphql(SIGN_IN, { email: unknown, password: WRONG });
        expect([codeOf(forUnknown), forUnknown.errors?.[0]?.message], `attempt ${attempt}`).toEqual([
          codeOf(forKnown),
          forKnown.errors?.[0]?.message,
        ]);
      }
      expect(codeOf(await newClient(app).graphql(SIGN_IN, { email: known, password: PASSWORD }))).toBe(
        'ACCOUNT_LOCKED',
      );
    });
  });
});
