import { describe, expect, it } from 'vitest';
import { QualityPage } from './pages/quality.page.js';
import { browserTestsCanRun, type BrowserSession } from './support/browser.js';
import { withBrowserAndServer } from './support/lifecycle.js';
import type { RunningServer } from './support/server.js';
import { POLL } from './support/web-first.js';

const APPROVED_SELLER = 'approved-seller@demo.recertify.test';
const NEW_SELLER = 'new-seller@demo.recertify.test';
const REVIEWER = 'reviewer@demo.recertify.test';
const DEMO_PASSWORD = 'demo-password';

describe.skipIf(!browserTestsCanRun())('Quality dashboard, production build in Chromium', () => {
  let browser: BrowserSession;
  let server: RunningServer;
  withBrowserAndServer((b, s) => {
    browser = b;
    server = s;
  });

  async function api(query: string, variables: Record<string, unknown> = {}): Promise<any> {
    const response = await browser.context.request.post(new URL('/graphql', server.url).href, {
      data: { query, variables },
    });
    return response.json();
  }

  async function signIn(email: string): Promise<void> {
    const res = await api('mutation($input: SignInInput!) { signIn(input: $input) { id } }', {
      input: { email, password: DEMO_PASSWORD },
    });
    expect(res.errors).toBeUndefined();
  }

  it('an approved seller sees its charts with points and its defect budget; a reviewer invalidates a complaint and the RQS rises', async () => {
    await signIn(APPROVED_SELLER);
    const viewer = await api('{ viewer { organization { id } } }');
    const sellerId = viewer.data.viewer.organization.id as string;

    const page = await browser.newPage();
    const quality = new QualityPage(page, server.url);
    await quality.open('/applications');
    await page.getByRole('link', { name: 'Quality', exact: true }).click();
    await quality.waitForPath('/quality');
    await expect(quality.title).toHaveText('Quality dashboard');
    await expect(page.getByRole('img', { name: /^Seller RQS/ })).toBeVisible();
    await expect(quality.trendPoints.first()).toBeVisible();
    await expect(quality.rqsBudget).toHaveText(/defective order|defect budget|Not enforced/);
    // The dated snapshot the evaluation kept (the demo evaluates on first start): the healthy seller is Good.
    await expect(quality.evaluationHistory).toBeVisible();
    await expect.poll(async () => (await quality.latestEvaluation())['Standing'], POLL).toBe('Good standing');
    await expect
      .poll(async () => (await quality.latestEvaluation())['RQS'], POLL)
      .toMatch(/^\d+\.\d{2}% of .* orders \(min 98\.00%\)$/);
    await page.close();

    await signIn(REVIEWER);
    const staff = await browser.newPage();
    const review = new QualityPage(staff, server.url);
    await review.open(`/review/sellers/${sellerId}/quality`);
    await expect(review.rqsFigure).toHaveText(/%$/);
    await expect.poll(async () => (await review.latestEvaluation())['Standing'], POLL).toBe('Good standing');
    const before = await review.rqsBasisPoints();
    expect(before).not.toBeNull();
    await review.openRqsDrillDown();
    await review.invalidateOnlyComplaintOfAnOrder('Buyer damage, not a defect of the unit');
    await expect.poll(() => review.rqsBasisPoints(), POLL).toBeGreaterThan(before!);
    await staff.close();
  });

  it('a seller not approved sees why it has no dashboard and what to do', async () => {
    await signIn(NEW_SELLER);
    const page = await browser.newPage();
    const quality = new QualityPage(page, server.url);
    await quality.open('/quality');
    await expect(quality.notApproved).toBeVisible();
    // The header offers no Quality entry to a seller approved nowhere; the page still explains a direct visit.
    await expect
      .poll(() => quality.header.navigation(), POLL)
      .toEqual(['Program rules', 'Applications', 'Returns', 'Account']);
    await expect(quality.notApproved).toHaveText(/No quality dashboard in .* yet/);
    await expect(quality.notApproved.getByRole('link', { name: 'Go to your applications' })).toBeVisible();
    await page.close();
  });
});
