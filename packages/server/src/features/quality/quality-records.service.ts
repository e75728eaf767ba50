import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { requirePermission } from '../../auth/permissions.js';
import type { Principal } from '../../auth/principal.js';
import { ApiScope } from '../api-keys/api-key.enums.js';
import type { Complaint } from './complaint.entity.js';
import { invalidateComplaint } from './invalidate-complaint.js';
import type { Upserted } from './quality-ingestion.js';
import type {
  InvalidateComplaintInput,
  UpsertComplaintInput,
  UpsertOfferInput,
  UpsertOrderDefectInput,
  UpsertOrderInput,
  UpsertProductRatingInput,
} from './quality-records.types.js';
import { upsertOffer } from './upsert-offer.js';
import { upsertComplaint, upsertOrderDefect } from './upsert-order-issue.js';
import { upsertOrder } from './upsert-order.js';
import { upsertProductRating } from './upsert-product-rating.js';

/**
 * The quality records the marketplace's systems send one at a time (the import command sends them
 * in bulk), and the reviewer's invalidation of a complaint. Each call is one transaction: the
 * record, the copies it keeps in step and the rollups it moves commit together.
 */
export class QualityRecordsService {
  constructor(
    private readonly em: EntityManager,
    private readonly now: () => Date,
  ) {}

  upsertOffer(principal: Principal, input: UpsertOfferInput) {
    return this.ingest(principal, (em) => upsertOffer(em, input));
  }

  upsertOrder(principal: Principal, input: UpsertOrderInput) {
    return this.ingest(principal, (em) => upsertOrder(em, input, this.now()));
  }

  upsertOrderDefect(principal: Principal, input: UpsertOrderDefectInput) {
    return this.ingest(principal, (em) => upsertOrderDefect(em, input, this.now()));
  }

  upsertComplaint(principal: Principal, input: UpsertComplaintInput) {
    return this.ingest(principal, (em) => upsertComplaint(em, input, this.now()));
  }

  upsertProductRating(principal: Principal, input: UpsertProductRatingInput) {
    return this.ingest(principal, (em) => upsertProductRating(em, input, this.now()));
  }

  invalidateComplaint(principal: Principal, input: InvalidateComplaintInput): Promise<Complaint> {
    return this.em.transactional((em) => invalidateComplaint(em, principal, input, this.now()));
  }

  /**
   * Two senders creating the same external id at once: the second insert breaks the unique key,
   * and the retry finds the first's record (UNCHANGED or UPDATED, as if it had come second).
   */
  private async ingest<T>(
    principal: Principal,
    work: (em: EntityManager) => Promise<Upserted<T>>,
  ): Promise<Upserted<T>> {
    requirePermission(principal, [ApiScope.INGEST_MARKETPLACE_DATA]);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.em.transactional(work);
      } catch (error) {
        if (!(error instanceof UniqueConstraintViolationException) || attempt >= 3) throw error;
        this.em.clear();
      }
    }
  }
}
