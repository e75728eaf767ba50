import type { EntityManager } from '@mikro-orm/knex';
import type { MarketplaceCode, QualityRecordProblem } from '@recertify/domain';
import { Marketplace } from '../marketplaces/marketplace.entity.js';
import { badRecord } from './quality.errors.js';
import type { UpsertOutcome } from './quality.enums.js';

/*
 * What the single-record upserts share. Each is idempotent on (marketplace, external id): the
 * same content sent again writes nothing (UNCHANGED: no version, no rollup refresh); a change
 * raises the record's version and refreshes the rollups of the offer-days it leaves and enters.
 */

export interface Upserted<T> {
  readonly outcome: UpsertOutcome;
  readonly record: T;
}

/** The marketplace's IANA zone: the calendar order and rating dates are read in. */
export async function marketplaceTimeZone(em: EntityManager, code: MarketplaceCode): Promise<string> {
  const marketplace = await em.findOneOrFail(Marketplace, { code });
  return marketplace.timeZone;
}

export function throwIfProblems(problems: readonly QualityRecordProblem[]): void {
  if (problems.length > 0) throw badRecord(problems);
}

export function sameInstant(a: Date | null, b: Date | null): boolean {
  return a === null || b === null ? a === b : a.getTime() === b.getTime();
}
