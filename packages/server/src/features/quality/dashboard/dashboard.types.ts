import {
  TEXT_LIMITS,
  type ComplaintCategory,
  type ComplaintSource,
  type MarketplaceCode,
  type OfferStatus,
} from '@recertify/domain';
import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { createConnectionType } from '../../../graphql/connection.js';
import { Percentage, StarRating } from '../../../graphql/figures.types.js';
import { ID } from '../../../graphql/id.js';
import { Bounded } from '../../../graphql/input-bounds.js';
import { MarketplaceCodeEnum } from '../../marketplaces/marketplace.enums.js';
import { graphqlEnum } from '../../../graphql/enums.js';
import { ComplaintCategoryEnum, ComplaintSourceEnum, OfferStatusEnum } from '../quality.enums.js';

/** Longest text the offer search takes (an SKU or a part of a product name). */
export const OFFER_SEARCH_MAX = 100;

export const DRILL_DOWN_FIGURES = ['RQS', 'ODR'] as const;
export type DrillDownFigure = (typeof DRILL_DOWN_FIGURES)[number];
export const DrillDownFigureEnum = graphqlEnum(DRILL_DOWN_FIGURES, {
  name: 'QualityDrillDownFigure',
  description: 'Which figure a drill-down explains: RQS (orders with a valid complaint) or ODR (orders with a defect).',
});

/** Whose dashboard, in which marketplace: every dashboard query takes these. */
@ArgsType()
export class QualityScopeArgs {
  @Field(() => ID, {
    nullable: true,
    description:
      'The seller (organization id). A seller and an API key read their own (leave it out); reviewers name one.',
  })
  sellerId?: string | null;

  @Field(() => MarketplaceCodeEnum, { description: 'The marketplace of the figures.' })
  marketplace!: MarketplaceCode;
}

@ArgsType()
export class QualityOffersArgs extends QualityScopeArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 100 (25 by default).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  @Bounded(TEXT_LIMITS.cursor, 'secret')
  after?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `Offers whose SKU or product name contains this text (case-insensitive), at most ${OFFER_SEARCH_MAX} characters.`,
  })
  @Bounded(OFFER_SEARCH_MAX)
  search?: string | null;
}

@ArgsType()
export class QualityDrillDownArgs extends QualityScopeArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 100 (25 by default).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  @Bounded(TEXT_LIMITS.cursor, 'secret')
  after?: string | null;

  @Field(() => ID, { nullable: true, description: "One offer of the seller's; the whole seller when left out." })
  offerId?: string | null;

  @Field(() => DrillDownFigureEnum, {
    nullable: true,
    description: 'RQS (the default) or ODR: which orders count as defective for `defectiveOnly`.',
  })
  figure?: DrillDownFigure | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only the orders (or valid complaints) that count against the figure; all when false (the default).',
  })
  defectiveOnly?: boolean | null;
}

// The dashboard's types read plain values (dashboard.mapper.ts): graphql-js's default resolver
// instead of a type-graphql wrapper per field (about 1,500 fields a dashboard). `evaluations` keeps its resolver.
@ObjectType({
  description: 'Dates from and to, both included, as YYYY-MM-DD in the marketplace’s time zone.',
  simpleResolvers: true,
})
export class QualityWindow {
  @Field() from!: string;
  @Field() to!: string;
}

@ObjectType({
  description: 'RQS: orders without a valid complaint, of the orders placed in the window.',
  simpleResolvers: true,
})
export class RqsFigureType {
  @Field(() => Int, { description: 'Orders placed in the window.' }) orders!: number;
  @Field(() => Int, { description: 'Of those, orders with at least one valid complaint (each counted once).' })
  defectiveOrders!: number;
  @Field(() => Percentage, { nullable: true, description: 'Rounded for display; null over no orders.' })
  value!: Percentage | null;
  @Field(() => Percentage, { description: 'The minimum of the policy version in force.' }) minimum!: Percentage;
  @Field(() => Int, { description: 'Orders the window must hold before the minimum is enforced.' })
  minimumOrders!: number;
  @Field({ description: 'At least the minimum orders: the minimum applies.' }) enforced!: boolean;
  @Field({ description: 'Enforced and under the minimum (decided exactly, not from the rounded value).' })
  breached!: boolean;
  @Field(() => Int, {
    nullable: true,
    description:
      'How many more of the window’s orders can get a complaint before RQS goes under the minimum; null while not enforced.',
  })
  defectBudget!: number | null;
}

@ObjectType({
  description: 'ODR: orders with at least one order defect, of the orders placed in the window.',
  simpleResolvers: true,
})
export class OdrFigureType {
  @Field(() => Int) orders!: number;
  @Field(() => Int) defectiveOrders!: number;
  @Field(() => Percentage, { nullable: true, description: 'Rounded for display; null over no orders.' })
  value!: Percentage | null;
  @Field(() => Percentage, { description: 'The maximum of the policy version in force.' }) maximum!: Percentage;
  @Field() enforced!: boolean;
  @Field() breached!: boolean;
  @Field(() => Int, {
    nullable: true,
    description: 'How many more orders can get a defect before ODR goes over the maximum; null over no orders.',
  })
  defectBudget!: number | null;
}

@ObjectType({ description: "Average star rating of the seller's Renewed offers.", simpleResolvers: true })
export class RatingFigureType {
  @Field(() => Int) ratings!: number;
  @Field(() => StarRating, { nullable: true, description: 'Rounded for display; null without ratings.' })
  average!: StarRating | null;
  @Field(() => StarRating) minimum!: StarRating;
  @Field() enforced!: boolean;
  @Field() breached!: boolean;
}

@ObjectType({ description: 'One day of the trend: the trailing-window figures as of that day.', simpleResolvers: true })
export class QualityTrendDay {
  @Field({ description: 'YYYY-MM-DD in the marketplace’s time zone.' }) date!: string;
  @Field(() => Int, { description: 'Orders in the RQS window ending this day.' }) rqsOrders!: number;
  @Field(() => Percentage, { nullable: true, description: 'RQS as of this day; null over no orders.' })
  rqs!: Percentage | null;
  @Field(() => Percentage, { description: 'The seller RQS minimum in force this day.' }) rqsMinimum!: Percentage;
  @Field(() => Int) odrOrders!: number;
  @Field(() => Percentage, { nullable: true, description: 'ODR as of this day; null over no orders.' })
  odr!: Percentage | null;
  @Field(() => Percentage, { description: 'The ODR maximum in force this day.' }) odrMaximum!: Percentage;
  @Field(() => Int, { description: 'Orders placed this day.' }) ordersThatDay!: number;
}

@ObjectType({ description: 'How many valid complaints in the window came from one source.', simpleResolvers: true })
export class ComplaintSourceCount {
  @Field(() => ComplaintSourceEnum) source!: ComplaintSource;
  @Field(() => Int) count!: number;
}

@ObjectType({
  description: 'How many valid complaints in the window fall in one defect category.',
  simpleResolvers: true,
})
export class ComplaintCategoryCount {
  @Field(() => ComplaintCategoryEnum) category!: ComplaintCategory;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'The seller a dashboard is about.', simpleResolvers: true })
export class QualitySeller {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType({
  description:
    "A seller's quality in one marketplace: RQS, ODR and rating against the policy in force, the 90-day trend and the complaints. Read from the daily rollups, never from raw orders.",
  simpleResolvers: true,
})
export class QualityDashboard {
  @Field(() => QualitySeller) seller!: QualitySeller;
  @Field(() => MarketplaceCodeEnum) marketplace!: MarketplaceCode;
  @Field({ description: 'Today in the marketplace’s time zone: the last day of every window.' }) asOf!: string;
  @Field(() => Int, { description: 'The policy version in force today.' }) policyVersion!: number;
  @Field(() => QualityWindow, { description: 'The RQS window.' }) rqsWindow!: QualityWindow;
  @Field(() => QualityWindow, { description: 'The ODR window.' }) odrWindow!: QualityWindow;
  @Field(() => RqsFigureType) rqs!: RqsFigureType;
  @Field(() => OdrFigureType) odr!: OdrFigureType;
  @Field(() => RatingFigureType) rating!: RatingFigureType;
  @Field(() => [QualityTrendDay], { description: 'The last 90 days, oldest first.' }) trend!: QualityTrendDay[];
  @Field(() => [ComplaintSourceCount], {
    description: 'Valid complaints in the RQS window by source, every source listed.',
  })
  complaintsBySource!: ComplaintSourceCount[];
  @Field(() => [ComplaintCategoryCount], {
    description: 'Valid complaints in the RQS window by category, every category listed.',
  })
  complaintsByCategory!: ComplaintCategoryCount[];
}

@ObjectType({ description: "One of the seller's offers with its RQS over the window." })
export class QualityOffer {
  @Field(() => ID) id!: string;
  @Field() sku!: string;
  @Field() product!: string;
  @Field(() => OfferStatusEnum, { description: 'On sale, or suppressed.' }) status!: OfferStatus;
  @Field(() => RqsFigureType, { description: 'Against the offer RQS minimum.' }) rqs!: RqsFigureType;
}

@ObjectType({ description: 'An order behind a figure.' })
export class QualityOrder {
  @Field(() => ID) id!: string;
  @Field({ description: 'The id the marketplace sent.' }) externalId!: string;
  @Field(() => ID) offerId!: string;
  @Field() sku!: string;
  @Field() orderedAt!: Date;
  @Field(() => Int) quantity!: number;
  @Field(() => Int, { description: 'Valid complaints on this order.' }) validComplaints!: number;
  @Field(() => Int, { description: 'Order defects on this order (negative feedback, A-to-z claims, chargebacks).' })
  defects!: number;
}

@ObjectType({ description: 'A complaint behind a figure.' })
export class QualityComplaint {
  @Field(() => ID) id!: string;
  @Field() externalId!: string;
  @Field(() => ID) orderId!: string;
  @Field() orderExternalId!: string;
  @Field() sku!: string;
  @Field(() => ComplaintSourceEnum) source!: ComplaintSource;
  @Field(() => ComplaintCategoryEnum) category!: ComplaintCategory;
  @Field() receivedAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When a reviewer invalidated it; it no longer counts.' })
  invalidatedAt!: Date | null;
  @Field(() => String, { nullable: true }) invalidationReason!: string | null;
}

export const QualityOfferConnection = createConnectionType(QualityOffer, 'QualityOffer');
export const QualityOrderConnection = createConnectionType(QualityOrder, 'QualityOrder');
export const QualityComplaintConnection = createConnectionType(QualityComplaint, 'QualityComplaint');
