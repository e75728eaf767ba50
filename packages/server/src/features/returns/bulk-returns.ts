import type { EntityManager } from '@mikro-orm/knex';
import { RETURN_LIST_LIMITS, type CloseReason, type MarketplaceCode, type ReturnState } from '@recertify/domain';
import type { Principal } from '../../auth/principal.js';
import { AppError, badInput, conflict, notFound, type AnyAppError } from '../../errors/app-error.js';
import { updateEachIfUnchanged } from '../../db/conditional-update.js';
import { insertEntities } from '../../db/insert-rows.js';
import { rowReader } from '../../db/rows.js';
import { auditEntry } from '../audit/audit.service.js';
import { outboxEmail, type EmailToSend } from '../outbox/outbox.service.js';
import { deadlineOf, newRmaNumber } from './return-authorizing.js';
import { nextReturnStateOrRefuse, transitionContext } from './return-lifecycle.js';
import {
  defaultReturnAddress,
  marketplaceReturnPolicy,
  sellerReturnSettings,
  type MarketplaceReturnPolicy,
} from './return-policy-context.js';
import { returnRowProps } from './return-queue.service.js';
import { ReturnRequest } from './return-request.entity.js';
import { returnsOrganizationOf } from './returns-access.js';
import { returnAuthorizedEmail, returnClosedEmail } from './returns.emails.js';

/** Ids per SELECT of the requests (one parameter each). */
const READ_CHUNK = 500;

/** One request of a bulk call: the request as it now stands, or why it was refused. */
export interface BulkReturnOutcome {
  readonly id: string;
  readonly request: ReturnRequest | null;
  readonly error: AnyAppError | null;
}

/** What a bulk action does to one request that may take it: a conditional update, its audit and email. */
interface PlannedChange {
  readonly request: ReturnRequest;
  readonly from: ReturnState;
  readonly set: Partial<ReturnRequest>;
  readonly audit: { readonly action: string; readonly data: Record<string, unknown> };
  readonly email: EmailToSend | null;
}

/**
 * Authorizes many requests at once with generated RMAs to the default address (SPEC 6). Each
 * request succeeds or reports its own typed error; one already authorized answers as it stands, so
 * repeating the call changes nothing and answers the same. Racing calls are safe: each request is
 * changed only if it still has the state and version read (one set-based conditional UPDATE per
 * chunk, db/conditional-update.ts), so only one call authorizes it and gives it an RMA.
 */
export async function bulkAuthorizeReturns(
  em: EntityManager,
  principal: Principal,
  ids: readonly string[],
  now: Date,
): Promise<BulkReturnOutcome[]> {
  const organizationId = returnsOrganizationOf(principal, 'write');
  const wanted = distinctIds(ids);
  const requests = await readRequests(em, organizationId, wanted);
  const requested = requests.filter((r) => r.status === 'REQUESTED');
  const marketplaces = [...new Set(requested.map((r) => r.marketplace))];
  const [address, contexts] = await Promise.all([
    requested.length ? defaultReturnAddress(em, organizationId) : Promise.resolve(null),
    Promise.all(
      marketplaces.map(async (m) => {
        const [policy, { rmaPrefix }] = await Promise.all([
          marketplaceReturnPolicy(em, m, now),
          sellerReturnSettings(em, organizationId, m),
        ]);
        return [m, { policy, rmaPrefix }] as const;
      }),
    ),
  ]);
  const byMarketplace = new Map<MarketplaceCode, { policy: MarketplaceReturnPolicy; rmaPrefix: string | null }>(
    contexts,
  );

  return runBulk(em, principal, wanted, requests, now, {
    isDone: (r) => r.status === 'AUTHORIZED',
    plan: (r) => {
      nextReturnStateOrRefuse(r.status, 'AUTHORIZE', transitionContext(r, now));
      if (!address) {
        throw badInput([{ field: 'addressId', message: 'set a default return address before authorizing in bulk' }]);
      }
      const { policy, rmaPrefix } = byMarketplace.get(r.marketplace)!;
      const rma = newRmaNumber(rmaPrefix);
      const { deadline, passesAt } = deadlineOf(r, now, policy);
      return {
        set: {
          status: 'AUTHORIZED',
          rma,
          rmaGenerated: true,
          authorizedAt: now,
          deadline,
          deadlinePassesAt: passesAt,
          returnAddress: address.id as never,
        },
        audit: { action: 'RETURN_AUTHORIZED', data: { rma, generated: true, deadline, bulk: true } },
        email: r.buyerEmail
          ? {
              kind: 'return.authorized',
              to: r.buyerEmail,
              ...returnAuthorizedEmail({ orderExternalId: r.orderExternalId, rma, deadline }),
            }
          : null,
      };
    },
  });
}

/**
 * Closes many requests at once with one reason (SPEC 6), each as the lifecycle allows it (an
 * authorized one only as NOT_RETURNED after its deadline). One already closed with that reason
 * answers as it stands; racing calls close each request once.
 */
export async function bulkCloseReturns(
  em: EntityManager,
  principal: Principal,
  input: { readonly ids: readonly string[]; readonly reason: CloseReason; readonly note?: string | null },
  now: Date,
): Promise<BulkReturnOutcome[]> {
  const organizationId = returnsOrganizationOf(principal, 'write');
  const wanted = distinctIds(input.ids);
  const requests = await readRequests(em, organizationId, wanted);
  const note = input.note?.trim() || null;
  return runBulk(em, principal, wanted, requests, now, {
    isDone: (r) => r.status === 'CLOSED' && r.closeReason === input.reason,
    plan: (r) => {
      nextReturnStateOrRefuse(r.status, 'CLOSE', transitionContext(r, now, input.reason));
      return {
        set: { status: 'CLOSED', closeReason: input.reason, closedAt: now, closedNote: note },
        audit: { action: 'RETURN_CLOSED', data: { reason: input.reason, from: r.status, bulk: true } },
        email: r.buyerEmail ? { kind: 'return.closed', to: r.buyerEmail, ...returnClosedEmail(r, input.reason) } : null,
      };
    },
  });
}

interface BulkAction {
  /** Already where the action leads: answered as it stands. */
  readonly isDone: (request: ReturnRequest) => boolean;
  /** The change for a request, or a typed refusal thrown. */
  readonly plan: (request: ReturnRequest) => Omit<PlannedChange, 'request' | 'from'>;
}

async function runBulk(
  em: EntityManager,
  principal: Principal,
  wanted: readonly string[],
  requests: readonly ReturnRequest[],
  now: Date,
  action: BulkAction,
): Promise<BulkReturnOutcome[]> {
  const found = new Map(requests.map((r) => [r.id, r]));
  const refused = new Map<string, AnyAppError>();
  const planned: PlannedChange[] = [];
  for (const id of wanted) {
    const request = found.get(id);
    if (!request) refused.set(id, notFound('That return request'));
    else if (!action.isDone(request)) {
      try {
        planned.push({ request, from: request.status, ...action.plan(request) });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        refused.set(id, error as AnyAppError);
      }
    }
  }

  if (planned.length > 0) {
    // Same order in every call (by id), so two calls over the same requests take the row locks in the same order.
    planned.sort((a, b) => (a.request.id < b.request.id ? -1 : 1));
    // Set-based: one conditional UPDATE per chunk of requests (each changed only if it still has the
    // status and version read above; another call that won keeps it), then the audit entries and
    // emails of the changed ones in multi-row INSERTs, all in one transaction.
    await em.fork().transactional(async (tx) => {
      const changed = await updateEachIfUnchanged(
        tx,
        ReturnRequest,
        planned.map(({ request, from, set }) => ({
          id: request.id,
          where: { status: from, version: request.version },
          set: { ...set, updatedAt: now },
        })),
      );
      const done = planned.filter((change) => changed.has(change.request.id));
      const audits = done.map((change) =>
        auditEntry({
          principal,
          action: change.audit.action,
          subjectType: 'ReturnRequest',
          subjectId: change.request.id,
          data: change.audit.data,
          at: now,
        }),
      );
      const emails = done.flatMap((change) => (change.email ? [outboxEmail(change.email, now)] : []));
      await insertEntities(tx, audits);
      await insertEntities(tx, emails);
    });
  }

  // Every request as it now stands, read fresh: the answer a repeated call gives too.
  const organizationId = returnsOrganizationOf(principal, 'write');
  const current = new Map(
    (
      await readRequests(
        em,
        organizationId,
        wanted.filter((id) => found.has(id)),
      )
    ).map((r) => [r.id, r]),
  );
  return wanted.map((id) => {
    const request = current.get(id) ?? null;
    const refusal = refused.get(id) ?? null;
    if (refusal || !request) return { id, request: null, error: refusal ?? notFound('That return request') };
    if (action.isDone(request)) return { id, request, error: null };
    // Another call moved it elsewhere meanwhile: refused from where it now is.
    try {
      action.plan(request);
      return {
        id,
        request: null,
        error: conflict('This return changed at the same moment; nothing was saved. Try again.'),
      };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return { id, request: null, error: error as AnyAppError };
    }
  });
}

/**
 * The seller's requests among `ids`, as plain rows of their columns (db/rows.ts), the way the queue
 * reads them: a bulk call reads up to 1,000, and managed entities (hydrated, snapshotted, in the
 * identity map) would cost more than the statements that change them.
 */
async function readRequests(
  em: EntityManager,
  organizationId: string,
  ids: readonly string[],
): Promise<ReturnRequest[]> {
  const reader = rowReader(em, ReturnRequest, 'r', returnRowProps(em));
  const requests: ReturnRequest[] = [];
  for (let start = 0; start < ids.length; start += READ_CHUNK) {
    const chunk = ids.slice(start, start + READ_CHUNK);
    const raw = await em.execute<Array<Record<string, unknown>>>(
      `select ${reader.columns} from "return_request" as "r" where "r"."organization_id" = ? and "r"."id" in (${chunk.map(() => '?').join(', ')})`,
      [organizationId, ...chunk],
    );
    for (const row of raw) requests.push(reader.read(row) as ReturnRequest);
  }
  return requests;
}

function distinctIds(ids: readonly string[]): string[] {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) throw badInput([{ field: 'ids', message: 'choose at least one return request' }]);
  if (wanted.length > RETURN_LIST_LIMITS.bulkIds) {
    throw badInput([{ field: 'ids', message: `must have at most ${RETURN_LIST_LIMITS.bulkIds} items` }]);
  }
  return wanted;
}
