import type { MarketplaceCode, SellerQualityStanding } from '@recertify/domain';
import { Field, InputType } from 'type-graphql';
import { graphqlEnum } from '../../graphql/enums.js';
import { Bounded } from '../../graphql/input-bounds.js';
import { ID } from '../../graphql/id.js';
import { createConnectionType } from '../../graphql/connection.js';
import { MarketplaceCodeEnum } from '../marketplaces/marketplace.enums.js';
import { SellerQualityStandingEnum, SellerQualityType } from '../quality/evaluation/seller-quality.types.js';

/** Longest reason a reviewer gives for a suspension or reinstatement (the column's length). */
export const STANDING_REASON_MAX_LENGTH = 1000;

const SELLER_HEALTH_SORTS = ['RQS', 'ODR', 'RATING', 'SINCE'] as const;
export type SellerHealthSort = (typeof SELLER_HEALTH_SORTS)[number];
export const SellerHealthSort = graphqlEnum(SELLER_HEALTH_SORTS, {
  name: 'SellerHealthSort',
  description: 'Orders of the seller-health list, each worst first; sellers without the figure last.',
  valuesConfig: {
    RQS: { description: 'Lowest seller RQS first.' },
    ODR: { description: 'Highest ODR first.' },
    RATING: { description: 'Lowest average rating first.' },
    SINCE: { description: 'Longest in its standing first.' },
  },
});

@InputType({ description: 'Narrows the seller-health list; filters combine.' })
export class SellerHealthFilter {
  @Field(() => SellerQualityStandingEnum, { nullable: true, description: 'AT_RISK or SUSPENDED only.' })
  standing?: SellerQualityStanding | null;

  @Field(() => MarketplaceCodeEnum, { nullable: true, description: 'Only this marketplace.' })
  marketplace?: MarketplaceCode | null;
}

@InputType({ description: "A reviewer's suspension or reinstatement of a seller in a marketplace." })
export class SellerStandingChangeInput {
  @Field(() => ID, { description: 'The seller.' })
  sellerId!: string;

  @Field(() => MarketplaceCodeEnum, { description: 'The marketplace.' })
  marketplace!: MarketplaceCode;

  @Field({ description: 'Why, for the seller (emailed) and the audit log.' })
  @Bounded(STANDING_REASON_MAX_LENGTH, 'text')
  reason!: string;
}

export const SellerHealthConnection = createConnectionType(SellerQualityType, 'SellerHealth');
