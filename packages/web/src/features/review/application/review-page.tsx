import { Link, useLocation } from 'react-router';
import { useReviewApplicationQuery } from './review-application.generated';
import { hasErrorCode } from '../../../ui/graphql-errors';
import { usePageTitle } from '../../../ui/page-title';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/states';
import { useSignedInViewer } from '../../accounts/viewer/viewer-context';
import '../review.css';
import { QUEUE_PATH, queuePathFrom } from '../review-paths';
import { BusinessSection } from './business-section';
import { ClaimControls } from './claim-controls';
import { CommitmentsSection } from './commitments-section';
import { DecisionPanel } from './decision-panel';
import { EligibilitySection } from './eligibility-section';
import { ImagesSection } from './images-section';
import { InvoicesSection } from './invoices-section';
import { ReviewHeader } from './review-header';
import { TimelineSection } from './timeline-section';

/**
 * One application as a reviewer decides it: the header and claim, the evidence, the eligibility
 * result, the audit trail, and the decision for whoever holds the claim.
 */
export function ReviewPage({ id }: { id: string }) {
  const viewer = useSignedInViewer();
  const location = useLocation();
  const { data, loading, error, refetch } = useReviewApplicationQuery({
    variables: { id },
    // The claim and the decision clock move: always check with the server when the page opens.
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const application = data?.application;
  usePageTitle(application ? `Review: ${application.seller.name} (${application.marketplace})` : 'Review');

  if (!application) {
    if (loading) return <LoadingState label="Loading the application…" />;
    if (hasErrorCode(error, 'NOT_FOUND'))
      return (
        <EmptyState title="Application not found">
          There is no application at this address. Go back to the <Link to={QUEUE_PATH}>review queue</Link>.
        </EmptyState>
      );
    return <ErrorState title="The application could not be loaded" error={error} onRetry={() => void refetch()} />;
  }

  const reload = () => refetch();
  return (
    <article className="rv-review-page" aria-labelledby="review-title">
      <ReviewHeader
        application={application}
        queuePath={queuePathFrom(location.state)}
        actions={<ClaimControls application={application} viewer={viewer} onReload={reload} />}
      />
      <div className="rv-review-layout">
        <div className="rv-review-main">
          <BusinessSection application={application} />
          <InvoicesSection application={application} />
          <ImagesSection application={application} />
          <CommitmentsSection application={application} />
        </div>
        <aside className="rv-review-aside" aria-label="Checks and decision">
          <DecisionPanel application={application} viewer={viewer} onReload={reload} />
          <EligibilitySection application={application} />
          <TimelineSection application={application} />
        </aside>
      </div>
    </article>
  );
}
