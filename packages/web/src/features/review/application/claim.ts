import type { ApplicationStatus } from '../../../generated/graphql';

/** Where an application stands for the person looking at it; NOT_IN_QUEUE once decided, withdrawn or still a draft. */
export type ClaimStanding = 'UNCLAIMED' | 'MINE' | 'OTHERS' | 'NOT_IN_QUEUE';

/**
 * The API names the claiming reviewer (claimedByName) but gives no id, so "mine" is decided by
 * display name. The server checks the claim on every release and decision anyway: a wrong guess
 * shows a button that is then refused with the server's CONFLICT message.
 */
export function claimStanding(
  application: { status: ApplicationStatus; claimedByName: string | null },
  viewer: { user: { displayName: string } },
): ClaimStanding {
  switch (application.status) {
    case 'SUBMITTED':
      return 'UNCLAIMED';
    case 'IN_REVIEW':
      return application.claimedByName === viewer.user.displayName ? 'MINE' : 'OTHERS';
    default:
      return 'NOT_IN_QUEUE';
  }
}
