import { Reference } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import {
  approvalGrants,
  cleanDecision,
  DECISION_EVENTS,
  decisionProblems,
  MARKETPLACES,
  type CleanDecision,
  type MarketplaceCode,
} from '@recertify/domain';
import { badInput, conflict } from '../../errors/app-error.js';
import { requireUser } from '../../auth/permissions.js';
import type { Principal } from '../../auth/principal.js';
import type { ServiceDependencies } from '../../services.js';
import { Role } from '../accounts/accounts.enums.js';
import { User } from '../accounts/user.entity.js';
import { eligibilitySnapshot, judgeApplication, policyOfApplication } from '../applications/application-eligibility.js';
import { applicationLifecycle, loadApplication } from '../applications/application-lifecycle.js';
import { MarketplaceApproval, type Application } from '../applications/application.entity.js';
import { ApplicationStatusEnum } from '../applications/applications.enums.js';
import { approvedEmail, needsInfoEmail, rejectedEmail } from '../applications/applications.emails.js';
import type { EmailToSend } from '../outbox/outbox.service.js';
import { beginStateChange } from '../shared/state-change.js';
import { claimHeldByOther } from './claim-holder.js';
import type { DecideApplicationInput } from './review.types.js';

/**
 * The reviewer who holds the claim approves, rejects or asks for information: load, validate with
 * the domain's decision rule (the one the decision form runs), then record the decision, the
 * approvals it grants, the snapshot it was judged on, its audit entry and the seller's email.
 */
export async function decideApplication(
  { em, config, now: clock }: ServiceDependencies,
  principal: Principal,
  input: DecideApplicationInput,
): Promise<Application> {
  // Load: only the reviewer holding the claim decides, on the version they read.
  const me = requireUser(principal, Role.REVIEWER, Role.ADMIN);
  const application = await loadApplication(em, input.id);
  if (application.status === ApplicationStatusEnum.SUBMITTED) {
    throw conflict('Claim this application before deciding it, so no one else decides it at the same time.');
  }
  if (application.status === ApplicationStatusEnum.IN_REVIEW && application.claimedBy?.id !== me.user.id) {
    throw await claimHeldByOther(em, application);
  }
  const change = beginStateChange(em, applicationLifecycle, {
    record: application,
    expectedVersion: input.version,
    event: DECISION_EVENTS[input.decision],
  });
  const now = clock();
  const policy = await policyOfApplication(em, application, now);
  // Judged as at submission: the purchase window must not move while the application waits.
  const report = await judgeApplication(em, application, policy, application.submittedAt ?? now);

  // Validate.
  const problems = decisionProblems(input, { appleRequested: application.appleRequested, criteria: report.criteria });
  if (problems.length > 0) throw badInput(problems);
  const decision = cleanDecision(input, application);

  // Change.
  application.decidedAt = now;
  application.decidedBy = em.getReference(User, me.user.id, { wrapped: true });
  const email = await applyDecision(
    em,
    application,
    decision,
    now,
    `${config.publicUrl}/applications/${application.id}`,
  );
  await change.commit({
    principal,
    at: now,
    snapshot: eligibilitySnapshot(application, 'DECISION', policy, report, now),
    audit: { action: change.to, data: { ...decision, eligibility: report } },
    // The email commits with the decision; an SMTP outage delays it and never fails the decision.
    emails: [{ kind: `application-${change.to.toLowerCase()}`, to: application.contactEmail, ...email }],
  });
  return application;
}

/** Writes what the decision says on the application (and the approvals it grants); returns the seller's email. */
async function applyDecision(
  em: EntityManager,
  application: Application,
  decision: CleanDecision,
  now: Date,
  link: string,
): Promise<Omit<EmailToSend, 'kind' | 'to'>> {
  const marketplace = MARKETPLACES[application.marketplace].name;
  switch (decision.decision) {
    case 'APPROVE': {
      application.appleApproved = decision.appleApproved;
      const granted = await grantApprovals(em, application, now);
      return approvedEmail({
        legalName: application.legalName,
        marketplace,
        grantedAlso: granted.map((m) => MARKETPLACES[m].name),
        appleRequested: application.appleRequested,
        appleApproved: Boolean(application.appleApproved),
        link,
      });
    }
    case 'REJECT':
      application.rejectionReasons = [...decision.reasons];
      return rejectedEmail({ legalName: application.legalName, marketplace, reasons: [...decision.reasons], link });
    case 'NEEDS_INFO':
      application.reviewerMessage = decision.message;
      return needsInfoEmail({ legalName: application.legalName, marketplace, message: decision.message, link });
  }
}

/** Direct approval, plus the marketplaces it grants (US grants CA) unless already approved there. */
async function grantApprovals(em: EntityManager, application: Application, now: Date): Promise<MarketplaceCode[]> {
  const existing = await em.find(MarketplaceApproval, { organization: application.organization.id });
  const has = new Set(existing.map((a) => a.marketplace));
  const grant = (marketplace: MarketplaceCode, grantedThrough: MarketplaceCode | null) =>
    em.persist(
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
