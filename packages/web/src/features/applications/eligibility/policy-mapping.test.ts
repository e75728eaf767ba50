import { INITIAL_POLICY_PARAMETERS } from '@recertify/domain';
import { describe, expect, it } from 'vitest';
import { exchangeRates, usPolicy } from '../testing/fixtures';
import { ordersForSubmission, toDomainPolicy, toDomainRates } from './policy-mapping';

describe('toDomainPolicy', () => {
  it('gives back the domain parameters the API version was made from', () => {
    const policy = toDomainPolicy(usPolicy());
    expect(policy).toMatchObject({ marketplace: 'US', version: 1, notes: 'Program rules at launch.' });
    expect(policy.effectiveFrom).toEqual(new Date('2024-01-01T08:00:00.000Z'));
    const { marketplace: _m, version: _v, effectiveFrom: _e, notes: _n, ...parameters } = policy;
    expect(parameters).toEqual(INITIAL_POLICY_PARAMETERS.US);
  });

  it('maps a minimum warranty in days (Canada)', () => {
    const policy = toDomainPolicy(usPolicy({ marketplace: 'CA', warranty: { kind: 'MINIMUM_DAYS', minimumDays: 90 } }));
    expect(policy.warranty).toEqual({ kind: 'MINIMUM_DAYS', minimumDays: 90 });
  });

  it('leaves notes out when there are none', () => {
    expect('notes' in toDomainPolicy(usPolicy({ notes: null }))).toBe(false);
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

describe('ordersForSubmission', () => {
  it('passes no order data for an existing seller and zero orders for a new one, as the server does', () => {
    expect(ordersForSubmission(true)).toBeNull();
    expect(ordersForSubmission(false)).toEqual({ orders: 0, defectiveOrders: 0 });
  });
});
