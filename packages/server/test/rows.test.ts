import type { EntityManager } from '@mikro-orm/knex';
import { Reference } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowReader } from '../src/db/rows.js';
import { selectRows } from '../src/db/select-rows.js';
import { Session } from '../src/features/accounts/session.entity.js';
import { User } from '../src/features/accounts/user.entity.js';
import { signedUpSeller } from './support/principals.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/*
 * Plain rows (db/rows.ts): a row's many-to-one relation is a reference made when it is first read,
 * the same managed reference the ORM would give, and none is made for a row whose relation nobody
 * reads (a queue page that does not show it).
 */
describe('rowReader', () => {
  let app: TestApp;
  let userId: string;

  beforeAll(async () => {
    app = await startTestApp();
    await signedUpSeller(app, { email: 'rows@example.com', organizationName: 'Rows LLC' });
    const [user] = await selectRows<{ id: string }>(
      app.orm.em.fork() as EntityManager,
      'select "id" from "user" where "email" = ?',
      ['rows@example.com'],
    );
    userId = user!.id;
  });
  afterAll(() => app?.stop());

  async function sessionRows(em: EntityManager) {
    const reader = rowReader(em, Session, 's', ['id', 'user', 'expiresAt']);
    const raw = await selectRows(em, `select ${reader.columns} from "session" as "s" where "s"."user_id" = ?`, [
      userId,
    ]);
    return raw.map((r) => reader.read(r) as Session);
  }

  it('makes the reference of a relation when it is read, and only then', async () => {
    const em = app.orm.em.fork() as EntityManager;
    const [row] = await sessionRows(em);
    expect(row).toBeDefined();
    expect(row!.expiresAt).toBeInstanceOf(Date);
    expect(em.getUnitOfWork().getById(User.name, userId)).toBeUndefined();
    const user = row!.user;
    expect(Reference.isReference(user)).toBe(true);
    expect(user.id).toBe(userId);
    expect(em.getUnitOfWork().getById(User.name, userId)).toBe(user.unwrap());
    expect(row!.user).toBe(user); // made once
    expect(Object.keys(row!)).toContain('user');
    expect((await user.load())?.email).toBe('rows@example.com');
  });

  it('a row that never reads its relation leaves the identity map empty; a write replaces the relation', async () => {
    const em = app.orm.em.fork() as EntityManager;
    const rows = await sessionRows(em);
    expect(rows.length).toBeGreaterThan(0);
    expect(em.getUnitOfWork().getIdentityMap().values()).toHaveLength(0);
    const replacement = em.getReference(User, userId, { wrapped: true });
    (rows[0] as unknown as { user: unknown }).user = replacement;
    expect(rows[0]!.user).toBe(replacement);
  });
});
