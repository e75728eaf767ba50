import type { Role } from '../generated/graphql';
import type { ViewerState } from '../features/accounts/viewer/viewer-state';

export interface NavigationItem {
  readonly to: string;
  readonly label: string;
  /** `end`: pushed to the far side of the header, as account entry points are. */
  readonly placement: 'main' | 'end';
}

/** Who the header is drawn for: a role, a visitor, or `unknown` while the viewer is loading or failed. */
export type Audience = Role | 'ANONYMOUS' | 'UNKNOWN';

const programRules: NavigationItem = { to: '/program-rules', label: 'Program rules', placement: 'main' };
const account: NavigationItem = { to: '/account', label: 'Account', placement: 'main' };
const applications: NavigationItem = { to: '/applications', label: 'Applications', placement: 'main' };
const returns: NavigationItem = { to: '/returns', label: 'Returns', placement: 'main' };
const quality: NavigationItem = { to: '/quality', label: 'Quality', placement: 'main' };
const reviewQueue: NavigationItem = { to: '/review', label: 'Review queue', placement: 'main' };
const sellerHealth: NavigationItem = { to: '/review/seller-health', label: 'Seller health', placement: 'main' };
const returnWindows: NavigationItem = { to: '/admin/return-windows', label: 'Return windows', placement: 'main' };
const ingestionKeys: NavigationItem = { to: '/admin/ingestion-keys', label: 'Ingestion keys', placement: 'main' };
const signIn: NavigationItem = { to: '/sign-in', label: 'Sign in', placement: 'end' };
const signUp: NavigationItem = { to: '/sign-up', label: 'Sign up', placement: 'end' };

/** The header's links by audience, in order. New pages are added here, for the roles that use them. */
export const NAVIGATION: Readonly<Record<Audience, readonly NavigationItem[]>> = {
  UNKNOWN: [programRules],
  ANONYMOUS: [programRules, signIn, signUp],
  SELLER: [programRules, applications, returns, quality, account],
  REVIEWER: [programRules, reviewQueue, sellerHealth, account],
  ADMIN: [programRules, reviewQueue, sellerHealth, ingestionKeys, returnWindows, account],
};

export function audienceOf(viewer: ViewerState): Audience {
  switch (viewer.status) {
    case 'loading':
    case 'failed':
      return 'UNKNOWN';
    case 'anonymous':
      return 'ANONYMOUS';
    case 'signed-in':
      return viewer.role;
  }
}

/**
 * The header's links for this viewer: its audience's, less Quality for a seller approved nowhere
 * (the dashboard would only say NOT_APPROVED; /quality still explains it to a direct visit).
 */
export function navigationFor(viewer: ViewerState): readonly NavigationItem[] {
  const items = NAVIGATION[audienceOf(viewer)];
  if (viewer.status === 'signed-in' && viewer.approvedMarketplaces.length === 0) {
    return items.filter((item) => item !== quality);
  }
  return items;
}
