import { describe, expect, it } from 'vitest';
import type { MarketplaceCode, Role } from '../generated/graphql';
import type { ViewerState } from '../features/accounts/viewer/viewer-state';
import { audienceOf, navigationFor } from './navigation';

const signedIn = (role: Role, approvedMarketplaces: readonly MarketplaceCode[] = []): ViewerState => ({
  status: 'signed-in',
  role,
  user: { id: 'u1', email: 'someone@example.test', displayName: 'Someone' },
  organization: null,
  approvedMarketplaces,
});

const labels = (viewer: ViewerState) => navigationFor(viewer).map((item) => item.label);

describe('navigationFor', () => {
  it.each<[string, ViewerState, string[]]>([
    ['a visitor', { status: 'anonymous' }, ['Program rules', 'Sign in', 'Sign up']],
    [
      'an approved seller',
      signedIn('SELLER', ['US']),
      ['Program rules', 'Applications', 'Returns', 'Quality', 'Account'],
    ],
    [
      'a seller approved in Canada only',
      signedIn('SELLER', ['CA']),
      ['Program rules', 'Applications', 'Returns', 'Quality', 'Account'],
    ],
    // Not approved anywhere: no dashboard to show (a direct visit to /quality explains why).
    ['a seller not approved', signedIn('SELLER'), ['Program rules', 'Applications', 'Returns', 'Account']],
    ['a reviewer', signedIn('REVIEWER'), ['Program rules', 'Review queue', 'Seller health', 'Account']],
    [
      'an admin',
      signedIn('ADMIN'),
      ['Program rules', 'Review queue', 'Seller health', 'Ingestion keys', 'Return windows', 'Account'],
    ],
    // Until the viewer is known, only what everyone sees: no "Sign in" flashing for a signed-in person.
    ['nobody known yet', { status: 'loading' }, ['Program rules']],
    ['a viewer that failed to load', { status: 'failed', message: 'x', retry: () => undefined }, ['Program rules']],
  ])('%s sees %j', (_who, viewer, expected) => {
    expect(labels(viewer)).toEqual(expected);
  });

  it('puts the sign-in and sign-up links at the end of the header', () => {
    const placements = navigationFor({ status: 'anonymous' }).map((item) => [item.label, item.placement]);
    expect(placements).toEqual([
      ['Program rules', 'main'],
      ['Sign in', 'end'],
      ['Sign up', 'end'],
    ]);
  });

  it('links every item to a path of the app', () => {
    for (const audience of ['ANONYMOUS', 'SELLER', 'REVIEWER', 'ADMIN'] as const) {
      const viewer: ViewerState = audience === 'ANONYMOUS' ? { status: 'anonymous' } : signedIn(audience, ['US']);
      expect(audienceOf(viewer)).toBe(audience);
      for (const item of navigationFor(viewer)) expect(item.to).toMatch(/^(\/[a-z-]+)+$/);
    }
  });
});
