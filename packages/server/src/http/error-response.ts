import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../logger.js';
import { publicErrorOf, type ErrorCode, type PublicError, type PublicErrorExtensions } from '../errors/public-error.js';

/**
 * The one body every error response of the server has, GraphQL or not:
 * `{ errors: [{ message, extensions: { code, ...details } }] }`, as GraphQL answers refusals.
 */
export interface ErrorResponseBody {
  readonly errors: ReadonlyArray<{
    readonly message: string;
    readonly extensions: { readonly code: ErrorCode } & PublicErrorExtensions;
  }>;
}

export const INTERNAL_MESSAGE =
  'Something went wrong on our side. Please try again; if it keeps happening, contact support.';

export function errorResponseBody(refusal: Pick<PublicError, 'code' | 'message' | 'extensions'>): ErrorResponseBody {
  return { errors: [{ message: refusal.message, extensions: { code: refusal.code, ...refusal.extensions } }] };
}

/** The fields of an error raised by Express, body-parser or the router for a request they cannot read. */
interface HttpError {
  readonly status?: unknown;
  readonly statusCode?: unknown;
  readonly expose?: unknown;
  readonly type?: unknown;
}

const REQUEST_PROBLEMS: Readonly<Record<string, string>> = {
  'entity.parse.failed':
    'The request body is not valid JSON. Send a JSON object such as {"query": "{ viewer { id } }"}.',
  'entity.too.large': 'The request body is too large. Send less at once.',
  'encoding.unsupported': 'The request body uses a content encoding this server does not accept; send it uncompressed.',
  'charset.unsupported': 'The request body uses a character set this server does not accept; send UTF-8.',
  'request.aborted': 'The request body was cut short.',
};

/**
 * A request the server could not read (a malformed body, one over the limit, a malformed URL), as
 * a 4xx refusal; null for anything else. These errors carry a 4xx `status` and `expose: true`.
 */
export function requestProblemOf(error: unknown): PublicError | null {
  if (typeof error !== 'object' || error === null) return null;
  const { status, statusCode, expose, type } = error as HttpError;
  const code = typeof status === 'number' ? status : statusCode;
  if (typeof code !== 'number' || code < 400 || code > 499 || expose === false) return null;
  const known = typeof type === 'string' ? REQUEST_PROBLEMS[type] : undefined;
  const message =
    known ??
    (error instanceof URIError
      ? 'The address is malformed: it has a percent sign that is not followed by a valid encoded character.'
      : 'The request could not be read.');
  const publicCode: ErrorCode = code === 413 ? 'PAYLOAD_TOO_LARGE' : code === 404 ? 'NOT_FOUND' : 'BAD_REQUEST';
  return { code: publicCode, message, extensions: {}, status: code };
}

/** Sends a JSON body with its status, as Express's `res.status(status).json(body)` does, on any response. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

/**
 * Answers any error as typed JSON with its status: refusals through the one mapping, unreadable
 * requests as 4xx, anything else logged and masked as a 500. Never HTML, never a stack trace.
 * Takes Node's request and response, so both Express's routes and /graphql (answered without
 * Express) answer errors the same way.
 */
export function sendErrorResponse(req: IncomingMessage, res: ServerResponse, error: unknown, logger: Logger): void {
  const log = (req.log as Logger | undefined) ?? logger;
  if (res.headersSent) {
    // Failed mid-stream: all that can be done is to cut the response short.
    log.error({ err: error }, 'response failed after it started');
    res.destroy();
    return;
  }
  const refusal = publicErrorOf(error) ?? requestProblemOf(error);
  if (refusal) {
    if (refusal.extensions.retryAfterSeconds !== undefined) {
      res.setHeader('Retry-After', String(refusal.extensions.retryAfterSeconds));
    }
    sendJson(res, refusal.status, errorResponseBody(refusal));
    return;
  }
  log.error({ err: error }, 'unexpected error while handling a request');
  sendJson(res, 500, errorResponseBody({ code: 'INTERNAL_SERVER_ERROR', message: INTERNAL_MESSAGE, extensions: {} }));
}

/** The last handler of the app: whatever reached it is answered as JSON, in every mode. */
export function finalErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => sendErrorResponse(req, res, error, logger);
}

/** What no route answers: 404 as JSON, not Express's HTML page. */
export const notFoundHandler: RequestHandler = (req, res) => {
  res.status(404).json(
    errorResponseBody({
      code: 'NOT_FOUND',
      message: `Nothing is at ${req.method} ${req.path}. The API is POST /graphql; files are under /uploads.`,
      extensions: {},
    }),
  );
};
