import { Reference } from '@mikro-orm/core';
import { reviewDueDate, type ApplicationEvent } from '@recertify/domain';
import { requireUser } from '../../auth/permissions.js';
import type { Principal } from '../../auth/principal.js';
import type { ServiceDependencies } from '../../services.js';
import { Role } from '../accounts/accounts.enums.js';
import { loadBusinessCalendar } from '../marketplaces/business-calendar.js';
import { beginStateChange } from '../shared/state-change.js';
import { eligibilitySnapshot, judgeApplication, policyInForceAt } from './application-eligibility.js';
import { applicationLifecycle, loadOwnApplication } from './application-lifecycle.js';
import type { Application } from './application.entity.js';
import { ApplicationStatusEnum } from './applications.enums.js';
import { notEligible } from './applications.errors.js';
import { submissionReceivedEmail } from './applications.emails.js';

/**
 * A seller submits a draft, or resubmits after NEEDS_INFO: load, judge against the policy in force
 * now (refused while a hard criterion fails), then queue it for review on a new review clock.
 */
export async function submitApplication(
  { em, config, now: clock }: ServiceDependencies,
  principal: Principal,
  id: string,
  expectedVersion: number,
): Promise<Application> {
  const me = requireUser(principal, Role.SELLER);
  const application = await loadOwnApplication(em, me.organizationId!, id);
  const event: ApplicationEvent = application.status === ApplicationStatusEnum.NEEDS_INFO ? 'RESUBMIT' : 'SUBMIT';
  const change = beginStateChange(em, applicationLifecycle, { record: application, expectedVersion, event });

  const now = clock();
  const policy = await policyInForceAt(em, application.marketplace, now);
  const report = await judgeApplication(em, application, policy, now);
  if (!report.eligible) {
    throw notEligible(report.blockingFailures);
  }

  const calendar = await loadBusinessCalendar(em, application.marketplace);
  application.submittedAt = now;
  application.firstSubmittedAt ??= now;
  application.dueDate = reviewDueDate(now, policy.reviewDueBusinessDays, calendar);
  application.policyVersion = Reference.create(policy);
  application.failingChecks = report.criteria.filter((c) => c.status === 'FAIL').length;
  application.checksNeedingReview = report.criteria.filter((c) => c.status === 'NEEDS_REVIEW').length;
  application.claimedBy = null;
  application.claimedAt = null;
  // A resubmission keeps the reviewer's question beside the answer; a first submission has none.
  if (event === 'SUBMIT') application.reviewerMessage = null;
  await change.commit({
    principal,
    at: now,
    snapshot: eligibilitySnapshot(application, event, policy, report, now),
    audit: {
      action: event === 'RESUBMIT' ? 'RESUBMITTED' : 'SUBMITTED',
      data: { dueDate: application.dueDate, policyVersion: policy.version, eligibility: report },
    },
    emails: [
      {
        kind: 'application-received',
        to: application.contactEmail || me.user.email,
        ...submissionReceivedEmail({
          legalName: application.legalName,
          marketplace: application.marketplace,
          dueDate: application.dueDate,
          resubmission: event === 'RESUBMIT',
          link: `${config.publicUrl}/applications/${application.id}`,
        }),
      },
    ],
  });
  return application;
}
