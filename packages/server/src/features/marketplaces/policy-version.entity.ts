import { Embedded, Entity, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import {
  policyFromRecord,
  type ImageView,
  type MarketplaceCode,
  type PolicyParameters,
  type PolicyVersion as DomainPolicyVersion,
} from '@recertify/domain';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.js';
import { Percentage, StarRating } from '../../graphql/figures.types.js';
import { MoneyValue } from '../../graphql/money.types.js';
import { ImageViewEnum, MarketplaceCodeEnum, WarrantyKindEnum } from './marketplace.enums.js';
import type { Marketplace } from './marketplace.entity.js';

@ObjectType({ description: 'The warranty a seller must offer in a marketplace.' })
export class WarrantyRequirement {
  @Field(() => WarrantyKindEnum)
  kind!: WarrantyKindEnum;

  @Field(() => Int, { nullable: true, description: 'Minimum warranty in days from purchase (MINIMUM_DAYS only).' })
  minimumDays!: number | null;
}

/**
 * One version of a marketplace's program rules. Versions are never edited: a change is a new
 * version with a later effective date, so past applications stay judged by the rules of their day.
 */
@Entity()
@Unique({ properties: ['marketplace', 'version'] })
@ObjectType({ description: 'A version of the program rules of one marketplace, in force from its effective date.' })
export class PolicyVersion extends BaseEntity {
  @ManyToOne('Marketplace', { ref: true })
  readonly marketplace: Ref<Marketplace>;

  @Field(() => MarketplaceCodeEnum, { name: 'marketplace' })
  get marketplaceCode(): MarketplaceCode {
    return this.marketplace.unwrap().code;
  }

  @Field(() => Int, { description: 'Version number within the marketplace, from 1.' })
  @Property({ type: 'integer' })
  readonly version: number;

  @Field({ description: 'The moment from which this version is in force.' })
  @Property({ type: Date })
  readonly effectiveFrom: Date;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  readonly notes: string | null;

  @Field(() => MoneyValue, { description: 'Qualifying purchases needed in the trailing purchase window.' })
  @Embedded(() => MoneyValue)
  readonly qualifyingPurchasesMinimum: MoneyValue;

  @Field(() => Int, { description: 'Trailing calendar days before submission in which invoices count.' })
  @Property({ type: 'integer' })
  readonly purchaseWindowDays: number;

  @Field(() => MoneyValue, { description: 'Items selling at or below this unit price do not count.' })
  @Embedded(() => MoneyValue)
  readonly excludedItemMaxUnitPrice: MoneyValue;

  @Field(() => MoneyValue, { description: 'Apple refurbished purchases needed for Apple-brand approval.' })
  @Embedded(() => MoneyValue)
  readonly appleQualifyingPurchasesMinimum: MoneyValue;

  @Field(() => Int)
  @Property({ type: 'integer' })
  readonly applePurchaseWindowDays: number;

  @Property({ type: 'string', length: 32 })
  readonly warrantyKind: WarrantyKindEnum;

  @Property({ type: 'integer', nullable: true })
  readonly warrantyMinimumDays: number | null;

  @Field(() => Int, { description: 'Minimum number of sample-unit images.' })
  @Property({ type: 'integer' })
  readonly minimumImages: number;

  @Field(() => [ImageViewEnum], { description: 'Views every application must show.' })
  @Property({ type: 'json' })
  readonly requiredViews: ImageView[];

  @Field({ description: 'Products with a screen must also show SCREEN_ON.' })
  @Property({ type: 'boolean' })
  readonly screenProductsRequireScreenOn: boolean;

  @Property({ type: 'integer' })
  readonly odrMaximumBps: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  readonly odrWindowDays: number;

  @Field(() => Int, { description: 'Business days after submission by which a decision is due.' })
  @Property({ type: 'integer' })
  readonly reviewDueBusinessDays: number;

  @Property({ type: 'integer' })
  readonly offerRqsMinimumBps: number;

  @Property({ type: 'integer' })
  readonly sellerRqsMinimumBps: number;

  @Property({ type: 'integer' })
  readonly averageRatingMinimumHundredths: number;

  @Field(() => Int, { description: 'Trailing calendar days of orders over which RQS is computed.' })
  @Property({ type: 'integer' })
  readonly rqsWindowDays: number;

  @Field(() => Int, { description: 'Orders needed in the window before an RQS is enforced.' })
  @Property({ type: 'integer' })
  readonly rqsMinimumOrders: number;

  @Field(() => Int, { description: 'Return window after delivery unless the category says otherwise.' })
  @Property({ type: 'integer' })
  readonly defaultReturnWindowDays: number;

  @Field(() => Int, { description: 'Days of transit allowed after the return window closes.' })
  @Property({ type: 'integer' })
  readonly transitAllowanceDays: number;

  @Field(() => [String], {
    description: 'Parameters whose value is a program default because the source policy is silent.',
  })
  @Property({ type: 'json' })
  readonly defaultedParameters: string[];

  constructor(props: {
    marketplace: Ref<Marketplace>;
    version: number;
    effectiveFrom: Date;
    notes?: string | null;
    parameters: PolicyParameters;
    defaultedParameters?: readonly string[];
  }) {
    super();
    const p = props.parameters;
    this.marketplace = props.marketplace;
    this.version = props.version;
    this.effectiveFrom = props.effectiveFrom;
    this.notes = props.notes ?? null;
    this.qualifyingPurchasesMinimum = new MoneyValue(p.qualifyingPurchasesMinimum);
    this.purchaseWindowDays = p.purchaseWindowDays;
    this.excludedItemMaxUnitPrice = new MoneyValue(p.excludedItemMaxUnitPrice);
    this.appleQualifyingPurchasesMinimum = new MoneyValue(p.appleQualifyingPurchasesMinimum);
    this.applePurchaseWindowDays = p.applePurchaseWindowDays;
    this.warrantyKind = p.warranty.kind;
    this.warrantyMinimumDays = p.warranty.kind === 'MINIMUM_DAYS' ? p.warranty.minimumDays : null;
    this.minimumImages = p.minimumImages;
    this.requiredViews = [...p.requiredViews];
    this.screenProductsRequireScreenOn = p.screenProductsRequireScreenOn;
    this.odrMaximumBps = p.odrMaximumBps;
    this.odrWindowDays = p.odrWindowDays;
    this.reviewDueBusinessDays = p.reviewDueBusinessDays;
    this.offerRqsMinimumBps = p.offerRqsMinimumBps;
    this.sellerRqsMinimumBps = p.sellerRqsMinimumBps;
    this.averageRatingMinimumHundredths = p.averageRatingMinimumHundredths;
    this.rqsWindowDays = p.rqsWindowDays;
    this.rqsMinimumOrders = p.rqsMinimumOrders;
    this.defaultReturnWindowDays = p.defaultReturnWindowDays;
    this.transitAllowanceDays = p.transitAllowanceDays;
    this.defaultedParameters = [...(props.defaultedParameters ?? [])];
  }

  @Field(() => WarrantyRequirement)
  get warranty(): WarrantyRequirement {
    return { kind: this.warrantyKind, minimumDays: this.warrantyMinimumDays };
  }

  @Field(() => Percentage, { description: 'Highest order defect rate allowed, trailing ODR window.' })
  get odrMaximum(): Percentage {
    return new Percentage(this.odrMaximumBps);
  }

  @Field(() => Percentage, { description: 'Lowest offer RQS to keep an offer listed.' })
  get offerRqsMinimum(): Percentage {
    return new Percentage(this.offerRqsMinimumBps);
  }

  @Field(() => Percentage, { description: 'Lowest seller RQS to stay in the program.' })
  get sellerRqsMinimum(): Percentage {
    return new Percentage(this.sellerRqsMinimumBps);
  }

  @Field(() => StarRating, { description: 'Lowest average product rating to stay in the program.' })
  get averageRatingMinimum(): StarRating {
    return new StarRating(this.averageRatingMinimumHundredths);
  }

  /** The plain domain value that rule functions take. */
  toDomain(): DomainPolicyVersion {
    return policyFromRecord(this.marketplaceCode, this);
  }
}
