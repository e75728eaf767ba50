import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { ExchangeRate } from './exchange-rate.entity.js';
import { Marketplace } from './marketplace.entity.js';
import { MarketplaceCodeEnum } from './marketplace.enums.js';
import { MarketplaceService } from './marketplace.service.js';
import { PolicyVersion } from './policy-version.entity.js';

@Resolver(() => Marketplace)
export class MarketplaceResolver {
  @Query(() => [Marketplace], { description: 'Every marketplace of the program, US first.' })
  marketplaces(@Ctx() ctx: GraphQLContext): Promise<Marketplace[]> {
    return new MarketplaceService(ctx.em).listMarketplaces();
  }

  @Query(() => Marketplace, { nullable: true, description: 'One marketplace by its code.' })
  marketplace(
    @Arg('code', () => MarketplaceCodeEnum) code: MarketplaceCodeEnum,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Marketplace | null> {
    return new MarketplaceService(ctx.em).findMarketplace(code);
  }

  @Query(() => [ExchangeRate], { description: 'Every dated exchange rate, oldest first.' })
  exchangeRates(@Ctx() ctx: GraphQLContext): Promise<ExchangeRate[]> {
    return new MarketplaceService(ctx.em).exchangeRates();
  }

  @FieldResolver(() => [PolicyVersion], { description: 'Every policy version, newest first.' })
  policyVersions(@Root() marketplace: Marketplace, @Ctx() ctx: GraphQLContext): Promise<PolicyVersion[]> {
    return new MarketplaceService(ctx.em).policyVersions(marketplace);
  }

  @FieldResolver(() => PolicyVersion, {
    nullable: true,
    description: 'The policy version in force at the given time (now by default); null before the first version.',
  })
  policyInForce(
    @Root() marketplace: Marketplace,
    @Ctx() ctx: GraphQLContext,
    @Arg('at', () => Date, { nullable: true }) at?: Date | null,
  ): Promise<PolicyVersion | null> {
    return new MarketplaceService(ctx.em).policyInForce(marketplace, at ?? ctx.now());
  }
}
