import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../../graphql/context.js';
import { Role } from '../../accounts/accounts.enums.js';
import { EvaluateSellerQualityInput, SellerQualityType } from './seller-quality.types.js';

@Resolver()
export class QualityEvaluationResolver {
  @Authorized(Role.SELLER, Role.REVIEWER, Role.ADMIN)
  @Mutation(() => SellerQualityType, {
    description:
      "Evaluates a seller's quality in a marketplace now, as the daily job does: suppresses and reinstates offers, " +
      'moves GOOD and AT_RISK, keeps the day’s snapshot. Reviewers name any seller; a seller refreshes its own.',
  })
  evaluateSellerQuality(
    @Arg('input', () => EvaluateSellerQualityInput) input: EvaluateSellerQualityInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SellerQualityType> {
    return ctx.services.qualityEvaluation.evaluateNow(ctx.principal, input);
  }
}
