import { Reference } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { returnSettingsProblems, type AuthorizationMode, type MarketplaceCode } from '@recertify/domain';
import type { Principal } from '../../auth/principal.js';
import { lockOrganization } from '../../db/lock-organization.js';
import { badInput, conflict, notFound } from '../../errors/app-error.js';
import { Organization } from '../accounts/organization.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { newReturnAddress, type ReturnAddressFields } from './return-address-input.js';
import { ReturnAddress } from './return-address.entity.js';
import { ReturnSettingsRecord } from './return-settings.entity.js';
import { returnsOrganizationOf } from './returns-access.js';

export interface ReturnSettingsInput {
  readonly marketplace: MarketplaceCode;
  readonly automaticInPolicy: boolean;
  readonly automaticOutOfPolicy: boolean;
  readonly prepaidExemptSkus: readonly string[];
  readonly exemptSkuAuthorization: AuthorizationMode;
  readonly rmaPrefix?: string | null;
}

/** The seller's settings in a marketplace; the defaults (not saved) when it never changed them. */
export async function returnSettingsOf(
  em: EntityManager,
  principal: Principal,
  marketplace: MarketplaceCode,
): Promise<ReturnSettingsRecord> {
  const organizationId = returnsOrganizationOf(principal, 'read');
  return (
    (await em.findOne(ReturnSettingsRecord, { organization: organizationId, marketplace })) ??
    new ReturnSettingsRecord({ organization: Reference.createFromPK(Organization, organizationId), marketplace })
  );
}

/** Saves the seller's settings in a marketplace; every field at fault is named. */
export async function updateReturnSettings(
  em: EntityManager,
  principal: Principal,
  input: ReturnSettingsInput,
  now: Date,
): Promise<ReturnSettingsRecord> {
  // Keys need write:returns to change settings (reading them needs read:returns).
  returnsOrganizationOf(principal, 'write');
  const skus = input.prepaidExemptSkus.map((sku) => sku.trim());
  const problems = returnSettingsProblems({ prepaidExemptSkus: skus });
  const prefix = input.rmaPrefix?.trim().toUpperCase() || null;
  if (prefix !== null && !/^[A-Z0-9]{1,8}$/.test(prefix)) {
    problems.push({ field: 'rmaPrefix', message: 'must be 1 to 8 letters A-Z or digits' });
  }
  if (problems.length > 0) throw badInput(problems);
  const settings = await returnSettingsOf(em, principal, input.marketplace);
  settings.automaticInPolicy = input.automaticInPolicy;
  settings.automaticOutOfPolicy = input.automaticOutOfPolicy;
  settings.prepaidExemptSkus = skus;
  settings.exemptSkuAuthorization = input.exemptSkuAuthorization;
  settings.rmaPrefix = prefix;
  em.persist(settings);
  recordAudit(em, {
    principal,
    action: 'RETURN_SETTINGS_SAVED',
    subjectType: 'ReturnSettings',
    subjectId: settings.id,
    data: { marketplace: input.marketplace },
    at: now,
  });
  await em.flush();
  return settings;
}

export async function returnAddressesOf(em: EntityManager, principal: Principal): Promise<ReturnAddress[]> {
  const organizationId = returnsOrganizationOf(principal, 'read');
  return em.find(
    ReturnAddress,
    { organization: organizationId, removedAt: null },
    { orderBy: { isDefault: 'desc', createdAt: 'asc' } },
  );
}

/**
 * Saves a new return address; the first one, or one saved as default, becomes the default. Every
 * change of a seller's addresses holds the seller's row (lockOrganization): two at once would each
 * read "no default yet" or clear the defaults they saw, and leave two defaults (or none).
 */
export async function saveReturnAddress(
  em: EntityManager,
  principal: Principal,
  input: ReturnAddressFields & { readonly makeDefault?: boolean | null },
): Promise<ReturnAddress> {
  const organizationId = returnsOrganizationOf(principal, 'write');
  return em.transactional(async (tx) => {
    await lockOrganization(tx, organizationId);
    const hasDefault =
      (await tx.count(ReturnAddress, { organization: organizationId, isDefault: true, removedAt: null })) > 0;
    const address = newReturnAddress(organizationId, input, '', !hasDefault || input.makeDefault === true);
    if (address.isDefault && hasDefault) {
      await tx.nativeUpdate(ReturnAddress, { organization: organizationId, isDefault: true }, { isDefault: false });
    }
    tx.persist(address);
    await tx.flush();
    return address;
  });
}

/** One of the caller's saved addresses; NOT_FOUND for a removed one or anyone else's (ids reveal nothing). */
async function ownAddress(em: EntityManager, organizationId: string, id: string): Promise<ReturnAddress> {
  const address = await em.findOne(ReturnAddress, { id, organization: organizationId, removedAt: null });
  if (!address) throw notFound('That return address');
  return address;
}

/** Makes one of the seller's saved addresses its default (the one used when no other is chosen). */
export async function setDefaultReturnAddress(
  em: EntityManager,
  principal: Principal,
  id: string,
  now: Date,
): Promise<ReturnAddress> {
  const organizationId = returnsOrganizationOf(principal, 'write');
  return em.transactional(async (tx) => {
    await lockOrganization(tx, organizationId);
    const address = await ownAddress(tx, organizationId, id);
    if (address.isDefault) return address;
    await tx.nativeUpdate(ReturnAddress, { organization: organizationId, isDefault: true }, { isDefault: false });
    await tx.nativeUpdate(ReturnAddress, { id: address.id }, { isDefault: true });
    recordAudit(tx, {
      principal,
      action: 'RETURN_ADDRESS_MADE_DEFAULT',
      subjectType: 'ReturnAddress',
      subjectId: address.id,
      at: now,
    });
    await tx.flush();
    address.isDefault = true;
    return address;
  });
}

/**
 * Removes a saved address from the seller's list and choices. The default cannot be removed (a
 * return authorized automatically goes to it): the seller makes another the default first. Returns
 * already authorized to it keep it, so their labels still print.
 */
export async function removeReturnAddress(
  em: EntityManager,
  principal: Principal,
  id: string,
  now: Date,
): Promise<ReturnAddress> {
  const organizationId = returnsOrganizationOf(principal, 'write');
  return em.transactional(async (tx) => {
    await lockOrganization(tx, organizationId);
    const address = await ownAddress(tx, organizationId, id);
    if (address.isDefault) {
      throw conflict(
        `${address.name} is your default return address and cannot be removed; make another address the default first.`,
      );
    }
    address.removedAt = now;
    recordAudit(tx, {
      principal,
      action: 'RETURN_ADDRESS_REMOVED',
      subjectType: 'ReturnAddress',
      subjectId: address.id,
      at: now,
    });
    await tx.flush();
    return address;
  });
}
