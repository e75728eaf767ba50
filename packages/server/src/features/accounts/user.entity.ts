import { Entity, ManyToOne, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.js';
import { Role } from './accounts.enums.js';
import type { Organization } from './organization.entity.js';

@Entity()
@ObjectType({ description: 'A person who signs in: a seller user, a reviewer or an admin.' })
export class User extends BaseEntity {
  /** Stored lower-cased and trimmed so that sign-in is case-insensitive. */
  @Field({ description: 'Email address, used to sign in.' })
  @Property({ type: 'string', length: 254, unique: true })
  email: string;

  @Field({ description: 'Name shown to colleagues and reviewers.' })
  @Property({ type: 'string', length: 120 })
  displayName: string;

  @Field(() => Role, { description: 'What the person does in the program.' })
  @Property({ type: 'string', length: 16 })
  role: Role;

  /** Sellers belong to a seller organization; staff belong to none. */
  @ManyToOne('Organization', { ref: true, nullable: true })
  organization: Ref<Organization> | null;

  /** argon2id hash; never leaves the server. */
  @Property({ type: 'string', length: 255, lazy: true })
  passwordHash: string;

  @Property({ type: 'integer' })
  failedSignIns: number & Opt = 0;

  @Property({ type: Date, nullable: true })
  lockedUntil: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'When the person last signed in.' })
  @Property({ type: Date, nullable: true })
  lastSignInAt: Date | null = null;

  @Property({ type: Date, nullable: true })
  deactivatedAt: Date | null = null;

  /**
   * Signed up but has not yet opened the link emailed to the address: cannot sign in, and to
   * everyone else the address looks as if it had no account.
   */
  @Property({ type: 'boolean', default: false })
  emailConfirmationPending: boolean & Opt = false;

  constructor(props: {
    email: string;
    displayName: string;
    role: Role;
    organization: Ref<Organization> | null;
    passwordHash: string;
  }) {
    super();
    this.email = props.email;
    this.displayName = props.displayName;
    this.role = props.role;
    this.organization = props.organization;
    this.passwordHash = props.passwordHash;
  }
}
