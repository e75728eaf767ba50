import { DECISIONS, LIST_LIMITS, TEXT_LIMITS, type Decision } from '@recertify/domain';
import { graphqlEnum } from '../../graphql/enums.js';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { Bounded, BoundedList } from '../../graphql/input-bounds.js';
import { ID } from '../../graphql/id.js';
import { createConnectionType } from '../../graphql/connection.js';
import { Application } from '../applications/application.entity.js';
import { ApplicationStatusEnum } from '../applications/applications.enums.js';
import { MarketplaceCodeEnum } from '../marketplaces/marketplace.enums.js';

const DUE_FILTERS = ['OVERDUE', 'DUE_TODAY', 'DUE_THIS_WEEK'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];
export const DueFilter = graphqlEnum(DUE_FILTERS, {
  name: 'DueFilter',
  description: 'Decision due dates, in each marketplace’s time zone.',
  valuesConfig: {
    OVERDUE: { description: 'Past the due date.' },
    DUE_TODAY: { description: 'Due today.' },
    DUE_THIS_WEEK: { description: 'Due from today to Sunday of this week.' },
  },
});

export const DecisionEnum = graphqlEnum(DECISIONS, {
  name: 'Decision',
  description: "A reviewer's decision on an application.",
});
/** The domain's Decision; the const above is the same values as a GraphQL enum. */
export type DecisionEnum = Decision;

@InputType({ description: 'Narrows the review queue; filters combine.' })
export class ReviewQueueFilter {
  @Field(() => MarketplaceCodeEnum, { nullable: true, description: 'Only this marketplace.' })
  marketplace?: MarketplaceCodeEnum | null;

  @Field(() => ApplicationStatusEnum, { nullable: true, description: 'SUBMITTED (unclaimed) or IN_REVIEW.' })
  status?: ApplicationStatusEnum | null;

  @Field(() => DueFilter, { nullable: true, description: 'By due date.' })
  due?: DueFilter | null;

  @Field(() => Boolean, { nullable: true, description: 'Only applications asking for Apple-brand approval.' })
  appleRequested?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only applications with failing or to-review checks.' })
  failedChecks?: boolean | null;
}

export const ReviewQueueConnection = createConnectionType(Application, 'ReviewQueue', {
  cappedCount: {
    totalCountDeprecation:
      'Use count: it stops at a cap (REVIEW_QUEUE_COUNT_CAP, 10,000 by default) and says so; totalCount reads every matching application.',
  },
});

@ObjectType({ description: 'How many applications of the queue each filter holds.' })
export class MarketplaceCount {
  @Field(() => MarketplaceCodeEnum, { description: 'The marketplace.' }) marketplace!: MarketplaceCodeEnum;
  @Field(() => Int, { description: 'Applications in the queue.' }) count!: number;
}

@ObjectType({ description: 'Counts of the review queue per filter, for the filter bar.' })
export class ReviewQueueCounts {
  @Field(() => Int, { description: 'Every application in the queue.' }) total!: number;
  @Field(() => Int, { description: 'Not claimed yet.' }) submitted!: number;
  @Field(() => Int, { description: 'Claimed by a reviewer.' }) inReview!: number;
  @Field(() => Int, { description: 'Past the due date.' }) overdue!: number;
  @Field(() => Int, { description: 'Due today.' }) dueToday!: number;
  @Field(() => Int, { description: 'Due this week.' }) dueThisWeek!: number;
  @Field(() => Int, { description: 'Asking for Apple-brand approval.' }) appleRequested!: number;
  @Field(() => Int, { description: 'With failing or to-review checks.' }) failedChecks!: number;
  @Field(() => [MarketplaceCount], { description: 'Per marketplace.' }) byMarketplace!: MarketplaceCount[];
}

@InputType({ description: 'A reason for rejecting, for one criterion.' })
export class RejectionReasonInput {
  @Field({ description: 'The criterion, e.g. QUALIFYING_PURCHASES.' })
  @Bounded(TEXT_LIMITS.criterion)
  criterion!: string;
  @Field({ description: 'What is wrong, in words for the seller.' })
  @Bounded(TEXT_LIMITS.rejectionReason, 'text')
  reason!: string;
}

@InputType({ description: 'A decision on a claimed application.' })
export class DecideApplicationInput {
  @Field(() => ID, { description: 'The application.' }) id!: string;
  @Field(() => Int, { description: 'The version you reviewed (optimistic locking).' }) version!: number;
  @Field(() => DecisionEnum, { description: 'Approve, reject, or ask for information.' }) decision!: DecisionEnum;
  @Field(() => Boolean, { nullable: true, description: 'APPROVE: also approve Apple-brand products (when asked).' })
  appleApproved?: boolean | null;
  @Field(() => [RejectionReasonInput], { nullable: true, description: 'REJECT: a reason per failed criterion.' })
  @BoundedList(LIST_LIMITS.rejectionReasons)
  reasons?: RejectionReasonInput[] | null;
  @Field(() => String, { nullable: true, description: 'NEEDS_INFO: what the seller must provide or fix.' })
  @Bounded(TEXT_LIMITS.decisionMessage, 'text')
  message?: string | null;
}
