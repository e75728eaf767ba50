import type { EntityManager } from '@mikro-orm/knex';
import { nextStatus, type ApplicationEvent } from '@recertify/domain';
import { notFound } from '../../errors/app-error.js';
import type { Lifecycle } from '../shared/state-change.js';
import { Application } from './application.entity.js';
import { type ApplicationStatusEnum } from './applications.enums.js';

/** The domain's application lifecycle, in the server's words, for beginStateChange. */
export const applicationLifecycle: Lifecycle<ApplicationStatusEnum, ApplicationEvent> = {
  subjectType: 'Application',
  noun: 'application',
  next: (status, event) => nextStatus(status, event),
};

export const APPLICATION_POPULATE = ['invoices.lines', 'images'] as const;

/** An application with its version, to change it; NOT_FOUND when there is none. */
export async function loadApplication(em: EntityManager, id: string): Promise<Application> {
  const application = await em.findOne(Application, { id });
  if (!application) throw notFound('That application');
  return application;
}

/**
 * One of the organization's own applications with its invoices and images; an application of
 * another organization is NOT_FOUND too, so ids reveal nothing.
 */
export async function loadOwnApplication(em: EntityManager, organizationId: string, id: string): Promise<Application> {
  const application = await em.findOne(Application, { id }, { populate: APPLICATION_POPULATE });
  if (!application || application.organization.id !== organizationId) throw notFound('That application');
  return application;
}
