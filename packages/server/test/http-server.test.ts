import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('HTTP server', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.stop());

  it('reports health with the database reachable', async () => {
    const response = await fetch(new URL('/health', app.url));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'ok' });
  });

  it('tags every response with a request id, keeping one the caller sent', async () => {
    const response = await fetch(new URL('/health', app.url), { headers: { 'x-request-id': 'trace-123' } });
    expect(response.headers.get('x-request-id')).toBe('trace-123');
  });

  it('names the unknown field of an invalid query with a stable code', async () => {
    const res = await app.graphql('{ marketplaces { code sellerCount } }');
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0]?.message).toContain('sellerCount');
  });

  it('keeps CSRF prevention on: a simple GET without a preflight header is refused', async () => {
    const response = await fetch(new URL('/graphql?query=%7B__typename%7D', app.url));
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/i);
  });

  it('serves an explanation at / when the web app is not built', async () => {
    const response = await fetch(app.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('pnpm build');
  });
});

/**
 * One request as an API client or a benchmark sends it: no Accept-Encoding at all (Node's fetch
 * always sends `gzip, deflate`, which takes the compression middleware), read as a fetch Response.
 */
function requestWithoutEncoding(
  url: URL,
  init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
            headers.append(name, one);
        }
        resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0, headers }));
      });
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

type Send = (
  url: URL,
  init?: { method?: string; headers?: Record<string, string>; body?: string | Buffer },
) => Promise<Response>;

const CLIENTS: ReadonlyArray<readonly [string, Send]> = [
  ['a browser (fetch: gzip, deflate)', (url, init) => fetch(url, init)],
  ['an API client (no Accept-Encoding)', requestWithoutEncoding],
];

describe.each(
  (['test', 'production'] as const).flatMap((env) => CLIENTS.map(([client, send]) => ({ env, client, send }))),
)('every answer is typed JSON, never HTML ($env mode, $client)', ({ env, send }) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env });
  });
  afterAll(() => app?.stop());

  /** The body and status of a refusal, checked to be the one error shape with no server internals in it. */
  async function refusal(response: Response): Promise<{ status: number; code: unknown; message: string }> {
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await response.text();
    expect(text).not.toMatch(/<html|<pre|at .*\(.*:\d+:\d+\)|node_modules|SyntaxError|URIError/i);
    const body = JSON.parse(text) as { errors: Array<{ message: string; extensions: { code: unknown } }> };
    expect(body.errors).toHaveLength(1);
    const [error] = body.errors;
    return { status: response.status, code: error?.extensions.code, message: error?.message ?? '' };
  }

  const postGraphQL = (body: string | Buffer, headers: Record<string, string> = {}) =>
    send(new URL('/graphql', app.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  it('answers a query with the security headers and a request id, like every route', async () => {
    const response = await postGraphQL('{"query": "{ __typename }"}', { 'x-request-id': 'trace-graphql-1' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('x-request-id')).toBe('trace-graphql-1');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('a malformed JSON body to /graphql: 400 BAD_REQUEST saying what to send', async () => {
    const answer = await refusal(await postGraphQL('{"query": "{ marketplaces { code } }"'));
    expect(answer).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    expect(answer.message).toMatch(/not valid JSON/);
  });

  it('a body over the 1 MB limit: 413 PAYLOAD_TOO_LARGE; one just under it is read', async () => {
    const padding = (size: number) => JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(size) } });
    const over = await refusal(await postGraphQL(padding(1024 * 1024)));
    expect(over).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    const under = await postGraphQL(padding(1024 * 1024 - 100));
    expect(under.status).toBe(200);
    expect(await under.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('a body in a character set other than UTF-8: 415, saying to send UTF-8', async () => {
    const answer = await refusal(
      await postGraphQL('{"query": "{ __typename }"}', { 'content-type': 'application/json; charset=latin1' }),
    );
    expect(answer).toMatchObject({ status: 415, code: 'BAD_REQUEST' });
    expect(answer.message).toMatch(/send UTF-8/);
  });

  it('a gzip-compressed body is read as sent', async () => {
    const response = await postGraphQL(gzipSync('{"query": "{ __typename }"}'), { 'content-encoding': 'gzip' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('a POST that is not JSON: 400 BAD_REQUEST, naming the content type to send', async () => {
    const answer = await refusal(await postGraphQL('<query/>', { 'content-type': 'application/xml' }));
    expect(answer).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    expect(answer.message).toMatch(/Content-Type/);
  });

  it('a POST a form could send (text/plain): refused as a possible CSRF, as typed JSON', async () => {
    const answer = await refusal(await postGraphQL('{"query": "{ __typename }"}', { 'content-type': 'text/plain' }));
    expect(answer).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    expect(answer.message).toMatch(/CSRF/);
  });

  it('a malformed URL under /uploads: 400 BAD_REQUEST, not a 500', async () => {
    const answer = await refusal(await send(new URL('/uploads/%E0%A4%A', app.url)));
    expect(answer).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    expect(answer.message).toMatch(/address is malformed/);
  });

  it('an address no route answers: 404 NOT_FOUND', async () => {
    const answer = await refusal(await send(new URL('/nothing-here', app.url), { method: 'POST' }));
    expect(answer).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('an address that only starts like /graphql is not /graphql: 404 NOT_FOUND', async () => {
    const body = '{"query": "{ __typename }"}';
    const headers = { 'content-type': 'application/json' };
    const answer = await refusal(await send(new URL('/graphqlx', app.url), { method: 'POST', headers, body }));
    expect(answer).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });
});

describe('when the database goes away', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.stop());

  it('health turns 503 and GraphQL errors are masked: no SQL or driver text reaches the client', async () => {
    await app.orm.close(true);
    const health = await fetch(new URL('/health', app.url));
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'unavailable', database: 'unreachable' });

    const res = await app.graphql('{ marketplaces { code } }');
    expect(res.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(res.errors?.[0]?.message).toMatch(/Something went wrong on our side/);
    expect(JSON.stringify(res)).not.toMatch(/select|sqlite|postgres|stack|knex/i);
  });
});

describe('the request log (LOG_LEVEL info)', () => {
  const lines: Array<Record<string, unknown>> = [];
  let app: TestApp;
  beforeAll(async () => {
    const destination = { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) };
    app = await startTestApp({ logger: createLogger({ logLevel: 'info' }, destination) });
  });
  afterAll(() => app?.stop());

  it('has one line per /graphql request, with its id, status and time, and no credentials', async () => {
    const response = await requestWithoutEncoding(new URL('/graphql', app.url), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': 'trace-log-1',
        authorization: 'Bearer rcf_not-a-real-key',
        cookie: 'rc_session=secret-session-token',
      },
      body: '{"query": "{ __typename }"}',
    });
    // A bad API key is refused; the log still records the request, without the key or the cookie.
    expect(response.status).toBe(401);
    await expect
      .poll(() => lines.filter((line) => (line['req'] as { id?: string } | undefined)?.id === 'trace-log-1'))
      .toHaveLength(1);
    const line = lines.find((entry) => (entry['req'] as { id?: string } | undefined)?.id === 'trace-log-1')!;
    expect(line).toMatchObject({
      msg: 'request completed',
      req: { method: 'POST', url: '/graphql' },
      res: { statusCode: 401 },
    });
    expect(line['responseTime']).toEqual(expect.any(Number));
    const text = JSON.stringify(line);
    expect(text).not.toContain('rcf_not-a-real-key');
    expect(text).not.toContain('secret-session-token');
  });
});
