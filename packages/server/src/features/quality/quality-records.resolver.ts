import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Permission } from '../../auth/permissions.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { Role } from '../accounts/accounts.enums.js';
import { ApiScope } from '../api-keys/api-key.enums.js';
import { Complaint } from './complaint.entity.js';
import {
  InvalidateComplaintInput,
  UpsertComplaintInput,
  UpsertComplaintPayload,
  UpsertOfferInput,
  UpsertOfferPayload,
  UpsertOrderDefectInput,
  UpsertOrderDefectPayload,
  UpsertOrderInput,
  UpsertOrderPayload,
  UpsertProductRatingInput,
  UpsertProductRatingPayload,
} from './quality-records.types.js';

const INGEST = 'Needs an API key with ingest:marketplace-data. Idempotent on (marketplace, externalId).';

@Resolver()
export class QualityRecordsResolver {
  @Authorized<Permission>(ApiScope.INGEST_MARKETPLACE_DATA)
  @Mutation(() => UpsertOfferPayload, { description: `Creates or updates an offer. ${INGEST}` })
  async upsertOffer(@Arg('input') input: UpsertOfferInput, @Ctx() ctx: GraphQLContext): Promise<UpsertOfferPayload> {
    const { outcome, record } = await ctx.services.qualityRecords.upsertOffer(ctx.principal, input);
    return { outcome, offer: record };
  }

  @Authorized<Permission>(ApiScope.INGEST_MARKETPLACE_DATA)
  @Mutation(() => UpsertOrderPayload, { description: `Creates or updates an order. ${INGEST}` })
  async upsertOrder(@Arg('input') input: UpsertOrderInput, @Ctx() ctx: GraphQLContext): Promise<UpsertOrderPayload> {
    const { outcome, record } = await ctx.services.qualityRecords.upsertOrder(ctx.principal, input);
    return { outcome, order: record };
  }

  @Authorized<Permission>(ApiScope.INGEST_MARKETPLACE_DATA)
  @Mutation(() => UpsertOrderDefectPayload, {
    description: `Creates or updates a negative feedback, A-to-z claim or chargeback on an order. ${INGEST}`,
  })
  async upsertOrderDefect(
    @Arg('input') input: UpsertOrderDefectInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UpsertOrderDefectPayload> {
    const { outcome, record } = await ctx.services.qualityRecords.upsertOrderDefect(ctx.principal, input);
    return { outcome, orderDefect: record };
  }

  @Authorized<Permission>(ApiScope.INGEST_MARKETPLACE_DATA)
  @Mutation(() => UpsertComplaintPayload, { description: `Creates or updates a complaint about an order. ${INGEST}` })
  async upsertComplaint(
    @Arg('input') input: UpsertComplaintInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UpsertComplaintPayload> {
    const { outcome, record } = await ctx.services.qualityRecords.upsertComplaint(ctx.principal, input);
    return { outcome, complaint: record };
  }

  @Authorized<Permission>(ApiScope.INGEST_MARKETPLACE_DATA)
  @Mutation(() => UpsertProductRatingPayload, { description: `Creates or updates a product rating. ${INGEST}` })
  async upsertProductRating(
    @Arg('input') input: UpsertProductRatingInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UpsertProductRatingPayload> {
    const { outcome, record } = await ctx.services.qualityRecords.upsertProductRating(ctx.principal, input);
    return { outcome, productRating: record };
  }

  @Authorized(Role.REVIEWER)
  @Mutation(() => Complaint, {
    description:
      'A reviewer takes a complaint out of the figures, with a reason (audited); a second time is refused (CONFLICT).',
  })
  invalidateComplaint(@Arg('input') input: InvalidateComplaintInput, @Ctx() ctx: GraphQLContext): Promise<Complaint> {
    return ctx.services.qualityRecords.invalidateComplaint(ctx.principal, input);
  }
}
