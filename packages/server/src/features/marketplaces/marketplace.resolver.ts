import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { ExchangeRate } from './exchange-rate.entity.js';
import { Marketplace } from './marketplace.entity.js';
import { MarketplaceCodeEnum } from './marketplace.enums.js';
import { PolicyVersion } from './policy-version.entity.js';

@Resolver(() => Marketplace)
export class MarketplaceResolver {
  @Query(() => [Marketplace], { description: 'Every marketplace of the program, US first.' })
  marketplaces(@Ctx() ctx: GraphQLContext): Promise<Marketplace[]> {
    return ctx.services.marketplaces.listMarketplaces();
  }

  @Query(() => Marketplace, { nullable: true, description: 'One marketplace by its code.' })
  marketplace(
    @Arg('code', () => MarketplaceCodeEnum) code: MarketplaceCodeEnum,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Marketplace | null> {
    return ctx.services.marketplaces.findMarketplace(code);
  }

  @Query(() => [ExchangeRate], { description: 'Every dated exchange rate, oldest first.' })
  exchangeRates(@Ctx() ctx: GraphQLContext): Promise<ExchangeRate[]> {
    return ctx.services.marketplaces.exchangeRates();
  }

  @FieldResolver(() => [PolicyVersion], { description: 'Every policy version, newest first.' })
  policyVersions(@Root() marketplace: Marketplace, @Ctx() ctx: GraphQLContext): Promise<PolicyVersion[]> {
    return ctx.services.marketplaces.policyVersions(marketplace);
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
    return ctx.services.marketplaces.policyInForce(marketplace, at ?? ctx.now());
  }
}
