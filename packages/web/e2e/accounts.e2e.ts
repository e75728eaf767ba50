import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AccountPage } from './pages/account.page.js';
import { ApplicationsPage } from './pages/applications.page.js';
import { ReviewQueuePage } from './pages/review.page.js';
import { SignInPage } from './pages/sign-in.page.js';
import { SignUpPage, type NewSeller } from './pages/sign-up.page.js';
import { browserTestsCanRun, type BrowserSession } from './support/browser.js';
import { emailsTo, waitForLink } from './support/mailbox.js';
import type { RunningServer } from './support/server.js';
import { POLL } from './support/web-first.js';
import { withBrowserAndServer } from './support/lifecycle.js';

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

  withBrowserAndServer((started, running) => {
    browser = started;
    server = running;
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
    await expect(signUp.checkYourEmail).toBeVisible();
    await expect(signUp.status).toContainText(`We sent an email to ${seller.email}.`);

    // The welcome email's link confirms the address and signs in.
    await page.goto(await waitForLink(server.dataDir, seller.email, '/confirm-email'));
    await signUp.confirmButton.click();

    // A new seller lands on their applications, the page heading focused for screen readers.
    const applications = new ApplicationsPage(page, server.url);
    await applications.waitForPath('/applications');
    await expect(applications.title).toBeFocused();
    await expect
      .poll(() => applications.header.signedInAs(), POLL)
      .toEqual({ name: seller.name, affiliation: seller.business });
    // Not approved anywhere yet: no Quality entry (a direct visit to /quality explains why).
    await expect
      .poll(() => applications.header.navigation(), POLL)
      .toEqual(['Program rules', 'Applications', 'Returns', 'Account']);

    await applications.header.link('Account').click();
    const account = new AccountPage(page, server.url);
    await account.waitForPath('/account');
    await expect(account.title).toBeFocused();
    await expect.poll(() => account.sectionTitles(), POLL).toEqual(['Profile', 'People', 'API keys', 'Sessions']);
    await expect.poll(() => account.people.names(), POLL).toEqual([`${seller.name} you`]);

    await account.header.signOutButton.click();
    const signIn = new SignInPage(page, server.url);
    await signIn.waitForPath('/sign-in');
    await expect.poll(() => signIn.header.navigation(), POLL).toEqual(['Program rules', 'Sign in', 'Sign up']);
    await expect(page.getByText('You are signed out.')).toBeVisible();

    await signIn.signIn(seller.email, seller.password);
    await applications.waitForPath('/applications');
    await expect
      .poll(() => account.header.signedInAs(), POLL)
      .toEqual({ name: seller.name, affiliation: seller.business });
    await account.header.link('Account').click();
    await account.waitForPath('/account');

    const keys = account.apiKeys;
    await keys.emptyState.waitFor();
    await keys.create('ERP sync', ['read:applications']);
    const secret = await keys.newSecret();
    expect(secret).toMatch(/^rcf_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    await expect(keys.secretBox).toContainText('it will not be shown again');
    // The Copy button puts exactly the key on the clipboard.
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await keys.copySecret();
    await expect(keys.copyOutcome).toHaveText('Copied to the clipboard.');
    // A string, not a function: the e2e code is typed for Node, without the DOM.
    const clipboard = await page.evaluate('navigator.clipboard.readText()');
    expect(clipboard).toBe(secret);

    const prefix = secret.slice('rcf_'.length, 'rcf_'.length + 12);
    await expect
      .poll(() => keys.key('ERP sync'), POLL)
      .toMatchObject({
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
    await expect(keys.secretInput).toHaveCount(0);
    await page.reload();
    await keys.row('ERP sync').waitFor();
    await expect(keys.secretInput).toHaveCount(0);
    await expect.poll(async () => (await keys.key('ERP sync'))['Last used'], POLL).toMatch(/^(?!never$)\S/);

    await keys.revoke('ERP sync');
    await expect.poll(async () => (await keys.key('ERP sync'))['Status'], POLL).toMatch(/^Revoked /);

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

    await expect(signIn.alert).toHaveText('The email or password is not right. Check both, or reset your password.');
    expect(signIn.pathname).toBe('/sign-in');
    await expect(signIn.email).toHaveValue('approved-seller@demo.recertify.test');
    await expect(signIn.password).toHaveValue('not the password');
    await expect(signIn.submitButton).toBeEnabled();
    await expect.poll(() => signIn.header.navigation(), POLL).toEqual(['Program rules', 'Sign in', 'Sign up']);
    expect(pageErrors).toEqual([]);
  });

  it('names the failing sign-up fields from the server, keeping what was typed', async () => {
    const signUp = new SignUpPage(page, server.url);
    await signUp.open('/sign-up');
    await signUp.signUp({ email: REVIEWER, password: 'a long enough passphrase', name: 'Someone', business: '  ' });

    await expect(signUp.alert).toHaveText('Check this field: Business name.');
    await expect.poll(() => signUp.errorUnder('Business name'), POLL).toBe('Must not be empty');
    await expect.poll(() => signUp.errorUnder('Email'), POLL).toBeNull();
    await expect(signUp.field('Your name')).toHaveValue('Someone');

    // Once the rest is right, an address that has an account is answered as a new one would be,
    // so the page tells nobody who has an account; its owner is emailed instead.
    await signUp.field('Business name').fill('Someone Refurb');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(signUp.checkYourEmail).toBeVisible();
    await expect(signUp.status).toContainText(`We sent an email to ${REVIEWER}.`);
    await expect
      .poll(async () => (await emailsTo(server.dataDir, REVIEWER)).map((email) => email.subject), POLL)
      .toContain('Someone tried to sign up with your address');
    expect(pageErrors).toEqual([]);
  });

  it('locks a guesser out after 5 wrong passwords, and shows the owner the way back in', async () => {
    const signIn = new SignInPage(page, server.url);
    await signIn.open('/sign-in');
    const email = 'at-risk-seller@demo.recertify.test';
    for (let attempt = 1; attempt <= 4; attempt++) {
      await signIn.signIn(email, `wrong password ${attempt}`);
      await expect(signIn.alert).toHaveText('The email or password is not right. Check both, or reset your password.');
      await expect(signIn.submitButton).toBeEnabled();
    }
    await signIn.signIn(email, 'wrong password 5');
    await expect(signIn.alert).toContainText('Too many failed sign-ins: this account is locked for 15 more minutes.');
    await expect(signIn.alert).toContainText('Your account? Reset your password: the emailed link unlocks it at once.');
    await signIn.alert.getByRole('link', { name: 'Reset your password' }).click();
    await signIn.waitForPath('/forgot-password');
    expect(pageErrors).toEqual([]);
  });

  it('sends a visitor of /account to sign in; in embedded mode the demo reviewer signs in and is named in the header', async () => {
    const signIn = new SignInPage(page, server.url);
    await signIn.open('/account');
    await signIn.waitForPath('/sign-in');
    await expect.poll(() => signIn.search.get('next'), POLL).toBe('/account');

    const demo = signIn.demoAccounts;
    await expect
      .poll(() => demo.emails(), POLL)
      .toEqual(expect.arrayContaining([REVIEWER, ADMIN, 'approved-seller@demo.recertify.test']));
    await expect(demo.password).toHaveText(DEMO_PASSWORD);

    await demo.use(REVIEWER);
    await expect(signIn.email).toHaveValue(REVIEWER);
    await expect(signIn.password).toHaveValue(DEMO_PASSWORD);
    await signIn.submitButton.click();

    const account = new AccountPage(page, server.url);
    await account.waitForPath('/account');
    await expect
      .poll(() => account.header.signedInAs(), POLL)
      .toEqual({ name: 'Rita Reviewer', affiliation: 'Reviewer' });
    await expect
      .poll(() => account.header.navigation(), POLL)
      .toEqual(['Program rules', 'Review queue', 'Seller health', 'Account']);
    await expect(account.profile('Role')).toHaveText('Reviewer');
    await expect.poll(() => account.sectionTitles(), POLL).toEqual(['Profile', 'Sessions']);
    expect(pageErrors).toEqual([]);
  });

  it('an admin makes a key for a returns provider with the provider:returns scope', async () => {
    const signIn = new SignInPage(page, server.url);
    await signIn.open('/sign-in');
    await signIn.signIn(ADMIN, DEMO_PASSWORD);

    // Staff land on the review queue.
    const queue = new ReviewQueuePage(page, server.url);
    await queue.waitForPath('/review');
    await expect(queue.title).toBeFocused();
    await queue.header.link('Account').click();
    const account = new AccountPage(page, server.url);
    await account.waitForPath('/account');
    const keys = account.providerKeys;
    await expect(keys.providerChoice.locator('option:checked')).toHaveText('ReturnWorks Logistics');
    await expect(keys.scope('provider:returns')).toBeChecked();

    await keys.create('Warehouse scanners', []);
    const secret = await keys.newSecret();
    await expect.poll(async () => (await keys.key('Warehouse scanners'))['Scopes'], POLL).toBe('provider:returns');
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
      await expect(sent).toContainText(email);
    }

    await app.open('/reset-password?token=not-a-real-token');
    await page.getByLabel('New password', { exact: true }).fill('a brand new passphrase');
    await page.getByLabel('Confirm new password', { exact: true }).fill('a brand new passphrase');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    const refused = page.getByRole('main').getByRole('alert');
    await expect(refused).toContainText('This reset link has already been used or is not valid. Ask for a new one.');
    await expect(page.getByLabel('New password', { exact: true })).toHaveValue('a brand new passphrase');
    await refused.getByRole('link', { name: 'Ask for a new link' }).click();
    await app.waitForPath('/forgot-password');
    expect(pageErrors).toEqual([]);
  });

  it('a seller adds a colleague and removes them after confirming', async () => {
    const signIn = new SignInPage(page, server.url);
    await signIn.open('/sign-in');
    await signIn.signIn('draft-seller@demo.recertify.test', DEMO_PASSWORD);
    const account = new AccountPage(page, server.url);
    await account.waitForPath('/applications');
    await account.header.link('Account').click();
    await account.waitForPath('/account');
    const people = account.people;
    await expect.poll(() => people.names(), POLL).toEqual(['Dan Draft you']);
    await expect(people.row('Dan Draft').getByRole('button')).toHaveCount(0); // no removing oneself

    const email = `colleague-${randomUUID().slice(0, 8)}@example.test`;
    await people.add(email, 'Cole League');
    await people.notice.filter({ hasText: 'Added Cole League' }).waitFor();
    await expect.poll(() => people.names(), POLL).toEqual(['Dan Draft you', 'Cole League']);

    await people.remove('Cole League');
    await expect.poll(() => people.names(), POLL).toEqual(['Dan Draft you']);
    expect(pageErrors).toEqual([]);
  });
});
