import {
  BigIntType,
  Collection,
  Entity,
  Index,
  ManyToOne,
  OneToMany,
  Property,
  type Opt,
  type Ref,
} from '@mikro-orm/core';
import type { ImageView, MarketplaceCode } from '@recertify/domain';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.js';
import type { Organization } from '../accounts/organization.entity.js';
import type { User } from '../accounts/user.entity.js';
import { MarketplaceCodeEnum } from '../marketplaces/marketplace.enums.js';
import type { PolicyVersion } from '../marketplaces/policy-version.entity.js';
import type { Upload } from '../uploads/upload.entity.js';
import { ApplicationStatusEnum, RefurbisherEnum, SellerTypeEnum } from './applications.enums.js';

/**
 * A seller's application to the Renewed program in one marketplace. `version` is the optimistic
 * lock: a claim or decision made on a stale version is refused, so two reviewers never overwrite
 * each other.
 */
@Entity()
// The queue's filters and counts read this index alone, without the rows: a filter's count by its
// first columns, and the chips (reviewQueueCounts) group the queue by all of them.
@Index({
  properties: ['status', 'marketplace', 'appleRequested', 'dueDate', 'failingChecks', 'checksNeedingReview'],
})
// The queue's order: a page walks this index and stops after `first` rows instead of sorting the queue.
// Partial, so it holds only queued rows: no decided rows or drafts (null due dates) to walk past (BENCHMARKS.md).
// The queue's SQL repeats this WHERE literally (review-queue.service.ts); SQLite needs that to use it.
@Index({
  name: 'application_queue_order_index',
  expression:
    'create index "application_queue_order_index" on "application" ("due_date", "submitted_at", "id") ' +
    `where "status" in ('SUBMITTED', 'IN_REVIEW')`,
})
// The queue filtered to a marketplace and Apple or not, in queue order: a page walks this index too
// instead of sorting every matching row (SQLite sorted 3,955 rows at 100,000; BENCHMARKS.md).
@Index({
  name: 'application_queue_marketplace_order_index',
  expression:
    'create index "application_queue_marketplace_order_index" on "application" ' +
    '("marketplace", "apple_requested", "due_date", "submitted_at", "id") ' +
    `where "status" in ('SUBMITTED', 'IN_REVIEW')`,
})
@Index({ properties: ['organization', 'marketplace'] })
// simpleResolvers: every column field reads a plain value (from a row or the entity), without a
// type-graphql wrapper per field; the computed fields are field resolvers (applications.resolver.ts).
@ObjectType({ description: "A seller's application to the Renewed program in one marketplace.", simpleResolvers: true })
export class Application extends BaseEntity {
  @ManyToOne('Organization', { ref: true })
  organization: Ref<Organization>;

  @Field(() => MarketplaceCodeEnum, { description: 'The marketplace applied to.' })
  @Property({ type: 'string', length: 2 })
  marketplace: MarketplaceCode;

  @Field(() => ApplicationStatusEnum, { description: 'Where the application is in its lifecycle.' })
  @Property({ type: 'string', length: 16 })
  status: ApplicationStatusEnum & Opt = ApplicationStatusEnum.DRAFT;

  @Field(() => Int, { description: 'Changes with every change; pass it back to claim or decide (optimistic locking).' })
  @Property({ version: true, type: 'integer' })
  version!: number & Opt;

  // Business
  @Field(() => String, { description: 'Legal name of the business.' })
  @Property({ type: 'string', length: 200 })
  legalName: string & Opt = '';

  @Field(() => String, { description: 'Contact person.' })
  @Property({ type: 'string', length: 120 })
  contactName: string & Opt = '';

  @Field(() => String, { description: 'Contact email.' })
  @Property({ type: 'string', length: 254 })
  contactEmail: string & Opt = '';

  @Field(() => SellerTypeEnum, { nullable: true, description: 'Professional or individual seller.' })
  @Property({ type: 'string', length: 16, nullable: true })
  sellerType: SellerTypeEnum | null = null;

  @Field(() => Boolean, { description: 'Already sells on the marketplace (its ODR is then checked).' })
  @Property({ type: 'boolean' })
  existingSeller: boolean & Opt = false;

  // Refurbishment
  @Field(() => RefurbisherEnum, { nullable: true, description: 'Who refurbishes the units.' })
  @Property({ type: 'string', length: 32, nullable: true })
  refurbisher: RefurbisherEnum | null = null;

  @Field(() => String, { nullable: true, description: 'Name of the third-party refurbisher.' })
  @Property({ type: 'string', length: 200, nullable: true })
  refurbisherName: string | null = null;

  @Field(() => Boolean, {
    description:
      'Attests every unit is inspected, cleaned, repaired where needed, and tested to work and look like new.',
  })
  @Property({ type: 'boolean' })
  inspectionAttested: boolean & Opt = false;

  // Catalogue
  @Field(() => [String], { description: 'Categories the seller will sell in.' })
  @Property({ type: 'json' })
  categories: string[] & Opt = [];

  @Field(() => [String], { description: 'Brands the seller will sell.' })
  @Property({ type: 'json' })
  brands: string[] & Opt = [];

  @Field(() => Boolean, { description: 'Asks for Apple-brand approval too.' })
  @Property({ type: 'boolean' })
  appleRequested: boolean & Opt = false;

  @Field(() => Boolean, { description: 'The products have a screen (a SCREEN_ON image is then required).' })
  @Property({ type: 'boolean' })
  productsHaveScreen: boolean & Opt = false;

  // Warranty and policy
  @Field(() => Boolean, { description: 'Accepts the Renewed Guarantee (US, MX).' })
  @Property({ type: 'boolean' })
  guaranteeAccepted: boolean & Opt = false;

  @Field(() => Int, { nullable: true, description: 'Warranty length in days from purchase (CA).' })
  @Property({ type: 'integer', nullable: true })
  warrantyDays: number | null = null;

  @Field(() => Boolean, { description: "Accepts the program's quality policy." })
  @Property({ type: 'boolean' })
  qualityPolicyAccepted: boolean & Opt = false;

  @Field(() => Int, { nullable: true, description: 'The quality policy version accepted.' })
  @Property({ type: 'integer', nullable: true })
  qualityPolicyVersion: number | null = null;

  // Review
  @Field(() => Date, { nullable: true, description: 'When it was last submitted (resubmission starts a new clock).' })
  @Property({ type: Date, nullable: true })
  submittedAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was first submitted.' })
  @Property({ type: Date, nullable: true })
  firstSubmittedAt: Date | null = null;

  @Field(() => String, { nullable: true, description: 'Decision due date (YYYY-MM-DD, marketplace time zone).' })
  @Property({ type: 'string', length: 10, nullable: true })
  dueDate: string | null = null;

  /** The policy version in force at submission: the one the application is judged by. */
  @ManyToOne('PolicyVersion', { ref: true, nullable: true })
  policyVersion: Ref<PolicyVersion> | null = null;

  @Field(() => Int, { description: 'Hard checks failing in the latest eligibility snapshot.' })
  @Property({ type: 'integer' })
  failingChecks: number & Opt = 0;

  @Field(() => Int, { description: 'Checks needing a reviewer in the latest eligibility snapshot.' })
  @Property({ type: 'integer' })
  checksNeedingReview: number & Opt = 0;

  @ManyToOne('User', { ref: true, nullable: true })
  claimedBy: Ref<User> | null = null;

  @Field(() => Date, { nullable: true, description: 'When a reviewer claimed it.' })
  @Property({ type: Date, nullable: true })
  claimedAt: Date | null = null;

  @ManyToOne('User', { ref: true, nullable: true })
  decidedBy: Ref<User> | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was decided.' })
  @Property({ type: Date, nullable: true })
  decidedAt: Date | null = null;

  @Field(() => Boolean, { nullable: true, description: 'Apple-brand approval, decided inside an approval.' })
  @Property({ type: 'boolean', nullable: true })
  appleApproved: boolean | null = null;

  @Field(() => String, { nullable: true, description: "The reviewer's message (needs info)." })
  @Property({ type: 'text', nullable: true })
  reviewerMessage: string | null = null;

  @Property({ type: 'json', nullable: true })
  rejectionReasons: Array<{ criterion: string; reason: string }> | null = null;

  @OneToMany(() => Invoice, (invoice) => invoice.application, { orderBy: { date: 'asc', createdAt: 'asc' } })
  invoices = new Collection<Invoice>(this);

  @OneToMany(() => ApplicationImage, (image) => image.application, { orderBy: { createdAt: 'asc' } })
  images = new Collection<ApplicationImage>(this);

  constructor(props: { organization: Ref<Organization>; marketplace: MarketplaceCode }) {
    super();
    this.organization = props.organization;
    this.marketplace = props.marketplace;
  }
}

@Entity()
@ObjectType({ description: 'A supplier invoice backing the qualifying purchases.' })
export class Invoice extends BaseEntity {
  @ManyToOne(() => Application, { ref: true, deleteRule: 'cascade' })
  application: Ref<Application>;

  @Field({ description: 'Supplier name.' })
  @Property({ type: 'string', length: 200 })
  supplier: string;

  @Field({ description: 'Invoice number on the document.' })
  @Property({ type: 'string', length: 100 })
  invoiceNumber: string;

  @Field({ description: 'Invoice date, YYYY-MM-DD.' })
  @Property({ type: 'string', length: 10 })
  date: string;

  @Field(() => String, { description: 'Currency of the amounts.' })
  @Property({ type: 'string', length: 3 })
  currency: 'USD' | 'CAD' | 'MXN';

  @ManyToOne('Upload', { ref: true, nullable: true })
  document: Ref<Upload> | null;

  @OneToMany(() => InvoiceLine, (line) => line.invoice, { orderBy: { position: 'asc' } })
  lines = new Collection<InvoiceLine>(this);

  constructor(props: {
    application: Ref<Application>;
    supplier: string;
    invoiceNumber: string;
    date: string;
    currency: 'USD' | 'CAD' | 'MXN';
    document: Ref<Upload> | null;
  }) {
    super();
    this.application = props.application;
    this.supplier = props.supplier;
    this.invoiceNumber = props.invoiceNumber;
    this.date = props.date;
    this.currency = props.currency;
    this.document = props.document;
  }
}

@Entity()
@ObjectType({ description: 'A line of an invoice; quantity or amount may be blacked out, never both.' })
export class InvoiceLine extends BaseEntity {
  @ManyToOne(() => Invoice, { ref: true, deleteRule: 'cascade' })
  invoice: Ref<Invoice>;

  @Field(() => Int, { description: 'Order on the invoice, from 0.' })
  @Property({ type: 'integer' })
  position: number;

  @Field({ description: 'Item description.' })
  @Property({ type: 'string', length: 300 })
  description: string;

  @Field({ description: 'Brand of the item.' })
  @Property({ type: 'string', length: 100 })
  brand: string;

  @Property({ type: new BigIntType('number'), nullable: true })
  unitPriceMinor: number | null;

  @Field(() => Int, { nullable: true, description: 'Quantity; null when blacked out.' })
  @Property({ type: 'integer', nullable: true })
  quantity: number | null;

  @Property({ type: new BigIntType('number'), nullable: true })
  amountMinor: number | null;

  constructor(props: {
    invoice: Ref<Invoice>;
    position: number;
    description: string;
    brand: string;
    unitPriceMinor: number | null;
    quantity: number | null;
    amountMinor: number | null;
  }) {
    super();
    this.invoice = props.invoice;
    this.position = props.position;
    this.description = props.description;
    this.brand = props.brand;
    this.unitPriceMinor = props.unitPriceMinor;
    this.quantity = props.quantity;
    this.amountMinor = props.amountMinor;
  }
}

@Entity()
@ObjectType({ description: 'A sample-unit image tagged with the view it shows.' })
export class ApplicationImage extends BaseEntity {
  @ManyToOne(() => Application, { ref: true, deleteRule: 'cascade' })
  application: Ref<Application>;

  @ManyToOne('Upload', { ref: true })
  upload: Ref<Upload>;

  @Property({ type: 'string', length: 32 })
  view: ImageView;

  constructor(props: { application: Ref<Application>; upload: Ref<Upload>; view: ImageView }) {
    super();
    this.application = props.application;
    this.upload = props.upload;
    this.view = props.view;
  }
}

/** The eligibility report computed at a moment (submission, resubmission, decision), kept as it was. */
@Entity()
export class EligibilitySnapshot extends BaseEntity {
  @ManyToOne(() => Application, { ref: true, deleteRule: 'cascade' })
  application: Ref<Application>;

  @Property({ type: 'string', length: 16 })
  trigger: 'SUBMIT' | 'RESUBMIT' | 'DECISION';

  @Property({ type: 'integer' })
  policyVersionNumber: number;

  @Property({ type: 'boolean' })
  eligible: boolean;

  @Property({ type: 'json' })
  report: Record<string, unknown>;

  constructor(props: {
    application: Ref<Application>;
    trigger: 'SUBMIT' | 'RESUBMIT' | 'DECISION';
    policyVersionNumber: number;
    eligible: boolean;
    report: Record<string, unknown>;
    at: Date;
  }) {
    super();
    this.application = props.application;
    this.trigger = props.trigger;
    this.policyVersionNumber = props.policyVersionNumber;
    this.eligible = props.eligible;
    this.report = props.report;
    this.createdAt = props.at;
  }
}

/** A seller's standing approval in a marketplace: direct, or granted through another (CA via US). */
@Entity()
@Index({ properties: ['organization', 'marketplace'] })
@ObjectType({ description: 'An approval to sell Renewed products in a marketplace.' })
export class MarketplaceApproval extends BaseEntity {
  @ManyToOne('Organization', { ref: true })
  organization: Ref<Organization>;

  @Field(() => MarketplaceCodeEnum, { description: 'The marketplace the seller may sell in.' })
  @Property({ type: 'string', length: 2 })
  marketplace: MarketplaceCode;

  @Field(() => MarketplaceCodeEnum, {
    nullable: true,
    description: 'Set when granted through another approval (CA through US).',
  })
  @Property({ type: 'string', length: 2, nullable: true })
  grantedThrough: MarketplaceCode | null;

  @ManyToOne(() => Application, { ref: true })
  application: Ref<Application>;

  @Field({ description: 'Apple-brand approval included.' })
  @Property({ type: 'boolean' })
  appleApproved: boolean;

  @Field({ description: 'When it was granted.' })
  @Property({ type: Date })
  grantedAt: Date;

  constructor(props: {
    organization: Ref<Organization>;
    marketplace: MarketplaceCode;
    grantedThrough: MarketplaceCode | null;
    application: Ref<Application>;
    appleApproved: boolean;
    grantedAt: Date;
  }) {
    super();
    this.organization = props.organization;
    this.marketplace = props.marketplace;
    this.grantedThrough = props.grantedThrough;
    this.application = props.application;
    this.appleApproved = props.appleApproved;
    this.grantedAt = props.grantedAt;
  }
}
