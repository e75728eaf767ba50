import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

/** A web build as Vite writes it: hashed assets with .gz and .br beside them, and a hidden source map. */
function writeWebBuild(): { dir: string; script: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'recertify-web-dist-'));
  mkdirSync(path.join(dir, 'assets'));
  const script = `export const pages = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `page ${i}`))};\n`;
  const asset = path.join(dir, 'assets', 'index-AbC123.js');
  writeFileSync(asset, script);
  writeFileSync(`${asset}.gz`, gzipSync(script, { level: 9 }));
  writeFileSync(`${asset}.br`, brotliCompressSync(script));
  writeFileSync(`${asset}.map`, JSON.stringify({ version: 3, sources: ['src/main.tsx'], mappings: '' }));
  writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><html><head><title>Recertify</title></head><body><div id="root"></div>${'<!-- padding -->'.repeat(100)}</body></html>`,
  );
  return { dir, script };
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body as sent, still compressed. */
  body: Buffer;
}

/** One request with the exact Accept-Encoding given (fetch would add its own and decompress). */
function request(
  base: string,
  urlPath: string,
  acceptEncoding: string,
  init: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(urlPath, base),
      { method: init.method ?? 'GET', headers: { 'accept-encoding': acceptEncoding, ...init.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

function decoded(response: RawResponse): string {
  switch (response.headers['content-encoding']) {
    case 'br':
      return brotliDecompressSync(response.body).toString('utf8');
    case 'gzip':
      return gunzipSync(response.body).toString('utf8');
    case undefined:
      return response.body.toString('utf8');
    default:
      throw new Error(`unexpected Content-Encoding ${response.headers['content-encoding']}`);
  }
}

// Every type with its fields: a GraphQL answer well over compression's 1 kB threshold.
const BIG_QUERY = JSON.stringify({ query: '{ __schema { types { name fields { name } } } }' });
const GRAPHQL_POST = { method: 'POST', body: BIG_QUERY, headers: { 'content-type': 'application/json' } };

describe('web app and API responses, compressed (production mode)', () => {
  let app: TestApp;
  let web: ReturnType<typeof writeWebBuild>;
  beforeAll(async () => {
    web = writeWebBuild();
    // BIG_QUERY is an introspection query, off in production unless turned on.
    app = await startTestApp({
      env: 'production',
      webDistDir: web.dir,
      environment: { GRAPHQL_INTROSPECTION: 'true' },
    });
  });
  afterAll(async () => {
    await app?.stop();
    rmSync(web.dir, { recursive: true, force: true });
  });

  it.each([
    { accept: 'gzip, deflate, br', encoding: 'br' },
    { accept: 'br;q=0.1, gzip', encoding: 'br' }, // the server prefers brotli whenever it is accepted
    { accept: 'gzip, deflate', encoding: 'gzip' },
    { accept: 'identity', encoding: undefined },
  ])('sends an asset precompressed: Accept-Encoding "$accept" gets $encoding', async ({ accept, encoding }) => {
    const response = await request(app.url, '/assets/index-AbC123.js', accept);
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe(encoding);
    expect(response.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(response.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(decoded(response)).toBe(web.script);
  });

  it.each([
    { accept: 'gzip, deflate, br', encoding: 'br' },
    { accept: 'gzip', encoding: 'gzip' },
    { accept: 'identity', encoding: undefined },
    { accept: '', encoding: undefined }, // no encoding accepted: the answer as it is
  ])('compresses a GraphQL answer: Accept-Encoding "$accept" gets $encoding', async ({ accept, encoding }) => {
    const response = await request(app.url, '/graphql', accept, GRAPHQL_POST);
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe(encoding);
    const body = JSON.parse(decoded(response)) as { data: { __schema: { types: Array<{ name: string }> } } };
    expect(body.data.__schema.types.map((type) => type.name)).toContain('Query');
  });

  it('compresses the app page served for an in-app address', async () => {
    const response = await request(app.url, '/review/123', 'gzip, br');
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(decoded(response)).toContain('<div id="root">');
  });

  it('does not serve source maps', async () => {
    const response = await request(app.url, '/assets/index-AbC123.js.map', 'identity');
    expect(response.status).toBe(404);
    expect(JSON.parse(decoded(response))).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
  });

  it('answers 404 for an asset that is not there, not the app page', async () => {
    const response = await request(app.url, '/assets/index-Gone99.js', 'identity');
    expect(response.status).toBe(404);
    expect(JSON.parse(decoded(response))).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
  });

  it('refuses an undecodable address as typed JSON, not plain text', async () => {
    const response = await request(app.url, '/assets/%E0%A4%A.js', 'identity');
    expect(response.status).toBe(400);
    expect(JSON.parse(decoded(response))).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
  });
});

/** The Content-Security-Policy as a map of directive to its sources. */
function policyOf(header: string | string[] | undefined): Record<string, string> {
  expect(typeof header).toBe('string');
  return Object.fromEntries(
    (header as string).split(';').map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      return [name!, sources.join(' ')];
    }),
  );
}

describe('security headers on the web app and the API (production mode)', () => {
  let app: TestApp;
  let web: ReturnType<typeof writeWebBuild>;
  beforeAll(async () => {
    web = writeWebBuild();
    app = await startTestApp({ env: 'production', webDistDir: web.dir });
  });
  afterAll(async () => {
    await app?.stop();
    rmSync(web.dir, { recursive: true, force: true });
  });

  const APP_POLICY = {
    'default-src': "'self'",
    'base-uri': "'self'",
    'connect-src': "'self'",
    'font-src': "'self'",
    'form-action': "'self'",
    'frame-ancestors': "'none'",
    'img-src': "'self' data:",
    'manifest-src': "'self'",
    'object-src': "'none'",
    'script-src': "'self'",
    'script-src-attr': "'none'",
    'style-src': "'self'",
  };

  it.each([
    ['the app page', '/', {}],
    ['an in-app address', '/applications/new', {}],
    ['an asset', '/assets/index-AbC123.js', {}],
    ['a GraphQL answer', '/graphql', GRAPHQL_POST],
    ['health', '/health', {}],
    ['an unknown address', '/nothing/here.txt', {}],
    ['a refused upload', '/uploads?kind=IMAGE', { method: 'POST', body: 'x' }],
  ])(
    '%s carries the CSP (scripts from our origin only, no framing), nosniff and no-referrer',
    async (_label, urlPath, init) => {
      const response = await request(app.url, urlPath, 'identity', init);
      expect(policyOf(response.headers['content-security-policy'])).toEqual(APP_POLICY);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-frame-options']).toBe('DENY');
      // Plain HTTP here: HSTS and upgrade-insecure-requests would break a LAN address.
      expect(response.headers['strict-transport-security']).toBeUndefined();
      expect(response.headers['x-powered-by']).toBeUndefined();
    },
  );

  it('production has no Apollo landing page, so GET /graphql gets the same strict policy', async () => {
    const response = await request(app.url, '/graphql', 'identity', { headers: { accept: 'text/html' } });
    expect(policyOf(response.headers['content-security-policy'])).toEqual(APP_POLICY);
  });
});

describe('security headers behind https (PUBLIC_URL https://...)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: 'production', environment: { PUBLIC_URL: 'https://recertify.example.com' } });
  });
  afterAll(() => app?.stop());

  it('adds HSTS and upgrade-insecure-requests', async () => {
    const response = await request(app.url, '/health', 'identity');
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(policyOf(response.headers['content-security-policy'])).toMatchObject({
      'upgrade-insecure-requests': '',
      'frame-ancestors': "'none'",
    });
  });
});

describe('web app served in development mode', () => {
  let app: TestApp;
  let web: ReturnType<typeof writeWebBuild>;
  beforeAll(async () => {
    web = writeWebBuild();
    app = await startTestApp({ env: 'development', webDistDir: web.dir });
  });
  afterAll(async () => {
    await app?.stop();
    rmSync(web.dir, { recursive: true, force: true });
  });

  it("Apollo's landing page at GET /graphql gets a policy that lets Apollo Sandbox load; the app keeps the strict one", async () => {
    const landing = await request(app.url, '/graphql', 'identity', { headers: { accept: 'text/html' } });
    expect(landing.status).toBe(200);
    expect(landing.body.toString()).toContain('embeddable-sandbox.cdn.apollographql.com');
    const policy = policyOf(landing.headers['content-security-policy']);
    expect(policy['script-src']).toContain('https://embeddable-sandbox.cdn.apollographql.com');
    expect(policy['frame-src']).toContain('https://sandbox.embed.apollographql.com');
    expect(policy['frame-ancestors']).toBe("'none'");
    const page = await request(app.url, '/', 'identity');
    expect(policyOf(page.headers['content-security-policy'])['script-src']).toBe("'self'");
  });

  it('serves source maps to a developer running a production build locally', async () => {
    const response = await request(app.url, '/assets/index-AbC123.js.map', 'identity');
    expect(response.status).toBe(200);
    expect(JSON.parse(decoded(response))).toMatchObject({ version: 3 });
  });
});
