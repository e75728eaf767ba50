import { RETURN_TEXT_LIMITS, type MarketplaceCode } from '@recertify/domain';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Bounded } from '../../graphql/input-bounds.js';
import { Role } from '../accounts/accounts.enums.js';
import { MarketplaceCodeEnum } from '../marketplaces/marketplace.enums.js';
import { CategoryReturnWindow } from './category-return-window.entity.js';
import {
  categoryReturnWindowsOf,
  removeCategoryReturnWindow,
  setCategoryReturnWindow,
} from './category-return-windows.js';

@InputType({ description: "A category's own return window in a marketplace." })
export class CategoryReturnWindowInput {
  @Field(() => MarketplaceCodeEnum, { description: 'The marketplace.' })
  marketplace!: MarketplaceCodeEnum;
  @Field({ description: 'The category, exactly as order items name it (e.g. Headphones).' })
  @Bounded(RETURN_TEXT_LIMITS.category)
  categoryName!: string;
  @Field(() => Int, { description: 'Days after delivery a return may be requested: 1 to 365.' })
  days!: number;
}

@ArgsType()
export class RemoveCategoryReturnWindowArgs {
  @Field(() => MarketplaceCodeEnum, { description: 'The marketplace.' })
  marketplace!: MarketplaceCodeEnum;
  @Field({ description: 'The category whose own window goes; it gets the policy default again.' })
  @Bounded(RETURN_TEXT_LIMITS.category)
  categoryName!: string;
}

@Resolver(() => CategoryReturnWindow)
export class CategoryReturnWindowsResolver {
  @Authorized(Role.ADMIN)
  @Query(() => [CategoryReturnWindow], {
    description: 'The categories with a return window of their own in a marketplace, by name (admins).',
  })
  categoryReturnWindows(
    @Arg('marketplace', () => MarketplaceCodeEnum) marketplace: MarketplaceCode,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CategoryReturnWindow[]> {
    return categoryReturnWindowsOf(ctx.em, ctx.principal, marketplace);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CategoryReturnWindow, {
    description:
      'Gives a category its own return window in a marketplace, or changes it (admins); requests arriving from then on are judged by it.',
  })
  setCategoryReturnWindow(
    @Arg('input') input: CategoryReturnWindowInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CategoryReturnWindow> {
    return setCategoryReturnWindow(ctx.em, ctx.principal, input, ctx.now());
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CategoryReturnWindow, {
    description:
      "Removes a category's own return window in a marketplace (admins): its requests get the policy default again. NOT_FOUND when it has none.",
  })
  removeCategoryReturnWindow(
    @Args() args: RemoveCategoryReturnWindowArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CategoryReturnWindow> {
    return removeCategoryReturnWindow(ctx.em, ctx.principal, args, ctx.now());
  }
}
