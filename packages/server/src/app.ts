import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import compression from 'compression';
import express from 'express';
import expressStaticGzip from 'express-static-gzip';
import { pinoHttp } from 'pino-http';
import type { AppConfig } from './config.js';
import { databaseIsReachable, type Orm } from './db/orm.js';
import { createUploadsRouter } from './features/uploads/uploads.router.js';
import { createFileStorage } from './features/uploads/storage.js';
import { createReturnLabelsRouter } from './features/returns/labels/return-labels.router.js';
import { createReturnLinksRouter } from './features/returns/links/return-links.router.js';
import type { GraphQLContext } from './graphql/context.js';
import { createErrorFormatter, rateLimitedStatusPlugin, unauthenticatedStatusPlugin } from './graphql/errors.js';
import { jitExecutor } from './graphql/executor.js';
import { buildGraphQLSchema } from './graphql/schema.js';
import { queryCostPlugin, queryLimitRules } from './limits/query-limits.js';
import { rateLimitStore } from './limits/rate-limit-store.js';
import { requestLimits } from './limits/request-limits.js';
import type { Logger } from './logger.js';
import { requestContextFactory } from './graphql/request-context.js';
import { compileTrustProxy } from './http/client-address.js';
import { errorResponseBody, finalErrorHandler, notFoundHandler } from './http/error-response.js';
import { graphqlEndpoint, isGraphQLRequest } from './http/graphql-endpoint.js';
import type { Middleware } from './http/middleware.js';
import { graphqlSecurityHeaders, securityHeaders } from './http/security-headers.js';

export interface App {
  readonly httpServer: http.Server;
  /** Listens on the configured host and port; resolves with the address to open. */
  listen(): Promise<string>;
  /** Stops taking requests, lets running ones finish, then closes the database. */
  stop(): Promise<void>;
}

export interface AppDependencies {
  readonly config: AppConfig;
  readonly orm: Orm;
  readonly logger: Logger;
  readonly now?: () => Date;
}

export async function createApp({ config, orm, logger, now = () => new Date() }: AppDependencies): Promise<App> {
  const app = express();
  // Its request handler is added once Apollo Server has started (below).
  const httpServer = http.createServer();
  httpServer.keepAliveTimeout = config.keepAliveMs;
  app.disable('x-powered-by');
  // No ETag on answers Express sends itself (GraphQL JSON, errors): no client revalidates a POST,
  // and hashing every body cost about 1 % of the CPU of a queue page (BENCHMARKS.md). Static files
  // and uploads keep theirs (sendFile and the uploads route set their own).
  app.set('etag', false);
  // Express's own mode follows the configuration, not whatever NODE_ENV the process started with.
  app.set('env', config.env);
  // Whose X-Forwarded-For names the client (req.ip, which rate limits count by): by default only a
  // proxy on a private or loopback address, so a client on the internet cannot choose its own.
  // Compiled as /graphql and the file routes compile it (http/client-address.ts), so all agree.
  app.set('trust proxy', compileTrustProxy(config.trustProxy));

  const { limits } = config;
  const apollo = new ApolloServer<GraphQLContext>({
    // The schema, executed by graphql-jit instead of graphql-js (graphql/executor.ts).
    gateway: jitExecutor(await buildGraphQLSchema()),
    // Off in production unless GRAPHQL_INTROSPECTION says so: the committed schema.graphql is the documentation.
    introspection: limits.introspection,
    // No "Did you mean ...?" in validation errors unless GRAPHQL_FIELD_SUGGESTIONS (on outside production).
    hideSchemaDetailsFromClientErrors: !limits.fieldSuggestions,
    // Query limits (src/limits/query-limits.ts): tokens while parsing, then depth, aliases, directives, cost.
    ...(limits.enabled
      ? { parseOptions: { maxTokens: limits.query.maxTokens }, validationRules: queryLimitRules(limits.query) }
      : {}),
    includeStacktraceInErrorResponses: false,
    // Compact JSON: Apollo's default indents every answer, a third more bytes for a queue page
    // (30 kB instead of 20 kB) and a quarter more work for gzip when the client accepts it.
    stringifyResult: (result) => JSON.stringify(result),
    // main.ts owns SIGTERM/SIGINT: a second stop() would wait forever.
    stopOnTerminationSignals: false,
    formatError: createErrorFormatter(logger),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      unauthenticatedStatusPlugin,
      rateLimitedStatusPlugin,
      ...(limits.enabled ? [queryCostPlugin(limits.query.maxCost)] : []),
      // No cache hints are used; the default cache-control plugin would wrap every field's resolver (BENCHMARKS.md).
      ApolloServerPluginCacheControlDisabled(),
      ...(config.env === 'production' ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();
  const limitRequests = requestLimits(orm, limits);
  // The request limits' counts reach the shared table (PostgreSQL) every RATE_LIMIT_FLUSH_MS.
  const limitStore = rateLimitStore(orm);
  limitStore.configureFlush({ intervalMs: limits.rate.flushMs, logger });

  const requestId = (req: http.IncomingMessage, res: http.ServerResponse): string => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && incoming.length <= 128 ? incoming : randomUUID();
    res.setHeader('x-request-id', id);
    return id;
  };
  const requestLog: Middleware = logger.isLevelEnabled('fatal')
    ? pinoHttp({ logger, genReqId: requestId, autoLogging: { ignore: (req) => req.url === '/health' } })
    : // LOG_LEVEL=silent: nothing would be written, so no child logger per request (pino-http serializes
      // the request into its bindings up front, about 3 % of a queue page's CPU). Ids are kept.
      (req, res, next) => {
        req.id = requestId(req, res);
        req.log = logger;
        next();
      };

  // Dynamic responses (GraphQL JSON, index.html) are compressed per request, brotli first; the web
  // app's assets are compressed once at build time and served as they are (serveWebApp). A request
  // that accepts no encoding skips the middleware: it would wrap the response, parse Cache-Control
  // and Accept-Encoding and look the type up, all to send the body as it is (an API client's
  // request, a benchmark's).
  const compress = compression() as Middleware;
  const compressWhenAccepted: Middleware = (req, res, next) => {
    if (req.headers['accept-encoding']) compress(req, res, next);
    else next();
  };

  const answerGraphQL = graphqlEndpoint({
    apollo,
    // As for every other route, plus the JSON body: at most 1 MB, malformed or oversized answered as typed 4xx JSON.
    middleware: [
      graphqlSecurityHeaders(config),
      requestLog,
      compressWhenAccepted,
      express.json({ limit: '1mb' }) as Middleware,
    ],
    context: requestContextFactory({ orm, config, logger, now, limits: limitRequests }),
    logger,
  });

  // /graphql is answered without Express (http/graphql-endpoint.ts); every other address by the app.
  httpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (isGraphQLRequest(req.url)) answerGraphQL(req, res);
    else app(req, res);
  });

  app.use(securityHeaders(config));
  app.use(requestLog);
  app.use(compressWhenAccepted);

  app.get('/health', async (_req, res) => {
    const database = await databaseIsReachable(orm);
    res.status(database ? 200 : 503).json({
      status: database ? 'ok' : 'unavailable',
      database: database ? 'ok' : 'unreachable',
      mode: config.embedded ? 'embedded' : 'production',
    });
  });

  app.use('/uploads', createUploadsRouter({ config, orm, logger, now }));
  // Before the web app: these exact paths under /returns are served here, every other one by the app.
  app.use(createReturnLabelsRouter({ config, orm, logger, now, storage: createFileStorage(config) }));
  app.use(createReturnLinksRouter({ config, orm, logger, now }));

  serveWebApp(app, config, logger);
  // Last: whatever no route answered, and every error that reached here (a malformed or oversized
  // body, say), is answered as typed JSON in every mode; Express's own HTML pages never go out.
  app.use(notFoundHandler);
  app.use(finalErrorHandler(logger));

  let stopping: Promise<void> | undefined;
  return {
    httpServer,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          const address = httpServer.address();
          const port = typeof address === 'object' && address ? address.port : config.port;
          const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
          if (config.publicUrlIsDefault) config.publicUrl = `http://${host}:${port}`;
          resolve(`http://${host}:${port}/`);
        });
      }),
    stop: () => {
      stopping ??= (async () => {
        await apollo.stop();
        if (httpServer.listening) {
          await new Promise<void>((resolve) => httpServer.close(() => resolve()));
        }
        // This instance's last request counts go to the shared table before the database closes.
        await limitStore.close();
        await orm.close();
      })();
      return stopping;
    },
  };
}

/** Serves the built web app (production mode: API and app on one port), with SPA fallback. */
function serveWebApp(app: express.Express, config: AppConfig, logger: Logger): void {
  const indexHtml = path.join(config.webDistDir, 'index.html');
  if (!existsSync(indexHtml)) {
    logger.warn({ webDistDir: config.webDistDir }, 'web app not built; serving the API only (run `pnpm build`)');
    app.get('/', (_req, res) => {
      res
        .status(200)
        .type('text/plain')
        .send('Recertify API. The web app is not built: run `pnpm build`, then restart. GraphQL is at /graphql.');
    });
    return;
  }
  if (config.env === 'production') {
    // Source maps stay on disk for whoever debugs a production stack trace; visitors get none.
    app.use((req, res, next) => {
      if (!req.path.endsWith('.map')) return next();
      res.status(404).json(
        errorResponseBody({
          code: 'NOT_FOUND',
          message: 'Source maps are not served in production.',
          extensions: {},
        }),
      );
    });
  }
  // Vite writes x.js.br and x.js.gz beside every asset: send the smallest the browser accepts.
  const serveAssets = expressStaticGzip(config.webDistDir, {
    enableBrotli: true,
    orderPreference: ['br', 'gz'],
    index: false,
    serveStatic: {
      index: false,
      setHeaders: (res, filePath) => {
        // Hashed assets never change; index.html must always be fresh.
        if (filePath.includes(`${path.sep}assets${path.sep}`)) {
          res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        }
      },
    },
  });
  app.use((req, res, next) => {
    // express-static-gzip answers an undecodable path in plain text: refuse it as the API does.
    if (!isDecodable(req.path)) return next(Object.assign(new URIError(req.path), { status: 400, expose: true }));
    serveAssets(req, res, next);
  });
  // A hashed asset that is not there (an old tab after a deploy) is a 404, not the app's HTML.
  app.use('/assets', (_req, res) => {
    res.status(404).json(
      errorResponseBody({
        code: 'NOT_FOUND',
        message: 'No such asset: it may belong to an earlier release. Reload the page.',
        extensions: {},
      }),
    );
  });
  app.get(/^(?!\/graphql|\/health|\/uploads).*/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
}

function isDecodable(urlPath: string): boolean {
  try {
    decodeURIComponent(urlPath);
    return true;
  } catch {
    return false;
  }
}
