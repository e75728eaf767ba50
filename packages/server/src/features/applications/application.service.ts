import { Reference } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { assertCanApply, type EligibilityReport, type MarketplaceCode } from '@recertify/domain';
import type { AppConfig } from '../../config.js';
import { forbidden, notFound, unauthenticated } from '../../errors/app-error.js';
import { requireUser } from '../../auth/permissions.js';
import type { Principal } from '../../auth/principal.js';
import { Role } from '../accounts/accounts.enums.js';
import { Organization } from '../accounts/organization.entity.js';
import { ApiScope } from '../api-keys/api-key.enums.js';
import { recordAudit } from '../audit/audit.service.js';
import { beginStateChange } from '../shared/state-change.js';
import { judgeApplication, policyInForceAt } from './application-eligibility.js';
import { APPLICATION_POPULATE, applicationLifecycle, loadOwnApplication } from './application-lifecycle.js';
import { Application, EligibilitySnapshot, MarketplaceApproval } from './application.entity.js';
import { ApplicationStatusEnum } from './applications.enums.js';
import type { ApplicationDraftInput } from './applications.types.js';
import { saveApplicationDraft } from './save-application-draft.js';
import { submitApplication } from './submit-application.js';

/** Sellers (and keys with read:applications) read their own organization's applications. */
export function readableOrganization(principal: Principal): string | null {
  if (principal.kind === 'user') {
    if (principal.role === Role.SELLER) return principal.organizationId;
    return null; // staff read every application
  }
  if (principal.kind === 'apiKey') {
    if (!principal.scopes.includes(ApiScope.READ_APPLICATIONS)) {
      throw forbidden('This needs an API key with the read:applications scope.');
    }
    return principal.organizationId;
  }
  throw unauthenticated('Sign in, or send an API key, to read applications.');
}

/** A seller's use cases: start, save a draft, submit or resubmit, withdraw; and reading. */
export class ApplicationService {
  constructor(
    private readonly em: EntityManager,
    private readonly config: AppConfig,
    private readonly now: () => Date,
  ) {}

  async listMine(principal: Principal): Promise<Application[]> {
    const organizationId = readableOrganization(principal);
    if (!organizationId) throw forbidden('Staff find applications in the review queue.');
    return this.em.find(Application, { organization: organizationId }, { orderBy: { createdAt: 'desc' } });
  }

  async approvals(principal: Principal): Promise<MarketplaceApproval[]> {
    const organizationId = readableOrganization(principal);
    if (!organizationId) return [];
    const approvals = await this.em.find(MarketplaceApproval, { organization: organizationId });
    // Oldest first; a direct approval before the grants it brought along.
    return approvals.sort(
      (a, b) =>
        a.grantedAt.getTime() - b.grantedAt.getTime() ||
        Number(a.grantedThrough !== null) - Number(b.grantedThrough !== null),
    );
  }

  /** One application, if the caller may see it; otherwise NOT_FOUND (ids reveal nothing). */
  async get(principal: Principal, id: string): Promise<Application> {
    const organizationId = readableOrganization(principal);
    const application = await this.em.findOne(Application, { id }, { populate: APPLICATION_POPULATE });
    if (!application || (organizationId && application.organization.id !== organizationId)) {
      throw notFound('That application');
    }
    return application;
  }

  async start(principal: Principal, marketplace: MarketplaceCode): Promise<Application> {
    const me = requireUser(principal, Role.SELLER);
    const organizationId = me.organizationId!;
    const [applications, approvals] = await Promise.all([
      this.em.find(Application, { organization: organizationId }),
      this.em.find(MarketplaceApproval, { organization: organizationId }),
    ]);
    assertCanApply(marketplace, [
      ...applications.map((a) => ({ marketplace: a.marketplace, status: a.status })),
      ...approvals.map((a) => ({
        marketplace: a.marketplace,
        status: 'APPROVED' as const,
        grantedThrough: a.grantedThrough,
      })),
    ]);
    const organization = await this.em.findOneOrFail(Organization, { id: organizationId });
    const application = new Application({ organization: Reference.create(organization), marketplace });
    application.legalName = organization.name;
    application.contactName = me.user.displayName;
    application.contactEmail = me.user.email;
    recordAudit(this.em, {
      principal,
      action: 'STARTED',
      subjectType: 'Application',
      subjectId: application.id,
      at: this.now(),
    });
    await this.em.persistAndFlush(application);
    return application;
  }

  /** Replaces a draft's content; see save-application-draft.ts. */
  saveDraft(
    principal: Principal,
    id: string,
    expectedVersion: number,
    input: ApplicationDraftInput,
  ): Promise<Application> {
    return saveApplicationDraft(
      { em: this.em, config: this.config, now: this.now },
      principal,
      id,
      expectedVersion,
      input,
    );
  }

  /** Submits a draft, or resubmits after NEEDS_INFO (a new review clock); refused when a hard criterion fails. */
  submit(principal: Principal, id: string, expectedVersion: number): Promise<Application> {
    return submitApplication({ em: this.em, config: this.config, now: this.now }, principal, id, expectedVersion);
  }

  async withdraw(principal: Principal, id: string, expectedVersion: number): Promise<Application> {
    const me = requireUser(principal, Role.SELLER);
    const application = await loadOwnApplication(this.em, me.organizationId!, id);
    const change = beginStateChange(this.em, applicationLifecycle, {
      record: application,
      expectedVersion,
      event: 'WITHDRAW',
    });
    await change.commit({ principal, at: this.now(), audit: { action: 'WITHDRAWN' } });
    return application;
  }

  /** Live for drafts (the policy in force now), as stored for submitted ones (the policy of submission). */
  async eligibility(application: Application): Promise<EligibilityReport> {
    if (application.status !== ApplicationStatusEnum.DRAFT && application.status !== ApplicationStatusEnum.NEEDS_INFO) {
      const snapshot = await this.em.findOne(
        EligibilitySnapshot,
        { application: application.id },
        { orderBy: { createdAt: 'desc' } },
      );
      if (snapshot) return snapshot.report as unknown as EligibilityReport;
    }
    // An editable application is judged as it would be if submitted now.
    const now = this.now();
    return judgeApplication(this.em, application, await policyInForceAt(this.em, application.marketplace, now), now);
  }
}
