import { Entity, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import type { MarketplaceCode, QualityMetric, SellerQualityStanding } from '@recertify/domain';
import { BaseEntity } from '../../../db/base.entity.js';
import type { Organization } from '../../accounts/organization.entity.js';

/**
 * One evaluation of a seller in a marketplace on one day (the marketplace's date), kept for the
 * dashboard's 90-day trend charts: the figures, the thresholds of the policy version in force
 * that day, and the verdicts. One per (seller, marketplace, day): evaluating the day again
 * replaces it.
 */
@Entity()
@Unique({ properties: ['organization', 'marketplace', 'day'] })
export class QualityEvaluation extends BaseEntity {
  @ManyToOne('Organization', { ref: true })
  organization: Ref<Organization>;

  @Property({ type: 'string', length: 2 })
  marketplace: MarketplaceCode;

  /** The evaluated day, YYYY-MM-DD in the marketplace's zone: the last day of the windows. */
  @Property({ type: 'string', length: 10 })
  day: string;

  @Property({ type: Date })
  evaluatedAt: Date;

  @Property({ type: 'integer' })
  policyVersion: number;

  /** The standing after this evaluation. */
  @Property({ type: 'string', length: 16 })
  standing: SellerQualityStanding;

  @Property({ type: 'json' })
  breaches: QualityMetric[];

  @Property({ type: 'integer' })
  rqsOrders: number;

  @Property({ type: 'integer' })
  rqsDefectiveOrders: number;

  @Property({ type: 'integer', nullable: true })
  rqsBps: number | null;

  @Property({ type: 'integer' })
  rqsMinimumBps: number;

  @Property({ type: 'boolean' })
  rqsBreached: boolean;

  @Property({ type: 'integer' })
  odrOrders: number;

  @Property({ type: 'integer' })
  odrDefectiveOrders: number;

  @Property({ type: 'integer', nullable: true })
  odrBps: number | null;

  @Property({ type: 'integer' })
  odrMaximumBps: number;

  @Property({ type: 'boolean' })
  odrBreached: boolean;

  @Property({ type: 'integer' })
  ratingCount: number;

  @Property({ type: 'integer' })
  ratingStarsTotal: number;

  @Property({ type: 'integer', nullable: true })
  ratingHundredths: number | null;

  @Property({ type: 'integer' })
  ratingMinimumHundredths: number;

  @Property({ type: 'boolean' })
  ratingBreached: boolean;

  @Property({ type: 'integer' })
  offers: number;

  /** Offers suppressed after this evaluation (for RQS or by a suspension). */
  @Property({ type: 'integer' })
  suppressedOffers: number;

  constructor(props: Omit<QualityEvaluation, keyof BaseEntity>) {
    super();
    this.organization = props.organization;
    this.marketplace = props.marketplace;
    this.day = props.day;
    this.evaluatedAt = props.evaluatedAt;
    this.policyVersion = props.policyVersion;
    this.standing = props.standing;
    this.breaches = props.breaches;
    this.rqsOrders = props.rqsOrders;
    this.rqsDefectiveOrders = props.rqsDefectiveOrders;
    this.rqsBps = props.rqsBps;
    this.rqsMinimumBps = props.rqsMinimumBps;
    this.rqsBreached = props.rqsBreached;
    this.odrOrders = props.odrOrders;
    this.odrDefectiveOrders = props.odrDefectiveOrders;
    this.odrBps = props.odrBps;
    this.odrMaximumBps = props.odrMaximumBps;
    this.odrBreached = props.odrBreached;
    this.ratingCount = props.ratingCount;
    this.ratingStarsTotal = props.ratingStarsTotal;
    this.ratingHundredths = props.ratingHundredths;
    this.ratingMinimumHundredths = props.ratingMinimumHundredths;
    this.ratingBreached = props.ratingBreached;
    this.offers = props.offers;
    this.suppressedOffers = props.suppressedOffers;
  }
}

/**
 * The daily job's claim: inserted in the same transaction as the evaluation it guards, so of two
 * workers running the job at once exactly one evaluates a seller on a day (the other's insert
 * finds the row and skips), and a worker that fails part-way leaves no claim behind.
 */
@Entity()
@Unique({ properties: ['organization', 'marketplace', 'day'] })
export class DailyQualityEvaluationClaim extends BaseEntity {
  @ManyToOne('Organization', { ref: true })
  organization: Ref<Organization>;

  @Property({ type: 'string', length: 2 })
  marketplace: MarketplaceCode;

  @Property({ type: 'string', length: 10 })
  day: string;

  @Property({ type: 'string', length: 64 })
  claimedBy: string;

  constructor(props: {
    organization: Ref<Organization>;
    marketplace: MarketplaceCode;
    day: string;
    claimedBy: string;
  }) {
    super();
    this.organization = props.organization;
    this.marketplace = props.marketplace;
    this.day = props.day;
    this.claimedBy = props.claimedBy;
  }
}
