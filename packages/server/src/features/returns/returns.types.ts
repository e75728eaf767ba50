import { RETURN_TEXT_LIMITS, TEXT_LIMITS } from '@recertify/domain';
import { ArgsType, Field, InputType, Int, ObjectType } from 'type-graphql';
import { createConnectionType } from '../../graphql/connection.js';
import { Bounded, Nested } from '../../graphql/input-bounds.js';
import { MarketplaceCodeEnum } from '../marketplaces/marketplace.enums.js';
import { ReturnRequest } from './return-request.entity.js';
import { ReturnReasonEnum, ReturnRequestSort, ReturnStateEnum } from './returns.enums.js';

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

export const ReturnRequestConnection = createConnectionType(ReturnRequest, 'ReturnRequest');

@ObjectType({ description: 'Requests in one state.' })
export class ReturnStateCount {
  @Field(() => ReturnStateEnum, { description: 'The state.' }) state!: ReturnStateEnum;
  @Field(() => Int, { description: 'Requests.' }) count!: number;
}

@ObjectType({ description: 'Requests with one reason.' })
export class ReturnReasonCount {
  @Field(() => ReturnReasonEnum, { description: 'The reason.' }) reason!: ReturnReasonEnum;
  @Field(() => Int, { description: 'Requests.' }) count!: number;
}

@ObjectType({ description: 'Requests in one marketplace.' })
export class ReturnMarketplaceCount {
  @Field(() => MarketplaceCodeEnum, { description: 'The marketplace.' }) marketplace!: MarketplaceCodeEnum;
  @Field(() => Int, { description: 'Requests.' }) count!: number;
}

@ObjectType({
  description: 'How many requests each filter of the returns queue holds, as if added to the chosen ones.',
})
export class ReturnRequestCounts {
  @Field(() => Int, { description: 'Every request matching the chosen filters.' }) total!: number;
  @Field(() => Int, { description: 'In policy.' }) inPolicy!: number;
  @Field(() => Int, { description: 'Out of policy.' }) outOfPolicy!: number;
  @Field(() => Int, { description: 'Authorized, with a deadline in the next 7 days (marketplace time).' })
  dueWithinWeek!: number;
  @Field(() => [ReturnStateCount], { description: 'Per state.' }) byState!: ReturnStateCount[];
  @Field(() => [ReturnReasonCount], { description: 'Per reason.' }) byReason!: ReturnReasonCount[];
  @Field(() => [ReturnMarketplaceCount], { description: 'Per marketplace.' }) byMarketplace!: ReturnMarketplaceCount[];
}
