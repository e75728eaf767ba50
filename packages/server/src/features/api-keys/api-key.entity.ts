import { Entity, ManyToOne, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.js';
import type { Organization } from '../accounts/organization.entity.js';
import type { User } from '../accounts/user.entity.js';
import { ApiScope } from './api-key.enums.js';

/**
 * A key a third party uses as `Authorization: Bearer <key>`. The key is `rcf_<prefix>_<secret>`:
 * the prefix finds the row, the secret is compared against its SHA-256 (it is 256 random bits, so a
 * fast hash is enough; a slow password hash would only slow every API call).
 */
@Entity()
@ObjectType({ description: 'An API key of an organization (the secret is shown once, at creation).' })
export class ApiKey extends BaseEntity {
  @ManyToOne('Organization', { ref: true })
  organization: Ref<Organization>;

  @ManyToOne('User', { ref: true, nullable: true })
  createdBy: Ref<User> | null;

  @Field({ description: 'What the key is for, e.g. "ERP sync".' })
  @Property({ type: 'string', length: 100 })
  name: string;

  @Field({ description: 'The public start of the key, to recognise it: rcf_<prefix>_…' })
  @Property({ type: 'string', length: 16, unique: true })
  prefix: string;

  @Property({ type: 'string', length: 64, lazy: true })
  secretHash: string;

  @Field(() => [ApiScope], { description: 'What the key may do.' })
  @Property({ type: 'json' })
  scopes: ApiScope[];

  @Field(() => Date, { nullable: true, description: 'When the key last authenticated a request.' })
  @Property({ type: Date, nullable: true })
  lastUsedAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'When the key was revoked; it no longer works.' })
  @Property({ type: Date, nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'integer' })
  useCount: number & Opt = 0;

  constructor(props: {
    organization: Ref<Organization>;
    createdBy: Ref<User> | null;
    name: string;
    prefix: string;
    secretHash: string;
    scopes: ApiScope[];
  }) {
    super();
    this.organization = props.organization;
    this.createdBy = props.createdBy;
    this.name = props.name;
    this.prefix = props.prefix;
    this.secretHash = props.secretHash;
    this.scopes = props.scopes;
  }
}
