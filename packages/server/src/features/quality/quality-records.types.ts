import { TEXT_LIMITS, type MarketplaceCode } from '@recertify/domain';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { ID } from '../../graphql/id.js';
import { Bounded, Nested } from '../../graphql/input-bounds.js';
import { CurrencyCodeEnum } from '../../graphql/money.types.js';
import { MarketplaceCodeEnum } from '../marketplaces/marketplace.enums.js';
import { Complaint } from './complaint.entity.js';
import { Offer } from './offer.entity.js';
import { OrderDefect } from './order-defect.entity.js';
import { Order } from './order.entity.js';
import { ProductRating } from './product-rating.entity.js';
import { ComplaintCategoryEnum, ComplaintSourceEnum, OrderDefectKindEnum, UpsertOutcome } from './quality.enums.js';

@InputType({ description: 'An amount in integer minor units (cents) of a currency.' })
export class MoneyInput {
  @Field(() => GraphQLSafeInt, { description: 'The amount in minor units, e.g. 19999 for 199.99.' })
  amountMinor!: number;

  @Field(() => CurrencyCodeEnum)
  currency!: CurrencyCodeEnum;
}

@InputType({ description: "An offer as the marketplace's systems know it; sent again, it updates the offer." })
export class UpsertOfferInput {
  @Field(() => MarketplaceCodeEnum)
  marketplace!: MarketplaceCode;

  @Field({ description: "The marketplace's id of the offer: unique per marketplace, for life." })
  @Bounded(TEXT_LIMITS.externalId)
  externalId!: string;

  @Field(() => ID, { description: "The seller organization's id in this program (fixed once the offer exists)." })
  sellerId!: string;

  @Field({ description: "The seller's SKU: unique per seller and marketplace." })
  @Bounded(TEXT_LIMITS.sku)
  sku!: string;

  @Field()
  @Bounded(TEXT_LIMITS.productName)
  productName!: string;

  @Field()
  @Bounded(TEXT_LIMITS.brand)
  brand!: string;

  @Field()
  @Bounded(TEXT_LIMITS.category)
  category!: string;

  @Field({ description: 'The condition as listed, e.g. "Renewed Premium".' })
  @Bounded(TEXT_LIMITS.offerCondition)
  condition!: string;

  @Field(() => MoneyInput, { description: "The price, in the marketplace's currency." })
  @Nested()
  price!: MoneyInput;
}

@InputType({ description: "A buyer's order of an offer; sent again, it updates the order and the figures it moves." })
export class UpsertOrderInput {
  @Field(() => MarketplaceCodeEnum)
  marketplace!: MarketplaceCode;

  @Field({ description: "The marketplace's id of the order: unique per marketplace, for life." })
  @Bounded(TEXT_LIMITS.externalId)
  externalId!: string;

  @Field({ description: 'The external id of the offer ordered (same marketplace).' })
  @Bounded(TEXT_LIMITS.externalId)
  offerExternalId!: string;

  @Field({ description: "The marketplace's opaque reference of the buyer." })
  @Bounded(TEXT_LIMITS.buyerReference)
  buyerReference!: string;

  @Field(() => Int, { description: 'Units ordered, 1 or more.' })
  quantity!: number;

  @Field({ description: "When the order was placed; it counts on this instant's date in the marketplace's zone." })
  orderedAt!: Date;

  @Field(() => Date, { nullable: true })
  shippedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  deliveredAt?: Date | null;
}

@InputType({ description: 'A negative feedback, A-to-z claim or chargeback on an order (counts for ODR).' })
export class UpsertOrderDefectInput {
  @Field(() => MarketplaceCodeEnum)
  marketplace!: MarketplaceCode;

  @Field({ description: "The marketplace's id of the defect: unique per marketplace, for life." })
  @Bounded(TEXT_LIMITS.externalId)
  externalId!: string;

  @Field({ description: 'The external id of the order (same marketplace; fixed once the defect exists).' })
  @Bounded(TEXT_LIMITS.externalId)
  orderExternalId!: string;

  @Field(() => OrderDefectKindEnum)
  kind!: OrderDefectKindEnum;

  @Field({ description: 'When the marketplace recorded it.' })
  reportedAt!: Date;
}

@InputType({ description: "A buyer's complaint about an order's unit (counts for RQS on the order's day)." })
export class UpsertComplaintInput {
  @Field(() => MarketplaceCodeEnum)
  marketplace!: MarketplaceCode;

  @Field({ description: "The marketplace's id of the complaint: unique per marketplace, for life." })
  @Bounded(TEXT_LIMITS.externalId)
  externalId!: string;

  @Field({ description: 'The external id of the order (same marketplace; fixed once the complaint exists).' })
  @Bounded(TEXT_LIMITS.externalId)
  orderExternalId!: string;

  @Field(() => ComplaintSourceEnum)
  source!: ComplaintSourceEnum;

  @Field(() => ComplaintCategoryEnum)
  category!: ComplaintCategoryEnum;

  @Field({ description: 'When the buyer filed it.' })
  filedAt!: Date;

  @Field(() => String, { nullable: true, description: "The buyer's words or the agent's note." })
  @Bounded(TEXT_LIMITS.complaintNote, 'text')
  note?: string | null;
}

@InputType({ description: "A buyer's 1 to 5 star rating of an offer's product." })
export class UpsertProductRatingInput {
  @Field(() => MarketplaceCodeEnum)
  marketplace!: MarketplaceCode;

  @Field({ description: "The marketplace's id of the rating: unique per marketplace, for life." })
  @Bounded(TEXT_LIMITS.externalId)
  externalId!: string;

  @Field({ description: 'The external id of the offer rated (same marketplace; fixed once the rating exists).' })
  @Bounded(TEXT_LIMITS.externalId)
  offerExternalId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The order the rating came from, if known (an order of that offer).',
  })
  @Bounded(TEXT_LIMITS.externalId)
  orderExternalId?: string | null;

  @Field(() => Int, { description: 'Whole stars, 1 to 5.' })
  stars!: number;

  @Field()
  ratedAt!: Date;
}

@InputType({ description: 'A reviewer takes a complaint out of the figures, saying why.' })
export class InvalidateComplaintInput {
  @Field(() => ID)
  complaintId!: string;

  @Field({ description: 'Why the complaint does not count (kept in the audit log).' })
  @Bounded(TEXT_LIMITS.invalidationReason, 'text')
  reason!: string;
}

@ObjectType({ description: 'An offer sent, and what sending it did.' })
export class UpsertOfferPayload {
  @Field(() => UpsertOutcome)
  outcome!: UpsertOutcome;

  @Field(() => Offer)
  offer!: Offer;
}

@ObjectType({ description: 'An order sent, and what sending it did.' })
export class UpsertOrderPayload {
  @Field(() => UpsertOutcome)
  outcome!: UpsertOutcome;

  @Field(() => Order)
  order!: Order;
}

@ObjectType({ description: 'An order defect sent, and what sending it did.' })
export class UpsertOrderDefectPayload {
  @Field(() => UpsertOutcome)
  outcome!: UpsertOutcome;

  @Field(() => OrderDefect)
  orderDefect!: OrderDefect;
}

@ObjectType({ description: 'A complaint sent, and what sending it did.' })
export class UpsertComplaintPayload {
  @Field(() => UpsertOutcome)
  outcome!: UpsertOutcome;

  @Field(() => Complaint)
  complaint!: Complaint;
}

@ObjectType({ description: 'A product rating sent, and what sending it did.' })
export class UpsertProductRatingPayload {
  @Field(() => UpsertOutcome)
  outcome!: UpsertOutcome;

  @Field(() => ProductRating)
  productRating!: ProductRating;
}
