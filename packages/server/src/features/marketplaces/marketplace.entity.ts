import { Collection, Entity, OneToMany, PrimaryKey, PrimaryKeyProp, Property, type Opt } from '@mikro-orm/core';
import type { CurrencyCode, MarketplaceCode } from '@recertify/domain';
import { Field, ObjectType } from 'type-graphql';
import { CurrencyCodeEnum } from '../../graphql/money.types.js';
import { MarketplaceCodeEnum } from './marketplace.enums.js';
import { Holiday } from './holiday.entity.js';
import { PolicyVersion } from './policy-version.entity.js';

@Entity()
@ObjectType({ description: 'A marketplace (country store) in which sellers apply to the Renewed program.' })
export class Marketplace {
  [PrimaryKeyProp]?: 'code';

  @Field(() => MarketplaceCodeEnum)
  @PrimaryKey({ type: 'string', length: 2 })
  code: MarketplaceCode;

  @Field({ description: 'Display name, e.g. "United States".' })
  @Property({ type: 'string' })
  name: string;

  @Field(() => CurrencyCodeEnum, { description: 'Currency buyers pay in on this marketplace.' })
  @Property({ type: 'string', length: 3 })
  currency: CurrencyCode;

  @Field({ description: 'IANA time zone in which "day" windows and business days are counted.' })
  @Property({ type: 'string' })
  timeZone: string;

  @OneToMany(() => PolicyVersion, (version) => version.marketplace)
  policyVersions = new Collection<PolicyVersion>(this);

  @OneToMany(() => Holiday, (holiday) => holiday.marketplace)
  holidays = new Collection<Holiday>(this);

  @Property({ type: Date })
  createdAt: Date & Opt = new Date();

  constructor(props: { code: MarketplaceCode; name: string; currency: CurrencyCode; timeZone: string }) {
    this.code = props.code;
    this.name = props.name;
    this.currency = props.currency;
    this.timeZone = props.timeZone;
  }
}
