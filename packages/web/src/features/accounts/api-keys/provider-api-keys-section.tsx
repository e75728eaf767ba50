import { useId, useState } from 'react';
import { useProviderOrganizationsQuery } from './api-keys.generated';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/states';
import { ApiKeysPanel } from './api-keys-panel';
import { scopesGrantedTo } from './api-scopes';

const PROVIDER_SCOPES = scopesGrantedTo('PROVIDER');

/** Admins make the keys returns providers use: pick a provider, see and manage its keys. */
export function ProviderApiKeysSection() {
  const selectId = useId();
  const { data, loading, error, refetch } = useProviderOrganizationsQuery({ notifyOnNetworkStatusChange: true });
  const [chosenId, setChosenId] = useState<string | null>(null);
  const providers = data?.organizations ?? [];
  const provider = providers.find((p) => p.id === chosenId) ?? providers[0];

  return (
    <section className="card account-section" aria-labelledby="provider-keys-title">
      <h2 id="provider-keys-title">API keys for providers</h2>
      <p className="muted">
        Returns providers act through the API with these keys: they list, receive, grade and dispose of the returns
        routed to them.
      </p>
      {loading && !data ? (
        <LoadingState label="Loading providers…" />
      ) : error && !data ? (
        <ErrorState level={3} title="The providers could not be loaded" error={error} onRetry={() => void refetch()} />
      ) : !provider ? (
        <EmptyState level={3} title="No providers yet">
          A returns provider organization must exist before it can get keys.
        </EmptyState>
      ) : (
        <>
          <div className="field field-inline">
            <label htmlFor={selectId}>Provider</label>
            <select id={selectId} value={provider.id} onChange={(event) => setChosenId(event.target.value)}>
              {providers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          {/* Keyed by provider: switching starts afresh, and a secret shown for one never lingers under another. */}
          <ApiKeysPanel
            key={provider.id}
            organizationId={provider.id}
            ownerName={provider.name}
            scopeOptions={PROVIDER_SCOPES}
            initialScopes={PROVIDER_SCOPES}
          />
        </>
      )}
    </section>
  );
}
