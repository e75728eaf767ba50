import { Entity, Index, ManyToOne, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.js';
import type { Organization } from '../accounts/organization.entity.js';

/** Where returned items go: one of a seller's saved addresses; one of them is the default. */
@Entity()
@Index({ properties: ['organization', 'isDefault'] })
@ObjectType({ description: "One of a seller's saved return addresses." })
export class ReturnAddress extends BaseEntity {
  @ManyToOne('Organization', { ref: true })
  organization: Ref<Organization>;

  @Field({ description: 'Addressee (a person or a warehouse).' })
  @Property({ type: 'string', length: 120 })
  name: string;

  @Field({ description: 'Street and number.' })
  @Property({ type: 'string', length: 200 })
  line1: string;

  @Field(() => String, { nullable: true, description: 'Suite, unit, building.' })
  @Property({ type: 'string', length: 200, nullable: true })
  line2: string | null;

  @Field({ description: 'City.' })
  @Property({ type: 'string', length: 100 })
  city: string;

  @Field({ description: 'State, province or region.' })
  @Property({ type: 'string', length: 100 })
  region: string;

  @Field({ description: 'Postal code.' })
  @Property({ type: 'string', length: 20 })
  postalCode: string;

  @Field({ description: 'ISO 3166 country code, e.g. US.' })
  @Property({ type: 'string', length: 2 })
  country: string;

  @Field(() => Boolean, { description: 'The address used when no other is chosen.' })
  @Property({ type: 'boolean' })
  isDefault: boolean & Opt = false;

  /**
   * When the seller removed it: gone from its list and choices, kept for the returns already
   * authorized to it (their labels are drawn from it when downloaded).
   */
  @Property({ type: Date, nullable: true })
  removedAt: Date | null = null;

  constructor(props: {
    organization: Ref<Organization>;
    name: string;
    line1: string;
    line2?: string | null;
    city: string;
    region: string;
    postalCode: string;
    country: string;
    isDefault?: boolean;
  }) {
    super();
    this.organization = props.organization;
    this.name = props.name;
    this.line1 = props.line1;
    this.line2 = props.line2 ?? null;
    this.city = props.city;
    this.region = props.region;
    this.postalCode = props.postalCode;
    this.country = props.country;
    this.isDefault = props.isDefault ?? false;
  }
}
