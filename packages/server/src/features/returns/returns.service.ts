import type { EntityManager } from '@mikro-orm/knex';
import type { AppConfig } from '../../config.js';
import type { Principal } from '../../auth/principal.js';
import { notFound } from '../../errors/app-error.js';
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
