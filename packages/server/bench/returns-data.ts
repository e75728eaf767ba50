import { randomUUID } from 'node:crypto';
import { MARKETPLACE_CODES, RETURN_REASON_CODES, type ReturnState } from '@recertify/domain';
import type { EntityManager, Orm } from '../src/db/orm.js';

const DAY_MS = 86_400_000;
const BATCH_ROWS = 500;

/** Share of each state among generated returns: most are open, as a working queue's are. */
const STATE_MIX: ReadonlyArray<readonly [ReturnState, number]> = [
  ['REQUESTED', 0.3],
  ['AUTHORIZED', 0.3],
  ['IN_TRANSIT', 0.1],
  ['RECEIVED', 0.05],
  ['REFUNDED', 0.1],
  ['CLOSED', 0.1],
  ['EXPIRED', 0.05],
];

function stateOf(i: number): ReturnState {
  let at = ((i * 7919) % 1000) / 1000;
  for (const [state, share] of STATE_MIX) {
    if (at < share) return state;
    at -= share;
  }
  return 'REQUESTED';
}

/**
 * `count` returns of one seller over the last 120 days (several marketplaces, reasons and states,
 * a fifth out of policy), inserted as the marketplace would have sent them and the seller worked
 * them: authorized ones carry an RMA and a deadline. Rows go in with multi-row INSERTs through the
 * ORM (the same conversions as the app's writes). Returns the ids.
 */
export async function seedReturns(orm: Orm, organizationId: string, count: number, now: Date): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += BATCH_ROWS) {
    const em = orm.em.fork() as EntityManager;
    const rows = [];
    for (let i = start; i < Math.min(count, start + BATCH_ROWS); i++) {
      const id = randomUUID();
      ids.push(id);
      const requestedAt = new Date(now.getTime() - ((i * 104_729) % (120 * DAY_MS)) - (i % 1000));
      const state = stateOf(i);
      const authorized = state !== 'REQUESTED' && !(state === 'CLOSED' && i % 2 === 0);
      const inPolicy = i % 5 !== 0;
      const deadline = new Date(requestedAt.getTime() + 45 * DAY_MS).toISOString().slice(0, 10);
      rows.push({
        id,
        createdAt: requestedAt,
        updatedAt: requestedAt,
        organization: organizationId,
        marketplace: MARKETPLACE_CODES[i % MARKETPLACE_CODES.length],
        externalId: `BENCH-${id}`,
        orderExternalId: `114-${String(i).padStart(7, '0')}`,
        orderDeliveredAt: new Date(requestedAt.getTime() - 5 * DAY_MS),
        items: [
          {
            sku: `SKU-${i % 500}`,
            quantity: 1 + (i % 3),
            categoryName: 'Phones',
            title: `Refurbished phone ${i % 500}`,
          },
        ],
        reasonCode: RETURN_REASON_CODES[i % RETURN_REASON_CODES.length],
        buyerComment: i % 3 === 0 ? 'It does not turn on.' : null,
        buyerName: 'Bench Buyer',
        buyerEmail: `buyer${i}@example.com`,
        requestedAt,
        status: state,
        version: authorized ? 2 : 1,
        inPolicy,
        outOfPolicyReason: inPolicy ? null : 'WINDOW_CLOSED',
        policyExplanation: inPolicy ? 'Requested within the 30-day window.' : 'Requested after the 30-day window.',
        returnWindowDays: 30,
        lastDayToRequest: new Date(requestedAt.getTime() + 25 * DAY_MS).toISOString().slice(0, 10),
        authorizationMode: 'MANUAL',
        authorizationReason: inPolicy ? 'INDIVIDUAL_MANUAL' : 'OUT_OF_POLICY_MANUAL',
        authorizationExplanation: 'Waiting for your review.',
        labelKind: 'UNPAID',
        rma: authorized ? `BENCH-${String(i).padStart(8, '0')}` : null,
        rmaGenerated: false,
        authorizedAt: authorized ? requestedAt : null,
        deadline: authorized ? deadline : null,
        deadlinePassesAt: authorized ? new Date(`${deadline}T08:00:00Z`) : null,
        closedAt: state === 'CLOSED' ? requestedAt : null,
        closeReason: state === 'CLOSED' ? 'DECLINED' : null,
        expiredAt: state === 'EXPIRED' ? requestedAt : null,
      });
    }
    await em.insertMany('ReturnRequest', rows);
  }
  return ids;
}
