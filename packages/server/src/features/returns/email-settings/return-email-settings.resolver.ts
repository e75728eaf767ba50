import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Permission } from '../../../auth/permissions.js';
import type { GraphQLContext } from '../../../graphql/context.js';
import { Role } from '../../accounts/accounts.enums.js';
import { ReturnEmailSettings } from './return-email-settings.entity.js';
import { ReturnEmailSettingsInput } from './return-email-settings.types.js';

@Resolver(() => ReturnEmailSettings)
export class ReturnEmailSettingsResolver {
  @Authorized<Permission>(Role.SELLER)
  @Query(() => ReturnEmailSettings, {
    description: 'Your return-request email settings (the defaults until you save).',
  })
  returnEmailSettings(@Ctx() ctx: GraphQLContext): Promise<ReturnEmailSettings> {
    return ctx.services.returnEmailSettings.get(ctx.principal);
  }

  @Authorized<Permission>(Role.SELLER)
  @Mutation(() => ReturnEmailSettings, { description: 'Changes your return-request email settings.' })
  updateReturnEmailSettings(
    @Arg('input', () => ReturnEmailSettingsInput) input: ReturnEmailSettingsInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ReturnEmailSettings> {
    return ctx.services.returnEmailSettings.update(ctx.principal, input);
  }
}
