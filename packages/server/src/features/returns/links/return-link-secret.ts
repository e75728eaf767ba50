import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import { SigningKey } from './signing-key.entity.js';

const KEY_NAME = 'return-links';

/** One lookup per database per process: the key never changes once made. */
const cache = new WeakMap<object, Promise<Buffer>>();

/**
 * The key that signs return links: RETURN_LINK_SECRET when set; otherwise a random 256-bit key the
 * server made the first time it needed one and keeps in the database, so every instance of the
 * API and the worker signs and checks alike with nothing to configure, and no key is in the repo.
 * Two instances making it at once agree: the first insert wins and both read it back.
 */
export function returnLinkSecret(em: EntityManager, configured: string | null): Promise<Buffer> {
  if (configured !== null) return Promise.resolve(Buffer.from(configured, 'utf8'));
  const database = em.getConnection();
  let secret = cache.get(database);
  if (!secret) {
    secret = loadOrCreate(em.fork()).catch((error: unknown) => {
      cache.delete(database);
      throw error;
    });
    cache.set(database, secret);
  }
  return secret;
}

async function loadOrCreate(em: EntityManager): Promise<Buffer> {
  await em
    .createQueryBuilder(SigningKey)
    .insert({ name: KEY_NAME, secret: randomBytes(32).toString('base64url'), createdAt: new Date() })
    .onConflict('name')
    .ignore()
    .execute();
  const key = await em.findOneOrFail(SigningKey, { name: KEY_NAME }, { disableIdentityMap: true });
  return Buffer.from(key.secret, 'base64url');
}
