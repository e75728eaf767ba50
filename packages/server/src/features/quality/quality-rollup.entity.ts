import { Entity, Index, ManyToOne, type Opt, PrimaryKey, PrimaryKeyProp, Property, type Ref } from '@mikro-orm/core';
import type { IsoDate, MarketplaceCode } from '@recertify/domain';
import type { Organization } from '../accounts/organization.entity.js';
import type { Offer } from './offer.entity.js';

/*
 * The daily rollups (SPEC 5): one row per offer and day, and one per seller, marketplace and day,
 * holding the domain's DailyQualityRollup (orders of the day, how many of them have a valid
 * complaint / an order defect, whenever those came) plus the day's ratings as a star sum and a
 * count (RatingTally). `day` is the ORDER date in the marketplace's zone for the order counts and
 * the RATING date for the rating tally. Figures and charts sum these rows and never read raw
 * orders. Only refreshQualityRollups (quality-rollups.ts) writes them; a row with nothing in it
 * is not kept.
 *
 * Each row also counts the day's valid complaints (by their order's day, as RQS counts them) per
 * source and per category, so the dashboard's complaint breakdown sums rollup rows too instead of
 * grouping a seller's raw complaints on every page load (BENCHMARKS.md, "Seller dashboard").
 */

/** Valid complaints of the day per source and per category (complaintColumn, complaint-columns.ts, names the columns). */
abstract class ComplaintTally {
  @Property({ type: 'integer', default: 0 })
  complaintsEmail!: number & Opt;

  @Property({ type: 'integer', default: 0 })
  complaintsProductReview!: number & Opt;

  @Property({ type: 'integer', default: 0 })
  complaintsSellerFeedback!: number & Opt;

  @Property({ type: 'integer', default: 0 })
  complaintsCustomerServiceCall!: number & Opt;

  @Property({ type: 'integer', default: 0 })
  complaintsNotWorking!: number & Opt;

  @Property({ type: 'integer', default: 0 })
  complaintsCosmeticDamage!: number & Opt;

  @Property({ type: 'integer', default: 0 })
  complaintsMissingAccessories!: number & Opt;

  @Property({ type: 'integer', default: 0 })
  complaintsWrongItem!: number & Opt;

  @Property({ type: 'integer', default: 0 })
  complaintsBattery!: number & Opt;

  @Property({ type: 'integer', default: 0 })
  complaintsOther!: number & Opt;
}

@Entity({ tableName: 'offer_daily_quality' })
// Seller figures by offer (the worst-first offer table): a seller's rows of a window.
@Index({ properties: ['seller', 'marketplace', 'day'] })
export class OfferDailyQuality extends ComplaintTally {
  [PrimaryKeyProp]?: ['offer', 'day'];

  @ManyToOne('Offer', { ref: true, primary: true, deleteRule: 'cascade' })
  offer!: Ref<Offer>;

  @PrimaryKey({ type: 'string', length: 10 })
  day!: IsoDate;

  @ManyToOne('Organization', { ref: true })
  seller!: Ref<Organization>;

  @Property({ type: 'string', length: 2 })
  marketplace!: MarketplaceCode;

  @Property({ type: 'integer' })
  orders!: number;

  @Property({ type: 'integer' })
  ordersWithComplaint!: number;

  @Property({ type: 'integer' })
  ordersWithDefect!: number;

  @Property({ type: 'integer' })
  ratingCount!: number;

  @Property({ type: 'integer' })
  ratingStarSum!: number;
}

@Entity({ tableName: 'seller_daily_quality' })
export class SellerDailyQuality extends ComplaintTally {
  [PrimaryKeyProp]?: ['seller', 'marketplace', 'day'];

  @ManyToOne('Organization', { ref: true, primary: true })
  seller!: Ref<Organization>;

  @PrimaryKey({ type: 'string', length: 2 })
  marketplace!: MarketplaceCode;

  @PrimaryKey({ type: 'string', length: 10 })
  day!: IsoDate;

  @Property({ type: 'integer' })
  orders!: number;

  @Property({ type: 'integer' })
  ordersWithComplaint!: number;

  @Property({ type: 'integer' })
  ordersWithDefect!: number;

  @Property({ type: 'integer' })
  ratingCount!: number;

  @Property({ type: 'integer' })
  ratingStarSum!: number;
}
