import { OptimisticLockError, Reference } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import {
  MARKETPLACES,
  cleanDecision,
  DECISION_EVENTS,
  decisionProblems,
  approvalGrants,
  nextStatus,
  type ApplicationEvent,
  type MarketplaceCode,
} from '@recertify/domain';
import type { AppConfig } from '../../config.js';
import { type AppError, badInput, conflict, notFound } from '../../errors/app-error.js';
import { requireUser } from '../../auth/permissions.js';
import type { Principal } from '../../auth/principal.js';
import { Role } from '../accounts/accounts.enums.js';
import { User } from '../accounts/user.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { Application, EligibilitySnapshot, MarketplaceApproval } from '../applications/application.entity.js';
import { ApplicationService } from '../applications/application.service.js';
import { ApplicationStatusEnum } from '../applications/applications.enums.js';
import { approvedEmail, needsInfoEmail, rejectedEmail } from '../applications/applications.emails.js';
import { enqueueEmail } from '../outbox/outbox.service.js';
import { claimedByOther } from './review.errors.js';
import { DecisionEnum, type DecideApplicationInput } from './review.types.js';

/** The reviewer's use cases that change an application: claiming, releasing, deciding. The queue is review-queue.service.ts. */
export class ReviewService {
  constructor(
    private readonly em: EntityManager,
    private readonly config: AppConfig,
    private readonly now: () => Date,
  ) {}

  /** Takes an application for review. A second reviewer gets a conflict; nothing is overwritten. */
  async claim(principal: Principal, id: string, expectedVersion: number): Promise<Application> {
    const me = requireUser(principal, Role.REVIEWER, Role.ADMIN);
    const application = await this.load(id);
    if (application.status === ApplicationStatusEnum.IN_REVIEW) {
      if (application.claimedBy?.id === me.user.id) return application;
      throw await this.claimedByOther(application);
    }
    application.status = this.transition(application, 'CLAIM');
    this.checkVersion(application, expectedVersion);
    application.claimedBy = this.em.getReference(User, me.user.id, { wrapped: true });
    application.claimedAt = this.now();
    recordAudit(this.em, { principal, action: 'CLAIMED', subjectType: 'Application', subjectId: id, at: this.now() });
    await this.flushOrConflict();
    return application;
  }

  /** Puts a claimed application back in the queue, unclaimed. */
  async release(principal: Principal, id: string, expectedVersion: number): Promise<Application> {
    const me = requireUser(principal, Role.REVIEWER, Role.ADMIN);
    const application = await this.load(id);
    if (
      application.status === ApplicationStatusEnum.IN_REVIEW &&
      application.claimedBy?.id !== me.user.id &&
      me.role !== Role.ADMIN
    ) {
      throw await this.claimedByOther(application);
    }
    application.status = this.transition(application, 'RELEASE');
    this.checkVersion(application, expectedVersion);
    application.claimedBy = null;
    application.claimedAt = null;
    recordAudit(this.em, { principal, action: 'RELEASED', subjectType: 'Application', subjectId: id, at: this.now() });
    await this.flushOrConflict();
    return application;
  }

  async decide(principal: Principal, input: DecideApplicationInput): Promise<Application> {
    const me = requireUser(principal, Role.REVIEWER, Role.ADMIN);
    const application = await this.load(input.id);
    if (application.status === ApplicationStatusEnum.SUBMITTED) {
      throw conflict('Claim this application before deciding it, so no one else decides it at the same time.');
    }
    if (application.status === ApplicationStatusEnum.IN_REVIEW && application.claimedBy?.id !== me.user.id) {
      throw await this.claimedByOther(application);
    }
    const status = this.transition(application, DECISION_EVENTS[input.decision]);
    this.checkVersion(application, input.version);
    const now = this.now();
    const applications = new ApplicationService(this.em, this.config, this.now);
    const policy = await applications.policyFor(application);
    // Judged as at submission: the purchase window must not move while the application waits.
    const report = await applications.evaluate(application, policy, application.submittedAt ?? now);
    const problems = decisionProblems(input, { appleRequested: application.appleRequested, criteria: report.criteria });
    if (problems.length) throw badInput(problems);
    const decision = cleanDecision(input, application);
    const reasons = decision.decision === 'REJECT' ? [...decision.reasons] : [];
    const message = decision.decision === 'NEEDS_INFO' ? decision.message : '';

    application.status = status;
    application.decidedAt = now;
    application.decidedBy = this.em.getReference(User, me.user.id, { wrapped: true });
    const link = `${this.config.publicUrl}/applications/${application.id}`;
    let email;
    if (input.decision === DecisionEnum.APPROVE) {
      application.appleApproved = decision.decision === 'APPROVE' ? decision.appleApproved : null;
      const granted = await this.grantApprovals(application, now);
      email = approvedEmail({
        legalName: application.legalName,
        marketplace: MARKETPLACES[application.marketplace].name,
        grantedAlso: granted.map((m) => MARKETPLACES[m].name),
        appleRequested: application.appleRequested,
        appleApproved: Boolean(application.appleApproved),
        link,
      });
    } else if (input.decision === DecisionEnum.REJECT) {
      application.rejectionReasons = reasons;
      email = rejectedEmail({
        legalName: application.legalName,
        marketplace: MARKETPLACES[application.marketplace].name,
        reasons,
        link,
      });
    } else {
      application.reviewerMessage = message;
      email = needsInfoEmail({
        legalName: application.legalName,
        marketplace: MARKETPLACES[application.marketplace].name,
        message,
        link,
      });
    }
    this.em.persist(
      new EligibilitySnapshot({
        application: Reference.create(application),
        trigger: 'DECISION',
        policyVersionNumber: policy.version,
        eligible: report.eligible,
        report: report as unknown as Record<string, unknown>,
        at: now,
      }),
    );
    recordAudit(this.em, {
      principal,
      action: status,
      subjectType: 'Application',
      subjectId: application.id,
      data: {
        decision: input.decision,
        ...(input.decision === DecisionEnum.APPROVE ? { appleApproved: application.appleApproved } : {}),
        ...(reasons.length ? { reasons } : {}),
        ...(message ? { message } : {}),
        eligibility: report,
      },
      at: now,
    });
    // The email commits with the decision; an SMTP outage delays it and never fails the decision.
    enqueueEmail(this.em, { kind: `application-${status.toLowerCase()}`, to: application.contactEmail, ...email }, now);
    await this.flushOrConflict();
    return application;
  }

  /** Direct approval, plus the marketplaces it grants (US grants CA) unless already approved there. */
  private async grantApprovals(application: Application, now: Date): Promise<MarketplaceCode[]> {
    const existing = await this.em.find(MarketplaceApproval, { organization: application.organization.id });
    const has = new Set(existing.map((a) => a.marketplace));
    const grant = (marketplace: MarketplaceCode, grantedThrough: MarketplaceCode | null) =>
      this.em.persist(
        new MarketplaceApproval({
          organization: application.organization,
          marketplace,
          grantedThrough,
          application: Reference.create(application),
          appleApproved: Boolean(application.appleApproved),
          grantedAt: now,
        }),
      );
    if (!has.has(application.marketplace)) grant(application.marketplace, null);
    const granted = approvalGrants(application.marketplace).filter((m) => !has.has(m));
    for (const marketplace of granted) grant(marketplace, application.marketplace);
    return granted;
  }

  private async load(id: string): Promise<Application> {
    const application = await this.em.findOne(Application, { id });
    if (!application) throw notFound('That application');
    return application;
  }

  private async claimedByOther(application: Application): Promise<AppError<'CLAIMED_BY_OTHER'>> {
    const reviewer = application.claimedBy ? await this.em.findOne(User, { id: application.claimedBy.id }) : null;
    return claimedByOther({ name: reviewer?.displayName ?? null, claimedAt: application.claimedAt });
  }

  private checkVersion(application: Application, expectedVersion: number): void {
    if (application.version !== expectedVersion) {
      throw conflict(
        `This application changed since you loaded it (version ${expectedVersion}, now ${application.version}). Reload it to see what changed.`,
      );
    }
  }

  /** The next status; a transition the lifecycle does not allow throws a DomainError, mapped to CONFLICT. */
  private transition(application: Application, event: ApplicationEvent): ApplicationStatusEnum {
    return nextStatus(application.status, event) as ApplicationStatusEnum;
  }

  private async flushOrConflict(): Promise<void> {
    try {
      await this.em.flush();
    } catch (error) {
      if (error instanceof OptimisticLockError) {
        throw conflict('Another reviewer changed this application at the same moment; nothing was saved. Reload it.');
      }
      throw error;
    }
  }
}
