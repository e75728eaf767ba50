import {
  allowedReturnEvents,
  localDateOf,
  MARKETPLACES,
  RETURN_REASON_LABELS,
  type ReturnEvent,
} from '@recertify/domain';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { publicErrorOf } from '../../errors/public-error.js';
import type { BulkReturnOutcome } from './bulk-returns.js';
import type { Permission } from '../../auth/permissions.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { ID } from '../../graphql/id.js';
import { selectedFields } from '../../graphql/selection.js';
import { Role } from '../accounts/accounts.enums.js';
import { Organization } from '../accounts/organization.entity.js';
import { ApiScope } from '../api-keys/api-key.enums.js';
import { ReturnAddress } from './return-address.entity.js';
import { ReturnMessage } from './return-message.entity.js';
import { ReturnRequest } from './return-request.entity.js';
import type { ReturnQueuePage } from './return-queue.service.js';
import { ReturnEventEnum } from './returns.enums.js';
import { ReturnSettingsRecord } from './return-settings.entity.js';
import { MarketplaceCodeEnum } from '../marketplaces/marketplace.enums.js';
import type { MarketplaceCode } from '@recertify/domain';
import {
  removeReturnAddress,
  returnAddressesOf,
  returnSettingsOf,
  saveReturnAddress,
  setDefaultReturnAddress,
  updateReturnSettings,
} from './return-settings.js';
import {
  AuthorizeReturnInput,
  BulkAuthorizeReturnsArgs,
  BulkCloseReturnsArgs,
  BulkReturnResult,
  CloseReturnInput,
  ReceiveReturnRequestInput,
  ReplyToBuyerInput,
  ReturnRequestConnection,
  ReturnRequestCounts,
  ReturnRequestCountsArgs,
  ReturnRequestsArgs,
  ReturnSettingsInput,
  SaveReturnAddressInput,
} from './returns.types.js';

/*
 * Field resolvers take `Pick<ReturnRequest, ...>` roots: queue rows are plain objects, and a class-typed
 * @Root would make type-graphql construct a ReturnRequest from each.
 */
@Resolver(() => ReturnRequest)
export class ReturnsResolver {
  @Authorized<Permission>(Role.SELLER, ApiScope.READ_RETURNS)
  @Query(() => ReturnRequestConnection, {
    description: 'Your return requests (the returns queue), newest first unless sorted otherwise; keyset-paged.',
  })
  returnRequests(
    @Args() args: ReturnRequestsArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ReturnQueuePage> {
    // Only the columns the selected fields read (return-queue.service.ts).
    return ctx.services.returnQueue.list(ctx.principal, args, selectedFields(info, ['edges', 'node']));
  }

  @Authorized<Permission>(Role.SELLER, ApiScope.READ_RETURNS)
  @Query(() => ReturnRequestCounts, { description: 'How many return requests each queue filter holds.' })
  returnRequestCounts(@Args() args: ReturnRequestCountsArgs, @Ctx() ctx: GraphQLContext): Promise<ReturnRequestCounts> {
    return ctx.services.returnQueue.counts(ctx.principal, args.filter ?? {}, args.search);
  }

  @Authorized<Permission>(Role.SELLER, ApiScope.READ_RETURNS)
  @Query(() => ReturnRequest, { description: 'One of your return requests.' })
  returnRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ReturnRequest> {
    return ctx.services.returns.get(ctx.principal, id);
  }

  @Authorized<Permission>(ApiScope.INGEST_MARKETPLACE_DATA)
  @Mutation(() => ReturnRequest, {
    description:
      "A buyer's return request arrives from the marketplace's systems: judged, authorized when automatic, the seller emailed. Idempotent on externalId.",
  })
  receiveReturnRequest(
    @Arg('input') input: ReceiveReturnRequestInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ReturnRequest> {
    return ctx.services.returns.receive(ctx.principal, {
      ...input,
      orderDeliveredAt: input.orderDeliveredAt ?? null,
    });
  }

  @Authorized<Permission>(Role.SELLER, ApiScope.WRITE_RETURNS)
  @Mutation(() => ReturnRequest, {
    description:
      'Authorizes a requested return with a generated RMA or your own, to a return address; the buyer is emailed.',
  })
  authorizeReturn(@Arg('input') input: AuthorizeReturnInput, @Ctx() ctx: GraphQLContext): Promise<ReturnRequest> {
    return ctx.services.returns.authorize(ctx.principal, input);
  }

  @Authorized<Permission>(Role.SELLER, ApiScope.WRITE_RETURNS)
  @Mutation(() => ReturnRequest, {
    description: 'Closes a return with a reason; an authorized one only as NOT_RETURNED after its deadline.',
  })
  closeReturn(@Arg('input') input: CloseReturnInput, @Ctx() ctx: GraphQLContext): Promise<ReturnRequest> {
    return ctx.services.returns.close(ctx.principal, input);
  }

  @Authorized<Permission>(Role.SELLER, ApiScope.WRITE_RETURNS)
  @Mutation(() => ReturnRequest, { description: "Replies to the buyer: joins the return's thread and is emailed." })
  replyToBuyer(@Arg('input') input: ReplyToBuyerInput, @Ctx() ctx: GraphQLContext): Promise<ReturnRequest> {
    return ctx.services.returns.reply(ctx.principal, input);
  }

  @Authorized<Permission>(Role.SELLER, ApiScope.WRITE_RETURNS)
  @Mutation(() => [BulkReturnResult], {
    description:
      'Authorizes up to 1,000 requests with generated RMAs to the default address; each succeeds or reports its own error. Repeating it changes nothing and answers the same.',
  })
  async bulkAuthorizeReturns(
    @Args() args: BulkAuthorizeReturnsArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BulkReturnResult[]> {
    return (await ctx.services.returns.bulkAuthorize(ctx.principal, args.ids)).map(bulkResult);
  }

  @Authorized<Permission>(Role.SELLER, ApiScope.WRITE_RETURNS)
  @Mutation(() => [BulkReturnResult], {
    description:
      'Closes up to 1,000 requests with one reason; each succeeds or reports its own error. Repeating it changes nothing and answers the same.',
  })
  async bulkCloseReturns(@Args() args: BulkCloseReturnsArgs, @Ctx() ctx: GraphQLContext): Promise<BulkReturnResult[]> {
    return (await ctx.services.returns.bulkClose(ctx.principal, args)).map(bulkResult);
  }

  @Authorized<Permission>(Role.SELLER, ApiScope.READ_RETURNS)
  @Query(() => ReturnSettingsRecord, {
    description: 'Your return settings in a marketplace (the defaults until saved).',
  })
  returnSettings(
    @Arg('marketplace', () => MarketplaceCodeEnum) marketplace: MarketplaceCode,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ReturnSettingsRecord> {
    return returnSettingsOf(ctx.em, ctx.principal, marketplace);
  }

  @Authorized<Permission>(Role.SELLER, ApiScope.WRITE_RETURNS)
  @Mutation(() => ReturnSettingsRecord, { description: 'Saves your return settings in a marketplace.' })
  updateReturnSettings(
    @Arg('input') input: ReturnSettingsInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ReturnSettingsRecord> {
    return updateReturnSettings(ctx.em, ctx.principal, input, ctx.now());
  }

  @Authorized<Permission>(Role.SELLER, ApiScope.READ_RETURNS)
  @Query(() => [ReturnAddress], { description: 'Your saved return addresses, the default first.' })
  returnAddresses(@Ctx() ctx: GraphQLContext): Promise<ReturnAddress[]> {
    return returnAddressesOf(ctx.em, ctx.principal);
  }

  @Authorized<Permission>(Role.SELLER, ApiScope.WRITE_RETURNS)
  @Mutation(() => ReturnAddress, { description: 'Saves a new return address.' })
  saveReturnAddress(@Arg('input') input: SaveReturnAddressInput, @Ctx() ctx: GraphQLContext): Promise<ReturnAddress> {
    return saveReturnAddress(ctx.em, ctx.principal, input);
  }

  @Authorized<Permission>(Role.SELLER, ApiScope.WRITE_RETURNS)
  @Mutation(() => ReturnAddress, {
    description: 'Makes one of your saved return addresses the default (used when no other is chosen).',
  })
  setDefaultReturnAddress(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ReturnAddress> {
    return setDefaultReturnAddress(ctx.em, ctx.principal, id, ctx.now());
  }

  @Authorized<Permission>(Role.SELLER, ApiScope.WRITE_RETURNS)
  @Mutation(() => ReturnAddress, {
    description:
      'Removes a saved return address from your list (returns already sent to it keep it). Not the default: CONFLICT.',
  })
  removeReturnAddress(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ReturnAddress> {
    return removeReturnAddress(ctx.em, ctx.principal, id, ctx.now());
  }

  @FieldResolver(() => Organization, { description: 'The seller the request is addressed to.' })
  seller(@Root() request: Pick<ReturnRequest, 'organization'>): Promise<Organization> {
    return request.organization.load().then((organization) => organization!);
  }

  @FieldResolver(() => String, { description: "The buyer's reason in words." })
  reasonLabel(@Root() request: Pick<ReturnRequest, 'reasonCode'>): string {
    return RETURN_REASON_LABELS[request.reasonCode];
  }

  @FieldResolver(() => ReturnAddress, {
    nullable: true,
    description: 'Where the item goes back; set on authorization.',
  })
  async returnAddress(@Root() request: Pick<ReturnRequest, 'returnAddress'>): Promise<ReturnAddress | null> {
    return (await request.returnAddress?.load()) ?? null;
  }

  @FieldResolver(() => [ReturnMessage], { description: 'The thread with the buyer, oldest first.' })
  messages(@Root() request: Pick<ReturnRequest, 'id'>, @Ctx() ctx: GraphQLContext): Promise<ReturnMessage[]> {
    return ctx.services.returns.messagesOf(request.id);
  }

  @FieldResolver(() => [ReturnEventEnum], {
    description: 'What may happen to it now (deadline-bound events only once the deadline has passed).',
  })
  allowedEvents(
    @Root() request: Pick<ReturnRequest, 'marketplace' | 'status' | 'deadline'>,
    @Ctx() ctx: GraphQLContext,
  ): ReturnEvent[] {
    const today = localDateOf(ctx.now(), MARKETPLACES[request.marketplace].timeZone);
    return allowedReturnEvents(request.status, { today, deadline: request.deadline });
  }
}

/** A bulk outcome in the API's words: the error through the one public mapping. */
function bulkResult(outcome: BulkReturnOutcome): BulkReturnResult {
  const refusal = outcome.error ? publicErrorOf(outcome.error) : null;
  return {
    id: outcome.id,
    ok: outcome.error === null,
    returnRequest: outcome.request,
    error: refusal
      ? {
          code: refusal.code,
          message: refusal.message,
          reason: refusal.extensions.reason ?? null,
          field: refusal.extensions.field ?? refusal.extensions.fields?.[0]?.field ?? null,
        }
      : null,
  };
}
