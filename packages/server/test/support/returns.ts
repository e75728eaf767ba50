import type { EntityManager } from '@mikro-orm/knex';
import { Organization } from '../../src/features/accounts/organization.entity.js';
import { receiveReturnRequest, type ReturnArrival } from '../../src/features/returns/receive-return-request.js';
import type { ReturnRequest } from '../../src/features/returns/return-request.entity.js';
import type { TestApp } from './test-app.js';

const DAY = 24 * 60 * 60 * 1000;

export async function organizationId(app: TestApp, name: string): Promise<string> {
  return (await app.orm.em.fork().findOneOrFail(Organization, { name })).id;
}

let counter = 0;

/**
 * A request arriving as the marketplace sends it, written through the arrival use case (the same
 * one the ingestion mutation calls). Delivered `deliveredDaysBefore` days before `requestedAt`.
 */
export async function arrive(
  app: TestApp,
  sellerId: string,
  options: Partial<ReturnArrival> & { requestedAt: Date; deliveredDaysBefore?: number | null; now?: Date },
): Promise<ReturnRequest> {
  counter += 1;
  const em = app.orm.em.fork() as EntityManager;
  const { deliveredDaysBefore = 5, now, ...rest } = options;
  return receiveReturnRequest(
    em,
    null,
    {
      sellerId,
      marketplace: 'US',
      externalId: `T-${Date.now()}-${counter}`,
      orderId: `ORDER-${counter}`,
      orderDeliveredAt:
        deliveredDaysBefore === null ? null : new Date(options.requestedAt.getTime() - deliveredDaysBefore * DAY),
      items: [{ sku: `SKU-${counter}`, quantity: 1, categoryName: 'Phones' }],
      reason: 'DEFECTIVE',
      ...rest,
    },
    { now: now ?? options.requestedAt, publicUrl: 'http://localhost' },
  );
}
