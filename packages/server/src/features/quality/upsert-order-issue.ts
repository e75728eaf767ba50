import { Reference } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import {
  checkComplaintRecord,
  checkOrderDefectRecord,
  unknownReference,
  type MarketplaceCode,
  type QualityRecordProblem,
} from '@recertify/domain';
import { Complaint } from './complaint.entity.js';
import { OrderDefect } from './order-defect.entity.js';
import { Order, type OrderCopies } from './order.entity.js';
import { sameInstant, throwIfProblems, type Upserted } from './quality-ingestion.js';
import { refreshQualityRollups } from './quality-rollups.js';
import type { UpsertComplaintInput, UpsertOrderDefectInput } from './quality-records.types.js';

/*
 * Order defects and complaints: each counts against its order on the order's day, whenever it was
 * sent. Sent again unchanged, nothing is written; a new one refreshes its order's rollup row (a
 * second complaint on a defective order leaves the counts as they are, but the refresh says so
 * from the rows). Its order is fixed for life. Ingestion never touches a complaint's invalidation:
 * that is a reviewer's (invalidate-complaint.ts).
 */

export async function upsertOrderDefect(
  em: EntityManager,
  input: UpsertOrderDefectInput,
  receivedAt: Date,
): Promise<Upserted<OrderDefect>> {
  const { order, existing, problems } = await load(em, OrderDefect, input);
  if (order) problems.push(...checkOrderDefectRecord(input, forChecks(order), receivedAt));
  throwIfProblems(problems);
  if (!existing) {
    const defect = new OrderDefect({ ...copiesOf(order!), ...input });
    return created(em, defect, order!);
  }
  if (existing.kind === input.kind && sameInstant(existing.reportedAt, input.reportedAt)) {
    return { outcome: 'UNCHANGED', record: existing };
  }
  existing.kind = input.kind;
  existing.reportedAt = input.reportedAt;
  existing.version += 1;
  await em.flush();
  return { outcome: 'UPDATED', record: existing };
}

export async function upsertComplaint(
  em: EntityManager,
  input: UpsertComplaintInput,
  receivedAt: Date,
): Promise<Upserted<Complaint>> {
  const note = input.note ?? null;
  const { order, existing, problems } = await load(em, Complaint, input);
  if (order) problems.push(...checkComplaintRecord({ filedAt: input.filedAt, note }, forChecks(order), receivedAt));
  throwIfProblems(problems);
  const content = { source: input.source, category: input.category, filedAt: input.filedAt, note };
  if (!existing) {
    const complaint = new Complaint({ ...copiesOf(order!), externalId: input.externalId, ...content });
    return created(em, complaint, order!);
  }
  const unchanged =
    existing.source === content.source &&
    existing.category === content.category &&
    sameInstant(existing.filedAt, content.filedAt) &&
    existing.note === content.note;
  if (unchanged) return { outcome: 'UNCHANGED', record: existing };
  Object.assign(existing, content);
  existing.version += 1;
  await em.flush();
  return { outcome: 'UPDATED', record: existing };
}

// --- internals -------------------------------------------------------------------------------

interface IssueInput {
  readonly marketplace: MarketplaceCode;
  readonly externalId: string;
  readonly orderExternalId: string;
}

async function load<T extends OrderDefect | Complaint>(
  em: EntityManager,
  entity: new (...args: never[]) => T,
  input: IssueInput,
): Promise<{ order: Order | null; existing: T | null; problems: QualityRecordProblem[] }> {
  const problems: QualityRecordProblem[] = [];
  const order = await em.findOne(Order, { marketplace: input.marketplace, externalId: input.orderExternalId });
  if (!order) {
    problems.push(unknownReference('orderExternalId', 'UNKNOWN_ORDER', input.orderExternalId, input.marketplace));
  }
  const where = { marketplace: input.marketplace, externalId: input.externalId };
  const existing = (await em.findOne(entity as new () => OrderDefect, where)) as T | null;
  if (existing && order && existing.order.id !== order.id) {
    problems.push({
      field: 'orderExternalId',
      rule: 'CHANGED_OWNER',
      message: `${JSON.stringify(input.externalId)} is about another order; the order it is about never changes`,
    });
  }
  return { order, existing, problems };
}

function forChecks(order: Order) {
  return { offerId: order.offer.id, orderedAt: order.orderedAt };
}

function copiesOf(order: Order): OrderCopies {
  return {
    order: Reference.create(order),
    offer: order.offer,
    seller: order.seller,
    marketplace: order.marketplace,
    orderDate: order.orderDate,
  };
}

async function created<T extends OrderDefect | Complaint>(
  em: EntityManager,
  record: T,
  order: Order,
): Promise<Upserted<T>> {
  em.persist(record);
  await em.flush();
  await refreshQualityRollups(em, { offerDays: [{ offerId: order.offer.id, day: order.orderDate }] });
  return { outcome: 'CREATED', record };
}
