import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import type { DatabaseConfig } from '../config.js';
import { ormConfig } from './orm-config.js';

/** The PostgreSQL server used for scratch databases (migration generation and checks, tests). */
export function postgresAdminUrl(): string {
  return process.env['POSTGRES_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export interface ScratchDatabase {
  readonly database: DatabaseConfig;
  drop(): Promise<void>;
}

/** A new, empty database of the given kind that nobody else uses; `drop` removes it. */
export async function createScratchDatabase(kind: DatabaseConfig['kind'], label = 'scratch'): Promise<ScratchDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), `recertify-${label}-`));
    return {
      database: { kind: 'sqlite', file: path.join(dir, 'recertify.sqlite') },
      drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  const name = `recertify_${label}_${Date.now()}_${randomBytes(3).toString('hex')}`.toLowerCase();
  const adminUrl = postgresAdminUrl();
  await withAdminConnection(adminUrl, (orm) => orm.em.getConnection().execute(`create database "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    database: { kind: 'postgresql', url: url.toString() },
    drop: () =>
      withAdminConnection(adminUrl, (orm) =>
        orm.em.getConnection().execute(`drop database if exists "${name}" with (force)`),
      ),
  };
}

async function withAdminConnection(url: string, work: (orm: MikroORM) => Promise<unknown>): Promise<void> {
  const orm = await MikroORM.init({
    ...ormConfig({ database: { kind: 'postgresql', url } }),
    entities: [],
    discovery: { warnWhenNoEntities: false },
    allowGlobalContext: true,
  });
  try {
    await work(orm);
  } finally {
    await orm.close();
  }
}
