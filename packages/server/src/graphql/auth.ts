import type { AuthChecker } from 'type-graphql';
import { Role } from '../features/accounts/accounts.enums.js';
import { ApiScope } from '../features/api-keys/api-key.enums.js';
import { forbidden, unauthenticated } from './app-errors.js';
import type { GraphQLContext } from './context.js';
import { describePrincipal, type Principal } from './principal.js';

/** What `@Authorized(...)` takes: roles for people, scopes for API keys. */
export type Permission = Role | ApiScope;

const ROLES = new Set<string>(Object.values(Role));
const SCOPES = new Set<string>(Object.values(ApiScope));

/** True when the principal holds one of the permissions; an empty list means "anyone signed in". */
export function isAllowed(principal: Principal, permissions: readonly string[]): boolean {
  switch (principal.kind) {
    case 'anonymous':
      return false;
    case 'user':
      return permissions.length === 0 || permissions.includes(principal.role);
    case 'apiKey':
      return permissions.length === 0 || principal.scopes.some((scope) => permissions.includes(scope));
  }
}

function describeNeeded(permissions: readonly string[]): string {
  const roles = permissions.filter((p) => ROLES.has(p));
  const scopes = permissions.filter((p) => SCOPES.has(p));
  const parts = [
    ...(roles.length ? [`the ${roles.join(' or ')} role`] : []),
    ...(scopes.length ? [`an API key with the ${scopes.join(' or ')} scope`] : []),
  ];
  return parts.join(', or ');
}

/**
 * The one auth checker: `@Authorized()` on a resolver or field lets in any signed-in person or key;
 * `@Authorized(Role.SELLER, ApiScope.READ_APPLICATIONS)` lets in sellers and keys with that scope.
 * Ownership (whose data) is checked in services, not here.
 */
export const authChecker: AuthChecker<GraphQLContext, string> = ({ context }, permissions) => {
  const principal = context.principal;
  if (principal.kind === 'anonymous') throw unauthenticated();
  if (isAllowed(principal, permissions)) return true;
  throw forbidden(`This needs ${describeNeeded(permissions)}; you are ${describePrincipal(principal)}.`);
};

/** For services: the signed-in user, or UNAUTHENTICATED/FORBIDDEN. */
export function requireUser(principal: Principal, ...roles: Role[]): Extract<Principal, { kind: 'user' }> {
  if (principal.kind === 'anonymous') throw unauthenticated('Sign in to do this.');
  if (principal.kind !== 'user') throw forbidden('This is done by a signed-in person, not with an API key.');
  if (roles.length && !roles.includes(principal.role)) {
    throw forbidden(`This needs the ${roles.join(' or ')} role; you are ${describePrincipal(principal)}.`);
  }
  return principal;
}
