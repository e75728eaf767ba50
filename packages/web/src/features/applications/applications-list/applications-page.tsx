import { useNavigate } from 'react-router';
import { useMyApplicationsQuery } from './applications-list.generated';
import { Page } from '../../../ui/page';
import { usePageTitle } from '../../../ui/page-title';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/states';
import { MarketplaceApplicationsCard } from './marketplace-applications-card';
import '../applications.css';

/** /applications: per marketplace, where the seller stands and what it can do next. */
export function ApplicationsPage() {
  usePageTitle('Applications');
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useMyApplicationsQuery({
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  return (
    <Page
      titleId="applications-title"
      className="applications-page"
      title="Applications"
      lede={
        <>
          Apply to sell Renewed products, one marketplace at a time. Approval in the United States also grants Canada;
          Mexico needs its own application, and approval in Canada or Mexico does not grant the United States.
        </>
      }
    >
      {loading && !data ? (
        <LoadingState label="Loading your applications…" />
      ) : error && !data ? (
        <ErrorState title="Your applications could not be loaded" error={error} onRetry={() => void refetch()} />
      ) : !data || data.marketplaces.length === 0 ? (
        <EmptyState title="No marketplaces yet">The program has no marketplace to apply to yet.</EmptyState>
      ) : (
        <div className="card-grid">
          {data.marketplaces.map((marketplace) => (
            <MarketplaceApplicationsCard
              key={marketplace.code}
              marketplace={marketplace}
              allApplications={data.myApplications}
              approvals={data.myMarketplaceApprovals}
              onStarted={(id) => void navigate(`/applications/${id}/edit`)}
            />
          ))}
        </div>
      )}
    </Page>
  );
}
