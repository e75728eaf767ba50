import { useId, useState, type ReactNode } from 'react';
import type { ApiScope } from '../../../generated/graphql';
import { ApiKeysPanel } from './api-keys-panel';

interface Organization {
  id: string;
  name: string;
}

/**
 * An admin's view of the keys of one organization among several (returns providers, the
 * marketplace's systems): a select of the organizations, left out when there is no choice to
 * make, and the chosen one's keys with every scope its kind is granted. The first is chosen
 * until another is.
 */
export function OrganizationKeys({
  label,
  organizations,
  scopes,
  alwaysChoose = false,
  heading,
}: {
  /** The select's label, e.g. "Provider". */
  label: string;
  /** Nothing is shown while there is none. */
  organizations: readonly Organization[];
  scopes: readonly ApiScope[];
  /** Show the select even when there is a single organization. */
  alwaysChoose?: boolean;
  /** Above the select: a heading naming the chosen organization. */
  heading?: (chosen: Organization) => ReactNode;
}) {
  const selectId = useId();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const chosen = organizations.find((organization) => organization.id === chosenId) ?? organizations[0];
  if (!chosen) return null;
  return (
    <>
      {heading?.(chosen)}
      {(alwaysChoose || organizations.length > 1) && (
        <div className="field field-inline">
          <label htmlFor={selectId}>{label}</label>
          <select id={selectId} value={chosen.id} onChange={(event) => setChosenId(event.target.value)}>
            {organizations.map((organization) => (
              <option key={organization.id} value={organization.id}>
                {organization.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {/* Keyed by organization: switching starts afresh, and a secret shown for one never lingers under another. */}
      <ApiKeysPanel
        key={chosen.id}
        organizationId={chosen.id}
        ownerName={chosen.name}
        scopeOptions={scopes}
        initialScopes={scopes}
      />
    </>
  );
}
