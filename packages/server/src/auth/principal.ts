import type { ApiKey } from '../features/api-keys/api-key.entity.js';
import type { ApiScope } from '../features/api-keys/api-key.enums.js';
import type { Role } from '../features/accounts/accounts.enums.js';
import type { Session } from '../features/accounts/session.entity.js';
import type { User } from '../features/accounts/user.entity.js';

/** Who is asking: nobody, a signed-in person, or a third party with an API key. */
export type Principal =
  | { readonly kind: 'anonymous' }
  | {
      readonly kind: 'user';
      readonly user: User;
      readonly session: Session;
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
