import { Entity, ManyToOne, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../../db/base.entity.js';
import type { Organization } from '../../accounts/organization.entity.js';

/**
 * How a seller hears of new return requests (SPEC 6, "Email settings"): whether it is emailed,
 * at which address, and whether the email carries the signed links that authorize, close or reply
 * without signing in. A seller without a row has the defaults: emailed, at each of its seller
 * accounts' addresses, with links.
 */
@Entity()
@Unique({ properties: ['organization'] })
@ObjectType({ description: "A seller's settings for return-request emails." })
export class ReturnEmailSettings extends BaseEntity {
  @ManyToOne('Organization', { ref: true })
  organization: Ref<Organization>;

  @Field(() => Boolean, { description: 'Email the seller when a return request arrives.' })
  @Property({ type: 'boolean' })
  receiveRequestEmails: boolean & Opt = true;

  @Field(() => String, {
    nullable: true,
    description: "Where those emails go; null: to every seller account's own address.",
  })
  @Property({ type: 'string', length: 254, nullable: true })
  recipientEmail: string | null = null;

  @Field(() => Boolean, {
    description:
      'The emails carry links that authorize, close or reply without signing in (signed, single-use, expiring).',
  })
  @Property({ type: 'boolean' })
  includeActionLinks: boolean & Opt = true;

  constructor(organization: Ref<Organization>) {
    super();
    this.organization = organization;
  }
}
