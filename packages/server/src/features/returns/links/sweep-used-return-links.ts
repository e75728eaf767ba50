import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { UsedReturnLink } from './used-return-link.entity.js';

/**
 * How long after its link expired a used-link row is kept. An expired token is refused before its
 * row is read, so the row is only needed until then; the hour covers instances whose clocks lag
 * (one that still took the token as valid would otherwise let it act a second time).
 */
export const USED_RETURN_LINK_GRACE_MS = 60 * 60_000;

/**
 * Deletes the rows of used return links that have expired (plus the grace), so the table holds
 * only links that could still be clicked. One conditional DELETE: several instances running it at
 * once delete each row once between them, and a row still needed is never touched.
 */
export async function sweepUsedReturnLinks({
  orm,
  now = () => new Date(),
}: {
  readonly orm: MikroORM;
  readonly now?: () => Date;
}): Promise<number> {
  const em = orm.em.fork() as EntityManager;
  const cutoff = new Date(now().getTime() - USED_RETURN_LINK_GRACE_MS);
  return em.nativeDelete(UsedReturnLink, { expiresAt: { $lte: cutoff } });
}
