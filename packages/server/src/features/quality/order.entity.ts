import { Entity, Index, ManyToOne, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import type { IsoDate, MarketplaceCode } from '@recertify/domain';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.js';
import { ID } from '../../graphql/id.js';
import type { Organization } from '../accounts/organization.entity.js';
import { MarketplaceCodeEnum } from '../marketplaces/marketplace.enums.js';
import type { Offer } from './offer.entity.js';

/** Properties copied from an order onto each of its defects and complaints (see order-defect.entity.ts). */
export interface OrderCopies {
  order: Ref<Order>;
  offer: Ref<Offer>;
  seller: Ref<Organization>;
  marketplace: MarketplaceCode;
  orderDate: IsoDate;
}

/**
 * A buyer's order of one offer. Seller and marketplace are copied from the offer, and `orderDate`
 * is the order time as a calendar in the marketplace's zone shows it (orderDateOf), so the daily
 * rollups group by plain columns on both databases. The table is `marketplace_order` because
 * ORDER is an SQL keyword.
 */
@Entity({ tableName: 'marketplace_order' })
@Unique({ properties: ['marketplace', 'externalId'] })
// Rollup refresh and offer drill-down: an offer's orders of some days.
@Index({ properties: ['offer', 'orderDate'] })
// Seller drill-down: a seller's orders of a window in one marketplace.
@Index({ properties: ['seller', 'marketplace', 'orderDate'] })
// No single-column index on offer or seller (MikroORM adds one per many-to-one on SQLite unless
// `index: false`; PostgreSQL never does): the two above start with those columns and serve every
// lookup by offer or seller alone, the foreign keys' checks on delete included, and each index is
// one more B-tree that every imported order writes.
@ObjectType({ description: "A buyer's order of one offer." })
export class Order extends BaseEntity {
  @ManyToOne('Offer', { ref: true, index: false })
  offer: Ref<Offer>;

  @ManyToOne('Organization', { ref: true, index: false })
  seller: Ref<Organization>;

  @Field(() => MarketplaceCodeEnum)
  @Property({ type: 'string', length: 2 })
  readonly marketplace: MarketplaceCode;

  @Field({ description: "The marketplace's id of the order (unique per marketplace)." })
  @Property({ type: 'string', length: 100 })
  readonly externalId: string;

  @Field({ description: "The marketplace's opaque reference of the buyer." })
  @Property({ type: 'string', length: 100 })
  buyerReference: string;

  @Field(() => Int, { description: 'Units ordered, 1 or more.' })
  @Property({ type: 'integer' })
  quantity: number;

  @Field()
  @Property({ type: Date })
  orderedAt: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: Date, nullable: true })
  shippedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: Date, nullable: true })
  deliveredAt: Date | null;

  @Field(() => String, { description: "The order's date (YYYY-MM-DD) in the marketplace's time zone." })
  @Property({ type: 'string', length: 10 })
  orderDate: IsoDate;

  @Field(() => Int, { description: 'Rises by one with every change of the sent content; a repeat leaves it.' })
  @Property({ type: 'integer' })
  version: number & Opt = 1;

  @Field(() => ID, { description: 'The offer ordered.' })
  get offerId(): string {
    return this.offer.id;
  }

  @Field(() => ID, { description: 'The seller organization.' })
  get sellerId(): string {
    return this.seller.id;
  }

  constructor(props: {
    offer: Ref<Offer>;
    seller: Ref<Organization>;
    marketplace: MarketplaceCode;
    externalId: string;
    buyerReference: string;
    quantity: number;
    orderedAt: Date;
    shippedAt: Date | null;
    deliveredAt: Date | null;
    orderDate: IsoDate;
  }) {
    super();
    this.offer = props.offer;
    this.seller = props.seller;
    this.marketplace = props.marketplace;
    this.externalId = props.externalId;
    this.buyerReference = props.buyerReference;
    this.quantity = props.quantity;
    this.orderedAt = props.orderedAt;
    this.shippedAt = props.shippedAt;
    this.deliveredAt = props.deliveredAt;
    this.orderDate = props.orderDate;
  }
}
