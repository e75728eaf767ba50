import type { ApiKey } from '../features/api-keys/api-key.entity.js';
import type { ApiScope } from '../features/api-keys/api-key.enums.js';
import type { Role } from '../features/accounts/accounts.enums.js';
import type { User } from '../features/accounts/user.entity.js';

/**
 * The signed-in person as the session lookup reads them: a plain row with the columns requests
 * use, not a managed entity (the lookup runs on every request; see authentication.ts).
 */
export type PrincipalUser = Readonly<Pick<User, 'id' | 'email' | 'displayName' | 'role'>>;

/** Who is asking: nobody, a signed-in person, or a third party with an API key. */
export type Principal =
  | { readonly kind: 'anonymous' }
  | {
      readonly kind: 'user';
      readonly user: PrincipalUser;
      readonly sessionId: string;
      readonly role: Role;
      readonly organizationId: string | null;
    }
  | {
      readonly kind: 'apiKey';
      readonly apiKey: ApiKey;
      readonly organizationId: string;
      readonly scopes: readonly ApiScope[];
    };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

export function describePrincipal(principal: Principal): string {
  switch (principal.kind) {
    case 'anonymous':
      return 'not signed in';
    case 'user':
      return `signed in as ${principal.role}`;
    case 'apiKey':
      return `using an API key with scopes ${principal.scopes.join(', ') || '(none)'}`;
  }
}
