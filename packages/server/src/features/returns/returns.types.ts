import { RETURN_LIST_LIMITS, RETURN_TEXT_LIMITS, TEXT_LIMITS } from '@recertify/domain';
import { ArgsType, Field, InputType, Int, ObjectType } from 'type-graphql';
import type { CappedCountData } from '../../db/capped-count.js';
import { CappedCount, createConnectionType } from '../../graphql/connection.js';
import type { ErrorCode } from '../../errors/public-error.js';
import { ErrorCodeEnum } from '../../graphql/error-types.js';
import { ID } from '../../graphql/id.js';
import { Bounded, BoundedList, Nested } from '../../graphql/input-bounds.js';
import { MarketplaceCodeEnum } from '../marketplaces/marketplace.enums.js';
import { ReturnRequest } from './return-request.entity.js';
import {
  AuthorizationModeEnum,
  CloseReasonEnum,
  ReturnReasonEnum,
  ReturnRequestSort,
  ReturnStateEnum,
} from './returns.enums.js';
import { PREPAID_EXEMPT_SKUS_MAX } from '@recertify/domain';

@InputType({ description: 'Narrows the returns queue; filters combine.' })
export class ReturnRequestFilter {
  @Field(() => ReturnStateEnum, { nullable: true, description: 'Only requests in this state.' })
  state?: ReturnStateEnum | null;

  @Field(() => Boolean, { nullable: true, description: 'Only in-policy (true) or out-of-policy (false) requests.' })
  inPolicy?: boolean | null;

  @Field(() => ReturnReasonEnum, { nullable: true, description: "Only this buyer's reason." })
  reason?: ReturnReasonEnum | null;

  @Field(() => MarketplaceCodeEnum, { nullable: true, description: 'Only this marketplace.' })
  marketplace?: MarketplaceCodeEnum | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only authorized returns whose deadline is on or before this day (YYYY-MM-DD).',
  })
  @Bounded(TEXT_LIMITS.date)
  dueBefore?: string | null;
}

@ArgsType()
export class ReturnRequestsArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 100 (50 by default).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  @Bounded(TEXT_LIMITS.cursor, 'secret')
  after?: string | null;

  @Field(() => ReturnRequestFilter, { nullable: true, description: 'Filters; they combine.' })
  @Nested()
  filter?: ReturnRequestFilter | null;

  @Field(() => String, { nullable: true, description: 'An RMA number or an order id, exactly (case-insensitive RMA).' })
  @Bounded(RETURN_TEXT_LIMITS.search)
  search?: string | null;

  @Field(() => ReturnRequestSort, { nullable: true, description: 'Newest first by default.' })
  sort?: ReturnRequestSort | null;
}

@ArgsType()
export class ReturnRequestCountsArgs {
  @Field(() => ReturnRequestFilter, { nullable: true, description: 'The filters already chosen.' })
  @Nested()
  filter?: ReturnRequestFilter | null;

  @Field(() => String, { nullable: true, description: 'The search already typed.' })
  @Bounded(RETURN_TEXT_LIMITS.search)
  search?: string | null;
}

export const ReturnRequestConnection = createConnectionType(ReturnRequest, 'ReturnRequest', {
  cappedCount: {
    totalCountDeprecation:
      'Use count: it stops at a cap (RETURNS_COUNT_CAP, 10,000 by default) and says so; totalCount reads every matching return.',
  },
});

@ObjectType({ description: 'Requests in one state.' })
export class ReturnStateCount {
  @Field(() => ReturnStateEnum, { description: 'The state.' }) state!: ReturnStateEnum;
  @Field(() => CappedCount, { description: 'Requests, up to the cap.' }) count!: CappedCountData;
}

@ObjectType({ description: 'Requests with one reason.' })
export class ReturnReasonCount {
  @Field(() => ReturnReasonEnum, { description: 'The reason.' }) reason!: ReturnReasonEnum;
  @Field(() => CappedCount, { description: 'Requests, up to the cap.' }) count!: CappedCountData;
}

@ObjectType({ description: 'Requests in one marketplace.' })
export class ReturnMarketplaceCount {
  @Field(() => MarketplaceCodeEnum, { description: 'The marketplace.' }) marketplace!: MarketplaceCodeEnum;
  @Field(() => CappedCount, { description: 'Requests, up to the cap.' }) count!: CappedCountData;
}

@ObjectType({
  description: 'How many requests each filter of the returns queue holds, as if added to the chosen ones.',
})
export class ReturnRequestCounts {
  @Field(() => CappedCount, { description: 'Every request matching the chosen filters.' }) total!: CappedCountData;
  @Field(() => CappedCount, { description: 'In policy.' }) inPolicy!: CappedCountData;
  @Field(() => CappedCount, { description: 'Out of policy.' }) outOfPolicy!: CappedCountData;
  @Field(() => CappedCount, { description: 'Authorized, with a deadline in the next 7 days (marketplace time).' })
  dueWithinWeek!: CappedCountData;
  @Field(() => [ReturnStateCount], { description: 'Per state.' }) byState!: ReturnStateCount[];
  @Field(() => [ReturnReasonCount], { description: 'Per reason.' }) byReason!: ReturnReasonCount[];
  @Field(() => [ReturnMarketplaceCount], { description: 'Per marketplace.' }) byMarketplace!: ReturnMarketplaceCount[];
}

@InputType({ description: 'A return address as typed.' })
export class ReturnAddressInput {
  @Field({ description: 'Addressee.' })
  @Bounded(RETURN_TEXT_LIMITS.addressName)
  name!: string;
  @Field({ description: 'Street and number.' })
  @Bounded(RETURN_TEXT_LIMITS.addressLine)
  line1!: string;
  @Field(() => String, { nullable: true, description: 'Suite, unit, building.' })
  @Bounded(RETURN_TEXT_LIMITS.addressLine)
  line2?: string | null;
  @Field({ description: 'City.' })
  @Bounded(RETURN_TEXT_LIMITS.city)
  city!: string;
  @Field({ description: 'State, province or region.' })
  @Bounded(RETURN_TEXT_LIMITS.region)
  region!: string;
  @Field({ description: 'Postal code.' })
  @Bounded(RETURN_TEXT_LIMITS.postalCode)
  postalCode!: string;
  @Field({ description: 'ISO 3166 country code, e.g. US.' })
  @Bounded(RETURN_TEXT_LIMITS.country)
  country!: string;
}

@InputType({ description: 'Authorizes one requested return.' })
export class AuthorizeReturnInput {
  @Field(() => ID, { description: 'The return request.' }) id!: string;
  @Field(() => Int, { description: 'The version you looked at (optimistic locking).' }) version!: number;
  @Field(() => String, {
    nullable: true,
    description: 'Your own RMA number (4-30 letters, digits, - or _); leave out for a generated one.',
  })
  @Bounded(RETURN_TEXT_LIMITS.rma)
  rma?: string | null;
  @Field(() => ID, { nullable: true, description: 'One of your saved return addresses; the default when left out.' })
  addressId?: string | null;
  @Field(() => ReturnAddressInput, { nullable: true, description: 'A new return address, saved with it.' })
  @Nested()
  newAddress?: ReturnAddressInput | null;
}

@InputType({ description: 'Closes one return with a reason.' })
export class CloseReturnInput {
  @Field(() => ID, { description: 'The return request.' }) id!: string;
  @Field(() => Int, { description: 'The version you looked at (optimistic locking).' }) version!: number;
  @Field(() => CloseReasonEnum, { description: 'Why; the reasons that fit depend on the state.' })
  reason!: CloseReasonEnum;
  @Field(() => String, { nullable: true, description: 'A note for the record.' })
  @Bounded(RETURN_TEXT_LIMITS.closeNote, 'text')
  note?: string | null;
}

@InputType({ description: 'A reply to the buyer of a return.' })
export class ReplyToBuyerInput {
  @Field(() => ID, { description: 'The return request.' }) id!: string;
  @Field({ description: 'The message; emailed to the buyer.' })
  @Bounded(RETURN_TEXT_LIMITS.message, 'text')
  body!: string;
}

@ArgsType()
export class BulkAuthorizeReturnsArgs {
  @Field(() => [ID], { description: 'Up to 1,000 return requests.' })
  @BoundedList(RETURN_LIST_LIMITS.bulkIds, 'enum')
  ids!: string[];
}

@ArgsType()
export class BulkCloseReturnsArgs {
  @Field(() => [ID], { description: 'Up to 1,000 return requests.' })
  @BoundedList(RETURN_LIST_LIMITS.bulkIds, 'enum')
  ids!: string[];
  @Field(() => CloseReasonEnum, { description: 'Why, for every one of them.' })
  reason!: CloseReasonEnum;
  @Field(() => String, { nullable: true, description: 'A note for the record.' })
  @Bounded(RETURN_TEXT_LIMITS.closeNote, 'text')
  note?: string | null;
}

@ObjectType({ description: 'Why one request of a bulk action was refused (the same contract as ErrorExtensions).' })
export class ReturnActionError {
  @Field(() => ErrorCodeEnum, { description: 'The error code.' }) code!: ErrorCode;
  @Field({ description: 'What is wrong, for a person.' }) message!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The rule that refused, e.g. INVALID_TRANSITION, BEFORE_DEADLINE.',
  })
  reason!: string | null;
  @Field(() => String, { nullable: true, description: 'The input field at fault, e.g. addressId.' })
  field!: string | null;
}

@ObjectType({ description: 'The outcome of a bulk action for one request: the request as it stands, or its error.' })
export class BulkReturnResult {
  @Field(() => ID, { description: 'The return request asked for.' }) id!: string;
  @Field({ description: 'It is now as the action leads (changed now, or already).' }) ok!: boolean;
  @Field(() => ReturnRequest, { nullable: true, description: 'The request as it now stands, when ok.' })
  returnRequest!: ReturnRequest | null;
  @Field(() => ReturnActionError, { nullable: true, description: 'Why it was refused, when not ok.' })
  error!: ReturnActionError | null;
}

@InputType({ description: 'An item of a return request as the marketplace sends it.' })
export class ReturnItemInput {
  @Field({ description: 'The seller SKU.' })
  @Bounded(RETURN_TEXT_LIMITS.sku)
  sku!: string;
  @Field(() => Int, { description: 'Units returned.' }) quantity!: number;
  @Field(() => String, { nullable: true, description: 'The product category.' })
  @Bounded(RETURN_TEXT_LIMITS.category)
  categoryName?: string | null;
  @Field(() => String, { nullable: true, description: 'The title the buyer saw.' })
  @Bounded(RETURN_TEXT_LIMITS.itemTitle)
  title?: string | null;
}

@InputType({ description: "A buyer's return request as the marketplace's systems send it; idempotent on externalId." })
export class ReceiveReturnRequestInput {
  @Field(() => ID, { description: 'The seller organization.' }) sellerId!: string;
  @Field(() => MarketplaceCodeEnum, { description: 'The marketplace.' }) marketplace!: MarketplaceCodeEnum;
  @Field({ description: "The marketplace's id of the request." })
  @Bounded(RETURN_TEXT_LIMITS.externalId)
  externalId!: string;
  @Field({ description: "The marketplace's order id." })
  @Bounded(RETURN_TEXT_LIMITS.orderId)
  orderId!: string;
  @Field(() => Date, { nullable: true, description: 'When the order was delivered; null when none is recorded.' })
  orderDeliveredAt?: Date | null;
  @Field(() => [ReturnItemInput], { description: 'The items, 1 to 50.' })
  @BoundedList(RETURN_LIST_LIMITS.items)
  items!: ReturnItemInput[];
  @Field(() => ReturnReasonEnum, { description: "The buyer's reason." }) reason!: ReturnReasonEnum;
  @Field(() => String, { nullable: true, description: "The buyer's comment." })
  @Bounded(RETURN_TEXT_LIMITS.buyerComment, 'text')
  buyerComment?: string | null;
  @Field(() => String, { nullable: true, description: "The buyer's name." })
  @Bounded(RETURN_TEXT_LIMITS.buyerName)
  buyerName?: string | null;
  @Field(() => String, { nullable: true, description: "The buyer's email, for the seller's replies." })
  @Bounded(RETURN_TEXT_LIMITS.buyerEmail)
  buyerEmail?: string | null;
  @Field(() => Date, { description: 'When the buyer asked.' }) requestedAt!: Date;
}

@InputType({ description: 'Your return settings in one marketplace.' })
export class ReturnSettingsInput {
  @Field(() => MarketplaceCodeEnum, { description: 'The marketplace.' }) marketplace!: MarketplaceCodeEnum;
  @Field({ description: 'INDIVIDUAL sellers: authorize in-policy requests automatically.' })
  automaticInPolicy!: boolean;
  @Field({ description: 'Authorize out-of-policy requests automatically (unpaid label).' })
  automaticOutOfPolicy!: boolean;
  @Field(() => [String], { description: 'SKUs exempted from the prepaid-label program.' })
  @BoundedList(PREPAID_EXEMPT_SKUS_MAX, { max: RETURN_TEXT_LIMITS.sku })
  prepaidExemptSkus!: string[];
  @Field(() => AuthorizationModeEnum, { description: 'How requests with an exempt SKU are authorized.' })
  exemptSkuAuthorization!: AuthorizationModeEnum;
  @Field(() => String, {
    nullable: true,
    description: 'Prefix of generated RMAs (1-8 letters or digits); null for none.',
  })
  @Bounded(RETURN_TEXT_LIMITS.rmaPrefix)
  rmaPrefix?: string | null;
}

@InputType({ description: 'A new saved return address.' })
export class SaveReturnAddressInput extends ReturnAddressInput {
  @Field(() => Boolean, { nullable: true, description: 'Make it the default (the first one always is).' })
  makeDefault?: boolean | null;
}
