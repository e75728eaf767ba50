import { TEXT_LIMITS } from '@recertify/domain';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Connection } from '../../db/pagination.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { Bounded, Nested } from '../../graphql/input-bounds.js';
import { Role } from '../accounts/accounts.enums.js';
import { SellerQualityType } from '../quality/evaluation/seller-quality.types.js';
import {
  SellerHealthConnection,
  SellerHealthFilter,
  SellerHealthSort,
  SellerStandingChangeInput,
} from './seller-health.types.js';

@ArgsType()
class SellerHealthArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 100 (50 by default).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  @Bounded(TEXT_LIMITS.cursor, 'secret')
  after?: string | null;

  @Field(() => SellerHealthSort, { nullable: true, description: 'The order, worst first (RQS by default).' })
  sort?: SellerHealthSort | null;

  @Field(() => SellerHealthFilter, { nullable: true, description: 'Filters; they combine.' })
  @Nested()
  filter?: SellerHealthFilter | null;
}

@Resolver()
export class SellerHealthResolver {
  @Authorized(Role.REVIEWER, Role.ADMIN)
  @Query(() => SellerHealthConnection, {
    description: 'Sellers at risk or suspended, per marketplace, with the figures of their latest evaluation.',
  })
  sellerHealth(@Args() args: SellerHealthArgs, @Ctx() ctx: GraphQLContext): Promise<Connection<SellerQualityType>> {
    return ctx.services.sellerHealth.list(ctx.principal, args);
  }

  @Authorized(Role.REVIEWER, Role.ADMIN)
  @Mutation(() => SellerQualityType, {
    description:
      'Suspends a seller in a marketplace, with a reason: its offers there go off sale and it is emailed. ' +
      'A seller already suspended is refused (CONFLICT, reason INVALID_TRANSITION).',
  })
  suspendSeller(
    @Arg('input', () => SellerStandingChangeInput) input: SellerStandingChangeInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SellerQualityType> {
    return ctx.services.sellerHealth.suspend(ctx.principal, input);
  }

  @Authorized(Role.REVIEWER, Role.ADMIN)
  @Mutation(() => SellerQualityType, {
    description:
      'Lifts a suspension, with a reason: the seller returns to GOOD or AT_RISK as its figures say, and its offers ' +
      'that meet the offer RQS come back on sale. A seller not suspended is refused (CONFLICT, reason INVALID_TRANSITION).',
  })
  reinstateSeller(
    @Arg('input', () => SellerStandingChangeInput) input: SellerStandingChangeInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SellerQualityType> {
    return ctx.services.sellerHealth.reinstate(ctx.principal, input);
  }
}
