import { TEXT_LIMITS, type QualityMetric, type SellerQualityStanding } from '@recertify/domain';
import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { createConnectionType } from '../../../graphql/connection.js';
import { Percentage, StarRating } from '../../../graphql/figures.types.js';
import { Bounded } from '../../../graphql/input-bounds.js';
import { QualityMetricEnum, SellerQualityStandingEnum } from '../evaluation/seller-quality.types.js';

@ArgsType()
export class EvaluationHistoryArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 100 (30 by default).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  @Bounded(TEXT_LIMITS.cursor, 'secret')
  after?: string | null;
}

@ObjectType('QualityEvaluation', {
  description:
    "One day's evaluation of the seller (the daily job's, or one on demand): the figures and thresholds it judged, the policy version in force that day, and the standing it left. The dated snapshot kept for the history.",
  simpleResolvers: true,
})
export class QualityEvaluationType {
  @Field({ description: 'The evaluated day, YYYY-MM-DD in the marketplace’s time zone: the last day of the windows.' })
  day!: string;

  @Field(() => Date, { description: 'When the evaluation ran (a later run the same day replaces it).' })
  evaluatedAt!: Date;

  @Field(() => Int, { description: 'The policy version in force on the day.' })
  policyVersion!: number;

  @Field(() => SellerQualityStandingEnum, { description: 'The standing after the evaluation.' })
  standing!: SellerQualityStanding;

  @Field(() => [QualityMetricEnum], { description: 'The figures that missed their threshold.' })
  breaches!: QualityMetric[];

  @Field(() => Percentage, { nullable: true, description: 'Seller RQS; null without orders in the window.' })
  rqs!: Percentage | null;

  @Field(() => Int, { description: 'Orders in the RQS window.' })
  rqsOrders!: number;

  @Field(() => Int, { description: 'Of them, orders with a valid complaint.' })
  rqsDefectiveOrders!: number;

  @Field(() => Percentage, { description: 'The seller RQS minimum that day.' })
  rqsMinimum!: Percentage;

  @Field(() => Percentage, { nullable: true, description: 'ODR; null without orders in the window.' })
  odr!: Percentage | null;

  @Field(() => Int, { description: 'Orders in the ODR window.' })
  odrOrders!: number;

  @Field(() => Int, { description: 'Of them, orders with an order defect.' })
  odrDefectiveOrders!: number;

  @Field(() => Percentage, { description: 'The ODR maximum that day.' })
  odrMaximum!: Percentage;

  @Field(() => StarRating, { nullable: true, description: 'Average rating; null without ratings.' })
  averageRating!: StarRating | null;

  @Field(() => Int, { description: 'Ratings the average is over.' })
  ratingCount!: number;

  @Field(() => StarRating, { description: 'The average rating minimum that day.' })
  ratingMinimum!: StarRating;

  @Field(() => Int, { description: "The seller's offers in the marketplace." })
  offers!: number;

  @Field(() => Int, { description: 'Offers suppressed after the evaluation (for RQS or by a suspension).' })
  suppressedOffers!: number;
}

export const QualityEvaluationConnection = createConnectionType(QualityEvaluationType, 'QualityEvaluation');
