import { Reference, type EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import type { CloseReason, ReturnReasonCode, ReturnState } from '@recertify/domain';
import { Organization } from '../features/accounts/organization.entity.js';
import { CategoryReturnWindow } from '../features/returns/category-return-window.entity.js';
import { ReturnAddress } from '../features/returns/return-address.entity.js';
import { ReturnMessage } from '../features/returns/return-message.entity.js';
import { ReturnRequest } from '../features/returns/return-request.entity.js';
import { ReturnSettingsRecord } from '../features/returns/return-settings.entity.js';
import { ReturnMessageAuthor } from '../features/returns/returns.enums.js';
import { receiveReturnRequest } from '../features/returns/receive-return-request.js';

const DAY = 24 * 60 * 60 * 1000;

/** The two demo sellers with returns, and where their items go back. */
const SELLERS = [
  {
    organization: 'Evergreen Renewed',
    key: 'EVG',
    address: {
      name: 'Evergreen Renewed Returns',
      line1: '400 Pine Street',
      city: 'Seattle',
      region: 'WA',
      postalCode: '98101',
      country: 'US',
    },
  },
  {
    organization: 'Tightrope Traders',
    key: 'TTR',
    address: {
      name: 'Tightrope Traders',
      line1: '12 Rope Walk',
      city: 'Austin',
      region: 'TX',
      postalCode: '78701',
      country: 'US',
    },
  },
] as const;

interface DemoReturn {
  /** Days before now the order was delivered and the return requested. */
  readonly deliveredDaysAgo: number | null;
  readonly requestedDaysAgo: number;
  readonly reason: ReturnReasonCode;
  readonly comment: string | null;
  readonly category: string;
  /** Where the demo leaves it (requests authorized on arrival may then move on). */
  readonly state: ReturnState;
  readonly closeReason?: CloseReason;
  readonly reply?: string;
}

/** Every state, in and out of policy (days 40 and no delivery are out), for each seller. */
const RETURNS: readonly DemoReturn[] = [
  {
    deliveredDaysAgo: 10,
    requestedDaysAgo: 2,
    reason: 'DEFECTIVE',
    comment: 'The screen flickers after a few minutes.',
    category: 'Phones',
    state: 'AUTHORIZED',
  },
  {
    deliveredDaysAgo: 45,
    requestedDaysAgo: 5,
    reason: 'NO_LONGER_NEEDED',
    comment: null,
    category: 'Laptops',
    state: 'REQUESTED',
  },
  {
    deliveredDaysAgo: null,
    requestedDaysAgo: 1,
    reason: 'WRONG_ITEM',
    comment: 'I ordered the 128 GB model.',
    category: 'Phones',
    state: 'REQUESTED',
    reply: 'Sorry about that: please send it back, we will ship the right model.',
  },
  {
    deliveredDaysAgo: 12,
    requestedDaysAgo: 8,
    reason: 'NOT_AS_DESCRIBED',
    comment: 'Scratches on the back.',
    category: 'Tablets',
    state: 'IN_TRANSIT',
  },
  {
    deliveredDaysAgo: 20,
    requestedDaysAgo: 15,
    reason: 'MISSING_PARTS',
    comment: 'No charger in the box.',
    category: 'Laptops',
    state: 'RECEIVED',
  },
  {
    deliveredDaysAgo: 25,
    requestedDaysAgo: 20,
    reason: 'DAMAGED_IN_TRANSIT',
    comment: 'The box was crushed.',
    category: 'Phones',
    state: 'GRADED',
  },
  {
    deliveredDaysAgo: 30,
    requestedDaysAgo: 26,
    reason: 'BETTER_PRICE_FOUND',
    comment: null,
    category: 'Headphones',
    state: 'REFUNDED',
  },
  {
    deliveredDaysAgo: 60,
    requestedDaysAgo: 20,
    reason: 'OTHER',
    comment: 'Changed my mind.',
    category: 'Phones',
    state: 'CLOSED',
    closeReason: 'DECLINED',
  },
  {
    deliveredDaysAgo: 70,
    requestedDaysAgo: 66,
    reason: 'DEFECTIVE',
    comment: 'Battery drains overnight.',
    category: 'Phones',
    state: 'EXPIRED',
  },
];

/**
 * Returns for two demo sellers in every state, in and out of policy (SPEC 6), arriving as the
 * marketplace sends them (receiveReturnRequest) and then moved on. Idempotent: requests are keyed
 * by external id, and only new ones are moved.
 */
export async function seedDemoReturns(em: EntityManager, now = new Date()): Promise<void> {
  const sql = em as unknown as SqlEntityManager;
  if (!(await em.findOne(CategoryReturnWindow, { marketplace: 'US', categoryName: 'Headphones' }))) {
    em.persist(new CategoryReturnWindow({ marketplace: 'US', categoryName: 'Headphones', days: 15 }));
  }
  for (const seller of SELLERS) {
    const organization = await em.findOne(Organization, { name: seller.organization });
    if (!organization) continue;
    const ref = Reference.create(organization);
    if (!(await em.findOne(ReturnAddress, { organization }))) {
      em.persist(new ReturnAddress({ organization: ref, ...seller.address, isDefault: true }));
      if (seller.key === 'EVG') {
        em.persist(
          new ReturnAddress({
            organization: ref,
            name: 'Evergreen Renewed (Vancouver)',
            line1: '88 Harbour Road',
            city: 'Vancouver',
            region: 'BC',
            postalCode: 'V6B 1A1',
            country: 'CA',
          }),
        );
      }
    }
    if (seller.key === 'TTR' && !(await em.findOne(ReturnSettingsRecord, { organization, marketplace: 'US' }))) {
      const settings = new ReturnSettingsRecord({ organization: ref, marketplace: 'US' });
      settings.prepaidExemptSkus = ['TTR-BULKY-01'];
      settings.rmaPrefix = 'TTR';
      em.persist(settings);
    }
    await em.flush();

    for (const [index, plan] of RETURNS.entries()) {
      const externalId = `DEMO-${seller.key}-${index + 1}`;
      if (await em.findOne(ReturnRequest, { externalId })) continue;
      const requestedAt = new Date(now.getTime() - plan.requestedDaysAgo * DAY);
      const request = await receiveReturnRequest(
        sql,
        null,
        {
          sellerId: organization.id,
          marketplace: 'US',
          externalId,
          orderId: `${seller.key}-114-${String(3_000_000 + index * 7919).padStart(7, '0')}`,
          orderDeliveredAt:
            plan.deliveredDaysAgo === null ? null : new Date(now.getTime() - plan.deliveredDaysAgo * DAY),
          items: [
            {
              sku: `${seller.key}-SKU-${index + 1}`,
              quantity: 1,
              categoryName: plan.category,
              title: `${plan.category} item ${index + 1}`,
            },
          ],
          reason: plan.reason,
          buyerComment: plan.comment,
          buyerName: `Buyer ${index + 1}`,
          buyerEmail: `buyer${index + 1}@demo.recertify.test`,
          requestedAt,
        },
        { now: new Date(requestedAt.getTime() + 60 * 60 * 1000), publicUrl: 'http://localhost:4000' },
      );
      moveOn(request, plan, requestedAt);
      if (plan.reply) {
        em.persist(
          new ReturnMessage({
            returnRequest: Reference.create(request),
            author: ReturnMessageAuthor.SELLER,
            authorName: seller.organization,
            body: plan.reply,
            sentAt: new Date(requestedAt.getTime() + 2 * 60 * 60 * 1000),
          }),
        );
      }
      await em.flush();
    }
  }
}

/** Where the demo leaves a request after its arrival, written as the later steps would. */
function moveOn(request: ReturnRequest, plan: DemoReturn, requestedAt: Date): void {
  if (plan.state === request.status) return;
  const later = (days: number) => new Date(requestedAt.getTime() + days * DAY);
  if (plan.state === 'CLOSED') {
    request.status = 'CLOSED';
    request.closeReason = plan.closeReason ?? 'DECLINED';
    request.closedAt = later(1);
    return;
  }
  if (request.status !== 'AUTHORIZED') return;
  if (plan.state === 'EXPIRED') {
    request.status = 'EXPIRED';
    request.expiredAt = request.deadlinePassesAt;
    return;
  }
  request.status = plan.state;
}
