import { Entity, Index, ManyToOne, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import type { IsoDate, MarketplaceCode } from '@recertify/domain';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.js';
import { ID } from '../../graphql/id.js';
import type { Organization } from '../accounts/organization.entity.js';
import { MarketplaceCodeEnum } from '../marketplaces/marketplace.enums.js';
import type { Offer } from './offer.entity.js';
import type { Order } from './order.entity.js';

/**
 * A buyer's 1-5 star rating of an offer's product, optionally tied to the order it came from.
 * It counts on `ratedDate` (the rating's date in the marketplace's zone) in the daily rollups.
 */
@Entity()
@Unique({ properties: ['marketplace', 'externalId'] })
// Rollup refresh: an offer's ratings of some days.
@Index({ properties: ['offer', 'ratedDate'] })
@ObjectType({ description: "A buyer's 1 to 5 star rating of an offer's product." })
export class ProductRating extends BaseEntity {
  @ManyToOne('Offer', { ref: true })
  offer: Ref<Offer>;

  @ManyToOne('Order', { ref: true, nullable: true })
  order: Ref<Order> | null;

  @ManyToOne('Organization', { ref: true })
  seller: Ref<Organization>;

  @Field(() => MarketplaceCodeEnum)
  @Property({ type: 'string', length: 2 })
  readonly marketplace: MarketplaceCode;

  @Field({ description: "The marketplace's id of the rating (unique per marketplace)." })
  @Property({ type: 'string', length: 100 })
  readonly externalId: string;

  @Field(() => Int, { description: 'Whole stars, 1 to 5.' })
  @Property({ type: 'smallint' })
  stars: number;

  @Field()
  @Property({ type: Date })
  ratedAt: Date;

  @Field(() => String, { description: "The rating's date (YYYY-MM-DD) in the marketplace's time zone." })
  @Property({ type: 'string', length: 10 })
  ratedDate: IsoDate;

  @Field(() => Int, { description: 'Rises by one with every change of the sent content; a repeat leaves it.' })
  @Property({ type: 'integer' })
  version: number & Opt = 1;

  @Field(() => ID, { description: 'The offer rated.' })
  get offerId(): string {
    return this.offer.id;
  }

  @Field(() => ID, { description: 'The order it came from, if known.', nullable: true })
  get orderId(): string | null {
    return this.order?.id ?? null;
  }

  constructor(props: {
    offer: Ref<Offer>;
    order: Ref<Order> | null;
    seller: Ref<Organization>;
    marketplace: MarketplaceCode;
    externalId: string;
    stars: number;
    ratedAt: Date;
    ratedDate: IsoDate;
  }) {
    super();
    this.offer = props.offer;
    this.order = props.order;
    this.seller = props.seller;
    this.marketplace = props.marketplace;
    this.externalId = props.externalId;
    this.stars = props.stars;
    this.ratedAt = props.ratedAt;
    this.ratedDate = props.ratedDate;
  }
}
