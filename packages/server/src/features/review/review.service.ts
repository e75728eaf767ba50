import type { EntityManager } from '@mikro-orm/knex';
import type { AppConfig } from '../../config.js';
import { requireUser } from '../../auth/permissions.js';
import type { Principal } from '../../auth/principal.js';
import { Role } from '../accounts/accounts.enums.js';
import { User } from '../accounts/user.entity.js';
import { applicationLifecycle, loadApplication } from '../applications/application-lifecycle.js';
import type { Application } from '../applications/application.entity.js';
import { ApplicationStatusEnum } from '../applications/applications.enums.js';
import { beginStateChange } from '../shared/state-change.js';
import { claimHeldByOther } from './claim-holder.js';
import { decideApplication } from './decide-application.js';
import type { DecideApplicationInput } from './review.types.js';

/**
 * The reviewer's use cases that change an application: claiming, releasing, deciding (its own
 * file, decide-application.ts). The queue is review-queue.service.ts.
 */
export class ReviewService {
  constructor(
    private readonly em: EntityManager,
    private readonly config: AppConfig,
    private readonly now: () => Date,
  ) {}

  /** Takes an application for review. A second reviewer gets a conflict; nothing is overwritten. */
  async claim(principal: Principal, id: string, expectedVersion: number): Promise<Application> {
    const me = requireUser(principal, Role.REVIEWER, Role.ADMIN);
    const application = await loadApplication(this.em, id);
    if (application.status === ApplicationStatusEnum.IN_REVIEW) {
      if (application.claimedBy?.id === me.user.id) return application;
      throw await claimHeldByOther(this.em, application);
    }
    const change = beginStateChange(this.em, applicationLifecycle, {
      record: application,
      expectedVersion,
      event: 'CLAIM',
    });
    const now = this.now();
    application.claimedBy = this.em.getReference(User, me.user.id, { wrapped: true });
    application.claimedAt = now;
    await change.commit({ principal, at: now, audit: { action: 'CLAIMED' } });
    return application;
  }

  /** Puts a claimed application back in the queue, unclaimed; an admin may release anyone's claim. */
  async release(principal: Principal, id: string, expectedVersion: number): Promise<Application> {
    const me = requireUser(principal, Role.REVIEWER, Role.ADMIN);
    const application = await loadApplication(this.em, id);
    if (
      application.status === ApplicationStatusEnum.IN_REVIEW &&
      application.claimedBy?.id !== me.user.id &&
      me.role !== Role.ADMIN
    ) {
      throw await claimHeldByOther(this.em, application);
    }
    const change = beginStateChange(this.em, applicationLifecycle, {
      record: application,
      expectedVersion,
      event: 'RELEASE',
    });
    application.claimedBy = null;
    application.claimedAt = null;
    await change.commit({ principal, at: this.now(), audit: { action: 'RELEASED' } });
    return application;
  }

  decide(principal: Principal, input: DecideApplicationInput): Promise<Application> {
    return decideApplication({ em: this.em, config: this.config, now: this.now }, principal, input);
  }
}
