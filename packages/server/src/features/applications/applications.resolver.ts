import { dueStatus, type EligibilityReport } from '@recertify/domain';
import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { ID } from '../../graphql/id.js';
import type { Permission } from '../../auth/permissions.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { Role } from '../accounts/accounts.enums.js';
import { Organization } from '../accounts/organization.entity.js';
import { ApiScope } from '../api-keys/api-key.enums.js';
import { auditTrail } from '../audit/audit.service.js';
import { loadBusinessCalendar } from '../marketplaces/business-calendar.js';
import { PolicyVersion } from '../marketplaces/policy-version.entity.js';
import { Upload } from '../uploads/upload.entity.js';
import { Application, ApplicationImage, Invoice, InvoiceLine, MarketplaceApproval } from './application.entity.js';
import type { ApplicationRow } from './application-row.js';
import {
  ApplicationDraftInput,
  DueStatusType,
  EligibilityReportType,
  StartApplicationInput,
  TimelineEntry,
} from './applications.types.js';
import { MoneyValue } from '../../graphql/money.types.js';
import { ImageViewEnum } from '../marketplaces/marketplace.enums.js';

@ObjectType({ description: 'An uploaded file as an application shows it, with the address to open it.' })
export class FileRef {
  @Field({ description: 'Upload id.' }) id!: string;
  @Field({ description: 'Detected content type.' }) contentType!: string;
  @Field({ description: 'File name as uploaded.' }) originalName!: string;
  @Field({ description: 'Where to open the file (needs the same sign-in).' }) url!: string;
  @Field(() => Int, { nullable: true, description: 'Image width in pixels.' }) width!: number | null;
  @Field(() => Int, { nullable: true, description: 'Image height in pixels.' }) height!: number | null;
}

function fileRef(upload: Upload): FileRef {
  return {
    id: upload.id,
    contentType: upload.contentType,
    originalName: upload.originalName,
    url: `/uploads/${upload.id}`,
    width: upload.width,
    height: upload.height,
  };
}

@ObjectType({ description: 'A reason for a rejection, for one criterion.' })
export class RejectionReason {
  @Field({ description: 'The criterion, e.g. QUALIFYING_PURCHASES.' }) criterion!: string;
  @Field({ description: 'What was wrong, for the seller.' }) reason!: string;
}

@Resolver(() => Application)
export class ApplicationsResolver {
  @Authorized<Permission>(Role.SELLER, ApiScope.READ_APPLICATIONS)
  @Query(() => [Application], { description: "Your organization's applications, newest first." })
  myApplications(@Ctx() ctx: GraphQLContext): Promise<Application[]> {
    return ctx.services.applications.listMine(ctx.principal);
  }

  @Authorized<Permission>(Role.SELLER, ApiScope.READ_APPLICATIONS)
  @Query(() => [MarketplaceApproval], {
    description: 'Marketplaces your organization is approved in (CA may come through US).',
  })
  myMarketplaceApprovals(@Ctx() ctx: GraphQLContext): Promise<MarketplaceApproval[]> {
    return ctx.services.applications.approvals(ctx.principal);
  }

  @Authorized<Permission>(Role.SELLER, Role.REVIEWER, Role.ADMIN, ApiScope.READ_APPLICATIONS)
  @Query(() => Application, { description: "One application: a seller's own, or any for reviewers and admins." })
  application(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Application> {
    return ctx.services.applications.get(ctx.principal, id);
  }

  @Authorized(Role.SELLER)
  @Mutation(() => Application, {
    description: 'Starts a draft in a marketplace; refused where you are approved or have an open application.',
  })
  startApplication(@Arg('input') input: StartApplicationInput, @Ctx() ctx: GraphQLContext): Promise<Application> {
    return ctx.services.applications.start(ctx.principal, input.marketplace);
  }

  @Authorized(Role.SELLER)
  @Mutation(() => Application, { description: 'Saves a draft (incomplete is fine); names every malformed field.' })
  saveApplicationDraft(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int, { description: 'The version you loaded.' }) version: number,
    @Arg('input') input: ApplicationDraftInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Application> {
    return ctx.services.applications.saveDraft(ctx.principal, id, version, input);
  }

  @Authorized(Role.SELLER)
  @Mutation(() => Application, {
    description: 'Submits a draft, or resubmits after NEEDS_INFO; refused with the list of failing hard criteria.',
  })
  submitApplication(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Application> {
    return ctx.services.applications.submit(ctx.principal, id, version);
  }

  @Authorized(Role.SELLER)
  @Mutation(() => Application, {
    description: 'Withdraws a draft, a submitted application, or one that needs information.',
  })
  withdrawApplication(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Application> {
    return ctx.services.applications.withdraw(ctx.principal, id, version);
  }

  @FieldResolver(() => Organization, { description: 'The seller organization.' })
  seller(@Root() application: ApplicationRow): Partial<Organization> | Promise<Partial<Organization>> {
    // Synchronous when the page joined the seller: a promise per row makes GraphQL complete each row asynchronously.
    return application.seller ?? application.organization!.load().then((organization) => organization!);
  }

  @FieldResolver(() => EligibilityReportType, {
    description: 'Eligibility: live for drafts, as computed at submission otherwise.',
  })
  async eligibility(@Root() application: Application, @Ctx() ctx: GraphQLContext): Promise<EligibilityReportType> {
    return toReportType(await ctx.services.applications.eligibility(application));
  }

  @FieldResolver(() => [Invoice], { description: 'Supplier invoices, by date.' })
  async invoices(@Root() application: Application): Promise<Invoice[]> {
    return (await application.invoices.load()).getItems();
  }

  @FieldResolver(() => [ApplicationImage], { description: 'Sample-unit images.' })
  async images(@Root() application: Application): Promise<ApplicationImage[]> {
    return (await application.images.load()).getItems();
  }

  @FieldResolver(() => PolicyVersion, {
    nullable: true,
    description: 'The policy version it is judged by (set at submission).',
  })
  async policyVersion(@Root() application: ApplicationRow): Promise<PolicyVersion | null> {
    return application.policyVersion ? ((await application.policyVersion.load()) ?? null) : null;
  }

  @FieldResolver(() => DueStatusType, {
    nullable: true,
    description: 'Decision due date in business days, while in review.',
  })
  async due(@Root() application: ApplicationRow, @Ctx() ctx: GraphQLContext): Promise<DueStatusType | null> {
    if (!application.dueDate || !['SUBMITTED', 'IN_REVIEW'].includes(application.status)) return null;
    const code = application.marketplace;
    const calendar = await ctx.memo(`calendar:${code}`, () => loadBusinessCalendar(ctx.em, code));
    const status = dueStatus(application.dueDate, ctx.now(), calendar);
    return { dueDate: application.dueDate, ...status };
  }

  @FieldResolver(() => String, { nullable: true, description: 'Name of the reviewer who claimed it (staff only).' })
  async claimedByName(@Root() application: ApplicationRow, @Ctx() ctx: GraphQLContext): Promise<string | null> {
    if (ctx.principal.kind !== 'user' || ctx.principal.role === Role.SELLER || !application.claimedBy) return null;
    return (await application.claimedBy.load())?.displayName ?? null;
  }

  @FieldResolver(() => Boolean, { description: 'Claimed by the signed-in reviewer.' })
  claimedByMe(@Root() application: ApplicationRow, @Ctx() ctx: GraphQLContext): boolean {
    return ctx.principal.kind === 'user' && application.claimedBy?.id === ctx.principal.user.id;
  }

  @FieldResolver(() => [RejectionReason], { description: 'Why it was rejected, per criterion.' })
  rejectionReasons(@Root() application: ApplicationRow): RejectionReason[] {
    return application.rejectionReasons ?? [];
  }

  @FieldResolver(() => [TimelineEntry], { description: 'What happened, oldest first.' })
  async timeline(@Root() application: ApplicationRow, @Ctx() ctx: GraphQLContext): Promise<TimelineEntry[]> {
    const staff = ctx.principal.kind === 'user' && ctx.principal.role !== Role.SELLER;
    const entries = await auditTrail(ctx.em, 'Application', application.id);
    return entries
      .filter((e) => staff || e.action !== 'DRAFT_SAVED')
      .map((e) => ({
        at: e.at,
        action: e.action,
        actor: staff ? e.actorName : e.actorKind === 'USER' && e.actorName?.endsWith('(SELLER)') ? e.actorName : null,
        message: typeof e.data?.['message'] === 'string' ? e.data['message'] : null,
      }));
  }
}

/** The domain report, shaped for GraphQL (rates flattened). */
function toReportType(report: EligibilityReport): EligibilityReportType {
  return {
    ...report,
    criteria: report.criteria.map((c) => ({ ...c, figures: c.figures as unknown as Record<string, unknown> })),
    invoices: report.invoices.map((invoice) => ({
      ...invoice,
      lines: invoice.lines.map((line) => ({
        ...line,
        rate: line.rate
          ? {
              from: line.rate.from,
              to: line.rate.to,
              rate: line.rate.source?.rate ?? null,
              validFrom: line.rate.source?.validFrom ?? null,
              inverted: line.rate.inverted,
            }
          : null,
      })),
    })),
  };
}

@Resolver(() => Invoice)
export class InvoiceResolver {
  @FieldResolver(() => [InvoiceLine], { description: 'Lines in invoice order.' })
  async lines(@Root() invoice: Invoice): Promise<InvoiceLine[]> {
    return (await invoice.lines.load()).getItems();
  }

  @FieldResolver(() => FileRef, { nullable: true, description: 'The uploaded invoice document.' })
  async document(@Root() invoice: Invoice): Promise<FileRef | null> {
    const upload = invoice.document ? await invoice.document.load() : null;
    return upload ? fileRef(upload) : null;
  }
}

@Resolver(() => InvoiceLine)
export class InvoiceLineResolver {
  @FieldResolver(() => MoneyValue, { nullable: true, description: 'Unit selling price.' })
  async unitPrice(@Root() line: InvoiceLine): Promise<MoneyValue | null> {
    return line.unitPriceMinor === null
      ? null
      : new MoneyValue({ amountMinor: line.unitPriceMinor, currency: (await line.invoice.load())!.currency });
  }

  @FieldResolver(() => MoneyValue, { nullable: true, description: 'Line amount; null when blacked out.' })
  async amount(@Root() line: InvoiceLine): Promise<MoneyValue | null> {
    return line.amountMinor === null
      ? null
      : new MoneyValue({ amountMinor: line.amountMinor, currency: (await line.invoice.load())!.currency });
  }
}

@Resolver(() => ApplicationImage)
export class ApplicationImageResolver {
  @FieldResolver(() => ImageViewEnum, { description: 'What the image shows.' })
  view(@Root() image: ApplicationImage): ImageViewEnum {
    return image.view;
  }

  @FieldResolver(() => FileRef, { description: 'The image file.' })
  async file(@Root() image: ApplicationImage): Promise<FileRef> {
    return fileRef((await image.upload.load())!);
  }
}
