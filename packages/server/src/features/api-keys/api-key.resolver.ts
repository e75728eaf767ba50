import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ID } from '../../graphql/id.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { Role } from '../accounts/accounts.enums.js';
import { Organization } from '../accounts/organization.entity.js';
import { ApiKey } from './api-key.entity.js';
import { CreateApiKeyInput, CreatedApiKey } from './api-key.types.js';

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Authorized(Role.SELLER, Role.ADMIN)
  @Query(() => [ApiKey], {
    description: "API keys, newest first: a seller's own organization's, or (admins) those of organizationId.",
  })
  apiKeys(
    @Ctx() ctx: GraphQLContext,
    @Arg('organizationId', () => ID, { nullable: true }) organizationId?: string | null,
  ): Promise<ApiKey[]> {
    return ctx.services.apiKeys.list(ctx.principal, organizationId);
  }

  @Authorized(Role.SELLER, Role.ADMIN)
  @Mutation(() => CreatedApiKey, { description: 'Creates an API key; the secret is in the answer, only this once.' })
  createApiKey(@Arg('input') input: CreateApiKeyInput, @Ctx() ctx: GraphQLContext): Promise<CreatedApiKey> {
    return ctx.services.apiKeys.create(ctx.principal, input);
  }

  @Authorized(Role.SELLER, Role.ADMIN)
  @Mutation(() => ApiKey, { description: 'Revokes an API key at once; revoking twice changes nothing.' })
  revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ApiKey> {
    return ctx.services.apiKeys.revoke(ctx.principal, id);
  }

  @FieldResolver(() => Organization, { description: 'The organization the key acts for.' })
  organization(@Root() apiKey: ApiKey): Promise<Organization> {
    return apiKey.organization.load().then((organization) => organization!);
  }
}
