import type { EntityManager } from '@mikro-orm/knex';
import type { AppError } from '../../errors/app-error.js';
import { User } from '../accounts/user.entity.js';
import type { Application } from '../applications/application.entity.js';
import { claimedByOther } from './review.errors.js';

/** The refusal for a reviewer who is not the one holding the claim: who holds it, and since when. */
export async function claimHeldByOther(
  em: EntityManager,
  application: Application,
): Promise<AppError<'CLAIMED_BY_OTHER'>> {
  const reviewer = application.claimedBy ? await em.findOne(User, { id: application.claimedBy.id }) : null;
  return claimedByOther({ name: reviewer?.displayName ?? null, claimedAt: application.claimedAt });
}
