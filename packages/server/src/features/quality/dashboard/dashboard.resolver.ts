import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Connection } from '../../../db/pagination.js';
import type { GraphQLContext } from '../../../graphql/context.js';
import { DASHBOARD_READERS, type ComplaintRow, type OrderRow } from './dashboard.service.js';
import { dashboardType, offerConnectionType } from './dashboard.mapper.js';
import {
  QualityComplaintConnection,
  QualityDashboard,
  QualityDrillDownArgs,
  QualityOfferConnection,
  QualityOrderConnection,
  QualityOffersArgs,
  QualityScopeArgs,
  type QualityOffer,
} from './dashboard.types.js';

@Resolver()
export class QualityDashboardResolver {
  @Authorized(...DASHBOARD_READERS)
  @Query(() => QualityDashboard, {
    description:
      "A seller's RQS, ODR and rating against the policy in force, the 90-day trend and the complaints. Sellers and read:quality keys read their own; reviewers name the seller. NOT_APPROVED for a seller not approved in the marketplace.",
  })
  async qualityDashboard(@Args() args: QualityScopeArgs, @Ctx() ctx: GraphQLContext): Promise<QualityDashboard> {
    return dashboardType(await ctx.services.qualityDashboard.dashboard(ctx.principal, args));
  }

  @Authorized(...DASHBOARD_READERS)
  @Query(() => QualityOfferConnection, {
    description: "The seller's offers with their RQS over the window, worst first; `search` matches SKU or product.",
  })
  async qualityOffers(@Args() args: QualityOffersArgs, @Ctx() ctx: GraphQLContext): Promise<Connection<QualityOffer>> {
    return offerConnectionType(await ctx.services.qualityDashboard.offers(ctx.principal, args));
  }

  @Authorized(...DASHBOARD_READERS)
  @Query(() => QualityOrderConnection, {
    description: 'The orders behind a figure (the seller, or one offer), in its window, oldest first.',
  })
  qualityOrders(@Args() args: QualityDrillDownArgs, @Ctx() ctx: GraphQLContext): Promise<Connection<OrderRow>> {
    return ctx.services.qualityDashboard.orders(ctx.principal, args);
  }

  @Authorized(...DASHBOARD_READERS)
  @Query(() => QualityComplaintConnection, {
    description:
      'The complaints behind RQS (the seller, or one offer), in the window by order day; invalidated ones too unless `defectiveOnly`.',
  })
  qualityComplaints(@Args() args: QualityDrillDownArgs, @Ctx() ctx: GraphQLContext): Promise<Connection<ComplaintRow>> {
    return ctx.services.qualityDashboard.complaints(ctx.principal, args);
  }
}
