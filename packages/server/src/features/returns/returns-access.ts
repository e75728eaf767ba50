import { requireUser } from '../../auth/permissions.js';
import type { Principal } from '../../auth/principal.js';
import { forbidden, unauthenticated } from '../../errors/app-error.js';
import { Role } from '../accounts/accounts.enums.js';
import { ApiScope } from '../api-keys/api-key.enums.js';

/**
 * Whose returns the caller acts on: a seller's own organization, or the organization that granted
 * an API key (read:returns to read, write:returns to act). Nobody else sees a seller's returns.
 */
export function returnsOrganizationOf(principal: Principal, access: 'read' | 'write'): string {
  if (principal.kind === 'anonymous') throw unauthenticated();
  if (principal.kind === 'apiKey') {
    const scope = access === 'read' ? ApiScope.READ_RETURNS : ApiScope.WRITE_RETURNS;
    if (!principal.scopes.includes(scope)) throw forbidden(`This needs an API key with the ${scope} scope.`);
    return principal.organizationId;
  }
  const seller = requireUser(principal, Role.SELLER);
  if (!seller.organizationId) throw forbidden('Your account belongs to no seller organization.');
  return seller.organizationId;
}
