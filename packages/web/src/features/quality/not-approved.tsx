import { Link } from 'react-router';
import { MARKETPLACE_NAMES } from '../../ui/labels';
import type { MarketplaceCode } from '../../generated/graphql';

/** What to do next, by the status of the seller's latest application in the marketplace. */
const NEXT_STEP: Readonly<Record<string, string>> = {
  NO_APPLICATION:
    'Apply to the Renewed program for this marketplace. Once a reviewer approves you, your dashboard appears here.',
  DRAFT: 'Your application is still a draft. Finish it and submit it for review.',
  SUBMITTED: 'Your application is waiting for a reviewer. You will get an email when it is decided.',
  IN_REVIEW: 'A reviewer is looking at your application. You will get an email when it is decided.',
  NEEDS_INFO: 'The reviewer asked for more information. Answer it and resubmit your application.',
  REJECTED: 'Your application was rejected. Fix what the reviewer named and apply again.',
  WITHDRAWN: 'You withdrew your application. Apply again to sell Renewed products here.',
};

/** The dashboard is for approved sellers only: say why this one has none, and what to do. */
export function NotApproved({
  marketplace,
  reason,
  forReviewer,
}: {
  marketplace: MarketplaceCode;
  reason: string | null;
  forReviewer: boolean;
}) {
  return (
    <div className="state state-empty q-not-approved" role="status" data-testid="not-approved">
      <h2>No quality dashboard in {MARKETPLACE_NAMES[marketplace]} yet</h2>
      {forReviewer ? (
        <p>This seller is not approved for Renewed in this marketplace, so it has no quality figures here.</p>
      ) : (
        <>
          <p>
            The quality dashboard shows RQS, order defect rate and ratings for sellers approved for Renewed. You are not
            approved in this marketplace yet.
          </p>
          <p>{NEXT_STEP[reason ?? 'NO_APPLICATION'] ?? NEXT_STEP['NO_APPLICATION']}</p>
          <p>
            <Link to="/applications" className="button">
              Go to your applications
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
