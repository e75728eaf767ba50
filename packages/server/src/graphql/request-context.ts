import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '../config.js';
import type { EntityManager, Orm } from '../db/orm.js';
import { requestAuthenticator } from '../http/request-principal.js';
import { sessionCookieOf } from '../http/session-cookie.js';
import type { RequestLimits } from '../limits/request-limits.js';
import type { Logger } from '../logger.js';
import { createServices } from '../services.js';
import type { GraphQLContext } from './context.js';
import { toGraphQLError } from './errors.js';

export interface RequestContextDependencies {
  readonly orm: Orm;
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly limits: RequestLimits;
}

/**
 * The context of one /graphql request, built in one place: its own unit of work and services, who
 * is asking (session cookie or API key), counted against that caller's request budget before the
 * operation is even parsed (a client over its budget costs one counter update).
 */
export function requestContextFactory(
  deps: RequestContextDependencies,
): (req: IncomingMessage, res: ServerResponse) => Promise<GraphQLContext> {
  const { orm, config, now } = deps;
  const authenticate = requestAuthenticator(deps);
  return async (req, res) => {
    const em = orm.em.fork() as EntityManager;
    try {
      const { principal, clientAddress } = await authenticate(em, req);
      const memoized = new Map<string, Promise<unknown>>();
      return {
        services: createServices({ em, config, now }),
        em,
        principal,
        memo: <T>(key: string, load: () => Promise<T>) => {
          if (!memoized.has(key)) memoized.set(key, load());
          return memoized.get(key) as Promise<T>;
        },
        config,
        logger: req.log ?? deps.logger,
        // Always a string: the request id middleware (app.ts) sets it from X-Request-Id or a UUID.
        requestId: req.id as string,
        userAgent: req.headers['user-agent'] ?? null,
        clientAddress,
        now,
        sessionCookie: sessionCookieOf(res, config.auth.secureCookies),
      };
    } catch (error) {
      // A refusal (a bad API key, a caller over its budget) keeps its code and status; anything
      // else fails the request as Apollo fails a context that throws.
      throw toGraphQLError(error) ?? error;
    }
  };
}
