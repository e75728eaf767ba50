import { describe, expect, it } from 'vitest';

import { SELLER_TYPES } from './application.js';
import {
  AUTHORIZATION_MODES,
  type AuthorizationMode,
  type AuthorizationReason,
  decideAuthorization,
  defaultReturnSettings,
  type LabelKind,
  PREPAID_EXEMPT_SKUS_MAX,
  type ReturnSettings,
  returnSettingsProblems,
} from './return-authorization.js';

type Verdict = 'IN' | 'OUT';

const IN_POLICY = { inPolicy: true, explanation: 'In policy: requested 3 days after delivery.' } as const;
const OUT_OF_POLICY = { inPolicy: false, explanation: 'Out of policy: requested 40 days after delivery.' } as const;
const policyOf = (verdict: Verdict) => (verdict === 'IN' ? IN_POLICY : OUT_OF_POLICY);

/** A request for an ordinary SKU, or one that also holds the seller's exempt SKU. */
const request = (withExemptSku: boolean) => ({
  items: withExemptSku ? [{ sku: 'PHONE-1' }, { sku: 'HEAVY-TV' }] : [{ sku: 'PHONE-1' }],
});

const settings = (overrides: Partial<ReturnSettings>): ReturnSettings => ({
  ...defaultReturnSettings('PROFESSIONAL'),
  prepaidExemptSkus: ['HEAVY-TV', 'SOFA-3'],
  ...overrides,
});

/**
 * SPEC 6, every combination written out: seller type, verdict, the INDIVIDUAL switch to automatic,
 * automatic for out-of-policy, the choice for exempt SKUs, whether the request holds an exempt SKU
 * -> mode and the rule that decided.
 */
const EXPECTED: readonly (readonly [
  ReturnSettings['sellerType'],
  Verdict,
  boolean,
  boolean,
  AuthorizationMode,
  boolean,
  AuthorizationMode,
  AuthorizationReason,
])[] = [
  ['PROFESSIONAL', 'IN', false, false, 'MANUAL', false, 'AUTOMATIC', 'PROFESSIONAL_IN_POLICY'],
  ['PROFESSIONAL', 'IN', false, false, 'MANUAL', true, 'MANUAL', 'EXEMPT_SKU_MANUAL'],
  ['PROFESSIONAL', 'IN', false, false, 'AUTOMATIC', false, 'AUTOMATIC', 'PROFESSIONAL_IN_POLICY'],
  ['PROFESSIONAL', 'IN', false, false, 'AUTOMATIC', true, 'AUTOMATIC', 'EXEMPT_SKU_AUTOMATIC'],
  ['PROFESSIONAL', 'IN', false, true, 'MANUAL', false, 'AUTOMATIC', 'PROFESSIONAL_IN_POLICY'],
  ['PROFESSIONAL', 'IN', false, true, 'MANUAL', true, 'MANUAL', 'EXEMPT_SKU_MANUAL'],
  ['PROFESSIONAL', 'IN', false, true, 'AUTOMATIC', false, 'AUTOMATIC', 'PROFESSIONAL_IN_POLICY'],
  ['PROFESSIONAL', 'IN', false, true, 'AUTOMATIC', true, 'AUTOMATIC', 'EXEMPT_SKU_AUTOMATIC'],
  ['PROFESSIONAL', 'IN', true, false, 'MANUAL', false, 'AUTOMATIC', 'PROFESSIONAL_IN_POLICY'],
  ['PROFESSIONAL', 'IN', true, false, 'MANUAL', true, 'MANUAL', 'EXEMPT_SKU_MANUAL'],
  ['PROFESSIONAL', 'IN', true, false, 'AUTOMATIC', false, 'AUTOMATIC', 'PROFESSIONAL_IN_POLICY'],
  ['PROFESSIONAL', 'IN', true, false, 'AUTOMATIC', true, 'AUTOMATIC', 'EXEMPT_SKU_AUTOMATIC'],
  ['PROFESSIONAL', 'IN', true, true, 'MANUAL', false, 'AUTOMATIC', 'PROFESSIONAL_IN_POLICY'],
  ['PROFESSIONAL', 'IN', true, true, 'MANUAL', true, 'MANUAL', 'EXEMPT_SKU_MANUAL'],
  ['PROFESSIONAL', 'IN', true, true, 'AUTOMATIC', false, 'AUTOMATIC', 'PROFESSIONAL_IN_POLICY'],
  ['PROFESSIONAL', 'IN', true, true, 'AUTOMATIC', true, 'AUTOMATIC', 'EXEMPT_SKU_AUTOMATIC'],
  ['PROFESSIONAL', 'OUT', false, false, 'MANUAL', false, 'MANUAL', 'OUT_OF_POLICY_MANUAL'],
  ['PROFESSIONAL', 'OUT', false, false, 'MANUAL', true, 'MANUAL', 'EXEMPT_SKU_MANUAL'],
  ['PROFESSIONAL', 'OUT', false, false, 'AUTOMATIC', false, 'MANUAL', 'OUT_OF_POLICY_MANUAL'],
  ['PROFESSIONAL', 'OUT', false, false, 'AUTOMATIC', true, 'MANUAL', 'OUT_OF_POLICY_MANUAL'],
  ['PROFESSIONAL', 'OUT', false, true, 'MANUAL', false, 'AUTOMATIC', 'OUT_OF_POLICY_AUTOMATIC'],
  ['PROFESSIONAL', 'OUT', false, true, 'MANUAL', true, 'MANUAL', 'EXEMPT_SKU_MANUAL'],
  ['PROFESSIONAL', 'OUT', false, true, 'AUTOMATIC', false, 'AUTOMATIC', 'OUT_OF_POLICY_AUTOMATIC'],
  ['PROFESSIONAL', 'OUT', false, true, 'AUTOMATIC', true, 'AUTOMATIC', 'OUT_OF_POLICY_AUTOMATIC'],
  ['PROFESSIONAL', 'OUT', true, false, 'MANUAL', false, 'MANUAL', 'OUT_OF_POLICY_MANUAL'],
  ['PROFESSIONAL', 'OUT', true, false, 'MANUAL', true, 'MANUAL', 'EXEMPT_SKU_MANUAL'],
  ['PROFESSIONAL', 'OUT', true, false, 'AUTOMATIC', false, 'MANUAL', 'OUT_OF_POLICY_MANUAL'],
  ['PROFESSIONAL', 'OUT', true, false, 'AUTOMATIC', true, 'MANUAL', 'OUT_OF_POLICY_MANUAL'],
  ['PROFESSIONAL', 'OUT', true, true, 'MANUAL', false, 'AUTOMATIC', 'OUT_OF_POLICY_AUTOMATIC'],
  ['PROFESSIONAL', 'OUT', true, true, 'MANUAL', true, 'MANUAL', 'EXEMPT_SKU_MANUAL'],
  ['PROFESSIONAL', 'OUT', true, true, 'AUTOMATIC', false, 'AUTOMATIC', 'OUT_OF_POLICY_AUTOMATIC'],
  ['PROFESSIONAL', 'OUT', true, true, 'AUTOMATIC', true, 'AUTOMATIC', 'OUT_OF_POLICY_AUTOMATIC'],
  ['INDIVIDUAL', 'IN', false, false, 'MANUAL', false, 'MANUAL', 'INDIVIDUAL_MANUAL'],
  ['INDIVIDUAL', 'IN', false, false, 'MANUAL', true, 'MANUAL', 'EXEMPT_SKU_MANUAL'],
  ['INDIVIDUAL', 'IN', false, false, 'AUTOMATIC', false, 'MANUAL', 'INDIVIDUAL_MANUAL'],
  ['INDIVIDUAL', 'IN', false, false, 'AUTOMATIC', true, 'AUTOMATIC', 'EXEMPT_SKU_AUTOMATIC'],
  ['INDIVIDUAL', 'IN', false, true, 'MANUAL', false, 'MANUAL', 'INDIVIDUAL_MANUAL'],
  ['INDIVIDUAL', 'IN', false, true, 'MANUAL', true, 'MANUAL', 'EXEMPT_SKU_MANUAL'],
  ['INDIVIDUAL', 'IN', false, true, 'AUTOMATIC', false, 'MANUAL', 'INDIVIDUAL_MANUAL'],
  ['INDIVIDUAL', 'IN', false, true, 'AUTOMATIC', true, 'AUTOMATIC', 'EXEMPT_SKU_AUTOMATIC'],
  ['INDIVIDUAL', 'IN', true, false, 'MANUAL', false, 'AUTOMATIC', 'INDIVIDUAL_AUTOMATIC'],
  ['INDIVIDUAL', 'IN', true, false, 'MANUAL', true, 'MANUAL', 'EXEMPT_SKU_MANUAL'],
  ['INDIVIDUAL', 'IN', true, false, 'AUTOMATIC', false, 'AUTOMATIC', 'INDIVIDUAL_AUTOMATIC'],
  ['INDIVIDUAL', 'IN', true, false, 'AUTOMATIC', true, 'AUTOMATIC', 'EXEMPT_SKU_AUTOMATIC'],
  ['INDIVIDUAL', 'IN', true, true, 'MANUAL', false, 'AUTOMATIC', 'INDIVIDUAL_AUTOMATIC'],
  ['INDIVIDUAL', 'IN', true, true, 'MANUAL', true, 'MANUAL', 'EXEMPT_SKU_MANUAL'],
  ['INDIVIDUAL', 'IN', true, true, 'AUTOMATIC', false, 'AUTOMATIC', 'INDIVIDUAL_AUTOMATIC'],
  ['INDIVIDUAL', 'IN', true, true, 'AUTOMATIC', true, 'AUTOMATIC', 'EXEMPT_SKU_AUTOMATIC'],
  ['INDIVIDUAL', 'OUT', false, false, 'MANUAL', false, 'MANUAL', 'OUT_OF_POLICY_MANUAL'],
  ['INDIVIDUAL', 'OUT', false, false, 'MANUAL', true, 'MANUAL', 'EXEMPT_SKU_MANUAL'],
  ['INDIVIDUAL', 'OUT', false, false, 'AUTOMATIC', false, 'MANUAL', 'OUT_OF_POLICY_MANUAL'],
  ['INDIVIDUAL', 'OUT', false, false, 'AUTOMATIC', true, 'MANUAL', 'OUT_OF_POLICY_MANUAL'],
  ['INDIVIDUAL', 'OUT', false, true, 'MANUAL', false, 'AUTOMATIC', 'OUT_OF_POLICY_AUTOMATIC'],
  ['INDIVIDUAL', 'OUT', false, true, 'MANUAL', true, 'MANUAL', 'EXEMPT_SKU_MANUAL'],
  ['INDIVIDUAL', 'OUT', false, true, 'AUTOMATIC', false, 'AUTOMATIC', 'OUT_OF_POLICY_AUTOMATIC'],
  ['INDIVIDUAL', 'OUT', false, true, 'AUTOMATIC', true, 'AUTOMATIC', 'OUT_OF_POLICY_AUTOMATIC'],
  ['INDIVIDUAL', 'OUT', true, false, 'MANUAL', false, 'MANUAL', 'OUT_OF_POLICY_MANUAL'],
  ['INDIVIDUAL', 'OUT', true, false, 'MANUAL', true, 'MANUAL', 'EXEMPT_SKU_MANUAL'],
  ['INDIVIDUAL', 'OUT', true, false, 'AUTOMATIC', false, 'MANUAL', 'OUT_OF_POLICY_MANUAL'],
  ['INDIVIDUAL', 'OUT', true, false, 'AUTOMATIC', true, 'MANUAL', 'OUT_OF_POLICY_MANUAL'],
  ['INDIVIDUAL', 'OUT', true, true, 'MANUAL', false, 'AUTOMATIC', 'OUT_OF_POLICY_AUTOMATIC'],
  ['INDIVIDUAL', 'OUT', true, true, 'MANUAL', true, 'MANUAL', 'EXEMPT_SKU_MANUAL'],
  ['INDIVIDUAL', 'OUT', true, true, 'AUTOMATIC', false, 'AUTOMATIC', 'OUT_OF_POLICY_AUTOMATIC'],
  ['INDIVIDUAL', 'OUT', true, true, 'AUTOMATIC', true, 'AUTOMATIC', 'OUT_OF_POLICY_AUTOMATIC'],
];

/** The label, by verdict, exempt SKU in the request, and enrolment with a returns provider. */
const EXPECTED_LABEL: readonly (readonly [Verdict, boolean, boolean, LabelKind])[] = [
  ['IN', false, false, 'UNPAID'], // the default label (SPEC 6)
  ['IN', false, true, 'PREPAID'], // to the provider's warehouse (SPEC 7)
  ['IN', true, false, 'UNPAID'],
  ['IN', true, true, 'UNPAID'], // exempt from the prepaid program
  ['OUT', false, false, 'UNPAID'], // "the buyer then gets an unpaid label"
  ['OUT', false, true, 'UNPAID'],
  ['OUT', true, false, 'UNPAID'],
  ['OUT', true, true, 'UNPAID'],
];

const BOOLEANS = [false, true] as const;
const VERDICTS = ['IN', 'OUT'] as const;

describe('decideAuthorization over every combination', () => {
  it('has one expected row for each of the 64 combinations, and a label for each of the 8', () => {
    const keys = EXPECTED.map((row) => row.slice(0, 6).join(' '));
    const combinations = SELLER_TYPES.flatMap((type) =>
      VERDICTS.flatMap((verdict) =>
        BOOLEANS.flatMap((individual) =>
          BOOLEANS.flatMap((outOfPolicy) =>
            AUTHORIZATION_MODES.flatMap((exemptMode) =>
              BOOLEANS.map((exempt) => [type, verdict, individual, outOfPolicy, exemptMode, exempt].join(' ')),
            ),
          ),
        ),
      ),
    );
    expect(new Set(keys).size).toBe(64);
    expect([...keys].sort()).toEqual(combinations.sort());
    expect(new Set(EXPECTED_LABEL.map((row) => row.slice(0, 3).join(' '))).size).toBe(8);
  });

  const CASES = EXPECTED.flatMap((row) => BOOLEANS.map((provider) => [...row, provider] as const));

  it.each(CASES)(
    '%s, %s policy, individual automatic %s, out-of-policy automatic %s, exempt SKUs %s, has exempt %s -> %s %s (provider %s)',
    (sellerType, verdict, automaticInPolicy, automaticOutOfPolicy, exemptMode, hasExempt, mode, reason, provider) => {
      const decision = decideAuthorization(
        request(hasExempt),
        settings({
          sellerType,
          automaticInPolicy,
          automaticOutOfPolicy,
          exemptSkuAuthorization: exemptMode,
          returnsProviderEnrolled: provider,
        }),
        policyOf(verdict),
      );
      const label = EXPECTED_LABEL.find(([v, e, p]) => v === verdict && e === hasExempt && p === provider)!;
      expect(decision.mode).toBe(mode);
      expect(decision.reason).toBe(reason);
      expect(decision.labelKind).toBe(label[3]);
      expect(decision.exemptSkus).toEqual(hasExempt ? ['HEAVY-TV'] : []);
    },
  );
});

describe('the rules of SPEC 6, one sentence each', () => {
  it('authorizes the in-policy requests of a professional seller automatically', () => {
    const decision = decideAuthorization(request(false), defaultReturnSettings('PROFESSIONAL'), IN_POLICY);
    expect(decision).toEqual({
      mode: 'AUTOMATIC',
      reason: 'PROFESSIONAL_IN_POLICY',
      labelKind: 'UNPAID',
      exemptSkus: [],
      explanation:
        'Authorized automatically: the in-policy returns of professional sellers are authorized automatically.',
    });
  });

  it('leaves an individual seller to review by default, and automatic once switched', () => {
    const manual = decideAuthorization(request(false), defaultReturnSettings('INDIVIDUAL'), IN_POLICY);
    expect(manual.mode).toBe('MANUAL');
    expect(manual.explanation).toBe(
      'Waiting for your review: you review in-policy returns yourself; you can switch to automatic authorization.',
    );
    const switched = { ...defaultReturnSettings('INDIVIDUAL'), automaticInPolicy: true };
    expect(decideAuthorization(request(false), switched, IN_POLICY).mode).toBe('AUTOMATIC');
  });

  it('reviews out-of-policy requests by hand unless enabled, and says why it is out of policy', () => {
    const manual = decideAuthorization(request(false), defaultReturnSettings('PROFESSIONAL'), OUT_OF_POLICY);
    expect(manual.explanation).toBe(
      'Waiting for your review: out-of-policy requests are reviewed by you. Out of policy: requested 40 days after delivery.',
    );
    const enabled = { ...defaultReturnSettings('INDIVIDUAL'), automaticOutOfPolicy: true };
    const automatic = decideAuthorization(request(false), enabled, OUT_OF_POLICY);
    expect(automatic).toMatchObject({ mode: 'AUTOMATIC', labelKind: 'UNPAID' });
    expect(automatic.explanation).toBe(
      'Authorized automatically with an unpaid label: you chose to authorize out-of-policy requests automatically. ' +
        'Out of policy: requested 40 days after delivery.',
    );
  });

  it('names the exempt SKUs, once each, in the order of the request', () => {
    const decision = decideAuthorization(
      { items: [{ sku: 'SOFA-3' }, { sku: 'PHONE-1' }, { sku: 'HEAVY-TV' }, { sku: 'SOFA-3' }] },
      settings({ exemptSkuAuthorization: 'AUTOMATIC' }),
      IN_POLICY,
    );
    expect(decision.exemptSkus).toEqual(['SOFA-3', 'HEAVY-TV']);
    expect(decision.explanation).toBe(
      'Authorized automatically with an unpaid label: SKUs SOFA-3, HEAVY-TV are exempt from the prepaid-label ' +
        'program, and you chose to authorize those automatically.',
    );
    const manual = decideAuthorization(request(true), settings({}), IN_POLICY);
    expect(manual.explanation).toBe(
      'Waiting for your review: SKU HEAVY-TV is exempt from the prepaid-label program, and you chose to review those yourself.',
    );
  });

  it('matches SKUs exactly as the seller wrote them', () => {
    const decision = decideAuthorization({ items: [{ sku: 'heavy-tv' }] }, settings({}), IN_POLICY);
    expect(decision.reason).toBe('PROFESSIONAL_IN_POLICY');
  });

  it('refuses a request without items', () => {
    expect(() => decideAuthorization({ items: [] }, settings({}), IN_POLICY)).toThrow(RangeError);
  });
});

describe('returnSettingsProblems', () => {
  it.each([
    [[], []],
    [['HEAVY-TV', 'SOFA-3'], []],
    [['A'.repeat(40)], []],
    [
      ['A'.repeat(41)],
      [{ field: 'prepaidExemptSkus[0]', message: 'A SKU has at most 40 characters; this one has 41.' }],
    ],
    [['TV', ''], [{ field: 'prepaidExemptSkus[1]', message: 'A SKU cannot be empty.' }]],
    [['   '], [{ field: 'prepaidExemptSkus[0]', message: 'A SKU cannot be empty.' }]],
    [[' TV'], [{ field: 'prepaidExemptSkus[0]', message: '" TV" starts or ends with a space.' }]],
    [['TV', 'SOFA', 'TV'], [{ field: 'prepaidExemptSkus[2]', message: 'TV is listed twice.' }]],
    [['tv', 'TV'], []], // SKUs are compared exactly
  ])('%j -> %j', (prepaidExemptSkus, problems) => {
    expect(returnSettingsProblems({ prepaidExemptSkus })).toEqual(problems);
  });

  it.each([
    [PREPAID_EXEMPT_SKUS_MAX, []],
    [PREPAID_EXEMPT_SKUS_MAX + 1, [{ field: 'prepaidExemptSkus', message: 'At most 1000 exempt SKUs; got 1001.' }]],
  ])('%d exempt SKUs -> %j', (count, problems) => {
    const prepaidExemptSkus = Array.from({ length: count }, (_, i) => `SKU-${i}`);
    expect(returnSettingsProblems({ prepaidExemptSkus })).toEqual(problems);
  });
});
