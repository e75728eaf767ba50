import { useProviderOrganizationsQuery } from './api-keys.generated';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/states';
import { OrganizationKeys } from './organization-keys';
import { scopesGrantedTo } from './api-scopes';

const PROVIDER_SCOPES = scopesGrantedTo('PROVIDER');

/** Admins make the keys returns providers use: pick a provider, see and manage its keys. */
export function ProviderApiKeysSection() {
  const { data, loading, error, refetch } = useProviderOrganizationsQuery({ notifyOnNetworkStatusChange: true });
  const providers = data?.organizations ?? [];

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
      ) : providers.length === 0 ? (
        <EmptyState level={3} title="No providers yet">
          A returns provider organization must exist before it can get keys.
        </EmptyState>
      ) : (
        <OrganizationKeys label="Provider" organizations={providers} scopes={PROVIDER_SCOPES} alwaysChoose />
      )}
    </section>
  );
}
