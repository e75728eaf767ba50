import type { EntityManager } from '@mikro-orm/knex';
import type { AppConfig } from '../../config.js';
import type { Principal } from '../../auth/principal.js';
import { forbidden, notFound, unauthenticated } from '../../errors/app-error.js';
import { ApiScope } from '../api-keys/api-key.enums.js';
import type { CloseReason } from '@recertify/domain';
import { authorizeReturn, type AuthorizeReturnInput } from './authorize-return.js';
import { bulkAuthorizeReturns, bulkCloseReturns, type BulkReturnOutcome } from './bulk-returns.js';
import { closeReturn, type CloseReturnInput } from './close-return.js';
import { receiveReturnRequest, type ReturnArrival } from './receive-return-request.js';
import { replyToBuyer } from './reply-to-buyer.js';
import { ReturnMessage } from './return-message.entity.js';
import { ReturnRequest } from './return-request.entity.js';
import { returnsOrganizationOf } from './returns-access.js';

/** Reading one return request and its thread. The use cases that change a return are one file each. */
export class ReturnsService {
  /** Thread requests of one tick, answered by one statement (a page asking each row's messages). */
  private pendingThreads: Map<string, Array<(messages: ReturnMessage[]) => void>> | null = null;

  constructor(
    private readonly em: EntityManager,
    private readonly config: AppConfig,
    private readonly now: () => Date,
  ) {}

  /** One of the caller's return requests; NOT_FOUND for anyone else's (ids reveal nothing). */
  async get(principal: Principal, id: string): Promise<ReturnRequest> {
    const organizationId = returnsOrganizationOf(principal, 'read');
    const request = await this.em.findOne(ReturnRequest, { id, organization: organizationId });
    if (!request) throw notFound('That return request');
    return request;
  }

  /** A request arriving from the marketplace's systems (an API key with ingest:marketplace-data). */
  receive(principal: Principal, arrival: ReturnArrival): Promise<ReturnRequest> {
    if (principal.kind === 'anonymous') throw unauthenticated();
    if (principal.kind !== 'apiKey' || !principal.scopes.includes(ApiScope.INGEST_MARKETPLACE_DATA)) {
      throw forbidden("Return requests arrive from the marketplace's systems, with an ingest:marketplace-data key.");
    }
    return receiveReturnRequest(this.em, principal, arrival, { now: this.now(), publicUrl: this.config.publicUrl });
  }

  authorize(principal: Principal, input: AuthorizeReturnInput): Promise<ReturnRequest> {
    return authorizeReturn(this.em, principal, input, this.now());
  }

  close(principal: Principal, input: CloseReturnInput): Promise<ReturnRequest> {
    return closeReturn(this.em, principal, input, this.now());
  }

  reply(principal: Principal, input: { id: string; body: string }): Promise<ReturnRequest> {
    return replyToBuyer(this.em, principal, input, this.now());
  }

  bulkAuthorize(principal: Principal, ids: readonly string[]): Promise<BulkReturnOutcome[]> {
    return bulkAuthorizeReturns(this.em, principal, ids, this.now());
  }

  bulkClose(
    principal: Principal,
    input: { ids: readonly string[]; reason: CloseReason; note?: string | null },
  ): Promise<BulkReturnOutcome[]> {
    return bulkCloseReturns(this.em, principal, input, this.now());
  }

  /** The messages of a return, oldest first; calls made in the same tick share one statement. */
  messagesOf(returnRequestId: string): Promise<ReturnMessage[]> {
    return new Promise((resolve, reject) => {
      if (!this.pendingThreads) {
        this.pendingThreads = new Map();
        setImmediate(() => {
          const pending = this.pendingThreads!;
          this.pendingThreads = null;
          this.em
            .find(
              ReturnMessage,
              { returnRequest: { $in: [...pending.keys()] } },
              { orderBy: { sentAt: 'asc', createdAt: 'asc' } },
            )
            .then((messages) => {
              for (const [id, waiting] of pending) {
                const thread = messages.filter((m) => m.returnRequest.id === id);
                for (const done of waiting) done(thread);
              }
            }, reject);
        });
      }
      const waiting = this.pendingThreads.get(returnRequestId) ?? [];
      waiting.push(resolve);
      this.pendingThreads.set(returnRequestId, waiting);
    });
  }
}
