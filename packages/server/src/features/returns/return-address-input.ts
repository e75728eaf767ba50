import { Reference } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { RETURN_TEXT_LIMITS } from '@recertify/domain';
import { InputCheck, badInput } from '../../errors/app-error.js';
import { Organization } from '../accounts/organization.entity.js';
import { ReturnAddress } from './return-address.entity.js';
import { defaultReturnAddress } from './return-policy-context.js';

/** A return address as a seller types it. */
export interface ReturnAddressFields {
  readonly name: string;
  readonly line1: string;
  readonly line2?: string | null;
  readonly city: string;
  readonly region: string;
  readonly postalCode: string;
  readonly country: string;
}

/** A new saved address of the seller from typed fields; every field at fault is named under `prefix`. */
export function newReturnAddress(
  organizationId: string,
  fields: ReturnAddressFields,
  prefix: string,
  isDefault = false,
): ReturnAddress {
  const check = new InputCheck();
  const at = (field: string) => (prefix ? `${prefix}.${field}` : field);
  const required = (value: string, field: string) =>
    check.require(value.trim().length > 0, at(field), 'is required on a return label');
  required(fields.name, 'name');
  required(fields.line1, 'line1');
  required(fields.city, 'city');
  required(fields.postalCode, 'postalCode');
  check.require(
    /^[A-Z]{2}$/.test(fields.country.trim().toUpperCase()),
    at('country'),
    'must be a 2-letter country code',
  );
  check.require(fields.name.length <= RETURN_TEXT_LIMITS.addressName, at('name'), 'is too long');
  check.throwIfAny();
  return new ReturnAddress({
    organization: Reference.createFromPK(Organization, organizationId),
    name: fields.name.trim(),
    line1: fields.line1.trim(),
    line2: fields.line2?.trim() || null,
    city: fields.city.trim(),
    region: fields.region.trim(),
    postalCode: fields.postalCode.trim(),
    country: fields.country.trim().toUpperCase(),
    isDefault,
  });
}

/**
 * The address a return goes back to (SPEC 6): one of the seller's saved ones, a new one (saved
 * with the authorization), or the default. NEW addresses are persisted on `em`, not flushed.
 */
export async function chooseReturnAddress(
  em: EntityManager,
  organizationId: string,
  choice: { addressId?: string | null; newAddress?: ReturnAddressFields | null },
): Promise<ReturnAddress> {
  if (choice.addressId && choice.newAddress) {
    throw badInput([{ field: 'newAddress', message: 'choose a saved address or add a new one, not both' }]);
  }
  if (choice.addressId) {
    const saved = await em.findOne(ReturnAddress, {
      id: choice.addressId,
      organization: organizationId,
      removedAt: null,
    });
    if (!saved) throw badInput([{ field: 'addressId', message: 'is not one of your return addresses' }]);
    return saved;
  }
  if (choice.newAddress) {
    const hasDefault = (await defaultReturnAddress(em, organizationId)) !== null;
    const address = newReturnAddress(organizationId, choice.newAddress, 'newAddress', !hasDefault);
    em.persist(address);
    return address;
  }
  const fallback = await defaultReturnAddress(em, organizationId);
  if (!fallback) {
    throw badInput([
      { field: 'addressId', message: 'you have no default return address yet; choose a saved one or add a new one' },
    ]);
  }
  return fallback;
}
