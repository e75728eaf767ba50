import { Role } from '../features/accounts/accounts.enums.js';
import { ApiScope } from '../features/api-keys/api-key.enums.js';
import { forbidden, unauthenticated } from '../errors/app-error.js';
import { describePrincipal, type Principal } from './principal.js';

/** What an operation may require: roles for people, scopes for API keys. */
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
 * Lets in a principal holding one of the permissions (any signed-in person or key when the list
 * is empty), or throws UNAUTHENTICATED/FORBIDDEN saying what is needed. Ownership (whose data) is
 * checked in services, not here.
 */
export function requirePermission(principal: Principal, permissions: readonly string[]): void {
  if (principal.kind === 'anonymous') throw unauthenticated();
  if (isAllowed(principal, permissions)) return;
  throw forbidden(`This needs ${describeNeeded(permissions)}; you are ${describePrincipal(principal)}.`);
}

/** For services: the signed-in user, or UNAUTHENTICATED/FORBIDDEN. */
export function requireUser(principal: Principal, ...roles: Role[]): Extract<Principal, { kind: 'user' }> {
  if (principal.kind === 'anonymous') throw unauthenticated('Sign in to do this.');
  if (principal.kind !== 'user') throw forbidden('This is done by a signed-in person, not with an API key.');
  if (roles.length && !roles.includes(principal.role)) {
    throw forbidden(`This needs the ${roles.join(' or ')} role; you are ${describePrincipal(principal)}.`);
  }
  return principal;
}
