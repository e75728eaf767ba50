import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import express from 'express';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { graphqlEndpoint, isGraphQLRequest } from './graphql-endpoint.js';
import type { Middleware } from './middleware.js';

describe('isGraphQLRequest', () => {
  it.each([
    ['/graphql', true],
    ['/graphql/', true],
    ['/graphql?query=%7B__typename%7D', true],
    ['/graphql/?query=x', true],
    ['/graphqlx', false],
    ['/graphql/x', false],
    ['/GRAPHQL', false],
    ['/', false],
    [undefined, false],
  ])('%s: %s', (url, expected) => {
    expect(isGraphQLRequest(url)).toBe(expected);
  });
});

describe('graphqlEndpoint', () => {
  const servers: http.Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });

  /** A real Apollo Server and a real HTTP server answering /graphql through the endpoint. */
  async function serve(
    options: { middleware?: Middleware[]; stringifyResult?: (value: unknown) => string } = {},
  ): Promise<string> {
    const apollo = new ApolloServer({
      typeDefs: 'type Query { hello: String }',
      resolvers: { Query: { hello: () => 'world' } },
      ...(options.stringifyResult ? { stringifyResult: options.stringifyResult } : {}),
    });
    await apollo.start();
    const answer = graphqlEndpoint({
      apollo,
      middleware: options.middleware ?? [express.json() as Middleware],
      context: () => Promise.resolve({}),
      logger: pino({ level: 'silent' }),
    });
    const server = http.createServer(answer);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }

  const post = (url: string) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ hello }"}' });

  it('answers an operation with Apollo’s status, headers and body', async () => {
    const response = await post(await serve());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ data: { hello: 'world' } });
  });

  it('answers a typed 500 when Apollo Server itself throws, hiding what it said', async () => {
    const url = await serve({
      stringifyResult: () => {
        throw new Error('secret internals');
      },
    });
    const response = await post(url);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('secret internals');
    expect(JSON.parse(text)).toMatchObject({ errors: [{ extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  });

  it('answers a typed 500 when a middleware throws, and runs nothing after it', async () => {
    let reached = false;
    const url = await serve({
      middleware: [
        () => {
          throw new Error('broken middleware');
        },
        (_req, _res, next) => {
          reached = true;
          next();
        },
      ],
    });
    const response = await post(url);
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    expect(reached).toBe(false);
  });

  it('lets a middleware refuse with a 4xx error it passes on (the body parser’s limit)', async () => {
    const url = await serve({ middleware: [express.json({ limit: 10 }) as Middleware] });
    const response = await post(url);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
  });
});
