import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAVE, START, uploadsFor } from './support/applications.js';
import { signedUpSeller } from './support/principals.js';
import { startTestApp, TestClock, type TestApp } from './support/test-app.js';

const ELIGIBILITY = `query($id: ID!) { application(id: $id) { eligibility {
  criteria { criterion summary }
  invoices { currency lines { description counted exclusions unitPriceUsd { formatted } exclusionLimit { formatted } } }
} } }`;

// The reference data's CAD->USD rate from 2026-01-01 is 0.7150: the rate of the example.
const INVOICE_DATE = '2026-10-01';
const line = (description: string, unitPrice: string) => ({
  description,
  brand: 'Lenovo',
  unitPrice,
  quantity: 1,
  amount: unitPrice,
});

describe('items excluded at or below 15.00 USD, compared before rounding', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ now: new TestClock(new Date('2026-11-23T17:00:00.000Z')).now });
  });
  afterAll(() => app?.stop());

  it('counts 20.98 CAD at 0.7150 (15.0007 USD, shown as 15.00) and excludes 20.97 CAD and exactly 15.00 USD', async () => {
    const email = 'cam@example.com';
    const seller = await signedUpSeller(app, { email, organizationName: 'Cam Renewals', displayName: 'Cam' });
    const started = await seller.graphql<any>(START, { m: 'CA' });
    const { id, version } = started.data.startApplication;
    const documents = await uploadsFor(app, email, 'DOCUMENT', 2);
    const invoice = (currency: string, documentUploadId: string | undefined, lines: unknown[]) => ({
      supplier: 'Wholesale Co',
      invoiceNumber: `INV-${currency}`,
      date: INVOICE_DATE,
      currency,
      documentUploadId,
      lines,
    });
    const saved = await seller.graphql<any>(SAVE, {
      id,
      v: version,
      input: {
        invoices: [
          invoice('CAD', documents[0], [line('just above', '20.98'), line('just below', '20.97')]),
          invoice('USD', documents[1], [line('exactly the limit', '15.00'), line('a cent above', '15.01')]),
        ],
      },
    });
    expect(saved.errors).toBeUndefined();

    const res = await seller.graphql<any>(ELIGIBILITY, { id });
    expect(res.errors).toBeUndefined();
    const { invoices, criteria } = res.data.application.eligibility;
    expect(invoices).toEqual([
      {
        currency: 'CAD',
        lines: [
          {
            description: 'just above',
            counted: true,
            exclusions: [],
            unitPriceUsd: { formatted: '15.00 USD' },
            exclusionLimit: { formatted: '20.97 CAD' },
          },
          {
            description: 'just below',
            counted: false,
            exclusions: ['AT_OR_BELOW_EXCLUSION'],
            unitPriceUsd: { formatted: '14.99 USD' },
            exclusionLimit: { formatted: '20.97 CAD' },
          },
        ],
      },
      {
        currency: 'USD',
        lines: [
          {
            description: 'exactly the limit',
            counted: false,
            exclusions: ['AT_OR_BELOW_EXCLUSION'],
            unitPriceUsd: { formatted: '15.00 USD' },
            exclusionLimit: { formatted: '15.00 USD' },
          },
          {
            description: 'a cent above',
            counted: true,
            exclusions: [],
            unitPriceUsd: { formatted: '15.01 USD' },
            exclusionLimit: { formatted: '15.00 USD' },
          },
        ],
      },
    ]);
    const qualifying = criteria.find((c: { criterion: string }) => c.criterion === 'QUALIFYING_PURCHASES');
    // 15.00 (20.98 CAD, rounded for display) + 15.01 USD counted; two lines excluded.
    expect(qualifying.summary).toMatch(
      /^Qualifying purchases 30\.01 of 50,000\.00 USD; 2 lines excluded at or below 15\.00 USD/,
    );
  });
});
