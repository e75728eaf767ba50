import type { EntityManager } from '@mikro-orm/knex';
import { Reference } from '@mikro-orm/core';
import { InputCheck, forbidden, notFound } from '../../errors/app-error.js';
import { requireUser } from '../../auth/permissions.js';
import type { Principal } from '../../auth/principal.js';
import { OrganizationKind, Role } from '../accounts/accounts.enums.js';
import { Organization } from '../accounts/organization.entity.js';
import { sha256 } from '../accounts/secrets.js';
import { User } from '../accounts/user.entity.js';
import { ApiKey } from './api-key.entity.js';
import { MARKETPLACE_SCOPES, PROVIDER_SCOPES, SELLER_SCOPES, type ApiScope } from './api-key.enums.js';
import { generateApiKey } from './api-key-format.js';

/** The scopes a key of each kind of organization may hold. */
const SCOPES_BY_KIND: Readonly<Record<OrganizationKind, readonly ApiScope[]>> = {
  [OrganizationKind.SELLER]: SELLER_SCOPES,
  [OrganizationKind.PROVIDER]: PROVIDER_SCOPES,
  [OrganizationKind.MARKETPLACE]: MARKETPLACE_SCOPES,
};

export interface CreatedApiKey {
  readonly apiKey: ApiKey;
  /** The whole key; returned once and never stored. */
  readonly secret: string;
}

/**
 * Sellers make keys for their own organization with seller scopes; admins make keys for a
 * provider organization with provider scopes, and for a marketplace organization (the
 * marketplace's own systems) with the ingestion scope. Keys are revoked, never deleted, so the history stays.
 */
export class ApiKeyService {
  constructor(
    private readonly em: EntityManager,
    private readonly now: () => Date,
  ) {}

  async list(principal: Principal, organizationId?: string | null): Promise<ApiKey[]> {
    const owner = await this.ownerFor(principal, organizationId);
    return this.em.find(ApiKey, { organization: owner.id }, { orderBy: { createdAt: 'desc', prefix: 'asc' } });
  }

  async create(
    principal: Principal,
    input: { name: string; scopes: ApiScope[]; organizationId?: string | null },
  ): Promise<CreatedApiKey> {
    const me = requireUser(principal, Role.SELLER, Role.ADMIN);
    const owner = await this.ownerFor(principal, input.organizationId);
    if (me.role === Role.ADMIN && owner.kind === OrganizationKind.SELLER) {
      throw forbidden('Admins create keys for provider and marketplace organizations; sellers create their own keys.');
    }
    const allowed = SCOPES_BY_KIND[owner.kind];
    const scopes = [...new Set(input.scopes)];
    const check = new InputCheck();
    check.require(input.name.trim().length > 0, 'name', 'must not be empty');
    check.require(input.name.trim().length <= 100, 'name', 'must be at most 100 characters');
    check.require(scopes.length > 0, 'scopes', 'choose at least one scope');
    const notAllowed = scopes.filter((scope) => !allowed.includes(scope));
    check.require(
      notAllowed.length === 0,
      'scopes',
      `${notAllowed.join(', ')} cannot be granted to a ${owner.kind.toLowerCase()} key; allowed: ${allowed.join(', ')}`,
    );
    check.throwIfAny();
    const { prefix, secret, key } = generateApiKey();
    const apiKey = new ApiKey({
      organization: Reference.create(owner),
      createdBy: this.em.getReference(User, me.user.id, { wrapped: true }),
      name: input.name.trim(),
      prefix,
      secretHash: sha256(secret),
      scopes,
    });
    await this.em.persistAndFlush(apiKey);
    return { apiKey, secret: key };
  }

  async revoke(principal: Principal, id: string): Promise<ApiKey> {
    const me = requireUser(principal, Role.SELLER, Role.ADMIN);
    const apiKey = await this.em.findOne(ApiKey, { id });
    // A seller asking for another organization's key hears "not found": ids reveal nothing.
    if (!apiKey || (me.role === Role.SELLER && apiKey.organization.id !== me.organizationId)) {
      throw notFound('That API key');
    }
    if (!apiKey.revokedAt) {
      apiKey.revokedAt = this.now();
      await this.em.flush();
    }
    return apiKey;
  }

  /** Whose keys: a seller's own organization; for an admin, the organization named. */
  private async ownerFor(principal: Principal, organizationId?: string | null): Promise<Organization> {
    const me = requireUser(principal, Role.SELLER, Role.ADMIN);
    if (me.role === Role.SELLER) {
      if (organizationId && organizationId !== me.organizationId) throw notFound('That organization');
      return this.em.findOneOrFail(Organization, { id: me.organizationId! });
    }
    if (!organizationId) {
      throw forbidden('Admins manage keys of provider and marketplace organizations: pass organizationId.');
    }
    const organization = await this.em.findOne(Organization, { id: organizationId });
    if (!organization) throw notFound('That organization');
    return organization;
  }
}
