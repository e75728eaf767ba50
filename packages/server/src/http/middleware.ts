import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A Connect-style middleware on Node's own request and response, the shape helmet, pino-http,
 * compression and body-parser take: Express runs them for its routes, and /graphql runs the same
 * instances without Express (graphql-endpoint.ts).
 */
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * Runs middleware in order, as Express would: each calls `next()` to go on, or `next(error)` to stop;
 * `done` is called once (a second `next` is ignored), with the first error or with none after the last one. A middleware that
 * throws stops the chain with that error.
 */
export function runMiddleware(
  chain: readonly Middleware[],
  req: IncomingMessage,
  res: ServerResponse,
  done: (error?: unknown) => void,
): void {
  let index = 0;
  let finished = false;
  const next = (error?: unknown): void => {
    if (finished) return;
    const current = chain[index];
    if (error !== undefined || current === undefined) {
      finished = true;
      done(error);
      return;
    }
    index += 1;
    try {
      current(req, res, next);
    } catch (thrown) {
      next(thrown ?? new Error('a middleware threw without an error'));
    }
  };
  next();
}
