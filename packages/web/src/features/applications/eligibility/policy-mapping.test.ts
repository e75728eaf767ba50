import { INITIAL_POLICY_PARAMETERS, policyFromRecord } from '@recertify/domain';
import { describe, expect, it } from 'vitest';
import { exchangeRates, usPolicy } from '../testing/fixtures';
import { toDomainRates } from './policy-mapping';

describe('the policy version the API sends, read by the domain adapter', () => {
  it('gives back the domain parameters the API version was made from', () => {
    const policy = policyFromRecord('US', usPolicy());
    expect(policy).toMatchObject({ marketplace: 'US', version: 1, notes: 'Program rules at launch.' });
    expect(policy.effectiveFrom).toEqual(new Date('2024-01-01T08:00:00.000Z'));
    const { marketplace: _m, version: _v, effectiveFrom: _e, notes: _n, ...parameters } = policy;
    expect(parameters).toEqual(INITIAL_POLICY_PARAMETERS.US);
  });
});

describe('toDomainRates', () => {
  it('keeps base, quote, first day and the exact decimal rate', () => {
    expect(toDomainRates(exchangeRates)[0]).toEqual({
      base: 'CAD',
      quote: 'USD',
      validFrom: '2024-01-01',
      rate: '0.7400',
    });
  });
});
