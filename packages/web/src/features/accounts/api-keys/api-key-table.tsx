import { useRevokeApiKeyMutation, type ApiKeyFieldsFragment } from './api-keys.generated';
import { ConfirmButton } from '../../../ui/confirm-button';
import { formatDateTime } from '../../../ui/format';
import { maskedKey, scopeLabel } from './api-scopes';
import { DataTable } from '../../../ui/scrollable-table';

interface Props {
  keys: readonly ApiKeyFieldsFragment[];
  caption: string;
}

/** Keys, newest first, with what each may do, when it was last used, and Revoke. */
export function ApiKeyTable({ keys, caption }: Props) {
  // The answer carries revokedAt: the normalised cache updates the row in place, no refetch needed.
  const [revokeApiKey] = useRevokeApiKeyMutation();
  return (
    <DataTable label={caption} caption={caption} columns={['Name', 'Key', 'Scopes', 'Created', 'Last used', 'Status']}>
      {keys.map((key) => (
        <tr key={key.id} className={key.revokedAt ? 'row-inactive' : undefined}>
          <th scope="row">{key.name}</th>
          <td>
            <code className="key-prefix">{maskedKey(key.prefix)}</code>
          </td>
          <td>
            <ul className="scope-list">
              {key.scopes.map((scope) => (
                <li key={scope}>
                  <code className="scope">{scopeLabel(scope)}</code>
                </li>
              ))}
            </ul>
          </td>
          <td>{formatDateTime(key.createdAt)}</td>
          <td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'never'}</td>
          <td>
            {key.revokedAt ? (
              <span className="badge badge-revoked">Revoked {formatDateTime(key.revokedAt)}</span>
            ) : (
              <div className="status-cell">
                <span className="badge badge-current">Active</span>
                <ConfirmButton
                  label="Revoke"
                  accessibleLabel={`Revoke ${key.name}`}
                  question={`Revoke “${key.name}”? Anything using it stops working at once.`}
                  confirmLabel="Yes, revoke"
                  busyLabel="Revoking…"
                  onConfirm={() => revokeApiKey({ variables: { id: key.id } })}
                />
              </div>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
