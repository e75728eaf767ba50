import { Entity, Index, ManyToOne, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import type { IsoDate, MarketplaceCode } from '@recertify/domain';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.js';
import { ID } from '../../graphql/id.js';
import type { Organization } from '../accounts/organization.entity.js';
import { MarketplaceCodeEnum } from '../marketplaces/marketplace.enums.js';
import type { Offer } from './offer.entity.js';
import type { Order, OrderCopies } from './order.entity.js';
import { OrderDefectKindEnum } from './quality.enums.js';

/*
 * Order defects and complaints copy their order's offer, seller, marketplace and order date, so the
 * dashboard's breakdowns and drill-downs read one table by (seller, marketplace, order date)
 * without joining a million orders; whoever changes an order's offer or time updates these copies
 * in the same transaction (upsertOrder does).
 */

@Entity()
@Unique({ properties: ['marketplace', 'externalId'] })
@Index({ properties: ['order'] })
@Index({ properties: ['seller', 'marketplace', 'orderDate'] })
@ObjectType({ description: 'A negative feedback, A-to-z claim or chargeback on an order: counts for ODR.' })
export class OrderDefect extends BaseEntity {
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

  @Field({ description: "The marketplace's id of the defect (unique per marketplace)." })
  @Property({ type: 'string', length: 100 })
  readonly externalId: string;

  @Field(() => OrderDefectKindEnum)
  @Property({ type: 'string', length: 32 })
  kind: OrderDefectKindEnum;

  @Field({ description: 'When the marketplace recorded it.' })
  @Property({ type: Date })
  reportedAt: Date;

  @Field(() => Int, { description: 'Rises by one with every change of the sent content; a repeat leaves it.' })
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

  constructor(props: OrderCopies & { externalId: string; kind: OrderDefectKindEnum; reportedAt: Date }) {
    super();
    this.order = props.order;
    this.offer = props.offer;
    this.seller = props.seller;
    this.marketplace = props.marketplace;
    this.orderDate = props.orderDate;
    this.externalId = props.externalId;
    this.kind = props.kind;
    this.reportedAt = props.reportedAt;
  }
}
