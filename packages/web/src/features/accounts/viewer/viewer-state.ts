import type { MarketplaceCode, OrganizationKind, Role } from '../../../generated/graphql';
import type { ViewerFieldsFragment } from './viewer.generated';
import { ROLE_LABELS } from '../../../ui/role-labels';

/** A signed-in person as the app uses them: who, in what role, for which organization (none for staff). */
export interface SignedInViewer {
  readonly user: { readonly id: string; readonly email: string; readonly displayName: string };
  readonly role: Role;
  readonly organization: { readonly id: string; readonly name: string; readonly kind: OrganizationKind } | null;
  /** Where a seller is approved, so has a quality dashboard (empty for staff). */
  readonly approvedMarketplaces: readonly MarketplaceCode[];
}

/** What the app knows about who is using it; every consumer handles all four cases. */
export type ViewerState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string; readonly retry: () => void }
  | { readonly status: 'anonymous' }
  | ({ readonly status: 'signed-in' } & SignedInViewer);

/** A `Viewer` answer as a state. An API key is a viewer too, but never in a browser: it reads as anonymous. */
export function viewerStateOf(viewer: ViewerFieldsFragment): ViewerState {
  if (!viewer.authenticated || !viewer.user || !viewer.role) return { status: 'anonymous' };
  return {
    status: 'signed-in',
    user: viewer.user,
    role: viewer.role,
    organization: viewer.organization,
    approvedMarketplaces: viewer.approvedMarketplaces,
  };
}

export const ALL_ROLES: readonly Role[] = ['SELLER', 'REVIEWER', 'ADMIN'];

/** "Nora New, Fresh Start Electronics" or, for program staff, "Rita Reviewer, Reviewer". */
export function describeSignedIn(viewer: SignedInViewer): { name: string; affiliation: string } {
  return { name: viewer.user.displayName, affiliation: viewer.organization?.name ?? ROLE_LABELS[viewer.role] };
}
