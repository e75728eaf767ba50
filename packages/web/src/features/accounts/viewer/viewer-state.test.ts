import { describe, expect, it } from 'vitest';
import type { ViewerFieldsFragment } from './viewer.generated';
import { describeSignedIn, viewerStateOf, type SignedInViewer } from './viewer-state';

const nora = { id: 'u1', email: 'new-seller@demo.recertify.test', displayName: 'Nora New' };
const store = { id: 'o1', name: 'Fresh Start Electronics', kind: 'SELLER' as const };

describe('viewerStateOf', () => {
  it.each<[string, ViewerFieldsFragment]>([
    ['nobody', { authenticated: false, role: null, user: null, organization: null, approvedMarketplaces: [] }],
    // An API key is authenticated but is no person: never the case in a browser, and never "signed in".
    ['an API key', { authenticated: true, role: null, user: null, organization: store, approvedMarketplaces: ['US'] }],
  ])('reads %s as anonymous', (_who, viewer) => {
    expect(viewerStateOf(viewer)).toEqual({ status: 'anonymous' });
  });

  it('reads a person with a role as signed in', () => {
    expect(
      viewerStateOf({
        authenticated: true,
        role: 'SELLER',
        user: nora,
        organization: store,
        approvedMarketplaces: ['CA'],
      }),
    ).toEqual({
      status: 'signed-in',
      role: 'SELLER',
      user: nora,
      organization: store,
      approvedMarketplaces: ['CA'],
    });
  });
});

describe('describeSignedIn', () => {
  it.each<[string, SignedInViewer, { name: string; affiliation: string }]>([
    [
      'a seller by organization',
      { role: 'SELLER', user: nora, organization: store, approvedMarketplaces: [] },
      { name: 'Nora New', affiliation: 'Fresh Start Electronics' },
    ],
    [
      'staff by role',
      {
        role: 'REVIEWER',
        user: { ...nora, displayName: 'Rita Reviewer' },
        organization: null,
        approvedMarketplaces: [],
      },
      { name: 'Rita Reviewer', affiliation: 'Reviewer' },
    ],
    [
      'an admin by role',
      { role: 'ADMIN', user: { ...nora, displayName: 'Adam Admin' }, organization: null, approvedMarketplaces: [] },
      { name: 'Adam Admin', affiliation: 'Admin' },
    ],
  ])('names %s', (_who, viewer, expected) => {
    expect(describeSignedIn(viewer)).toEqual(expected);
  });
});
