import { Entity, Index, ManyToOne, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import type { MarketplaceCode, QualityMetric, SellerQualityStanding } from '@recertify/domain';
import { BaseEntity } from '../../../db/base.entity.js';
import type { Organization } from '../../accounts/organization.entity.js';

/**
 * A seller's standing in one marketplace (SPEC 5): GOOD, AT_RISK (the figures say so) or SUSPENDED
 * (a reviewer said so), since when, why and by whom; with the figures of its latest evaluation, so
 * the reviewers' seller-health list is one table read. `version` guards a reviewer's suspension
 * against an evaluation writing the same row at the same moment.
 */
@Entity()
@Unique({ properties: ['organization', 'marketplace'] })
// The seller-health list: the sellers not in good standing, in each sort order.
@Index({ properties: ['standing', 'since'] })
export class SellerQualityStandingRecord extends BaseEntity {
  @ManyToOne('Organization', { ref: true })
  organization: Ref<Organization>;

  @Property({ type: 'string', length: 2 })
  marketplace: MarketplaceCode;

  @Property({ type: 'string', length: 16 })
  standing: SellerQualityStanding;

  /** When the seller entered this standing. */
  @Property({ type: Date })
  since: Date;

  /** Why: the breached figures for AT_RISK, the reviewer's words for a suspension or reinstatement. */
  @Property({ type: 'string', length: 1000, nullable: true })
  reason: string | null = null;

  /** The reviewer who suspended or reinstated; null when evaluation moved it. */
  @Property({ type: 'string', length: 36, nullable: true })
  changedById: string | null = null;

  @Property({ type: 'string', length: 120, nullable: true })
  changedByName: string | null = null;

  /** The figures it misses, at the latest evaluation. */
  @Property({ type: 'json' })
  breaches: QualityMetric[] & Opt = [];

  // The latest evaluation's figures (null before the first one, or over an empty window).
  @Property({ type: 'string', length: 10, nullable: true })
  evaluatedOn: string | null = null;

  @Property({ type: 'integer' })
  rqsOrders: number & Opt = 0;

  @Property({ type: 'integer' })
  rqsDefectiveOrders: number & Opt = 0;

  /** Rounded for display and sorting; the verdict was decided exactly. */
  @Property({ type: 'integer', nullable: true })
  rqsBps: number | null = null;

  @Property({ type: 'integer' })
  odrOrders: number & Opt = 0;

  @Property({ type: 'integer' })
  odrDefectiveOrders: number & Opt = 0;

  @Property({ type: 'integer', nullable: true })
  odrBps: number | null = null;

  @Property({ type: 'integer' })
  ratingCount: number & Opt = 0;

  @Property({ type: 'integer' })
  ratingStarsTotal: number & Opt = 0;

  @Property({ type: 'integer', nullable: true })
  ratingHundredths: number | null = null;

  @Property({ type: 'integer' })
  suppressedOffers: number & Opt = 0;

  @Property({ version: true, type: 'integer' })
  version!: number & Opt;

  constructor(props: {
    organization: Ref<Organization>;
    marketplace: MarketplaceCode;
    standing: SellerQualityStanding;
    since: Date;
  }) {
    super();
    this.organization = props.organization;
    this.marketplace = props.marketplace;
    this.standing = props.standing;
    this.since = props.since;
  }
}
