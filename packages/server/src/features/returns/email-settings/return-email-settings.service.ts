import { randomUUID } from 'node:crypto';
import { Reference } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { TEXT_LIMITS } from '@recertify/domain';
import { requireUser } from '../../../auth/permissions.js';
import type { Principal } from '../../../auth/principal.js';
import { badInput, forbidden } from '../../../errors/app-error.js';
import { Role } from '../../accounts/accounts.enums.js';
import { Organization } from '../../accounts/organization.entity.js';
import { recordAudit } from '../../audit/audit.service.js';
import { ReturnEmailSettings } from './return-email-settings.entity.js';

export interface ReturnEmailSettingsChange {
  readonly receiveRequestEmails: boolean;
  /** Empty or null: every seller account's own address. */
  readonly recipientEmail?: string | null;
  readonly includeActionLinks: boolean;
}

// The outbox's rule for one plain address (no display name, no list).
const SINGLE_ADDRESS = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;

/** The seller's settings, or the defaults (not stored) when it never changed them. */
export async function returnEmailSettingsOf(em: EntityManager, organizationId: string): Promise<ReturnEmailSettings> {
  return (
    (await em.findOne(ReturnEmailSettings, { organization: organizationId })) ??
    new ReturnEmailSettings(Reference.createFromPK(Organization, organizationId))
  );
}

/** Reading and changing a seller's return-email settings; sellers only, each its own. */
export class ReturnEmailSettingsService {
  constructor(
    private readonly em: EntityManager,
    private readonly now: () => Date,
  ) {}

  get(principal: Principal): Promise<ReturnEmailSettings> {
    return returnEmailSettingsOf(this.em, sellerOrganizationOf(principal));
  }

  async update(principal: Principal, change: ReturnEmailSettingsChange): Promise<ReturnEmailSettings> {
    const organizationId = sellerOrganizationOf(principal);
    const recipientEmail = change.recipientEmail?.trim() || null;
    if (
      recipientEmail !== null &&
      (recipientEmail.length > TEXT_LIMITS.email || !SINGLE_ADDRESS.test(recipientEmail))
    ) {
      throw badInput([{ field: 'recipientEmail', message: 'must be one email address like returns@example.com' }]);
    }
    const now = this.now();
    await this.em.transactional(async (tx) => {
      // One row per seller, whoever saves first: an upsert on the unique organization.
      await tx.upsert(
        ReturnEmailSettings,
        {
          id: randomUUID(),
          organization: organizationId,
          receiveRequestEmails: change.receiveRequestEmails,
          recipientEmail,
          includeActionLinks: change.includeActionLinks,
          createdAt: now,
          updatedAt: now,
        },
        {
          onConflictFields: ['organization'],
          onConflictExcludeFields: ['id', 'createdAt'],
        },
      );
      recordAudit(tx, {
        principal,
        action: 'RETURN_EMAIL_SETTINGS_CHANGED',
        subjectType: 'Organization',
        subjectId: organizationId,
        data: { ...change, recipientEmail },
        at: now,
      });
    });
    this.em.clear();
    return returnEmailSettingsOf(this.em, organizationId);
  }
}

function sellerOrganizationOf(principal: Principal): string {
  const seller = requireUser(principal, Role.SELLER);
  if (!seller.organizationId) throw forbidden('Your account belongs to no seller organization.');
  return seller.organizationId;
}
