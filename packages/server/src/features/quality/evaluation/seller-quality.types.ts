import {
  QUALITY_METRICS,
  SELLER_QUALITY_STANDINGS,
  type MarketplaceCode,
  type QualityMetric,
  type SellerQualityStanding,
} from '@recertify/domain';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../../../graphql/enums.js';
import { Percentage, StarRating } from '../../../graphql/figures.types.js';
import { ID } from '../../../graphql/id.js';
import { Organization } from '../../accounts/organization.entity.js';
import { MarketplaceCodeEnum } from '../../marketplaces/marketplace.enums.js';

export const SellerQualityStandingEnum = graphqlEnum(SELLER_QUALITY_STANDINGS, {
  name: 'SellerQualityStanding',
  description: "A seller's standing in the Renewed program in one marketplace.",
  valuesConfig: {
    GOOD: { description: 'Meets every quality threshold (or has too few orders to be held to them).' },
    AT_RISK: { description: 'Misses a threshold (seller RQS, ODR or average rating); lifted by recovery.' },
    SUSPENDED: { description: 'Suspended by a reviewer; offers off sale until a reviewer reinstates.' },
  },
});
export type SellerQualityStandingEnum = SellerQualityStanding;

export const QualityMetricEnum = graphqlEnum(QUALITY_METRICS, {
  name: 'QualityMetric',
  description: 'A figure a seller is held to.',
  valuesConfig: {
    RQS: { description: 'Renewed quality score: orders without a valid complaint, trailing window.' },
    ODR: { description: 'Order defect rate: orders with an order defect, trailing window.' },
    RATING: { description: "Average product rating of the seller's Renewed offers." },
  },
});
export type QualityMetricEnum = QualityMetric;

/** A seller's standing and latest figures in one marketplace, as the standing row holds them. */
export interface SellerQualityRow {
  readonly id: string;
  /** The seller, as a plain row of its columns or the entity. */
  readonly seller: Partial<Organization>;
  readonly marketplace: MarketplaceCode;
  readonly standing: SellerQualityStanding;
  readonly since: Date;
  readonly reason: string | null;
  readonly changedByName: string | null;
  readonly breaches: readonly QualityMetric[];
  readonly evaluatedOn: string | null;
  readonly rqsOrders: number;
  readonly rqsDefectiveOrders: number;
  readonly rqsBps: number | null;
  readonly odrOrders: number;
  readonly odrDefectiveOrders: number;
  readonly odrBps: number | null;
  readonly ratingCount: number;
  readonly ratingHundredths: number | null;
  readonly suppressedOffers: number;
}

@ObjectType('SellerQuality', {
  description: "A seller's quality standing in one marketplace, with the figures of its latest evaluation.",
})
export class SellerQualityType {
  constructor(private readonly row: SellerQualityRow) {}

  @Field(() => ID, { description: 'The standing record.' })
  get id(): string {
    return this.row.id;
  }

  @Field(() => Organization, { description: 'The seller.' })
  get seller(): Partial<Organization> {
    return this.row.seller;
  }

  @Field(() => MarketplaceCodeEnum, { description: 'The marketplace.' })
  get marketplace(): MarketplaceCode {
    return this.row.marketplace;
  }

  @Field(() => SellerQualityStandingEnum, { description: 'Good, at risk or suspended.' })
  get standing(): SellerQualityStanding {
    return this.row.standing;
  }

  @Field(() => Date, { description: 'When the seller entered this standing.' })
  get since(): Date {
    return this.row.since;
  }

  @Field(() => String, {
    nullable: true,
    description: "Why: the figures missed (AT_RISK) or the reviewer's reason (suspension, reinstatement).",
  })
  get reason(): string | null {
    return this.row.reason;
  }

  @Field(() => String, {
    nullable: true,
    description: 'The reviewer who suspended or reinstated; null for evaluation.',
  })
  get changedBy(): string | null {
    return this.row.changedByName;
  }

  @Field(() => [QualityMetricEnum], { description: 'The figures it misses at its latest evaluation.' })
  get breaches(): QualityMetric[] {
    return [...this.row.breaches];
  }

  @Field(() => String, { nullable: true, description: 'Day of the latest evaluation (YYYY-MM-DD, marketplace zone).' })
  get evaluatedOn(): string | null {
    return this.row.evaluatedOn;
  }

  @Field(() => Percentage, { nullable: true, description: 'Seller RQS; null without orders in the window.' })
  get rqs(): Percentage | null {
    return this.row.rqsBps == null ? null : new Percentage(this.row.rqsBps);
  }

  @Field(() => Int, { description: 'Orders in the RQS window.' })
  get rqsOrders(): number {
    return this.row.rqsOrders;
  }

  @Field(() => Int, { description: 'Of them, orders with a valid complaint.' })
  get rqsDefectiveOrders(): number {
    return this.row.rqsDefectiveOrders;
  }

  @Field(() => Percentage, { nullable: true, description: 'ODR; null without orders in the window.' })
  get odr(): Percentage | null {
    return this.row.odrBps == null ? null : new Percentage(this.row.odrBps);
  }

  @Field(() => Int, { description: 'Orders in the ODR window.' })
  get odrOrders(): number {
    return this.row.odrOrders;
  }

  @Field(() => Int, { description: 'Of them, orders with an order defect.' })
  get odrDefectiveOrders(): number {
    return this.row.odrDefectiveOrders;
  }

  @Field(() => StarRating, { nullable: true, description: 'Average product rating; null without ratings.' })
  get averageRating(): StarRating | null {
    return this.row.ratingHundredths == null ? null : new StarRating(this.row.ratingHundredths);
  }

  @Field(() => Int, { description: 'Ratings behind the average.' })
  get ratingCount(): number {
    return this.row.ratingCount;
  }

  @Field(() => Int, { description: 'Offers off sale (for RQS or by the suspension).' })
  get suppressedOffers(): number {
    return this.row.suppressedOffers;
  }
}

@InputType({ description: 'A seller in a marketplace to evaluate now.' })
export class EvaluateSellerQualityInput {
  @Field(() => ID, { nullable: true, description: "The seller (reviewers); a seller's own when left out." })
  sellerId?: string | null;

  @Field(() => MarketplaceCodeEnum, { description: 'The marketplace.' })
  marketplace!: MarketplaceCode;
}
