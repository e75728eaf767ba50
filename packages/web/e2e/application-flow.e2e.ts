import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
// Real files, byte by byte: the server checks uploads by their content, so nothing here is mocked.
import { pdfDocument, pngImage } from '../../server/src/lib/sample-files.js';
import { ApplicationFormPage } from './pages/application-form.page.js';
import { ApplicationsPage, SellerApplicationPage } from './pages/applications.page.js';
import { ReviewApplicationPage, ReviewQueuePage } from './pages/review.page.js';
import { SignInPage } from './pages/sign-in.page.js';
import { SignUpPage, type NewSeller } from './pages/sign-up.page.js';
import { browserTestsCanRun, launchBrowser, type BrowserSession } from './support/browser.js';
import { waitForLink } from './support/mailbox.js';
import { startServer, type RunningServer } from './support/server.js';
import { POLL } from './support/web-first.js';

const REVIEWER = 'reviewer@demo.recertify.test';
const DEMO_PASSWORD = 'demo-password';
const DAY_MS = 24 * 60 * 60 * 1000;
/** The outbox worker writes mail within a couple of seconds; this leaves room on a slow machine. */
const MAIL_WAIT_MS = 10_000;

/** The views the US policy requires, as the images step names their slots. */
const REQUIRED_VIEWS = [
  { view: 'SHIPPING_BOX', slot: 'Shipping box' },
  { view: 'INNER_PACKAGING', slot: 'Inner packaging' },
  { view: 'TOP', slot: 'Top' },
  { view: 'BOTTOM', slot: 'Bottom' },
  { view: 'FRONT', slot: 'Front' },
  { view: 'BACK', slot: 'Back' },
  { view: 'LEFT', slot: 'Left side' },
  { view: 'RIGHT', slot: 'Right side' },
] as const;

function newSeller(): NewSeller {
  const tag = randomUUID().slice(0, 8);
  return {
    email: `nora-${tag}@example.test`,
    password: 'a long enough passphrase',
    name: 'Nora Novak',
    business: `Novak Renewed ${tag}`,
  };
}

/** What a seller would pick from disk: a one-page PDF invoice and a photo per view, at least 500 × 500 px. */
async function writeEvidence(dir: string): Promise<{ invoice: string; images: Map<string, string> }> {
  const invoice = path.join(dir, 'invoice-INV-2041.pdf');
  await writeFile(invoice, pdfDocument('Invoice INV-2041: 100 refurbished phones at 500.00 USD'));
  const images = new Map<string, string>();
  for (const [index, { view }] of REQUIRED_VIEWS.entries()) {
    const file = path.join(dir, `${view.toLowerCase()}.png`);
    await writeFile(file, pngImage(600, 600, [30 * index, 120, 200 - 20 * index]));
    images.set(view, file);
  }
  return { invoice, images };
}

/** A date `days` before today, as the date input takes it (UTC, like the server). */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10);
}

interface SentEmail {
  file: string;
  to: string;
  subject: string;
  text: string;
}

/** The `.eml` files the outbox worker wrote, read as a mail client would: headers unfolded, body decoded. */
async function sentEmails(dataDir: string): Promise<SentEmail[]> {
  const dir = path.join(dataDir, 'mail');
  const names = await readdir(dir).catch(() => [] as string[]);
  const emails: SentEmail[] = [];
  for (const name of names.filter((candidate) => candidate.endsWith('.eml'))) {
    const part = parseMimePart(await readFile(path.join(dir, name), 'latin1'));
    emails.push({
      file: name,
      to: part.headers.get('to') ?? '',
      subject: part.headers.get('subject') ?? '',
      text: plainText(part),
    });
  }
  return emails;
}

interface MimePart {
  headers: Map<string, string>;
  body: string;
}

function parseMimePart(raw: string): MimePart {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split === -1 ? raw : raw.slice(0, split);
  const body = split === -1 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** The text/plain content of a message, through multipart/alternative if the message has an HTML part too. */
function plainText(part: MimePart): string {
  const type = part.headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.toLowerCase().startsWith('multipart/') && boundary) {
    const parts = part.body
      .split(`--${boundary}`)
      .slice(1, -1)
      .map((chunk) => parseMimePart(chunk.replace(/^\r?\n/, '')));
    const plain = parts.find((candidate) => (candidate.headers.get('content-type') ?? '').startsWith('text/plain'));
    return plain ? plainText(plain) : '';
  }
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body, 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = part.body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return Buffer.from(part.body, 'latin1').toString('utf8');
}

/** Polls the mail folder until an email matches, or fails naming what was there. */
async function waitForEmail(dataDir: string, matches: (email: SentEmail) => boolean): Promise<SentEmail> {
  const deadline = Date.now() + MAIL_WAIT_MS;
  let seen: SentEmail[] = [];
  while (Date.now() < deadline) {
    seen = await sentEmails(dataDir);
    const found = seen.find(matches);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `No matching email within ${MAIL_WAIT_MS / 1000} s. Sent:\n${seen.map((e) => `  to ${e.to}: ${e.subject}`).join('\n') || '  (none)'}`,
  );
}

describe.skipIf(!browserTestsCanRun())('Applying and being approved, production build in Chromium', () => {
  let sellerBrowser: BrowserSession;
  let reviewerBrowser: BrowserSession;
  let server: RunningServer;
  let evidenceDir: string;
  const pageErrors: string[] = [];

  const watch = (page: Page, who: string): Page => {
    page.on('pageerror', (error) => pageErrors.push(`${who}: ${error.message}`));
    return page;
  };

  beforeAll(async () => {
    evidenceDir = await mkdtemp(path.join(os.tmpdir(), 'recertify-e2e-evidence-'));
    // Two browsers, so the seller's and the reviewer's sessions never share a cookie.
    [sellerBrowser, reviewerBrowser, server] = await Promise.all([launchBrowser(), launchBrowser(), startServer()]);
  });
  afterAll(async () => {
    await Promise.all([sellerBrowser?.close(), reviewerBrowser?.close(), server?.stop()]);
    if (evidenceDir) await rm(evidenceDir, { recursive: true, force: true });
  });

  it('a new seller applies in US with real files; a reviewer approves; the seller is approved in US and CA and gets the onboarding email', async () => {
    const seller = newSeller();
    const evidence = await writeEvidence(evidenceDir);
    const page = watch(await sellerBrowser.newPage(), 'seller');

    // --- The seller signs up and starts a US application.
    const signUp = new SignUpPage(page, server.url);
    await signUp.open('/sign-up');
    await signUp.signUp(seller);
    await expect(signUp.checkYourEmail).toBeVisible();
    // The welcome email's link confirms the address and signs in.
    await page.goto(await waitForLink(server.dataDir, seller.email, '/confirm-email'));
    await signUp.confirmButton.click();

    // A new seller lands on their applications.
    const applications = new ApplicationsPage(page, server.url);
    await applications.waitForPath('/applications');
    const us = applications.marketplace('US');
    await expect(us.approvalLine).toHaveText('Not approved yet');
    await us.startButton.click();
    await page.waitForURL((url) => /^\/applications\/[^/]+\/edit$/.test(url.pathname));
    const applicationId = applications.pathname.split('/')[2] ?? '';

    const form = new ApplicationFormPage(page, server.url);
    await expect(form.title).toHaveText('Application to sell Renewed in United States Draft');
    await expect(form.checklist.verdict).toHaveText(/^\d+ checks fail: they block submission\.$/);

    // --- Business (the contact is prefilled from the account; the seller confirms it).
    await expect(form.stepTitle).toHaveText(/Business$/);
    await form.fillBusiness({
      legalName: seller.business,
      contactName: seller.name,
      contactEmail: seller.email,
      sellerType: 'Professional',
    });

    await form.goToStep('Refurbishment');
    await form.chooseRefurbisher({ thirdParty: 'Novak Workshop' });

    await form.goToStep('Categories & brands');
    await form.addCategory('Cell phones');
    await form.addBrand('Samsung');
    await form.addBrand('Generic');

    // --- Invoices: a real PDF, a line of 100 × 500.00 and one at exactly 15.00, which does not count.
    await form.goToStep('Invoices');
    const invoice = await form.addInvoice();
    await invoice.fill({
      supplier: 'Phoneworks Wholesale',
      invoiceNumber: 'INV-2041',
      date: daysAgo(10),
      currency: 'USD',
    });
    await invoice.uploadDocument(evidence.invoice, 'invoice-INV-2041.pdf');
    await invoice.line(1).fill({
      description: 'Galaxy S23, refurbished grade A',
      brand: 'Samsung',
      unitPrice: '500.00',
      quantity: '100',
      amount: '50000.00',
    });
    const cheapLine = await invoice.addLine();
    await cheapLine.fill({
      description: 'USB-C cable',
      brand: 'Generic',
      unitPrice: '15.00',
      quantity: '10',
      amount: '150.00',
    });
    await expect(invoice.line(1).verdict).toHaveText('Counts 50,000.00 USD.');
    await expect(cheapLine.verdict).toHaveText('Not counted: unit price 15.00 USD is at or below 15.00 USD.');
    await expect(invoice.verdict).toHaveText('Counts 50,000.00 USD toward qualifying purchases.');
    await expect(form.checklist.summary('Qualifying purchases')).toHaveText(
      /^Qualifying purchases 50,000\.00 of 50,000\.00 USD\W+1 line excluded at or below 15\.00 USD/,
    );
    await expect(form.checklist.status('Qualifying purchases')).toHaveText('Passes');

    // --- Images: one real PNG per required view.
    await form.goToStep('Images');
    for (const { view, slot } of REQUIRED_VIEWS) {
      const file = evidence.images.get(view) ?? '';
      await form.uploadImage(slot, file, path.basename(file));
    }
    await expect(form.imageCount).toHaveText('8 of at least 8 images · every required view is here');
    // The sizes are what the server read from the files' content.
    await expect
      .poll(() => form.imageDetails(), POLL)
      .toEqual(REQUIRED_VIEWS.map(({ view }) => `600 × 600 px · ${view.toLowerCase()}.png`));
    await expect(form.checklist.status('Sample images')).toHaveText('Passes');

    // --- Warranty & attestations, then the live checklist shows the application eligible.
    await form.goToStep('Warranty & attestations');
    await form.acceptRenewedGuarantee();
    await form.attestInspection();
    await form.acceptQualityPolicy();
    await expect(form.checklist.verdict).toHaveText(/^No hard check fails/);
    for (const criterion of [
      'Business details',
      'Refurbishment',
      'Categories and brands',
      'Qualifying purchases',
      'Sample images',
      'Warranty',
      'Quality policy',
      'Order defect rate',
    ]) {
      await expect(form.checklist.status(criterion), criterion).toHaveText('Passes');
    }

    // --- Review & submit.
    await form.goToStep('Review & submit');
    await form.readyToSubmit.waitFor();
    await expect(form.summary('Invoices')).toHaveText('1 invoice, 2 lines');
    await expect(form.summary('Images')).toHaveText('8 of at least 8');
    await form.submitButton.click();

    const applicationPage = new SellerApplicationPage(page, server.url);
    await applicationPage.waitForPath(`/applications/${applicationId}`);
    await applicationPage.submittedNotice.waitFor();
    await expect(applicationPage.fact('Status')).toHaveText('Submitted');
    await expect(applicationPage.fact('Decision due')).toHaveText(/^\S.*\d{4} \(due in \d+ business days\)$/);
    await expect(applicationPage.fact('Evidence')).toHaveText('1 invoice, 8 images');

    // --- The reviewer, in a browser of their own, finds the application, claims it and approves it.
    const reviewerPage = watch(await reviewerBrowser.newPage(), 'reviewer');
    const signIn = new SignInPage(reviewerPage, server.url);
    await signIn.open('/sign-in?next=/review');
    await signIn.signIn(REVIEWER, DEMO_PASSWORD);
    const queue = new ReviewQueuePage(reviewerPage, server.url);
    await queue.waitForPath('/review');
    await expect
      .poll(() => queue.application(seller.business), POLL)
      .toMatchObject({
        Seller: seller.business,
        Marketplace: 'US',
        'Claimed by': 'Unclaimed',
      });
    await queue.openApplication(seller.business);

    const review = new ReviewApplicationPage(reviewerPage, server.url);
    await review.waitForPath(`/review/${applicationId}`);
    // The queue's heading is still up right after the click: only a web-first read waits for this page's.
    await expect(review.title).toHaveText(`${seller.business} US`);
    await expect(review.fact('Status')).toHaveText('Submitted');
    await review.claim();
    await expect(review.fact('Status')).toHaveText('In review');
    await review.approve();
    await expect(review.decidedNotice).toHaveText('Approved. The seller is emailed the onboarding instructions.');
    await expect(review.alerts).toHaveCount(0);

    // --- The seller sees US approved, and CA approved through US.
    await applications.open('/applications');
    await expect(us.approvalLine).toHaveText(/^Approved since /);
    await expect(applications.marketplace('CA').approvalLine).toHaveText(/^Approved through your US approval, since /);
    await expect
      .poll(() => us.applications(), POLL)
      .toEqual([expect.stringMatching(/^Approved First submitted .* decided /)]);

    await applicationPage.open(`/applications/${applicationId}`);
    await expect
      .poll(() => applicationPage.approvals(), POLL)
      .toEqual([
        expect.stringMatching(/^US United States: approved on .+\.$/),
        expect.stringMatching(/^CA Canada: granted through this US approval on .+\.$/),
      ]);

    // --- The onboarding email waits in the outbox's folder, addressed to the application's contact.
    const welcome = await waitForEmail(
      server.dataDir,
      (email) => email.to.includes(seller.email) && email.subject.startsWith('Welcome to Renewed in United States'),
    );
    expect(welcome.text).toContain('Next steps');
    expect(welcome.text).toContain('Canada');
    expect(welcome.text).toContain(`/applications/${applicationId}`);
    expect(pageErrors).toEqual([]);
    // A whole journey of two people over a dozen pages with uploads: 12 s on a quiet machine, over
    // 60 s (the suite's limit for one test) once at a load average of 11. A limit, not a wait.
  }, 180_000);
});
