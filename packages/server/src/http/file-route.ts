import type { Request } from 'express';
import type { AppConfig } from '../config.js';
import type { EntityManager, Orm } from '../db/orm.js';
import { resolvePrincipal, SESSION_COOKIE } from '../auth/authentication.js';
import type { Principal } from '../auth/principal.js';
import { requestLimits } from '../limits/request-limits.js';

export interface FileRouteDependencies {
  readonly config: AppConfig;
  readonly orm: Orm;
  readonly now: () => Date;
}

/**
 * Who is asking, for the routes beside /graphql that answer with files (uploads, return
 * documents): the session cookie (cookie-parser runs before) or an API key in Authorization, and
 * the same budget per client as /graphql (RATE_LIMITED: 429 with Retry-After).
 */
export function fileRouteAuthenticator(
  deps: FileRouteDependencies,
): (em: EntityManager, req: Request) => Promise<Principal> {
  const requestBudget = requestLimits(deps.orm, deps.config.limits);
  return async (em, req) => {
    const cookies = (req.cookies ?? {}) as Record<string, string | undefined>;
    const principal = await resolvePrincipal(
      em,
      { sessionToken: cookies[SESSION_COOKIE], authorization: req.headers.authorization },
      deps.now(),
    );
    await requestBudget.count(principal, req.ip);
    return principal;
  };
}

/**
 * The headers of a file sent to a browser: its type as stored, and nothing in it (a PDF, an
 * image) runs script on our origin or is read by another site.
 */
export function fileHeaders(file: {
  readonly contentType: string;
  readonly disposition: string;
  readonly cacheControl: string;
}): Record<string, string> {
  return {
    'Content-Type': file.contentType,
    'Content-Disposition': file.disposition,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "sandbox; default-src 'none'",
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': file.cacheControl,
  };
}
