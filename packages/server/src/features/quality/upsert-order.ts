import { Reference } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { checkOrderRecord, orderDateOf, unknownReference, type QualityRecordProblem } from '@recertify/domain';
import { Complaint } from './complaint.entity.js';
import { Offer } from './offer.entity.js';
import { OrderDefect } from './order-defect.entity.js';
import { Order } from './order.entity.js';
import { marketplaceTimeZone, sameInstant, throwIfProblems, type Upserted } from './quality-ingestion.js';
import { refreshQualityRollups } from './quality-rollups.js';
import type { UpsertOrderInput } from './quality-records.types.js';

/**
 * Creates or updates an order by (marketplace, external id). A corrected order time or offer moves
 * the order (and the copies its complaints and defects keep) from one rollup row to another: both
 * rows are refreshed. The offer may change only to another offer of the same seller.
 */
export async function upsertOrder(
  em: EntityManager,
  input: UpsertOrderInput,
  receivedAt: Date,
): Promise<Upserted<Order>> {
  const fields = { ...input, shippedAt: input.shippedAt ?? null, deliveredAt: input.deliveredAt ?? null };
  const problems: QualityRecordProblem[] = checkOrderRecord(fields, receivedAt);
  const offer = await em.findOne(Offer, { marketplace: input.marketplace, externalId: input.offerExternalId });
  if (!offer) {
    problems.push(unknownReference('offerExternalId', 'UNKNOWN_OFFER', input.offerExternalId, input.marketplace));
  }
  const existing = await em.findOne(Order, { marketplace: input.marketplace, externalId: input.externalId });
  if (existing && offer && existing.seller.id !== offer.seller.id) {
    problems.push({
      field: 'offerExternalId',
      rule: 'CHANGED_OWNER',
      message: `order ${JSON.stringify(input.externalId)} is another seller's; an order's seller never changes`,
    });
  }
  throwIfProblems(problems);

  const orderDate = orderDateOf(input.orderedAt, await marketplaceTimeZone(em, input.marketplace));
  const after = { offerId: offer!.id, day: orderDate };
  if (!existing) {
    const order = new Order({
      offer: Reference.create(offer!),
      seller: offer!.seller,
      marketplace: input.marketplace,
      externalId: input.externalId,
      buyerReference: input.buyerReference,
      quantity: input.quantity,
      orderedAt: input.orderedAt,
      shippedAt: fields.shippedAt,
      deliveredAt: fields.deliveredAt,
      orderDate,
    });
    em.persist(order);
    await em.flush();
    await refreshQualityRollups(em, { offerDays: [after] });
    return { outcome: 'CREATED', record: order };
  }

  const unchanged =
    existing.offer.id === offer!.id &&
    existing.buyerReference === input.buyerReference &&
    existing.quantity === input.quantity &&
    sameInstant(existing.orderedAt, input.orderedAt) &&
    sameInstant(existing.shippedAt, fields.shippedAt) &&
    sameInstant(existing.deliveredAt, fields.deliveredAt);
  if (unchanged) return { outcome: 'UNCHANGED', record: existing };

  const before = { offerId: existing.offer.id, day: existing.orderDate };
  const moved = before.offerId !== after.offerId || before.day !== after.day;
  existing.offer = Reference.create(offer!);
  existing.buyerReference = input.buyerReference;
  existing.quantity = input.quantity;
  existing.orderedAt = input.orderedAt;
  existing.shippedAt = fields.shippedAt;
  existing.deliveredAt = fields.deliveredAt;
  existing.orderDate = orderDate;
  existing.version += 1;
  await em.flush();
  if (moved) {
    // Complaints and defects keep their order's offer and date for the dashboard's reads.
    const copies = { offer: offer!.id, orderDate };
    await em.nativeUpdate(Complaint, { order: existing.id }, copies);
    await em.nativeUpdate(OrderDefect, { order: existing.id }, copies);
    await refreshQualityRollups(em, { offerDays: [before, after] });
  }
  return { outcome: 'UPDATED', record: existing };
}
