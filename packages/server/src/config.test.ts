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

  it('lists every bad variable at once', () => {
    try {
      loadConfig({ PORT: '-1', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(2);
    }
  });
});
