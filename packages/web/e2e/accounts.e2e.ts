import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AccountPage } from './pages/account.page.js';
import { SignInPage } from './pages/sign-in.page.js';
import { SignUpPage, type NewSeller } from './pages/sign-up.page.js';
import { browserTestsCanRun, launchBrowser, type BrowserSession } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

const DEMO_PASSWORD = 'demo-password';
const REVIEWER = 'reviewer@demo.recertify.test';
const ADMIN = 'admin@demo.recertify.test';

/** What a third party does with a key: plain HTTP, no cookies, the key as a bearer token. */
async function askViewerWithKey(baseUrl: string, key: string): Promise<{ status: number; body: any }> {
  const response = await fetch(new URL('/graphql', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: '{ viewer { authenticated organization { name } scopes } }' }),
  });
  return { status: response.status, body: await response.json() };
}

function newSeller(): NewSeller {
  const tag = randomUUID().slice(0, 8);
  return {
    email: `erin-${tag}@example.test`,
    password: 'a long enough passphrase',
    name: 'Erin Ellis',
    business: `Ellis Refurb ${tag}`,
  };
}

describe.skipIf(!browserTestsCanRun())('Accounts, production build in Chromium', () => {
  let browser: BrowserSession;
  let server: RunningServer;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.stop()]);
  });
  beforeEach(async () => {
    // One browser profile for the file: every test starts signed out.
    await browser.context.clearCookies();
    page = await browser.newPage();
    pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterEach(async () => {
    await page.close();
  });

  it('a new seller signs up, signs out and in again, and makes an API key that works over HTTP until revoked', async () => {
    const seller = newSeller();
    const signUp = new SignUpPage(page, server.url);
    await signUp.open('/sign-up');
    await signUp.signUp(seller);

    const account = new AccountPage(page, server.url);
    await account.waitForPath('/account');
    expect(await account.header.signedInAs()).toEqual({ name: seller.name, affiliation: seller.business });
    expect(await account.header.navigation()).toEqual(['Program rules', 'Applications', 'Account']);
    expect(await account.sectionTitles()).toEqual(['Profile', 'People', 'API keys', 'Sessions']);
    expect(await account.people.names()).toEqual([`${seller.name} you`]);

    await account.header.signOutButton.click();
    const signIn = new SignInPage(page, server.url);
    await signIn.waitForPath('/sign-in');
    expect(await signIn.header.navigation()).toEqual(['Program rules', 'Sign in', 'Sign up']);
    await page.getByText('You are signed out.').waitFor();

    await signIn.signIn(seller.email, seller.password);
    await account.waitForPath('/account');
    expect(await account.header.signedInAs()).toEqual({ name: seller.name, affiliation: seller.business });

    const keys = account.apiKeys;
    await keys.emptyState.waitFor();
    await keys.create('ERP sync', ['read:applications']);
    const secret = await keys.newSecret();
    expect(secret).toMatch(/^rcf_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(await keys.secretBox.innerText()).toContain('it will not be shown again');
    // The Copy button puts exactly the key on the clipboard.
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    expect(await keys.copySecret()).toBe('Copied to the clipboard.');
    // A string, not a function: the e2e code is typed for Node, without the DOM.
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(secret);

    const prefix = secret.slice('rcf_'.length, 'rcf_'.length + 12);
    expect(await keys.key('ERP sync')).toMatchObject({
      Name: 'ERP sync',
      Key: `rcf_${prefix}_…`,
      Scopes: 'read:applications',
      'Last used': 'never',
      Status: expect.stringMatching(/^Active/),
    });

    const withKey = await askViewerWithKey(server.url, secret);
    expect(withKey.status).toBe(200);
    expect(withKey.body).toEqual({
      data: { viewer: { authenticated: true, organization: { name: seller.business }, scopes: ['READ_APPLICATIONS'] } },
    });

    // Shown once: gone when dismissed, and not brought back by a reload, which shows the key was used.
    await keys.dismissSecret();
    expect(await keys.secretInput.count()).toBe(0);
    await page.reload();
    await keys.row('ERP sync').waitFor();
    expect(await keys.secretInput.count()).toBe(0);
    expect((await keys.key('ERP sync'))['Last used']).not.toBe('never');

    await keys.revoke('ERP sync');
    expect((await keys.key('ERP sync'))['Status']).toMatch(/^Revoked /);

    const afterRevoking = await askViewerWithKey(server.url, secret);
    expect(afterRevoking.status).toBe(401);
    expect(afterRevoking.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(afterRevoking.body.data).toBeUndefined();
    expect(pageErrors).toEqual([]);
  });

  it('refuses a wrong password with the server message, keeping what was typed', async () => {
    const signIn = new SignInPage(page, server.url);
    await signIn.open('/sign-in');
    await signIn.signIn('approved-seller@demo.recertify.test', 'not the password');

    await signIn.alert.waitFor();
    expect(await signIn.alert.innerText()).toBe(
      'The email or password is not right. Check both, or reset your password.',
    );
    expect(signIn.pathname).toBe('/sign-in');
    expect(await signIn.email.inputValue()).toBe('approved-seller@demo.recertify.test');
    expect(await signIn.password.inputValue()).toBe('not the password');
    expect(await signIn.submitButton.isEnabled()).toBe(true);
    expect(await signIn.header.navigation()).toEqual(['Program rules', 'Sign in', 'Sign up']);
    expect(pageErrors).toEqual([]);
  });

  it('names the failing sign-up fields from the server, keeping what was typed', async () => {
    const signUp = new SignUpPage(page, server.url);
    await signUp.open('/sign-up');
    await signUp.signUp({ email: REVIEWER, password: 'a long enough passphrase', name: 'Someone', business: '  ' });

    await signUp.alert.waitFor();
    expect(await signUp.alert.innerText()).toBe('Check this field: Business name.');
    expect(await signUp.errorUnder('Business name')).toBe('Must not be empty');
    expect(await signUp.errorUnder('Email')).toBeNull();
    expect(await signUp.field('Your name').inputValue()).toBe('Someone');

    // The duplicate email is found once the rest is right.
    await signUp.field('Business name').fill('Someone Refurb');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Check this field: Email.').waitFor();
    expect(await signUp.errorUnder('Email')).toBe('Already has an account: sign in, or reset the password');
    expect(await signUp.errorUnder('Business name')).toBeNull();
    expect(signUp.pathname).toBe('/sign-up');
    expect(pageErrors).toEqual([]);
  });

  it('sends a visitor of /account to sign in; in embedded mode the demo reviewer signs in and is named in the header', async () => {
    const signIn = new SignInPage(page, server.url);
    await signIn.open('/account');
    await signIn.waitForPath('/sign-in');
    expect(signIn.search.get('next')).toBe('/account');

    const demo = signIn.demoAccounts;
    const emails = await demo.emails();
    expect(emails).toContain(REVIEWER);
    expect(emails).toContain(ADMIN);
    expect(emails).toContain('approved-seller@demo.recertify.test');
    expect(await demo.password.innerText()).toBe(DEMO_PASSWORD);

    await demo.use(REVIEWER);
    expect(await signIn.email.inputValue()).toBe(REVIEWER);
    expect(await signIn.password.inputValue()).toBe(DEMO_PASSWORD);
    await signIn.submitButton.click();

    const account = new AccountPage(page, server.url);
    await account.waitForPath('/account');
    expect(await account.header.signedInAs()).toEqual({ name: 'Rita Reviewer', affiliation: 'Reviewer' });
    expect(await account.header.navigation()).toEqual(['Program rules', 'Review queue', 'Account']);
    expect(await account.profile('Role')).toBe('Reviewer');
    expect(await account.sectionTitles()).toEqual(['Profile', 'Sessions']);
    expect(pageErrors).toEqual([]);
  });

  it('an admin makes a key for a returns provider with the provider:returns scope', async () => {
    const signIn = new SignInPage(page, server.url);
    await signIn.open('/sign-in');
    await signIn.signIn(ADMIN, DEMO_PASSWORD);

    const account = new AccountPage(page, server.url);
    await account.waitForPath('/account');
    const keys = account.providerKeys;
    expect(await keys.providerChoice.locator('option:checked').innerText()).toBe('ReturnWorks Logistics');
    expect(await keys.scope('provider:returns').isChecked()).toBe(true);

    await keys.create('Warehouse scanners', []);
    const secret = await keys.newSecret();
    expect((await keys.key('Warehouse scanners'))['Scopes']).toBe('provider:returns');
    const withKey = await askViewerWithKey(server.url, secret);
    expect(withKey.body.data.viewer).toEqual({
      authenticated: true,
      organization: { name: 'ReturnWorks Logistics' },
      scopes: ['PROVIDER_RETURNS'],
    });
    expect(pageErrors).toEqual([]);
  });

  it('answers a reset request the same for any address, and refuses a bad reset link with a way to a new one', async () => {
    const app = new SignInPage(page, server.url);
    for (const email of ['approved-seller@demo.recertify.test', 'nobody@example.test']) {
      await app.open('/forgot-password');
      await page.getByLabel('Email', { exact: true }).fill(email);
      await page.getByRole('button', { name: 'Send the link' }).click();
      const sent = page.getByRole('status').filter({ hasText: 'If an account exists, we sent a link' });
      await sent.waitFor();
      expect(await sent.innerText()).toContain(email);
    }

    await app.open('/reset-password?token=not-a-real-token');
    await page.getByLabel('New password', { exact: true }).fill('a brand new passphrase');
    await page.getByLabel('Confirm new password', { exact: true }).fill('a brand new passphrase');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    const refused = page.getByRole('main').getByRole('alert');
    await refused.waitFor();
    expect(await refused.innerText()).toContain(
      'This reset link has already been used or is not valid. Ask for a new one.',
    );
    expect(await page.getByLabel('New password', { exact: true }).inputValue()).toBe('a brand new passphrase');
    await refused.getByRole('link', { name: 'Ask for a new link' }).click();
    await app.waitForPath('/forgot-password');
    expect(pageErrors).toEqual([]);
  });

  it('a seller adds a colleague and removes them after confirming', async () => {
    const signIn = new SignInPage(page, server.url);
    await signIn.open('/sign-in');
    await signIn.signIn('draft-seller@demo.recertify.test', DEMO_PASSWORD);
    const account = new AccountPage(page, server.url);
    await account.waitForPath('/account');
    const people = account.people;
    expect(await people.names()).toEqual(['Dan Draft you']);
    expect(await people.row('Dan Draft').getByRole('button').count()).toBe(0); // no removing oneself

    const email = `colleague-${randomUUID().slice(0, 8)}@example.test`;
    await people.add(email, 'Cole League');
    await people.notice.filter({ hasText: 'Added Cole League' }).waitFor();
    expect(await people.names()).toEqual(['Dan Draft you', 'Cole League']);

    await people.remove('Cole League');
    expect(await people.names()).toEqual(['Dan Draft you']);
    expect(pageErrors).toEqual([]);
  });
});
