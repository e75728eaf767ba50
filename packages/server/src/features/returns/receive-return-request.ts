import { Reference, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import {
  decideAuthorization,
  isReturnReasonCode,
  judgeReturnPolicy,
  RETURN_LIST_LIMITS,
  RETURN_TEXT_LIMITS,
  type MarketplaceCode,
  type ReturnReasonCode,
} from '@recertify/domain';
import type { Principal } from '../../auth/principal.js';
import { InputCheck, badInput, conflict } from '../../errors/app-error.js';
import { OrganizationKind } from '../accounts/accounts.enums.js';
import { Organization } from '../accounts/organization.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { enqueueEmail } from '../outbox/outbox.service.js';
import { Order } from '../quality/order.entity.js';
import { CategoryReturnWindow } from './category-return-window.entity.js';
import { applyAuthorization, newRmaNumber } from './return-authorizing.js';
import { defaultReturnAddress, marketplaceReturnPolicy, sellerReturnSettings } from './return-policy-context.js';
import { ReturnRequest, type ReturnItem } from './return-request.entity.js';
import { returnRequestedEmail } from './returns.emails.js';
import type { AppConfig } from '../../config.js';
import {
  returnEmailLinkLines,
  returnLinkSettingsFromEnvironment,
  returnRequestEmailing,
} from './links/return-links.service.js';

/** A return request as the marketplace's systems send it. */
export interface ReturnArrival {
  readonly sellerId: string;
  readonly marketplace: MarketplaceCode;
  readonly externalId: string;
  readonly orderId: string;
  readonly orderDeliveredAt: Date | null;
  readonly items: ReadonlyArray<{
    readonly sku: string;
    readonly quantity: number;
    readonly categoryName?: string | null;
    readonly title?: string | null;
  }>;
  readonly reason: ReturnReasonCode;
  readonly buyerComment?: string | null;
  readonly buyerName?: string | null;
  readonly buyerEmail?: string | null;
  readonly requestedAt: Date;
}

export interface ArrivalDependencies {
  readonly now: Date;
  /** Base of the link in the seller's email. */
  readonly publicUrl: string;
  /** The signed links' key and lifetime (links/); unset: as the environment configures them. */
  readonly returnLinks?: AppConfig['returnLinks'];
}

/**
 * A return request arrives (SPEC 6): judged against the category's window (or the policy's default)
 * in the marketplace's zone, authorized right away with a generated RMA when the seller's settings
 * make it automatic, and the seller emailed the reason (and why, when out of policy), all in one
 * flush. Idempotent on the external id: the same request sent again answers the stored one.
 */
export async function receiveReturnRequest(
  em: EntityManager,
  principal: Principal | null,
  arrival: ReturnArrival,
  deps: ArrivalDependencies,
): Promise<ReturnRequest> {
  checkArrival(arrival);
  const known = await em.findOne(ReturnRequest, { externalId: arrival.externalId.trim() });
  if (known) return sameSeller(known, arrival);

  const seller = await em.findOne(Organization, { id: arrival.sellerId, kind: OrganizationKind.SELLER });
  if (!seller) throw badInput([{ field: 'sellerId', message: 'is not a seller organization' }]);

  // The order as the marketplace sent it with its quality data, if it did: its delivery counts when the
  // request names none.
  const order = await em.findOne(Order, {
    marketplace: arrival.marketplace,
    externalId: arrival.orderId.trim(),
    seller: arrival.sellerId,
  });
  const request = await judgedRequest(em, {
    ...arrival,
    orderDeliveredAt: arrival.orderDeliveredAt ?? order?.deliveredAt ?? null,
  });
  if (order) request.order = Reference.create(order);
  const [policy, { rmaPrefix }, address] = await Promise.all([
    marketplaceReturnPolicy(em, request.marketplace, deps.now),
    sellerReturnSettings(em, arrival.sellerId, request.marketplace),
    defaultReturnAddress(em, arrival.sellerId),
  ]);
  em.persist(request);
  recordAudit(em, {
    principal,
    action: 'RETURN_REQUESTED',
    subjectType: 'ReturnRequest',
    subjectId: request.id,
    data: { inPolicy: request.inPolicy, authorizationReason: request.authorizationReason },
    at: deps.now,
  });
  if (request.authorizationMode === 'AUTOMATIC') {
    request.status = 'AUTHORIZED';
    applyAuthorization(request, { rma: newRmaNumber(rmaPrefix), rmaGenerated: true, address, at: deps.now }, policy);
    recordAudit(em, {
      principal,
      action: 'RETURN_AUTHORIZED',
      subjectType: 'ReturnRequest',
      subjectId: request.id,
      data: { rma: request.rma, automatic: true, deadline: request.deadline },
      at: deps.now,
    });
  }
  // Who is emailed, and with which signed links, is the seller's choice (returns/links, email settings).
  const returnLinks = deps.returnLinks ?? returnLinkSettingsFromEnvironment();
  const emailing = await returnRequestEmailing(em, { publicUrl: deps.publicUrl, returnLinks }, request, deps.now);
  const link = `${deps.publicUrl}/returns/${request.id}`;
  const email = returnRequestedEmail(request, link);
  const text = [email.text, ...returnEmailLinkLines(emailing.links, returnLinks.ttlMs)].join('\n');
  for (const to of emailing.recipients) {
    enqueueEmail(em, { kind: 'return.requested', to, ...email, text }, deps.now);
  }
  try {
    // One flush: the request, its audit entries and the seller's emails commit together.
    await em.flush();
    return request;
  } catch (error) {
    // The same request sent twice at once: the second insert loses on the unique external id.
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    em.clear();
    const stored = await em.findOneOrFail(ReturnRequest, { externalId: arrival.externalId.trim() });
    return sameSeller(stored, arrival);
  }
}

/** The request with its policy verdict and authorization decision, not yet authorized. */
async function judgedRequest(em: EntityManager, arrival: ReturnArrival): Promise<ReturnRequest> {
  const categories = [...new Set(arrival.items.map((i) => i.categoryName?.trim()).filter((c): c is string => !!c))];
  const [policy, { settings }, windows] = await Promise.all([
    marketplaceReturnPolicy(em, arrival.marketplace, arrival.requestedAt),
    sellerReturnSettings(em, arrival.sellerId, arrival.marketplace),
    categories.length
      ? em.find(CategoryReturnWindow, { marketplace: arrival.marketplace, categoryName: { $in: categories } })
      : Promise.resolve([]),
  ]);
  const windowOf = new Map(windows.map((w) => [w.categoryName, w.days]));
  const items: ReturnItem[] = arrival.items.map((item) => ({
    sku: item.sku.trim(),
    quantity: item.quantity,
    categoryName: item.categoryName?.trim() || null,
    title: item.title?.trim() || null,
  }));
  const verdict = judgeReturnPolicy(
    {
      deliveredAt: arrival.orderDeliveredAt,
      requestedAt: arrival.requestedAt,
      items: items.map((item) => ({
        sku: item.sku,
        categoryName: item.categoryName,
        categoryReturnWindowDays: (item.categoryName && windowOf.get(item.categoryName)) || null,
      })),
    },
    policy,
  );
  const decision = decideAuthorization({ items }, settings, verdict);
  return new ReturnRequest({
    organization: Reference.createFromPK(Organization, arrival.sellerId),
    marketplace: arrival.marketplace,
    externalId: arrival.externalId.trim(),
    orderExternalId: arrival.orderId.trim(),
    orderDeliveredAt: arrival.orderDeliveredAt,
    items,
    reasonCode: arrival.reason,
    buyerComment: arrival.buyerComment?.trim() || null,
    buyerName: arrival.buyerName?.trim() || null,
    buyerEmail: arrival.buyerEmail?.trim() || null,
    requestedAt: arrival.requestedAt,
    inPolicy: verdict.inPolicy,
    outOfPolicyReason: verdict.reason,
    policyExplanation: verdict.explanation,
    returnWindowDays: verdict.window.days,
    lastDayToRequest: verdict.lastDayToRequest,
    authorizationMode: decision.mode,
    authorizationReason: decision.reason,
    authorizationExplanation: decision.explanation,
    labelKind: decision.labelKind,
  });
}

/** An external id names one request of one seller; the same id for another seller is a mistake. */
function sameSeller(request: ReturnRequest, arrival: ReturnArrival): ReturnRequest {
  if (request.organization.id !== arrival.sellerId) {
    throw conflict(`The return request ${arrival.externalId} was already received for another seller.`);
  }
  return request;
}

/** Every field at fault at once, before anything is read. */
function checkArrival(a: ReturnArrival): void {
  const check = new InputCheck();
  const text = (value: string | null | undefined, field: string, max: number, required: boolean) => {
    const v = value?.trim() ?? '';
    if (required) check.require(v.length > 0, field, 'is required');
    check.require(v.length <= max, field, `must be at most ${max} characters`);
  };
  text(a.externalId, 'externalId', RETURN_TEXT_LIMITS.externalId, true);
  text(a.orderId, 'orderId', RETURN_TEXT_LIMITS.orderId, true);
  check.require(isReturnReasonCode(a.reason), 'reason', 'is not a return reason code');
  check.require(a.items.length > 0, 'items', 'must hold at least one item');
  check.require(
    a.items.length <= RETURN_LIST_LIMITS.items,
    'items',
    `must have at most ${RETURN_LIST_LIMITS.items} items`,
  );
  a.items.forEach((item, i) => {
    text(item.sku, `items[${i}].sku`, RETURN_TEXT_LIMITS.sku, true);
    check.require(
      Number.isSafeInteger(item.quantity) && item.quantity >= 1 && item.quantity <= RETURN_LIST_LIMITS.quantity,
      `items[${i}].quantity`,
      `must be a whole number from 1 to ${RETURN_LIST_LIMITS.quantity}`,
    );
  });
  check.require(!Number.isNaN(a.requestedAt.getTime()), 'requestedAt', 'is not a time');
  if (a.buyerEmail?.trim()) {
    check.require(/^[^\s@,;<>"]+@[^\s@,;<>"]+$/.test(a.buyerEmail.trim()), 'buyerEmail', 'is not an email address');
  }
  check.throwIfAny();
}
