import { useState } from 'react';
import { useApiKeysQuery } from './api-keys.generated';
import { type ApiScope } from '../../../generated/graphql';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/states';
import { ApiKeyTable } from './api-key-table';
import { apiKeysVariables } from './api-keys-variables';
import { CreateApiKeyForm } from './create-api-key-form';
import { NewSecretBox } from './new-secret-box';

interface Props {
  /** Whose keys: left out for a seller's own, a provider's id for an admin. */
  organizationId?: string;
  /** Whose keys, in words, e.g. "your organization" or "ReturnWorks Logistics". */
  ownerName: string;
  scopeOptions: readonly ApiScope[];
  initialScopes?: readonly ApiScope[];
}

/** One organization's keys: the list, then the form to create one, which gives way to the new secret once. */
export function ApiKeysPanel({ organizationId, ownerName, scopeOptions, initialScopes }: Props) {
  const { data, loading, error, refetch } = useApiKeysQuery({
    variables: apiKeysVariables(organizationId),
    notifyOnNetworkStatusChange: true,
  });
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);

  return (
    <div className="api-keys-panel">
      {loading && !data ? (
        <LoadingState label="Loading API keys…" />
      ) : error && !data ? (
        <ErrorState level={3} title="The API keys could not be loaded" error={error} onRetry={() => void refetch()} />
      ) : !data || data.apiKeys.length === 0 ? (
        <EmptyState level={3} title="No API keys yet">
          Keys you create for {ownerName} are listed here.
        </EmptyState>
      ) : (
        <ApiKeyTable keys={data.apiKeys} caption={`API keys of ${ownerName}`} />
      )}
      {created ? (
        <NewSecretBox keyName={created.name} secret={created.secret} onDone={() => setCreated(null)} />
      ) : (
        <CreateApiKeyForm
          organizationId={organizationId}
          scopeOptions={scopeOptions}
          initialScopes={initialScopes}
          onCreated={setCreated}
        />
      )}
    </div>
  );
}
