import { useId, useState } from 'react';
import { Page } from '../../ui/page';
import { usePageTitle } from '../../ui/page-title';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { ApiKeysPanel } from '../accounts/api-keys/api-keys-panel';
import { scopesGrantedTo } from '../accounts/api-keys/api-scopes';
import { useMarketplaceSystemsOrganizationsQuery } from './ingestion-keys.generated';

const MARKETPLACE_SCOPES = scopesGrantedTo('MARKETPLACE');

/**
 * Admins create, list and revoke the keys the marketplace's own systems send quality data with
 * (offers, orders, order defects, complaints, ratings): the ingest:marketplace-data scope. The
 * secret is shown once, by the panel.
 */
export function IngestionKeysPage() {
  usePageTitle('Ingestion keys');
  const selectId = useId();
  const { data, loading, error, refetch } = useMarketplaceSystemsOrganizationsQuery({
    notifyOnNetworkStatusChange: true,
  });
  const [chosenId, setChosenId] = useState<string | null>(null);
  const systems = data?.organizations ?? [];
  const chosen = systems.find((s) => s.id === chosenId) ?? systems[0];

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
      ) : !chosen ? (
        <EmptyState title="No marketplace systems organization">
          Ingestion keys belong to the marketplace&rsquo;s systems organization, which the reference data creates. Run
          the server&rsquo;s seed command (<code>pnpm --filter @recertify/server db:seed</code>) and reload this page.
        </EmptyState>
      ) : (
        <section className="card" aria-labelledby="ingestion-keys-of">
          <h2 id="ingestion-keys-of">Keys of {chosen.name}</h2>
          {systems.length > 1 && (
            <div className="field field-inline">
              <label htmlFor={selectId}>Systems</label>
              <select id={selectId} value={chosen.id} onChange={(event) => setChosenId(event.target.value)}>
                {systems.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          {/* Keyed by organization: a secret shown for one never lingers under another. */}
          <ApiKeysPanel
            key={chosen.id}
            organizationId={chosen.id}
            ownerName={chosen.name}
            scopeOptions={MARKETPLACE_SCOPES}
            initialScopes={MARKETPLACE_SCOPES}
          />
        </section>
      )}
    </Page>
  );
}
