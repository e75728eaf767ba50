import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to embedded mode: SQLite under the data folder, migrations and demo data at start', () => {
    const config = loadConfig({ DATA_DIR: '/tmp/rc' });
    expect(config.embedded).toBe(true);
    expect(config.database).toEqual({ kind: 'sqlite', file: '/tmp/rc/recertify.sqlite' });
    expect(config.migrateOnStart).toBe(true);
    expect(config.seedDemoData).toBe(true);
    expect(config.port).toBe(4000);
  });

  it('uses PostgreSQL for a postgres:// URL and never migrates or seeds at start unless told', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://app@db:5432/recertify' });
    expect(config.embedded).toBe(false);
    expect(config.database).toEqual({ kind: 'postgresql', url: 'postgres://app@db:5432/recertify' });
    expect(config.migrateOnStart).toBe(false);
    expect(config.seedDemoData).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgresql://x/y', MIGRATE_ON_START: 'true' }).migrateOnStart).toBe(true);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).embedded).toBe(true);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT="eighty": must be a port number/],
    [{ PORT: '65536' }, /PORT="65536": must be between 0 and 65535/],
    [
      { DATABASE_URL: 'mysql://root@localhost/db' },
      /DATABASE_URL="mysql:\/\/root@localhost\/db": must be a postgres:\/\/ URL/,
    ],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL="loud"/],
    [{ MIGRATE_ON_START: 'maybe' }, /MIGRATE_ON_START="maybe": must be one of true, false/],
  ])('refuses %o with a message naming the variable and the rule', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('has request limits on by default, tunable per variable, and a switch that turns them off', () => {
    const limits = loadConfig({}).limits;
    expect(limits.enabled).toBe(true);
    expect(limits.rate).toEqual({ windowSeconds: 60, anonymous: 300, session: 600, apiKey: 1200, flushMs: 250 });
    expect(limits.email).toEqual({ perAddress: 5, windowSeconds: 3600 });
    expect(loadConfig({ RATE_LIMIT_SESSION: '50', GRAPHQL_MAX_DEPTH: '8' }).limits).toMatchObject({
      rate: { session: 50 },
      query: { maxDepth: 8 },
    });
    expect(loadConfig({ RECERTIFY_LIMITS: 'off' }).limits.enabled).toBe(false);
    expect(() => loadConfig({ RECERTIFY_LIMITS: 'no' })).toThrow(/RECERTIFY_LIMITS="no": must be on or off/);
    expect(() => loadConfig({ RATE_LIMIT_ANONYMOUS: '0' })).toThrow(/RATE_LIMIT_ANONYMOUS="0": must be at least 1/);
  });

  it('keeps idle connections 5 s by default; 0 to 3600 s may be set, 0 leaving it to the client', () => {
    expect(loadConfig({}).keepAliveMs).toBe(5_000);
    expect(loadConfig({ HTTP_KEEP_ALIVE_SECONDS: '0' }).keepAliveMs).toBe(0);
    expect(loadConfig({ HTTP_KEEP_ALIVE_SECONDS: '3600' }).keepAliveMs).toBe(3_600_000);
    expect(() => loadConfig({ HTTP_KEEP_ALIVE_SECONDS: '3601' })).toThrow(
      /HTTP_KEEP_ALIVE_SECONDS="3601": must be at most 3600/,
    );
    expect(() => loadConfig({ HTTP_KEEP_ALIVE_SECONDS: '-1' })).toThrow(
      /HTTP_KEEP_ALIVE_SECONDS="-1": must be 0 or more/,
    );
  });

  it('believes X-Forwarded-For only from private and loopback peers unless told otherwise', () => {
    expect(loadConfig({}).trustProxy).toBe('loopback, linklocal, uniquelocal');
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8' }).trustProxy).toBe('10.0.0.0/8');
  });

  it('answers introspection and suggests field names outside production only, unless a setting says so', () => {
    expect(loadConfig({}).limits).toMatchObject({ introspection: true, fieldSuggestions: true });
    expect(loadConfig({ NODE_ENV: 'test' }).limits).toMatchObject({ introspection: true, fieldSuggestions: true });
    expect(loadConfig({ NODE_ENV: 'production' }).limits).toMatchObject({
      introspection: false,
      fieldSuggestions: false,
    });
    expect(
      loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true', GRAPHQL_FIELD_SUGGESTIONS: 'true' }).limits,
    ).toMatchObject({ introspection: true, fieldSuggestions: true });
  });

  it.each([
    // [what, environment, Secure]
    ['a production deployment', { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/rc' }, true],
    [
      'a production deployment said to be plain HTTP',
      { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/rc', PLAIN_HTTP: 'true' },
      false,
    ],
    [
      'a plain-HTTP production deployment with an https public URL',
      {
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://db/rc',
        PLAIN_HTTP: 'true',
        PUBLIC_URL: 'https://rc.example',
      },
      true,
    ],
    ['development on PostgreSQL', { DATABASE_URL: 'postgres://db/rc' }, false],
    ['the embedded demo, even built for production', { NODE_ENV: 'production' }, false],
    ['the embedded demo behind https', { NODE_ENV: 'production', PUBLIC_URL: 'https://demo.example' }, true],
  ])('session cookie for %s: Secure %s', (_what, env, secure) => {
    expect(loadConfig(env).auth.secureCookies).toBe(secure);
  });

  it('lists every bad variable at once', () => {
    try {
      loadConfig({ PORT: '-1', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(2);
    }
  });
});
