import type { AuthChecker } from 'type-graphql';
import { requirePermission } from '../auth/permissions.js';
import type { GraphQLContext } from './context.js';

/**
 * The one auth checker: `@Authorized()` on a resolver or field lets in any signed-in person or key;
 * `@Authorized(Role.SELLER, ApiScope.READ_APPLICATIONS)` lets in sellers and keys with that scope.
 * The rule itself lives in src/auth, so routes and commands outside GraphQL apply the same one.
 */
export const authChecker: AuthChecker<GraphQLContext, string> = ({ context }, permissions) => {
  requirePermission(context.principal, permissions);
  return true;
};
