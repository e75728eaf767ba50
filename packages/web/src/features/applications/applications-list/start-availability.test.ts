import { describe, expect, it } from 'vitest';
import type { ApplicationStatus, MarketplaceCode } from '../../../generated/graphql';
import { startRefusal } from './start-availability';

const app = (marketplace: MarketplaceCode, status: ApplicationStatus) => ({ marketplace, status });
const approval = (marketplace: MarketplaceCode, grantedThrough: MarketplaceCode | null = null) => ({
  marketplace,
  grantedThrough,
});

describe('startRefusal', () => {
  it('lets a seller with nothing yet apply anywhere', () => {
    for (const code of ['US', 'CA', 'MX'] as const) expect(startRefusal(code, [], [])).toBeNull();
  });

  it('refuses where the seller is approved, and in CA through the US approval', () => {
    const approvals = [approval('US'), approval('CA', 'US')];
    const applications = [app('US', 'APPROVED')];
    expect(startRefusal('US', applications, approvals)?.message).toBe('You are already approved in US.');
    expect(startRefusal('CA', applications, approvals)?.message).toBe(
      'You are already approved in CA through your US approval.',
    );
    expect(startRefusal('MX', applications, approvals)).toBeNull();
  });

  it.each<ApplicationStatus>(['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'NEEDS_INFO'])(
    'refuses a second application beside one that is %s',
    (status) => {
      expect(startRefusal('MX', [app('MX', status)], [])?.code).toBe('OPEN_APPLICATION');
    },
  );

  it.each<ApplicationStatus>(['REJECTED', 'WITHDRAWN'])('lets a seller apply again after one %s', (status) => {
    expect(startRefusal('US', [app('US', status)], [])).toBeNull();
  });
});
