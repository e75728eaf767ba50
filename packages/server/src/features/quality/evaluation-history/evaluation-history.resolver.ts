import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Connection } from '../../../db/pagination.js';
import type { GraphQLContext } from '../../../graphql/context.js';
import { QualityDashboard } from '../dashboard/dashboard.types.js';
import {
  EvaluationHistoryArgs,
  QualityEvaluationConnection,
  type QualityEvaluationType,
} from './evaluation-history.types.js';

/**
 * The evaluation history hangs off the dashboard: whoever may read a seller's dashboard (the
 * seller, its read:quality keys, staff) reads its history, and the dashboard's checks (approval,
 * whose seller) have already run.
 */
@Resolver(() => QualityDashboard)
export class EvaluationHistoryResolver {
  @FieldResolver(() => QualityEvaluationConnection, {
    description:
      "The seller's daily evaluations in this marketplace, newest first: the standing each left and the figures it judged.",
  })
  evaluations(
    @Root() dashboard: QualityDashboard,
    @Args() args: EvaluationHistoryArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Connection<QualityEvaluationType>> {
    return ctx.services.evaluationHistory.list(dashboard.seller.id, dashboard.marketplace, args);
  }
}
