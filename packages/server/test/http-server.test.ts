import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
