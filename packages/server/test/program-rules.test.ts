import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Marketplace } from '../src/features/marketplaces/marketplace.entity.js';
import { PolicyVersion } from '../src/features/marketplaces/policy-version.entity.js';
import { INITIAL_POLICY_PARAMETERS } from '../src/seeders/reference-data.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PROGRAM_RULES = /* GraphQL */ `
  query ProgramRules($at: DateTimeISO) {
    marketplaces {
      code
      name
      currency
      timeZone
      policyInForce(at: $at) {
        version
        effectiveFrom
        qualifyingPurchasesMinimum {
          amountMinor
          currency
          amount
          formatted
        }
        purchaseWindowDays
        excludedItemMaxUnitPrice {
          amountMinor
          currency
          formatted
        }
        appleQualifyingPurchasesMinimum {
          amountMinor
          currency
          formatted
        }
        applePurchaseWindowDays
        warranty {
          kind
          minimumDays
        }
        minimumImages
        requiredViews
        screenProductsRequireScreenOn
        odrMaximum {
          basisPoints
          formatted
        }
        odrWindowDays
        reviewDueBusinessDays
        offerRqsMinimum {
          basisPoints
          formatted
        }
        sellerRqsMinimum {
          basisPoints
          formatted
        }
        averageRatingMinimum {
          hundredths
          formatted
        }
        rqsWindowDays
        rqsMinimumOrders
        defaultReturnWindowDays
        transitAllowanceDays
        defaultedParameters
      }
      policyVersions {
        version
        effectiveFrom
      }
    }
  }
`;

interface ProgramRulesData {
  marketplaces: Array<{
    code: string;
    name: string;
    currency: string;
    timeZone: string;
    policyInForce: null | Record<string, any>;
    policyVersions: Array<{ version: number; effectiveFrom: string }>;
  }>;
}

describe('program rules over GraphQL', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.stop());

  it('lists US, CA and MX with their currencies and time zones', async () => {
    const res = await app.graphql<ProgramRulesData>(PROGRAM_RULES);
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(res.data!.marketplaces.map((m) => [m.code, m.currency, m.timeZone])).toEqual([
      ['US', 'USD', 'America/Los_Angeles'],
      ['CA', 'CAD', 'America/Toronto'],
      ['MX', 'MXN', 'America/Mexico_City'],
    ]);
  });

  it('serves every parameter of SPEC section 2 for the US', async () => {
    const res = await app.graphql<ProgramRulesData>(PROGRAM_RULES);
    const us = res.data!.marketplaces.find((m) => m.code === 'US')!.policyInForce!;
    expect(us).toMatchObject({
      version: 1,
      qualifyingPurchasesMinimum: {
        amountMinor: 5_000_000,
        currency: 'USD',
        amount: '50000.00',
        formatted: '50,000.00 USD',
      },
      purchaseWindowDays: 90,
      excludedItemMaxUnitPrice: { amountMinor: 1500, currency: 'USD', formatted: '15.00 USD' },
      appleQualifyingPurchasesMinimum: { amountMinor: 250_000_000, currency: 'USD', formatted: '2,500,000.00 USD' },
      applePurchaseWindowDays: 90,
      warranty: { kind: 'GUARANTEE_ACCEPTANCE', minimumDays: null },
      minimumImages: 8,
      requiredViews: ['SHIPPING_BOX', 'INNER_PACKAGING', 'TOP', 'BOTTOM', 'FRONT', 'BACK', 'LEFT', 'RIGHT'],
      screenProductsRequireScreenOn: true,
      odrMaximum: { basisPoints: 80, formatted: '0.80%' },
      odrWindowDays: 90,
      reviewDueBusinessDays: 10,
      offerRqsMinimum: { basisPoints: 9500, formatted: '95.00%' },
      sellerRqsMinimum: { basisPoints: 9800, formatted: '98.00%' },
      averageRatingMinimum: { hundredths: 370, formatted: '3.70' },
      rqsWindowDays: 90,
      rqsMinimumOrders: 10,
      defaultReturnWindowDays: 30,
      transitAllowanceDays: 15,
    });
  });

  it('differs for Canada exactly where SPEC section 2 says: Apple threshold and warranty days', async () => {
    const res = await app.graphql<ProgramRulesData>(PROGRAM_RULES);
    const ca = res.data!.marketplaces.find((m) => m.code === 'CA')!.policyInForce!;
    expect(ca['appleQualifyingPurchasesMinimum']).toMatchObject({ amountMinor: 7_500_000, currency: 'USD' });
    expect(ca['warranty']).toEqual({ kind: 'MINIMUM_DAYS', minimumDays: 90 });
    expect(ca['qualifyingPurchasesMinimum']).toMatchObject({ amountMinor: 5_000_000, currency: 'USD' });
  });

  it('marks the values SPEC calls defaults, so the page can label them', async () => {
    const res = await app.graphql<ProgramRulesData>(PROGRAM_RULES);
    const byCode = Object.fromEntries(
      res.data!.marketplaces.map((m) => [m.code, m.policyInForce!['defaultedParameters']]),
    );
    expect(byCode['US']).not.toContain('qualifyingPurchasesMinimum');
    expect(byCode['MX']).toContain('qualifyingPurchasesMinimum');
    expect(byCode['MX']).toContain('warranty');
    for (const code of ['US', 'CA', 'MX']) expect(byCode[code]).toContain('rqsMinimumOrders');
  });

  it('picks the version in force at the requested time, and none before the first version', async () => {
    // A second US version effective in the future: today still v1, from its effective moment v2.
    const effectiveFrom = new Date('2031-03-01T08:00:00.000Z');
    const em = app.orm.em.fork();
    em.persist(
      new PolicyVersion({
        marketplace: em.getReference(Marketplace, 'US', { wrapped: true }),
        version: 2,
        effectiveFrom,
        notes: 'Higher threshold',
        parameters: {
          ...INITIAL_POLICY_PARAMETERS.US,
          qualifyingPurchasesMinimum: { amountMinor: 6_000_000, currency: 'USD' },
        },
      }),
    );
    await em.flush();

    const threshold = async (at: string) => {
      const res = await app.graphql<ProgramRulesData>(PROGRAM_RULES, { at });
      expect(res.errors).toBeUndefined();
      return res.data!.marketplaces.find((m) => m.code === 'US')!.policyInForce;
    };
    expect((await threshold('2031-03-01T07:59:59.999Z'))!['qualifyingPurchasesMinimum'].amountMinor).toBe(5_000_000);
    expect((await threshold('2031-03-01T08:00:00.000Z'))!['qualifyingPurchasesMinimum'].amountMinor).toBe(6_000_000);
    expect(await threshold('2023-12-31T23:59:59.999Z')).toBeNull();

    const res = await app.graphql<ProgramRulesData>(PROGRAM_RULES);
    const us = res.data!.marketplaces.find((m) => m.code === 'US')!;
    expect(us.policyInForce!['version']).toBe(1);
    expect(us.policyVersions.map((v) => v.version)).toEqual([2, 1]);
  });

  it('refuses a malformed time with a typed error naming the argument', async () => {
    const res = await app.graphql(PROGRAM_RULES, { at: 'yesterday' });
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/\$at/);
  });
});
