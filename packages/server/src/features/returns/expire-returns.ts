import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { canTransitionReturn } from '@recertify/domain';
import type { Logger } from '../../logger.js';
import { startPeriodicJob, type PeriodicJob } from '../../lib/periodic-job.js';
import { recordAudit } from '../audit/audit.service.js';
import { sweepUsedReturnLinks } from './links/sweep-used-return-links.js';
import { transitionContext } from './return-lifecycle.js';
import { ReturnRequest } from './return-request.entity.js';

/** Returns expired per transaction. */
const BATCH = 500;

export interface ReturnExpiryOptions {
  readonly orm: MikroORM;
  readonly logger: Logger;
  readonly now?: () => Date;
}

/**
 * Expires AUTHORIZED returns whose deadline has passed (SPEC 6: nothing received by the window's
 * close plus the transit days). Safe on several instances at once: each return changes by a
 * conditional update on its state and version, so only one run expires it (and audits it).
 */
export async function runReturnExpiry({ orm, now = () => new Date() }: ReturnExpiryOptions): Promise<number> {
  const at = now();
  let expired = 0;
  let lastId: string | null = null;
  for (;;) {
    const em = orm.em.fork() as EntityManager;
    const after: string | null = lastId;
    const due: Array<Pick<ReturnRequest, 'id' | 'version' | 'status' | 'marketplace' | 'deadline'>> = await em.find(
      ReturnRequest,
      { status: 'AUTHORIZED', deadlinePassesAt: { $lte: at }, ...(after ? { id: { $gt: after } } : {}) },
      { fields: ['id', 'version', 'status', 'marketplace', 'deadline'], orderBy: { id: 'asc' }, limit: BATCH },
    );
    if (due.length === 0) break;
    lastId = due[due.length - 1]!.id;
    await em.transactional(async (tx) => {
      for (const request of due) {
        // The domain has the last word on the deadline, in the marketplace's own calendar.
        if (!canTransitionReturn(request.status, 'EXPIRE', transitionContext(request, at))) continue;
        const changed = await tx.nativeUpdate(
          ReturnRequest,
          { id: request.id, status: 'AUTHORIZED', version: request.version },
          { status: 'EXPIRED', expiredAt: at, version: request.version + 1, updatedAt: at },
        );
        if (changed !== 1) continue;
        expired += 1;
        recordAudit(tx, {
          principal: null,
          action: 'RETURN_EXPIRED',
          subjectType: 'ReturnRequest',
          subjectId: request.id,
          data: { deadline: request.deadline },
          at,
        });
      }
      await tx.flush();
    });
    if (due.length < BATCH) break;
  }
  return expired;
}

/**
 * Runs the expiry now and every `intervalMs` (10 minutes by default) until stopped; each run also
 * sweeps the rows of used email links that have expired (features/returns/links).
 */
export function startReturnExpiry(options: ReturnExpiryOptions & { readonly intervalMs?: number }): PeriodicJob {
  const log = options.logger.child({ component: 'return-expiry' });
  return startPeriodicJob('return expiry', log, options.intervalMs ?? 10 * 60_000, async () => {
    // A failed expiry does not hold up the sweep: each is logged on its own.
    const expired = await runReturnExpiry(options).catch((error: unknown) => {
      log.error({ err: error }, 'return expiry failed');
      return 0;
    });
    if (expired > 0) log.info({ expired }, 'expired authorized returns past their deadline');
    const swept = await sweepUsedReturnLinks(options);
    if (swept > 0) log.info({ swept }, 'deleted the rows of used return links that have expired');
  });
}
