import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Logger } from '../logger.js';
import { sendErrorResponse } from './error-response.js';
import { runMiddleware, type Middleware } from './middleware.js';

/** Whether a request is for /graphql (any query string; a trailing slash allowed), answered by graphqlEndpoint. */
export function isGraphQLRequest(url: string | undefined): boolean {
  if (url === undefined || !url.startsWith('/graphql')) return false;
  const rest = url.slice('/graphql'.length);
  return rest === '' || rest === '/' || rest.startsWith('?') || rest.startsWith('/?');
}

export interface GraphQLEndpointOptions<TContext extends BaseContext> {
  readonly apollo: ApolloServer<TContext>;
  /**
   * What runs before the operation, in order, the same instances Express runs for its routes:
   * security headers, the request id and log, compression, the JSON body (its size limit and
   * content type), each free to answer the request or fail it with `next(error)`.
   */
  readonly middleware: readonly Middleware[];
  readonly context: (req: IncomingMessage, res: ServerResponse) => Promise<TContext>;
  readonly logger: Logger;
}

/**
 * /graphql, answered from Node's own request handler: the middleware, then Apollo Server's
 * `executeHTTPGraphQLRequest`, as `@as-integrations/express5` calls it, without Express's router
 * and request decoration, which cost about a tenth of a queue page's CPU (BENCHMARKS.md). Every
 * error, from the middleware (a malformed or oversized body) or from Apollo itself, is answered as
 * the typed JSON every other route answers with.
 */
export function graphqlEndpoint<TContext extends BaseContext>(
  options: GraphQLEndpointOptions<TContext>,
): (req: IncomingMessage, res: ServerResponse) => void {
  const { apollo, middleware, context, logger } = options;
  apollo.assertStarted('graphqlEndpoint()');
  const fail = (req: IncomingMessage, res: ServerResponse, error: unknown): void =>
    sendErrorResponse(req, res, error, logger);

  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = req.url ?? '';
    const query = url.indexOf('?');
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: (req.method ?? 'GET').toUpperCase(),
        headers,
        search: query === -1 ? '' : url.slice(query),
        body: (req as { body?: unknown }).body,
      },
      context: () => context(req, res),
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.setHeader('Content-Length', Buffer.byteLength(response.body.string));
      res.end(response.body.string);
      return;
    }
    // Incremental delivery (@defer): each part as it comes, pushed through compression when on.
    for await (const chunk of response.body.asyncIterator) {
      res.write(chunk);
      (res as { flush?: () => void }).flush?.();
    }
    res.end();
  };

  return (req, res) => {
    runMiddleware(middleware, req, res, (error) => {
      if (error !== undefined) {
        fail(req, res, error);
        return;
      }
      answer(req, res).catch((thrown: unknown) => fail(req, res, thrown));
    });
  };
}
