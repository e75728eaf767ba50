import { Entity, Index, ManyToOne, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import type {
  AuthorizationMode,
  AuthorizationReason,
  CloseReason,
  IsoDate,
  LabelKind,
  MarketplaceCode,
  OutOfPolicyReason,
  ReturnReasonCode,
  ReturnState,
} from '@recertify/domain';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.js';
import type { Organization } from '../accounts/organization.entity.js';
import { MarketplaceCodeEnum } from '../marketplaces/marketplace.enums.js';
import type { Order } from '../quality/order.entity.js';
import type { ReturnAddress } from './return-address.entity.js';
import {
  AuthorizationModeEnum,
  AuthorizationReasonEnum,
  CloseReasonEnum,
  LabelKindEnum,
  OutOfPolicyReasonEnum,
  ReturnReasonEnum,
  ReturnStateEnum,
} from './returns.enums.js';

/** One returned item, as the marketplace sent it. Kept as JSON on the request: read and written with it. */
@ObjectType({ description: 'An item of a return request.' })
export class ReturnItem {
  @Field({ description: 'The seller SKU.' }) sku!: string;
  @Field(() => Int, { description: 'Units returned.' }) quantity!: number;
  @Field(() => String, { nullable: true, description: 'The product category (its return window may differ).' })
  categoryName!: string | null;
  @Field(() => String, { nullable: true, description: 'The title the buyer saw.' }) title!: string | null;
}

/**
 * A buyer's return request (SPEC 6). The order is referenced by the marketplace's own order id
 * with its delivery time: the policy verdict is judged from them on arrival and kept, with the
 * authorization decision, so the queue filters on stored columns. `version` is the optimistic lock.
 */
@Entity()
@Unique({ properties: ['externalId'] })
// RMA numbers are unique per seller; null until authorized.
@Unique({ properties: ['organization', 'rma'] })
// The queue: a seller's requests newest (or oldest) first, with or without a filter on one chip's
// column; each index also bounds that chip's capped count (return-queue.service.ts).
@Index({ properties: ['organization', 'requestedAt', 'id'] })
@Index({ properties: ['organization', 'status', 'requestedAt', 'id'] })
@Index({ properties: ['organization', 'inPolicy', 'requestedAt', 'id'] })
@Index({ properties: ['organization', 'reasonCode', 'requestedAt', 'id'] })
@Index({ properties: ['organization', 'marketplace', 'requestedAt', 'id'] })
// The "due this week" chip: authorized requests by deadline.
@Index({ properties: ['organization', 'status', 'deadline'] })
@Index({ properties: ['organization', 'orderExternalId'] })
// The expiry job: authorized returns whose deadline has passed.
@Index({ properties: ['status', 'deadlinePassesAt'] })
@ObjectType({ description: "A buyer's request to return items of an order (SPEC 6)." })
export class ReturnRequest extends BaseEntity {
  @ManyToOne('Organization', { ref: true })
  organization: Ref<Organization>;

  @Field(() => MarketplaceCodeEnum, { description: 'The marketplace the order was placed on.' })
  @Property({ type: 'string', length: 2 })
  marketplace: MarketplaceCode;

  @Field({ description: "The marketplace's own id of this request (arrivals are idempotent on it)." })
  @Property({ type: 'string', length: 100 })
  externalId: string;

  /** The order, when the marketplace has sent it (quality data); its id and delivery are kept here either way. */
  @ManyToOne('Order', { ref: true, nullable: true })
  order: Ref<Order> | null = null;

  @Field({ description: "The marketplace's order id." })
  @Property({ type: 'string', length: 100 })
  orderExternalId: string;

  @Field(() => Date, { nullable: true, description: 'When the order was delivered; null when none is recorded.' })
  @Property({ type: Date, nullable: true })
  orderDeliveredAt: Date | null;

  @Field(() => [ReturnItem], { description: 'The items returned.' })
  @Property({ type: 'json' })
  items: ReturnItem[];

  @Field(() => ReturnReasonEnum, { name: 'reason', description: "The buyer's reason." })
  @Property({ type: 'string', length: 32 })
  reasonCode: ReturnReasonCode;

  @Field(() => String, { nullable: true, description: "The buyer's comment." })
  @Property({ type: 'text', nullable: true })
  buyerComment: string | null;

  @Field(() => String, { nullable: true, description: "The buyer's name." })
  @Property({ type: 'string', length: 120, nullable: true })
  buyerName: string | null;

  /** Replies go there through the outbox; not shown to API clients. */
  @Property({ type: 'string', length: 254, nullable: true })
  buyerEmail: string | null;

  @Field(() => Date, { description: 'When the buyer asked.' })
  @Property({ type: Date })
  requestedAt: Date;

  @Field(() => ReturnStateEnum, { name: 'state', description: 'Where the request is in its lifecycle.' })
  @Property({ type: 'string', length: 16 })
  status: ReturnState & Opt = 'REQUESTED';

  @Field(() => Int, {
    description: 'Changes with every change; pass it back to authorize or close (optimistic locking).',
  })
  @Property({ version: true, type: 'integer' })
  version!: number & Opt;

  // The policy verdict, judged on arrival.
  @Field({ description: 'Requested within the return window after delivery.' })
  @Property({ type: 'boolean' })
  inPolicy: boolean;

  @Field(() => OutOfPolicyReasonEnum, { nullable: true, description: 'Why it is out of policy.' })
  @Property({ type: 'string', length: 32, nullable: true })
  outOfPolicyReason: OutOfPolicyReason | null;

  @Field({ description: 'The verdict in one sentence: dates, window, and the reason when out of policy.' })
  @Property({ type: 'text' })
  policyExplanation: string;

  @Field(() => Int, { description: 'The return window it was judged by, in days.' })
  @Property({ type: 'integer' })
  returnWindowDays: number;

  @Field(() => String, { nullable: true, description: "The window's last day (YYYY-MM-DD, marketplace time zone)." })
  @Property({ type: 'string', length: 10, nullable: true })
  lastDayToRequest: IsoDate | null;

  // The authorization decision, made on arrival.
  @Field(() => AuthorizationModeEnum, { description: 'Authorized automatically on arrival, or manual review.' })
  @Property({ type: 'string', length: 16 })
  authorizationMode: AuthorizationMode;

  @Field(() => AuthorizationReasonEnum, { description: 'The rule that decided.' })
  @Property({ type: 'string', length: 32 })
  authorizationReason: AuthorizationReason;

  @Field({ description: 'The decision in one sentence, for the seller.' })
  @Property({ type: 'text' })
  authorizationExplanation: string;

  @Field(() => LabelKindEnum, { description: 'The label the buyer gets.' })
  @Property({ type: 'string', length: 16 })
  labelKind: LabelKind;

  // Authorization.
  @Field(() => String, { nullable: true, description: 'The RMA number; null until authorized.' })
  @Property({ type: 'string', length: 40, nullable: true })
  rma: string | null = null;

  @Field(() => Boolean, { description: 'The RMA was generated by the system (not the seller’s own).' })
  @Property({ type: 'boolean' })
  rmaGenerated: boolean & Opt = false;

  @Field(() => Date, { nullable: true, description: 'When it was authorized.' })
  @Property({ type: Date, nullable: true })
  authorizedAt: Date | null = null;

  @Field(() => String, {
    nullable: true,
    description:
      'Last day the item may arrive (YYYY-MM-DD, marketplace time zone): window close plus 15 days of transit.',
  })
  @Property({ type: 'string', length: 10, nullable: true })
  deadline: IsoDate | null = null;

  /** The instant the deadline is over (start of the next local day): the expiry job compares with it. */
  @Property({ type: Date, nullable: true })
  deadlinePassesAt: Date | null = null;

  @ManyToOne('ReturnAddress', { ref: true, nullable: true })
  returnAddress: Ref<ReturnAddress> | null = null;

  // Closing and expiry.
  @Field(() => Date, { nullable: true, description: 'When it was closed.' })
  @Property({ type: Date, nullable: true })
  closedAt: Date | null = null;

  @Field(() => CloseReasonEnum, { nullable: true, description: 'Why it was closed.' })
  @Property({ type: 'string', length: 32, nullable: true })
  closeReason: CloseReason | null = null;

  @Field(() => String, { nullable: true, description: "The seller's note when closing." })
  @Property({ type: 'string', length: 500, nullable: true })
  closedNote: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When it expired.' })
  @Property({ type: Date, nullable: true })
  expiredAt: Date | null = null;

  constructor(props: {
    organization: Ref<Organization>;
    marketplace: MarketplaceCode;
    externalId: string;
    orderExternalId: string;
    orderDeliveredAt: Date | null;
    items: ReturnItem[];
    reasonCode: ReturnReasonCode;
    buyerComment: string | null;
    buyerName: string | null;
    buyerEmail: string | null;
    requestedAt: Date;
    inPolicy: boolean;
    outOfPolicyReason: OutOfPolicyReason | null;
    policyExplanation: string;
    returnWindowDays: number;
    lastDayToRequest: IsoDate | null;
    authorizationMode: AuthorizationMode;
    authorizationReason: AuthorizationReason;
    authorizationExplanation: string;
    labelKind: LabelKind;
  }) {
    super();
    this.organization = props.organization;
    this.marketplace = props.marketplace;
    this.externalId = props.externalId;
    this.orderExternalId = props.orderExternalId;
    this.orderDeliveredAt = props.orderDeliveredAt;
    this.items = props.items;
    this.reasonCode = props.reasonCode;
    this.buyerComment = props.buyerComment;
    this.buyerName = props.buyerName;
    this.buyerEmail = props.buyerEmail;
    this.requestedAt = props.requestedAt;
    this.inPolicy = props.inPolicy;
    this.outOfPolicyReason = props.outOfPolicyReason;
    this.policyExplanation = props.policyExplanation;
    this.returnWindowDays = props.returnWindowDays;
    this.lastDayToRequest = props.lastDayToRequest;
    this.authorizationMode = props.authorizationMode;
    this.authorizationReason = props.authorizationReason;
    this.authorizationExplanation = props.authorizationExplanation;
    this.labelKind = props.labelKind;
  }
}
