import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../../graphql/enums.js';
import { Bounded, BoundedList } from '../../graphql/input-bounds.js';
import { ID } from '../../graphql/id.js';
import { CRITERION_STATUSES, LIST_LIMITS, TEXT_LIMITS, type CriterionStatus, type Money } from '@recertify/domain';
import { CurrencyCodeEnum, MoneyValue } from '../../graphql/money.types.js';
import { ImageViewEnum, MarketplaceCodeEnum } from '../marketplaces/marketplace.enums.js';
import { RefurbisherEnum, SellerTypeEnum } from './applications.enums.js';

export const CriterionStatusEnum = graphqlEnum(CRITERION_STATUSES, {
  name: 'CriterionStatus',
  description: 'Outcome of one eligibility criterion.',
});
/** The domain's CriterionStatus; the const above is the same values as a GraphQL enum. */
export type CriterionStatusEnum = CriterionStatus;

@InputType({ description: 'A line of an invoice. Amounts are decimal strings in the invoice currency, e.g. "129.99".' })
export class InvoiceLineInput {
  @Field({ description: 'Item description.' })
  @Bounded(TEXT_LIMITS.lineDescription)
  description!: string;

  @Field({ description: 'Brand of the item, e.g. "Apple".' })
  @Bounded(TEXT_LIMITS.brand)
  brand!: string;

  @Field(() => String, { nullable: true, description: 'Unit selling price, e.g. "129.99".' })
  @Bounded(TEXT_LIMITS.amount)
  unitPrice?: string | null;

  @Field(() => Int, { nullable: true, description: 'Quantity; null when blacked out on the invoice.' })
  quantity?: number | null;

  @Field(() => String, { nullable: true, description: 'Line amount; null when blacked out on the invoice.' })
  @Bounded(TEXT_LIMITS.amount)
  amount?: string | null;
}

@InputType({ description: 'A supplier invoice with its uploaded document and lines.' })
export class InvoiceInput {
  @Field({ description: 'Supplier name.' })
  @Bounded(TEXT_LIMITS.supplier)
  supplier!: string;

  @Field({ description: 'Invoice number.' })
  @Bounded(TEXT_LIMITS.invoiceNumber)
  invoiceNumber!: string;

  @Field({ description: 'Invoice date, YYYY-MM-DD.' })
  @Bounded(TEXT_LIMITS.date)
  date!: string;

  @Field(() => CurrencyCodeEnum, { description: 'Currency of the amounts.' })
  currency!: CurrencyCodeEnum;

  @Field(() => ID, { nullable: true, description: 'The uploaded document (POST /uploads?kind=DOCUMENT).' })
  documentUploadId?: string | null;

  @Field(() => [InvoiceLineInput], { description: 'The lines of the invoice.' })
  @BoundedList(LIST_LIMITS.invoiceLines)
  lines!: InvoiceLineInput[];
}

@InputType({ description: 'A sample-unit image and the view it shows.' })
export class ApplicationImageInput {
  @Field(() => ID, { description: 'The uploaded image (POST /uploads?kind=IMAGE).' })
  uploadId!: string;

  @Field(() => ImageViewEnum, { description: 'What the image shows.' })
  view!: ImageViewEnum;
}

@InputType({ description: 'The whole content of a draft; saving replaces what was saved before. May be incomplete.' })
export class ApplicationDraftInput {
  @Field({ nullable: true }) @Bounded(TEXT_LIMITS.businessName) legalName?: string;
  @Field({ nullable: true }) @Bounded(TEXT_LIMITS.personName) contactName?: string;
  @Field({ nullable: true }) @Bounded(TEXT_LIMITS.email) contactEmail?: string;
  @Field(() => SellerTypeEnum, { nullable: true }) sellerType?: SellerTypeEnum | null;
  @Field({ nullable: true }) existingSeller?: boolean;
  @Field(() => RefurbisherEnum, { nullable: true }) refurbisher?: RefurbisherEnum | null;
  @Field(() => String, { nullable: true }) @Bounded(TEXT_LIMITS.businessName) refurbisherName?: string | null;
  @Field({ nullable: true }) inspectionAttested?: boolean;
  @Field(() => [String], { nullable: true })
  @BoundedList(LIST_LIMITS.categories, { max: TEXT_LIMITS.category })
  categories?: string[];
  @Field(() => [String], { nullable: true })
  @BoundedList(LIST_LIMITS.brands, { max: TEXT_LIMITS.brand })
  brands?: string[];
  @Field({ nullable: true }) appleRequested?: boolean;
  @Field({ nullable: true }) productsHaveScreen?: boolean;
  @Field({ nullable: true }) guaranteeAccepted?: boolean;
  @Field(() => Int, { nullable: true }) warrantyDays?: number | null;
  @Field({ nullable: true }) qualityPolicyAccepted?: boolean;
  @Field(() => [InvoiceInput], { nullable: true }) @BoundedList(LIST_LIMITS.invoices) invoices?: InvoiceInput[];
  @Field(() => [ApplicationImageInput], { nullable: true })
  @BoundedList(LIST_LIMITS.images)
  images?: ApplicationImageInput[];
}

@ObjectType({ description: 'One eligibility criterion with its outcome and the figures behind it.' })
export class CriterionResult {
  @Field({ description: 'Which criterion, e.g. QUALIFYING_PURCHASES.' })
  criterion!: string;

  @Field(() => CriterionStatusEnum, { description: 'Pass, fail, or needs a reviewer.' })
  status!: CriterionStatusEnum;

  @Field({ description: 'A failing hard criterion blocks submission.' })
  hard!: boolean;

  @Field({ description: 'A sentence with the figures, for people.' })
  summary!: string;

  @Field(() => GraphQLJSONObject, { description: 'The figures behind the outcome, per criterion.' })
  figures!: Record<string, unknown>;
}

@ObjectType({ description: 'The exchange rate a line was converted to USD with.' })
export class RateUsedType {
  @Field(() => String, { description: 'Invoice currency.' }) from!: string;
  @Field(() => String, { description: 'Always USD.' }) to!: string;
  @Field(() => String, { nullable: true, description: 'The rate row used (1 base = rate quote); null for USD.' })
  rate!: string | null;
  @Field(() => String, { nullable: true, description: 'First day the rate row is in force.' }) validFrom!:
    string | null;
  @Field({ description: 'The USD->currency row was used as its reciprocal.' }) inverted!: boolean;
}

@ObjectType({ description: 'How one invoice line counts towards the qualifying purchases.' })
export class LineEvaluation {
  @Field({ description: 'The line id.' }) lineId!: string;
  @Field({ description: 'Item description.' }) description!: string;
  @Field({ description: 'Brand.' }) brand!: string;
  @Field({ description: 'An Apple-brand line.' }) appleBrand!: boolean;
  @Field(() => MoneyValue, { nullable: true, description: 'Unit price in the invoice currency.' })
  unitPrice!: Money | null;
  @Field(() => Int, { nullable: true, description: 'Quantity; null when blacked out.' }) quantity!: number | null;
  @Field(() => MoneyValue, { nullable: true, description: 'Line amount; null when blacked out.' })
  amount!: Money | null;
  @Field(() => MoneyValue, { nullable: true, description: 'The amount, or quantity × unit price when it is hidden.' })
  value!: Money | null;
  @Field(() => String, { nullable: true, description: 'AMOUNT or QUANTITY_TIMES_UNIT_PRICE.' }) valueSource!:
    string | null;
  @Field(() => RateUsedType, { nullable: true, description: 'Rate used to convert to USD.' })
  rate!: RateUsedType | null;
  @Field(() => MoneyValue, {
    nullable: true,
    description: 'Unit price in USD, rounded to cents for display; the exclusion compares the unrounded conversion.',
  })
  unitPriceUsd!: Money | null;
  @Field(() => MoneyValue, {
    nullable: true,
    description:
      'The highest unit price in the invoice currency that does not count, at the rate of the invoice date ' +
      '(20.97 CAD for 15.00 USD at 0.7150); null without a rate.',
  })
  exclusionLimit!: Money | null;
  @Field(() => MoneyValue, { nullable: true, description: 'Value in USD.' }) valueUsd!: Money | null;
  @Field({ description: 'Quantity × unit price and amount disagree: a reviewer checks it.' }) flagged!: boolean;
  @Field(() => MoneyValue, { nullable: true, description: 'Quantity × unit price, when flagged.' })
  expectedAmount!: Money | null;
  @Field({ description: 'Counted towards the qualifying purchases.' }) counted!: boolean;
  @Field(() => [String], { description: 'Why not counted, e.g. AT_OR_BELOW_EXCLUSION; empty when counted.' })
  exclusions!: readonly string[];
  @Field(() => Boolean, { nullable: true, description: 'Counted towards Apple purchases (Apple requests only).' })
  countedForApple!: boolean | null;
}

@ObjectType({ description: 'How one invoice counts: window, document, and each line.' })
export class InvoiceEvaluation {
  @Field({ description: 'The invoice id.' }) invoiceId!: string;
  @Field({ description: 'Supplier.' }) supplier!: string;
  @Field({ description: 'Invoice number.' }) invoiceNumber!: string;
  @Field({ description: 'Invoice date.' }) date!: string;
  @Field(() => String, { description: 'Currency.' }) currency!: string;
  @Field({ description: 'The document is uploaded.' }) hasDocument!: boolean;
  @Field({ description: 'IN_WINDOW, BEFORE_WINDOW, AFTER_TODAY or INVALID_DATE.' }) dateStatus!: string;
  @Field({ description: 'Dated within the trailing purchase window.' }) inWindow!: boolean;
  @Field(() => String, { nullable: true, description: 'Why it is outside the window, in words.' }) windowNote!:
    string | null;
  @Field(() => MoneyValue, { description: 'Sum of the counted lines in USD.' }) countedValueUsd!: Money;
  @Field(() => [LineEvaluation], { description: 'Line by line.' }) lines!: readonly LineEvaluation[];
}

@ObjectType({ description: 'The eligibility of an application under one policy version, criterion by criterion.' })
export class EligibilityReportType {
  @Field({ description: 'No hard criterion fails.' }) eligible!: boolean;
  @Field({ description: 'When it was computed (ISO 8601).' }) evaluatedAt!: string;
  @Field(() => Int, { description: 'The policy version applied.' }) policyVersion!: number;
  @Field(() => [CriterionResult], { description: 'Every criterion.' }) criteria!: readonly CriterionResult[];
  @Field(() => [InvoiceEvaluation], { description: 'The qualifying computation, invoice by invoice.' })
  invoices!: readonly InvoiceEvaluation[];
}

@ObjectType({ description: 'A step in the life of an application, from the audit log.' })
export class TimelineEntry {
  @Field({ description: 'When it happened.' }) at!: Date;
  @Field({ description: 'What happened, e.g. SUBMITTED, CLAIMED, APPROVED.' }) action!: string;
  @Field(() => String, { nullable: true, description: 'Who did it (hidden from sellers for staff).' })
  actor!: string | null;
  @Field(() => String, { nullable: true, description: 'A message that came with it, e.g. what to fix.' })
  message!: string | null;
}

@ObjectType({ description: 'A decision due date in business days.' })
export class DueStatusType {
  @Field({ description: 'Due date, YYYY-MM-DD in the marketplace time zone.' }) dueDate!: string;
  @Field(() => Int, { description: 'Business days left; negative when overdue.' }) businessDaysLeft!: number;
  @Field({ description: 'Past its due date.' }) overdue!: boolean;
  @Field({ description: 'Due today.' }) dueToday!: boolean;
  @Field({ description: 'Due this week.' }) dueThisWeek!: boolean;
}

@InputType({ description: 'Where a seller wants to apply.' })
export class StartApplicationInput {
  @Field(() => MarketplaceCodeEnum, { description: 'The marketplace.' })
  marketplace!: MarketplaceCodeEnum;
}
