import { Entity, ManyToOne, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import type { AuthorizationMode, MarketplaceCode } from '@recertify/domain';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.js';
import type { Organization } from '../accounts/organization.entity.js';
import { MarketplaceCodeEnum } from '../marketplaces/marketplace.enums.js';
import { AuthorizationModeEnum } from './returns.enums.js';

/**
 * A seller's return settings in one marketplace (SPEC 6). No row means the defaults
 * (defaultReturnSettings): only what SPEC 6 makes automatic is.
 */
@Entity({ tableName: 'return_settings' })
@Unique({ properties: ['organization', 'marketplace'] })
@ObjectType({ description: "A seller's return settings in one marketplace." })
export class ReturnSettingsRecord extends BaseEntity {
  @ManyToOne('Organization', { ref: true })
  organization: Ref<Organization>;

  @Field(() => MarketplaceCodeEnum, { description: 'The marketplace.' })
  @Property({ type: 'string', length: 2 })
  marketplace: MarketplaceCode;

  @Field(() => Boolean, {
    description: 'INDIVIDUAL sellers: authorize in-policy requests automatically (PROFESSIONAL: always).',
  })
  @Property({ type: 'boolean' })
  automaticInPolicy: boolean & Opt = false;

  @Field(() => Boolean, {
    description: 'Authorize out-of-policy requests automatically (the buyer gets an unpaid label).',
  })
  @Property({ type: 'boolean' })
  automaticOutOfPolicy: boolean & Opt = false;

  @Field(() => [String], { description: 'SKUs exempted from the prepaid-label program.' })
  @Property({ type: 'json' })
  prepaidExemptSkus: string[] & Opt = [];

  @Field(() => AuthorizationModeEnum, { description: 'How requests with an exempt SKU are authorized.' })
  @Property({ type: 'string', length: 16 })
  exemptSkuAuthorization: AuthorizationMode & Opt = 'MANUAL';

  @Field(() => String, {
    nullable: true,
    description:
      'RMA format: generated RMAs start with this prefix and a hyphen (e.g. EVG-7KQ2M-9XD4P); null for none.',
  })
  @Property({ type: 'string', length: 8, nullable: true })
  rmaPrefix: string | null = null;

  constructor(props: { organization: Ref<Organization>; marketplace: MarketplaceCode }) {
    super();
    this.organization = props.organization;
    this.marketplace = props.marketplace;
  }
}
