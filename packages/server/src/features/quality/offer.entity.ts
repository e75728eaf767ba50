import { Embedded, Entity, Index, ManyToOne, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import type { MarketplaceCode } from '@recertify/domain';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.js';
import { ID } from '../../graphql/id.js';
import { MoneyValue } from '../../graphql/money.types.js';
import type { Organization } from '../accounts/organization.entity.js';
import { MarketplaceCodeEnum } from '../marketplaces/marketplace.enums.js';
import { OfferStatusEnum } from './quality.enums.js';

/**
 * A seller's listing of one product in one marketplace, as the marketplace's systems send it.
 * External ids are the sender's and unique per marketplace (each marketplace's systems number
 * their own records); the SKU is the seller's and unique per seller and marketplace.
 * `status` is ours: evaluation and suspensions suppress and reinstate; ingestion never sets it.
 */
@Entity()
@Unique({ properties: ['marketplace', 'externalId'] })
@Unique({ properties: ['seller', 'marketplace', 'sku'] })
// A seller's offers in a marketplace (evaluation, the dashboard's offer table).
@Index({ properties: ['seller', 'marketplace', 'status'] })
@ObjectType({ description: "A seller's listing of one product in one marketplace." })
export class Offer extends BaseEntity {
  @ManyToOne('Organization', { ref: true })
  readonly seller: Ref<Organization>;

  @Field(() => MarketplaceCodeEnum, { description: 'The marketplace the offer is listed in.' })
  @Property({ type: 'string', length: 2 })
  readonly marketplace: MarketplaceCode;

  @Field({ description: "The marketplace's id of the offer (unique per marketplace)." })
  @Property({ type: 'string', length: 100 })
  readonly externalId: string;

  @Field({ description: "The seller's SKU (unique per seller and marketplace)." })
  @Property({ type: 'string', length: 64 })
  sku: string;

  @Field()
  @Property({ type: 'string', length: 300 })
  productName: string;

  @Field()
  @Property({ type: 'string', length: 100 })
  brand: string;

  @Field()
  @Property({ type: 'string', length: 100 })
  category: string;

  @Field({ description: 'The condition as listed, e.g. "Renewed Premium".' })
  @Property({ type: 'string', length: 64 })
  condition: string;

  @Field(() => MoneyValue)
  @Embedded(() => MoneyValue)
  price: MoneyValue;

  @Field(() => OfferStatusEnum, { description: 'On sale, or suppressed by evaluation or a suspension.' })
  @Property({ type: 'string', length: 16 })
  status: OfferStatusEnum & Opt = 'ACTIVE';

  @Field(() => Int, { description: 'Rises by one with every change of the sent content; a repeat leaves it.' })
  @Property({ type: 'integer' })
  version: number & Opt = 1;

  @Field(() => ID, { description: 'The seller organization.' })
  get sellerId(): string {
    return this.seller.id;
  }

  constructor(props: {
    seller: Ref<Organization>;
    marketplace: MarketplaceCode;
    externalId: string;
    sku: string;
    productName: string;
    brand: string;
    category: string;
    condition: string;
    price: MoneyValue;
  }) {
    super();
    this.seller = props.seller;
    this.marketplace = props.marketplace;
    this.externalId = props.externalId;
    this.sku = props.sku;
    this.productName = props.productName;
    this.brand = props.brand;
    this.category = props.category;
    this.condition = props.condition;
    this.price = props.price;
  }
}
