import { Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Permission } from '../../../auth/permissions.js';
import type { GraphQLContext } from '../../../graphql/context.js';
import { Role } from '../../accounts/accounts.enums.js';
import { ApiScope } from '../../api-keys/api-key.enums.js';
import { ReturnRequest } from '../return-request.entity.js';
import { AttachPrepaidReturnLabelArgs, ReturnDocuments } from './return-labels.types.js';

@Resolver(() => ReturnRequest)
export class ReturnLabelsResolver {
  @Authorized<Permission>(Role.SELLER, ApiScope.WRITE_RETURNS)
  @Mutation(() => ReturnRequest, {
    description:
      'Attaches your own prepaid label (a PDF of 1 to 4 pages, each 2×2 to 8.5×14 in, uploaded with POST /uploads?kind=DOCUMENT) to a requested or authorized return; the buyer gets it instead of the generated unpaid label. Replaces an earlier one.',
  })
  attachPrepaidReturnLabel(
    @Args() args: AttachPrepaidReturnLabelArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ReturnRequest> {
    return ctx.services.returnLabels.attachPrepaidLabel(ctx.principal, args.returnId, args.uploadId);
  }

  @FieldResolver(() => ReturnDocuments, {
    nullable: true,
    description: 'The label and packing slip to download; null until the return is authorized.',
  })
  // The root is typed by what it reads, not as the entity class: type-graphql would otherwise build a
  // ReturnRequest from a queue's plain row through its constructor (a 500 on every row).
  documents(
    @Root() request: Pick<ReturnRequest, 'id' | 'rma'>,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ReturnDocuments | null> {
    return ctx.services.returnLabels.documentsOf(request);
  }
}
