import { Reference } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { checkProductRatingRecord, orderDateOf, unknownReference, type QualityRecordProblem } from '@recertify/domain';
import { Offer } from './offer.entity.js';
import { Order } from './order.entity.js';
import { ProductRating } from './product-rating.entity.js';
import { marketplaceTimeZone, sameInstant, throwIfProblems, type Upserted } from './quality-ingestion.js';
import { refreshQualityRollups } from './quality-rollups.js';
import type { UpsertProductRatingInput } from './quality-records.types.js';

/**
 * Creates or updates a rating by (marketplace, external id). It counts on its own date (in the
 * marketplace's zone) in its offer's rollup; a changed star count or time refreshes the old and the
 * new row. The offer rated is fixed for life.
 */
export async function upsertProductRating(
  em: EntityManager,
  input: UpsertProductRatingInput,
  receivedAt: Date,
): Promise<Upserted<ProductRating>> {
  const problems: QualityRecordProblem[] = [];
  const offer = await em.findOne(Offer, { marketplace: input.marketplace, externalId: input.offerExternalId });
  if (!offer) {
    problems.push(unknownReference('offerExternalId', 'UNKNOWN_OFFER', input.offerExternalId, input.marketplace));
  }
  const orderExternalId = input.orderExternalId ?? null;
  const order = orderExternalId
    ? await em.findOne(Order, { marketplace: input.marketplace, externalId: orderExternalId })
    : null;
  if (orderExternalId && !order) {
    problems.push(unknownReference('orderExternalId', 'UNKNOWN_ORDER', orderExternalId, input.marketplace));
  }
  problems.push(
    ...checkProductRatingRecord(
      input,
      offer?.id ?? '',
      order ? { offerId: order.offer.id, orderedAt: order.orderedAt } : null,
      receivedAt,
    ).filter((p) => offer || p.rule !== 'ORDER_OF_ANOTHER_OFFER'),
  );
  const existing = await em.findOne(ProductRating, { marketplace: input.marketplace, externalId: input.externalId });
  if (existing && offer && existing.offer.id !== offer.id) {
    problems.push({
      field: 'offerExternalId',
      rule: 'CHANGED_OWNER',
      message: `rating ${JSON.stringify(input.externalId)} is of another offer; the offer rated never changes`,
    });
  }
  throwIfProblems(problems);

  const ratedDate = orderDateOf(input.ratedAt, await marketplaceTimeZone(em, input.marketplace));
  const after = { offerId: offer!.id, day: ratedDate };
  const orderRef = order ? Reference.create(order) : null;
  if (!existing) {
    const rating = new ProductRating({
      offer: Reference.create(offer!),
      order: orderRef,
      seller: offer!.seller,
      marketplace: input.marketplace,
      externalId: input.externalId,
      stars: input.stars,
      ratedAt: input.ratedAt,
      ratedDate,
    });
    em.persist(rating);
    await em.flush();
    await refreshQualityRollups(em, { offerDays: [after] });
    return { outcome: 'CREATED', record: rating };
  }
  const unchanged =
    existing.stars === input.stars &&
    sameInstant(existing.ratedAt, input.ratedAt) &&
    (existing.order?.id ?? null) === (order?.id ?? null);
  if (unchanged) return { outcome: 'UNCHANGED', record: existing };
  const before = { offerId: existing.offer.id, day: existing.ratedDate };
  existing.stars = input.stars;
  existing.ratedAt = input.ratedAt;
  existing.ratedDate = ratedDate;
  existing.order = orderRef;
  existing.version += 1;
  await em.flush();
  await refreshQualityRollups(em, { offerDays: [before, after] });
  return { outcome: 'UPDATED', record: existing };
}
