import type { ApiKeysQueryVariables } from './api-keys.generated';

/**
 * The variables of one organization's ApiKeys query, built in one place: the list and the cache
 * update after creating a key must name the same cache entry.
 */
export function apiKeysVariables(organizationId: string | undefined): ApiKeysQueryVariables {
  return organizationId ? { organizationId } : {};
}
