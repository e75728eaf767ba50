import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  ReturnDetailPage,
  ReturnSettingsPage,
  ReturnsQueuePage,
  ReturnWindowsAdminPage,
} from './pages/returns.page.js';
import { SignInPage } from './pages/sign-in.page.js';
import { browserTestsCanRun, type BrowserSession } from './support/browser.js';
import { withBrowserAndServer } from './support/lifecycle.js';
import type { RunningServer } from './support/server.js';

/** Evergreen Renewed in the demo data: returns in every state (src/seeders/returns-demo.ts). */
const SELLER = 'approved-seller@demo.recertify.test';
const DEMO_PASSWORD = 'demo-password';
/** The demo's order ids: `EVG-114-` and 3,000,000 + 7,919 × the return's index. */
const order = (index: number) => `EVG-114-${String(3_000_000 + index * 7919).padStart(7, '0')}`;
/** Requested, out of policy (delivered 45 days ago): waits for the seller. */
const REQUESTED_LATE = order(1);
/** Requested, never delivered: out of policy, waits for the seller. */
const REQUESTED_UNDELIVERED = order(2);
/** Closed as declined: can no longer be authorized. */
const CLOSED = order(7);
/** Tightrope Traders in the demo data: its US settings have the RMA prefix TTR and one return address. */
const ADMIN = 'admin@demo.recertify.test';
const AT_RISK_SELLER = 'at-risk-seller@demo.recertify.test';
/** Tightrope's requested return delivered 45 days ago: waits for the seller. */
const TTR_REQUESTED = `TTR-114-${String(3_000_000 + 7919).padStart(7, '0')}`;

describe.skipIf(!browserTestsCanRun())('Returns: the seller works the queue, production build in Chromium', () => {
  let browser: BrowserSession;
  let server: RunningServer;
  withBrowserAndServer((startedBrowser, startedServer) => {
    browser = startedBrowser;
    server = startedServer;
  });

  async function signedInSeller(email = SELLER): Promise<Page> {
    // The pages share one browser context: start signed out, whoever signed in before.
    await browser.context.clearCookies();
    const page = await browser.newPage();
    const signIn = new SignInPage(page, server.url);
    await signIn.open('/sign-in');
    await signIn.signIn(email, DEMO_PASSWORD);
    await signIn.waitForPath('/applications');
    return page;
  }

  it('selects requests, bulk authorizes them (one result per row), downloads a label, replies, closes one', async () => {
    const page = await signedInSeller();
    const queue = new ReturnsQueuePage(page, server.url);
    await queue.header.link('Returns').click();
    await expect(queue.title).toBeVisible();
    await expect(queue.state(REQUESTED_LATE)).toHaveText('Requested');
    await expect(queue.state(CLOSED)).toHaveText('Closed');

    // --- Select with the keyboard and the mouse: a request that can be authorized and one that cannot.
    await queue.checkbox(REQUESTED_LATE).focus();
    await page.keyboard.press('Space');
    await expect(queue.checkbox(REQUESTED_LATE)).toBeChecked();
    await queue.checkbox(CLOSED).check();
    await expect(queue.selectedCount).toHaveText('2 selected');

    // --- Bulk authorize: each row reports its own result; the refused one stays selected.
    await queue.authorizeSelectedButton.click();
    await expect(queue.bulkSummary).toHaveText('1 return authorized; 1 could not be: its row says why.');
    await expect(queue.result(REQUESTED_LATE)).toHaveText(/^Done: Authorized · RMA [0-9A-Z]{3,}(-[0-9A-Z]+)+$/);
    await expect(queue.result(CLOSED)).toContainText('Refused:');
    await expect(queue.state(REQUESTED_LATE)).toHaveText('Authorized');
    await expect(queue.checkbox(CLOSED)).toBeChecked();
    await expect(queue.selectedCount).toHaveText('1 selected');

    // --- The authorized return, with its RMA: its label downloads as a PDF.
    await queue.openReturn(REQUESTED_LATE);
    const detail = new ReturnDetailPage(page, server.url);
    await expect(detail.title).toHaveText(`Return of order ${REQUESTED_LATE}`);
    await expect(detail.fact('State')).toHaveText('Authorized');
    await expect(detail.fact('RMA')).toHaveText(/^[0-9A-Z]{3,}(-[0-9A-Z]+)+$/);
    const label = await detail.download(detail.labelLink);
    expect(label.suggestedFilename()).toMatch(/\.pdf$/);
    // What the browser was sent for it: a PDF, as an attachment with a file name.
    const href = await detail.labelLink.evaluate((a: HTMLAnchorElement) => a.href);
    const labelResponse = await page.request.get(href);
    const body = await labelResponse.body();
    expect(labelResponse.status()).toBe(200);
    expect(labelResponse.headers()['content-type']).toMatch(/^application\/pdf/);
    expect(labelResponse.headers()['content-disposition']).toMatch(/^attachment; filename="?[^"]+\.pdf"?/);
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // --- A reply to the buyer joins the thread.
    await detail.reply('Please use the label attached; the RMA is printed on the packing slip.');
    await expect(detail.replySent).toBeVisible();
    await expect(detail.messages.last()).toContainText(
      'Please use the label attached; the RMA is printed on the packing slip.',
    );

    // --- Back to the queue with its filters, and close the other request: only the reasons of its state are offered.
    await detail.backToQueue.click();
    await expect(queue.title).toBeVisible();
    await queue.openReturn(REQUESTED_UNDELIVERED);
    await expect(detail.title).toHaveText(`Return of order ${REQUESTED_UNDELIVERED}`);
    await detail.close('The buyer cancelled the request');
    await expect(detail.fact('State')).toHaveText('Closed');
    await expect(detail.fact('Closed as')).toHaveText('The buyer cancelled the request');
    await expect(detail.alerts).toHaveCount(0);
  });

  it('keeps settings per marketplace, manages saved addresses, and authorizes a return to a saved one', async () => {
    const page = await signedInSeller(AT_RISK_SELLER);
    const queue = new ReturnsQueuePage(page, server.url);
    await queue.header.link('Returns').click();
    await expect(queue.title).toBeVisible();
    await queue.settingsLink.click();
    const settings = new ReturnSettingsPage(page, server.url);
    await expect(settings.title).toBeVisible();

    // --- The US settings are the demo's; Canada has its own, refused by field until the prefix is fixed.
    await expect(settings.rmaPrefix).toHaveValue('TTR');
    await settings.marketplace.selectOption({ label: 'Canada' });
    await expect(settings.rmaPrefix).toHaveValue('');
    await settings.rmaPrefix.fill('TT-CA');
    await settings.outOfPolicyAutomatic.check();
    await settings.saveSettings();
    await expect(settings.rmaPrefixError).toHaveText('A prefix holds only letters A-Z and digits.');
    await expect(settings.rmaPrefix).toHaveAttribute('aria-invalid', 'true');
    await settings.rmaPrefix.fill('ttca');
    await settings.saveSettings();
    await expect(settings.settingsSaved).toBeVisible();
    await settings.marketplace.selectOption({ label: 'United States' });
    await expect(settings.rmaPrefix).toHaveValue('TTR');
    await expect(settings.outOfPolicyAutomatic).not.toBeChecked();
    await settings.marketplace.selectOption({ label: 'Canada' });
    await expect(settings.rmaPrefix).toHaveValue('TTCA');
    await expect(settings.outOfPolicyAutomatic).toBeChecked();

    // --- Addresses: two added, one removed (after confirming), the default moved and moved back.
    await expect(settings.savedAddresses).toHaveCount(1);
    await expect(settings.address('Tightrope Traders')).toContainText('Default');
    await settings.addAddress({
      name: 'Tightrope Annex',
      line1: '5 Side Street',
      city: 'Dallas',
      region: 'TX',
      postalCode: '75201',
      country: 'us',
    });
    await expect(settings.address('Tightrope Annex')).toBeVisible();
    await settings.addAddress({
      name: 'Tightrope Spare',
      line1: '7 Spare Lane',
      city: 'Houston',
      region: 'TX',
      postalCode: '77001',
      country: 'US',
    });
    await expect(settings.savedAddresses).toHaveCount(3);
    await settings.remove('Tightrope Spare');
    await expect(settings.savedAddresses).toHaveCount(2);
    await expect(settings.address('Tightrope Spare')).toHaveCount(0);
    await settings.makeDefault('Tightrope Annex');
    await expect(settings.address('Tightrope Annex')).toContainText('Default');
    await expect(settings.address('Tightrope Traders')).not.toContainText('Default');
    await settings.makeDefault('Tightrope Traders');
    await expect(settings.address('Tightrope Traders')).toContainText('Default');

    // --- A requested return goes back to the saved (not default) address chosen when authorizing.
    await settings.open('/returns');
    await expect(queue.title).toBeVisible();
    await queue.openReturn(TTR_REQUESTED);
    const detail = new ReturnDetailPage(page, server.url);
    await expect(detail.title).toHaveText(`Return of order ${TTR_REQUESTED}`);
    const annex = 'Tightrope Annex, 5 Side Street, Dallas TX 75201, US';
    await detail.authorizeToSavedAddress(annex);
    await expect(detail.fact('State')).toHaveText('Authorized');
    await expect(detail.fact('RMA')).toHaveText(/^TTR-/);
    await expect(detail.sentBackTo).toHaveText(`Sent back to: ${annex}`);
    await expect(detail.alerts).toHaveCount(0);
  });

  it('an admin gives a category its own return window, is refused a window out of bounds, and removes it', async () => {
    await browser.context.clearCookies();
    const page = await browser.newPage();
    const signIn = new SignInPage(page, server.url);
    await signIn.open('/sign-in');
    await signIn.signIn(ADMIN, DEMO_PASSWORD);
    const admin = new ReturnWindowsAdminPage(page, server.url);
    await admin.header.link('Return windows').click();
    await expect(admin.title).toBeVisible();

    // The demo's own window, in the US; none in Mexico.
    await expect(admin.row('Headphones')).toHaveText(/^Headphones\s*15 days/);
    await admin.marketplace.selectOption({ label: 'Mexico' });
    await expect(admin.emptyState).toHaveText('No category has its own window in Mexico');

    await admin.setWindow('Cameras', '400');
    await expect(admin.daysError).toHaveText(
      'The return window must be a whole number of days from 1 to 365; got 400.',
    );
    await admin.setWindow('Cameras', '20');
    await expect(admin.saved).toHaveText('Cameras now has a 20-day return window in Mexico.');
    await expect(admin.row('Cameras')).toHaveText(/^Cameras\s*20 days/);

    await admin.remove('Cameras');
    await expect(admin.row('Cameras')).toHaveCount(0);
    await expect(admin.emptyState).toBeVisible();
  });
});
