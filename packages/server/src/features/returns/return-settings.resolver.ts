import type { SellerType } from '@recertify/domain';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { SellerTypeEnum } from '../applications/applications.enums.js';
import { sellerTypeIn } from './return-policy-context.js';
import { ReturnSettingsRecord } from './return-settings.entity.js';

@Resolver(() => ReturnSettingsRecord)
export class ReturnSettingsResolver {
  @FieldResolver(() => SellerTypeEnum, {
    description:
      "The seller type the settings are applied with: the seller's newest application in the marketplace (INDIVIDUAL when it never said). PROFESSIONAL in-policy requests are always automatic.",
  })
  sellerType(
    @Root() settings: Pick<ReturnSettingsRecord, 'organization' | 'marketplace'>,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SellerType> {
    return sellerTypeIn(ctx.em, settings.organization.id, settings.marketplace);
  }
}
