import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ID } from '../../graphql/id.js';
import { approvedMarketplacesOf } from '../applications/approved-marketplaces.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../seeders/demo-accounts.js';
import { OrganizationKind, Role } from './accounts.enums.js';
import { normalizeEmail, type SignedIn } from './accounts.service.js';
import { emailLimiter } from '../../limits/request-limits.js';
import {
  AddOrganizationUserInput,
  AppInfo,
  ConfirmEmailArgs,
  RequestPasswordResetArgs,
  ResetPasswordInput,
  SignInInput,
  SignUpSellerInput,
  Viewer,
} from './accounts.types.js';
import { Organization } from './organization.entity.js';
import { User } from './user.entity.js';

function startSession(ctx: GraphQLContext, signedIn: SignedIn): User {
  ctx.sessionCookie.set(signedIn.sessionToken, signedIn.expiresAt);
  return signedIn.user;
}

/** Anyone can make these mutations email an address: each address gets a few per window (RATE_LIMITED). */
async function countEmailTo(ctx: GraphQLContext, email: string): Promise<void> {
  await emailLimiter(ctx.em, ctx.config.limits).consume(normalizeEmail(email));
}

@Resolver(() => User)
export class AccountsResolver {
  @Query(() => Viewer, { description: 'Who is asking. Works without credentials.' })
  async viewer(@Ctx() ctx: GraphQLContext): Promise<Viewer> {
    const p = ctx.principal;
    const organizationId = p.kind === 'anonymous' ? null : p.organizationId;
    // The principal holds a plain row of the user; the GraphQL type is the entity.
    const [user, organization] = await Promise.all([
      p.kind === 'user' ? ctx.em.findOne(User, { id: p.user.id }) : null,
      organizationId ? ctx.em.findOne(Organization, { id: organizationId }) : null,
    ]);
    const approvedMarketplaces =
      organization?.kind === OrganizationKind.SELLER ? await approvedMarketplacesOf(ctx.em, organization.id) : [];
    return {
      authenticated: p.kind !== 'anonymous',
      user,
      role: p.kind === 'user' ? p.role : null,
      organization,
      apiKey: p.kind === 'apiKey' ? p.apiKey : null,
      scopes: p.kind === 'apiKey' ? [...p.scopes] : [],
      approvedMarketplaces,
    };
  }

  @Query(() => AppInfo, { description: 'Facts about this installation. Works without credentials.' })
  appInfo(@Ctx() ctx: GraphQLContext): AppInfo {
    const embedded = ctx.config.embedded;
    return {
      embedded,
      demoAccounts: embedded ? DEMO_ACCOUNTS.map(({ email, role, description }) => ({ email, role, description })) : [],
      demoPassword: embedded ? DEMO_PASSWORD : null,
    };
  }

  @Authorized(Role.SELLER)
  @Query(() => [User], { description: 'The active users of your seller organization, oldest first.' })
  organizationUsers(@Ctx() ctx: GraphQLContext): Promise<User[]> {
    return ctx.services.accounts.organizationUsers(ctx.principal);
  }

  @Authorized(Role.ADMIN)
  @Query(() => [Organization], { description: 'Organizations of one kind, by name (admins).' })
  organizations(
    @Arg('kind', () => OrganizationKind) kind: OrganizationKind,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Organization[]> {
    return ctx.em.find(Organization, { kind }, { orderBy: { name: 'asc' } });
  }

  @Mutation(() => Boolean, {
    description:
      'Creates a seller organization and its first user, and emails the link that confirms the address and signs in. ' +
      'Always true: an address that has an account gets an email telling its owner instead, so it reveals nothing.',
  })
  async signUpSeller(@Arg('input') input: SignUpSellerInput, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await countEmailTo(ctx, input.email);
    await ctx.services.accounts.signUpSeller(input);
    return true;
  }

  @Mutation(() => User, { description: 'Confirms a new account with the token of the emailed link, and signs in.' })
  async confirmEmail(@Args() { token }: ConfirmEmailArgs, @Ctx() ctx: GraphQLContext): Promise<User> {
    return startSession(ctx, await ctx.services.accounts.confirmEmail({ token, userAgent: ctx.userAgent }));
  }

  @Mutation(() => User, {
    description: 'Signs in with email and password; repeated failures lock the account for a while.',
  })
  async signIn(@Arg('input') input: SignInInput, @Ctx() ctx: GraphQLContext): Promise<User> {
    return startSession(
      ctx,
      await ctx.services.accounts.signIn({ ...input, userAgent: ctx.userAgent, clientAddress: ctx.clientAddress }),
    );
  }

  @Mutation(() => Boolean, { description: 'Signs out this browser. Always true, even when not signed in.' })
  async signOut(@Ctx() ctx: GraphQLContext): Promise<boolean> {
    await ctx.services.accounts.signOut(ctx.principal);
    ctx.sessionCookie.clear();
    return true;
  }

  @Authorized(Role.SELLER, Role.REVIEWER, Role.ADMIN)
  @Mutation(() => Int, { description: 'Signs out every browser of your account; returns how many sessions ended.' })
  async signOutEverywhere(@Ctx() ctx: GraphQLContext): Promise<number> {
    const ended = await ctx.services.accounts.signOutEverywhere(ctx.principal);
    ctx.sessionCookie.clear();
    return ended;
  }

  @Mutation(() => Boolean, {
    description: 'Emails a single-use reset link if the address has an account. Always true, so it reveals nothing.',
  })
  async requestPasswordReset(
    @Args() { email }: RequestPasswordResetArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    await countEmailTo(ctx, email);
    await ctx.services.accounts.requestPasswordReset(email);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Sets a new password with the emailed token and signs out everywhere.' })
  async resetPassword(@Arg('input') input: ResetPasswordInput, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await ctx.services.accounts.resetPassword({ ...input, clientAddress: ctx.clientAddress });
    return true;
  }

  @Authorized(Role.SELLER)
  @Mutation(() => User, { description: 'Adds a colleague to your seller organization; they get an email link.' })
  async addOrganizationUser(@Arg('input') input: AddOrganizationUserInput, @Ctx() ctx: GraphQLContext): Promise<User> {
    await countEmailTo(ctx, input.email);
    return ctx.services.accounts.addOrganizationUser(ctx.principal, input);
  }

  @Authorized(Role.SELLER)
  @Mutation(() => User, { description: 'Removes a colleague: deactivated and signed out everywhere.' })
  removeOrganizationUser(@Arg('userId', () => ID) userId: string, @Ctx() ctx: GraphQLContext): Promise<User> {
    return ctx.services.accounts.removeOrganizationUser(ctx.principal, userId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The seller organization; none for staff.' })
  organization(@Root() user: User): Promise<Organization | null> {
    return user.organization ? user.organization.load() : Promise.resolve(null);
  }
}
