import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, Info, Int, Mutation, Query, Resolver } from 'type-graphql';
import { TEXT_LIMITS } from '@recertify/domain';
import { Bounded, Nested } from '../../graphql/input-bounds.js';
import { ID } from '../../graphql/id.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { selectedFields } from '../../graphql/selection.js';
import { Role } from '../accounts/accounts.enums.js';
import { Application } from '../applications/application.entity.js';
import type { ReviewQueuePage } from './review-queue.service.js';
import { DecideApplicationInput, ReviewQueueConnection, ReviewQueueCounts, ReviewQueueFilter } from './review.types.js';

@ArgsType()
class ReviewQueueArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 100 (50 by default).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  @Bounded(TEXT_LIMITS.cursor, 'secret')
  after?: string | null;

  @Field(() => ReviewQueueFilter, { nullable: true, description: 'Filters; they combine.' })
  @Nested()
  filter?: ReviewQueueFilter | null;
}

@Resolver()
export class ReviewResolver {
  @Authorized(Role.REVIEWER, Role.ADMIN)
  @Query(() => ReviewQueueConnection, { description: 'Submitted and claimed applications, oldest due first.' })
  reviewQueue(
    @Args() args: ReviewQueueArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ReviewQueuePage> {
    return ctx.services.reviewQueue.queue(
      ctx.principal,
      args,
      selectedFields(info, ['edges', 'node']),
      selectedFields(info, ['edges', 'node', 'seller']),
    );
  }

  @Authorized(Role.REVIEWER, Role.ADMIN)
  @Query(() => ReviewQueueCounts, { description: 'How many applications each queue filter holds.' })
  reviewQueueCounts(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => ReviewQueueFilter, { nullable: true }) filter?: ReviewQueueFilter | null,
  ): Promise<ReviewQueueCounts> {
    return ctx.services.reviewQueue.counts(ctx.principal, filter ?? {});
  }

  @Authorized(Role.REVIEWER, Role.ADMIN)
  @Mutation(() => Application, { description: 'Claims an application for review; a second reviewer gets CONFLICT.' })
  claimApplication(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Application> {
    return ctx.services.review.claim(ctx.principal, id, version);
  }

  @Authorized(Role.REVIEWER, Role.ADMIN)
  @Mutation(() => Application, { description: 'Puts a claimed application back in the queue.' })
  releaseApplication(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Application> {
    return ctx.services.review.release(ctx.principal, id, version);
  }

  @Authorized(Role.REVIEWER, Role.ADMIN)
  @Mutation(() => Application, {
    description: 'Approves (with or without Apple), rejects (a reason per failed criterion) or asks for information.',
  })
  decideApplication(@Arg('input') input: DecideApplicationInput, @Ctx() ctx: GraphQLContext): Promise<Application> {
    return ctx.services.review.decide(ctx.principal, input);
  }
}
