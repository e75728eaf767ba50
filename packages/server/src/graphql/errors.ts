import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from '../logger.js';
import { isErrorCode, publicErrorOf } from '../errors/public-error.js';
import { INTERNAL_MESSAGE } from '../http/error-response.js';
import { queryLimitRefusalOf } from '../limits/query-limits.js';

/** A GraphQLError for what a service threw, for places where Apollo needs one (context creation); null for internal errors. */
export function toGraphQLError(error: unknown): GraphQLError | null {
  const refusal = publicErrorOf(error);
  if (!refusal) return null;
  const http =
    refusal.code === 'UNAUTHENTICATED'
      ? { http: { status: 401 } }
      : refusal.code === 'RATE_LIMITED'
        ? { http: { status: 429, headers: retryAfterHeaders(refusal.extensions.retryAfterSeconds) } }
        : {};
  return new GraphQLError(refusal.message, { extensions: { code: refusal.code, ...refusal.extensions, ...http } });
}

/**
 * Keeps server internals (stack traces, SQL, driver messages) away from clients: refusals thrown by
 * services and domain rules go through the one mapping, Apollo's own request errors pass, and
 * everything else is logged and replaced.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const where = {
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
    };
    const refusal = publicErrorOf(original);
    if (refusal) {
      return { message: refusal.message, ...where, extensions: { code: refusal.code, ...refusal.extensions } };
    }
    // A query limit Apollo reports as a validation or parse failure: answered with its own code.
    const limit = queryLimitRefusalOf(original);
    if (limit) return { message: limit.message, ...where, extensions: limit.extensions };
    const code = formatted.extensions?.['code'];
    if (code === 'GRAPHQL_VALIDATION_FAILED' && formatted.message.startsWith('GraphQL introspection is not allowed')) {
      return {
        message:
          'Introspection is turned off here: the schema is published as schema.graphql in the repository (GRAPHQL_INTROSPECTION=true turns it on).',
        ...where,
        extensions: { code },
      };
    }
    if (isErrorCode(code) && code !== 'INTERNAL_SERVER_ERROR') {
      const { stacktrace: _stacktrace, http: _http, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error while resolving a GraphQL operation');
    return {
      message: INTERNAL_MESSAGE,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

function retryAfterHeaders(seconds: number | undefined): Map<string, string> {
  return new Map([['retry-after', String(seconds ?? 1)]]);
}

/** Answers 401 when an operation was refused for want of signing in, as an HTTP client expects. */
export const unauthenticatedStatusPlugin: ApolloServerPlugin = {
  // One listener for every request (it keeps no state): nothing is built per request.
  requestDidStart: constant({
    didEncounterErrors: ({ errors, response }) => {
      if (errors.some((error) => publicErrorOf(unwrapResolverError(error))?.code === 'UNAUTHENTICATED')) {
        response.http.status = 401;
      }
      return Promise.resolve();
    },
  }),
};

/**
 * Answers 429 with Retry-After when a resolver was refused by a rate limit (e.g. too many emails
 * to one address), as for a request refused before it ran.
 */
export const rateLimitedStatusPlugin: ApolloServerPlugin = {
  requestDidStart: constant({
    didEncounterErrors: ({ errors, response }) => {
      const retryAfter = errors
        .map((error) => publicErrorOf(unwrapResolverError(error)))
        .filter((refusal) => refusal?.code === 'RATE_LIMITED')
        .map((refusal) => refusal!.extensions.retryAfterSeconds ?? 1);
      if (retryAfter.length > 0) {
        response.http.status = 429;
        response.http.headers.set('retry-after', String(Math.max(...retryAfter)));
      }
      return Promise.resolve();
    },
  }),
};

/** `requestDidStart` answering the same stateless listener for every request. */
function constant(listener: GraphQLRequestListener<BaseContext>): () => Promise<GraphQLRequestListener<BaseContext>> {
  const answer = Promise.resolve(listener);
  return () => answer;
}
