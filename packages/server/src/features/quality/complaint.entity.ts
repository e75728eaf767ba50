import { Entity, Index, ManyToOne, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import type { IsoDate, MarketplaceCode } from '@recertify/domain';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.js';
import { ID } from '../../graphql/id.js';
import type { Organization } from '../accounts/organization.entity.js';
import type { User } from '../accounts/user.entity.js';
import { MarketplaceCodeEnum } from '../marketplaces/marketplace.enums.js';
import type { Offer } from './offer.entity.js';
import type { Order, OrderCopies } from './order.entity.js';
import { ComplaintCategoryEnum, ComplaintSourceEnum } from './quality.enums.js';

/**
 * A buyer's complaint about an order's unit: counts for RQS until a reviewer invalidates it
 * (with a reason; the row stays, and the audit log records who and why).
 */
@Entity()
@Unique({ properties: ['marketplace', 'externalId'] })
@Index({ properties: ['order'] })
@Index({ properties: ['seller', 'marketplace', 'orderDate'] })
@ObjectType({ description: "A buyer's complaint about an order's unit: counts for RQS unless invalidated." })
export class Complaint extends BaseEntity {
  @ManyToOne('Order', { ref: true })
  order: Ref<Order>;

  @ManyToOne('Offer', { ref: true })
  offer: Ref<Offer>;

  @ManyToOne('Organization', { ref: true })
  seller: Ref<Organization>;

  @Field(() => MarketplaceCodeEnum)
  @Property({ type: 'string', length: 2 })
  readonly marketplace: MarketplaceCode;

  @Field(() => String, { description: "The order's date (YYYY-MM-DD, marketplace zone): the day it counts on." })
  @Property({ type: 'string', length: 10 })
  orderDate: IsoDate;

  @Field({ description: "The marketplace's id of the complaint (unique per marketplace)." })
  @Property({ type: 'string', length: 100 })
  readonly externalId: string;

  @Field(() => ComplaintSourceEnum)
  @Property({ type: 'string', length: 32 })
  source: ComplaintSourceEnum;

  @Field(() => ComplaintCategoryEnum)
  @Property({ type: 'string', length: 32 })
  category: ComplaintCategoryEnum;

  @Field({ description: "When the buyer filed it (it counts on its order's day, whenever filed)." })
  @Property({ type: Date })
  filedAt: Date;

  @Field(() => String, { nullable: true, description: "The buyer's words or the agent's note." })
  @Property({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => Date, { nullable: true, description: 'When a reviewer invalidated it; it no longer counts.' })
  @Property({ type: Date, nullable: true })
  invalidatedAt: Date | null = null;

  @ManyToOne('User', { ref: true, nullable: true })
  invalidatedBy: Ref<User> | null = null;

  @Field(() => String, { nullable: true, description: "The reviewer's reason for invalidating it." })
  @Property({ type: 'text', nullable: true })
  invalidationReason: string | null = null;

  @Field(() => Int, { description: 'Rises by one with every change; a repeat of the same content leaves it.' })
  @Property({ type: 'integer' })
  version: number & Opt = 1;

  @Field(() => ID, { description: 'The order it is about.' })
  get orderId(): string {
    return this.order.id;
  }

  @Field(() => ID, { description: "The order's offer." })
  get offerId(): string {
    return this.offer.id;
  }

  constructor(
    props: OrderCopies & {
      externalId: string;
      source: ComplaintSourceEnum;
      category: ComplaintCategoryEnum;
      filedAt: Date;
      note: string | null;
    },
  ) {
    super();
    this.order = props.order;
    this.offer = props.offer;
    this.seller = props.seller;
    this.marketplace = props.marketplace;
    this.orderDate = props.orderDate;
    this.externalId = props.externalId;
    this.source = props.source;
    this.category = props.category;
    this.filedAt = props.filedAt;
    this.note = props.note;
  }

  get isValid(): boolean {
    return this.invalidatedAt === null;
  }
}
