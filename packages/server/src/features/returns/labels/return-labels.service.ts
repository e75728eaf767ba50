import type { EntityManager } from '@mikro-orm/knex';
import type { Principal } from '../../../auth/principal.js';
import type { AppConfig } from '../../../config.js';
import { createFileStorage } from '../../uploads/storage.js';
import type { ReturnRequest } from '../return-request.entity.js';
import { PrepaidReturnLabel } from './return-label.entity.js';
import { attachPrepaidReturnLabel, returnDocumentPath } from './return-label.service.js';
import type { ReturnDocuments } from './return-labels.types.js';

/** A return's documents for GraphQL: where to download them, and attaching the seller's own label. */
export class ReturnLabelsService {
  /** Lookups asked for in one tick (a page of returns), answered by one statement. */
  private pending: Map<string, Array<(label: PrepaidReturnLabel | null) => void>> | null = null;

  constructor(
    private readonly em: EntityManager,
    private readonly config: AppConfig,
    private readonly now: () => Date,
  ) {}

  attachPrepaidLabel(principal: Principal, returnId: string, uploadId: string): Promise<ReturnRequest> {
    return attachPrepaidReturnLabel({
      em: this.em,
      storage: createFileStorage(this.config),
      principal,
      returnId,
      uploadId,
      now: this.now(),
    });
  }

  /** Null until the return is authorized (the documents carry its RMA). */
  async documentsOf(request: Pick<ReturnRequest, 'id' | 'rma'>): Promise<ReturnDocuments | null> {
    if (!request.rma) return null;
    const prepaid = await this.prepaidLabelOf(request.id);
    return {
      labelPath: returnDocumentPath(request.id, 'label'),
      packingSlipPath: returnDocumentPath(request.id, 'packing-slip'),
      prepaidLabelUploaded: prepaid !== null,
      prepaidLabelPages: prepaid?.pageCount ?? null,
    };
  }

  private prepaidLabelOf(returnId: string): Promise<PrepaidReturnLabel | null> {
    return new Promise((resolve, reject) => {
      if (!this.pending) {
        this.pending = new Map();
        setImmediate(() => {
          const pending = this.pending!;
          this.pending = null;
          this.em.find(PrepaidReturnLabel, { returnRequest: { $in: [...pending.keys()] } }).then((labels) => {
            for (const [id, waiting] of pending) {
              const label = labels.find((l) => l.returnRequest.id === id) ?? null;
              for (const done of waiting) done(label);
            }
          }, reject);
        });
      }
      const waiting = this.pending.get(returnId) ?? [];
      waiting.push(resolve);
      this.pending.set(returnId, waiting);
    });
  }
}
