import type { IncomingMessage } from 'node:http';
import type { AppConfig } from '../config.js';
import type { EntityManager, Orm } from '../db/orm.js';
import { resolvePrincipal, SESSION_COOKIE } from '../auth/authentication.js';
import type { Principal } from '../auth/principal.js';
import { requestLimits, type RequestLimits } from '../limits/request-limits.js';
import { clientAddressOf, compileTrustProxy } from './client-address.js';
import { readCookie } from './cookies.js';

export interface RequestPrincipalDependencies {
  readonly config: AppConfig;
  readonly orm: Orm;
  readonly now: () => Date;
  /** The request budget to count against; by default the configured limits on the shared store. */
  readonly limits?: RequestLimits;
}

export interface RequestPrincipal {
  readonly principal: Principal;
  /** The caller's address: the peer's, or the nearest X-Forwarded-For hop TRUST_PROXY does not trust. */
  readonly clientAddress: string;
}

/**
 * Who is asking, the same way for /graphql and for the routes that answer with files (uploads,
 * return documents): the session cookie (only that cookie is read) or an API key in
 * Authorization, then one request counted against that caller's budget, per session, per key or
 * per address (RATE_LIMITED: 429 with Retry-After), before any other work.
 */
export function requestAuthenticator(
  deps: RequestPrincipalDependencies,
): (em: EntityManager, req: IncomingMessage) => Promise<RequestPrincipal> {
  const limits = deps.limits ?? requestLimits(deps.orm, deps.config.limits);
  const trustProxy = compileTrustProxy(deps.config.trustProxy);
  return async (em, req) => {
    const clientAddress = clientAddressOf(req, trustProxy);
    const sessionToken = readCookie(req.headers.cookie, SESSION_COOKIE);
    const principal = await resolvePrincipal(
      em,
      { sessionToken, authorization: req.headers.authorization },
      deps.now(),
    );
    await limits.count(principal, clientAddress);
    return { principal, clientAddress };
  };
}
