import { Page } from '../../ui/page';
import { usePageTitle } from '../../ui/page-title';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { scopesGrantedTo } from '../accounts/api-keys/api-scopes';
import { OrganizationKeys } from '../accounts/api-keys/organization-keys';
import { useMarketplaceSystemsOrganizationsQuery } from './ingestion-keys.generated';

const MARKETPLACE_SCOPES = scopesGrantedTo('MARKETPLACE');

/**
 * Admins create, list and revoke the keys the marketplace's own systems send quality data with
 * (offers, orders, order defects, complaints, ratings): the ingest:marketplace-data scope. The
 * secret is shown once, by the panel.
 */
export function IngestionKeysPage() {
  usePageTitle('Ingestion keys');
  const { data, loading, error, refetch } = useMarketplaceSystemsOrganizationsQuery({
    notifyOnNetworkStatusChange: true,
  });
  const systems = data?.organizations ?? [];

  return (
    <Page
      titleId="ingestion-keys-title"
      className="ingestion-keys-page"
      title="Ingestion keys"
      lede={
        <>
          The marketplace&rsquo;s own systems send offers, orders, order defects, complaints and ratings through the
          GraphQL API with these keys (scope <code>ingest:marketplace-data</code>). Sending a record again with the same
          external id changes nothing; a changed record updates it. Revoke a key when a system no longer needs it.
        </>
      }
    >
      {loading && !data ? (
        <LoadingState label="Loading the marketplace's systems…" />
      ) : error && !data ? (
        <ErrorState
          title="The marketplace's systems could not be loaded"
          error={error}
          onRetry={() => void refetch()}
        />
      ) : systems.length === 0 ? (
        <EmptyState title="No marketplace systems organization">
          Ingestion keys belong to the marketplace&rsquo;s systems organization, which the reference data creates. Run
          the server&rsquo;s seed command (<code>pnpm --filter @recertify/server db:seed</code>) and reload this page.
        </EmptyState>
      ) : (
        <section className="card" aria-labelledby="ingestion-keys-of">
          <OrganizationKeys
            label="Systems"
            organizations={systems}
            scopes={MARKETPLACE_SCOPES}
            heading={(chosen) => <h2 id="ingestion-keys-of">Keys of {chosen.name}</h2>}
          />
        </section>
      )}
    </Page>
  );
}
