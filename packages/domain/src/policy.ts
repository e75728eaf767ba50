import { DomainError } from './domain-error.js';
import type { MarketplaceCode } from './marketplace.js';
import { money, type Money } from './money.js';

/** The views a sample unit's images are tagged with (SPEC 3). */
export const IMAGE_VIEWS = [
  'SHIPPING_BOX',
  'INNER_PACKAGING',
  'TOP',
  'BOTTOM',
  'FRONT',
  'BACK',
  'LEFT',
  'RIGHT',
  'SCREEN_ON',
] as const;

export type ImageView = (typeof IMAGE_VIEWS)[number];

/** Each view as people name it, in summaries and forms: "missing views Bottom, Front", never BOTTOM. */
export const IMAGE_VIEW_LABELS: Readonly<Record<ImageView, string>> = {
  SHIPPING_BOX: 'Shipping box',
  INNER_PACKAGING: 'Inner packaging',
  TOP: 'Top',
  BOTTOM: 'Bottom',
  FRONT: 'Front',
  BACK: 'Back',
  LEFT: 'Left side',
  RIGHT: 'Right side',
  SCREEN_ON: 'Screen on',
};

/** The ways a marketplace states its warranty requirement: the `kind` of a WarrantyRule. */
export const WARRANTY_KINDS = ['GUARANTEE_ACCEPTANCE', 'MINIMUM_DAYS'] as const;

export type WarrantyKind = (typeof WARRANTY_KINDS)[number];

export type WarrantyRule =
  /** The seller explicitly accepts the Renewed Guarantee (US). */
  | { readonly kind: 'GUARANTEE_ACCEPTANCE' }
  /** The seller offers a warranty of at least this many days from purchase (CA). */
  | { readonly kind: 'MINIMUM_DAYS'; readonly minimumDays: number };

/**
 * Every rule parameter of SPEC 2, units in the names: money thresholds in USD (converted from the
 * invoice currency when judged), windows in calendar days, percentages in basis points
 * (1/100 of a percent) and ratings in hundredths of a star, so nothing here is a float.
 */
export interface PolicyParameters {
  /** Qualifying refurbished purchases needed in the purchase window before submission. */
  readonly qualifyingPurchasesMinimum: Money;
  readonly purchaseWindowDays: number;
  /** Items whose unit selling price is at or below this do not count. */
  readonly excludedItemMaxUnitPrice: Money;
  /** Apple refurbished purchases needed for Apple-brand approval. */
  readonly appleQualifyingPurchasesMinimum: Money;
  readonly applePurchaseWindowDays: number;
  readonly warranty: WarrantyRule;
  readonly minimumImages: number;
  /** Views every application must show; SCREEN_ON is governed by the flag below instead. */
  readonly requiredViews: readonly ImageView[];
  readonly screenProductsRequireScreenOn: boolean;
  /** Order defect rate must be at most this, over the trailing ODR window. */
  readonly odrMaximumBps: number;
  readonly odrWindowDays: number;
  readonly reviewDueBusinessDays: number;
  readonly offerRqsMinimumBps: number;
  readonly sellerRqsMinimumBps: number;
  readonly averageRatingMinimumHundredths: number;
  readonly rqsWindowDays: number;
  /** Below this many orders in the window, an RQS is shown but not enforced. */
  readonly rqsMinimumOrders: number;
  /** Return window after delivery when the category sets none. */
  readonly defaultReturnWindowDays: number;
  /** Days the buyer has after the return window closes for the parcel to arrive. */
  readonly transitAllowanceDays: number;
}

export type PolicyParameterName = keyof PolicyParameters;

/**
 * One immutable version of a marketplace's parameters. Admins add versions, never edit them, so an
 * application stays judged by the version in force when it was submitted.
 */
export interface PolicyVersion extends PolicyParameters {
  readonly marketplace: MarketplaceCode;
  readonly version: number;
  readonly effectiveFrom: Date;
  readonly notes?: string;
}

export class NoPolicyInForceError extends DomainError {
  override readonly code = 'NO_POLICY_IN_FORCE';

  constructor(
    readonly marketplace: MarketplaceCode,
    readonly at: Date,
  ) {
    super(
      `No ${marketplace} policy version is in force at ${at.toISOString()}; ` +
        `add one effective at or before that time.`,
    );
  }
}

/** Names for people: admin forms, validation messages, the "(default)" labels. */
export const POLICY_PARAMETER_LABELS: Readonly<Record<PolicyParameterName, string>> = {
  qualifyingPurchasesMinimum: 'Qualifying purchases minimum',
  purchaseWindowDays: 'Qualifying purchases window (days)',
  excludedItemMaxUnitPrice: 'Excluded items: unit price at or below',
  appleQualifyingPurchasesMinimum: 'Apple refurbished purchases minimum',
  applePurchaseWindowDays: 'Apple purchases window (days)',
  warranty: 'Warranty',
  minimumImages: 'Minimum sample images',
  requiredViews: 'Required image views',
  screenProductsRequireScreenOn: 'Products with a screen need a screen-on image',
  odrMaximumBps: 'Order defect rate maximum (basis points)',
  odrWindowDays: 'Order defect rate window (days)',
  reviewDueBusinessDays: 'Review decision due (business days)',
  offerRqsMinimumBps: 'Offer RQS minimum (basis points)',
  sellerRqsMinimumBps: 'Seller RQS minimum (basis points)',
  averageRatingMinimumHundredths: 'Average product rating minimum (hundredths)',
  rqsWindowDays: 'RQS window (days)',
  rqsMinimumOrders: 'Minimum orders before RQS is enforced',
  defaultReturnWindowDays: 'Return window after delivery (days)',
  transitAllowanceDays: 'Transit allowance after the return window (days)',
};

const REQUIRED_VIEWS: readonly ImageView[] = IMAGE_VIEWS.filter((view) => view !== 'SCREEN_ON');

const US_PARAMETERS: PolicyParameters = {
  qualifyingPurchasesMinimum: money(5_000_000, 'USD'),
  purchaseWindowDays: 90,
  excludedItemMaxUnitPrice: money(1_500, 'USD'),
  appleQualifyingPurchasesMinimum: money(250_000_000, 'USD'),
  applePurchaseWindowDays: 90,
  warranty: { kind: 'GUARANTEE_ACCEPTANCE' },
  minimumImages: 8,
  requiredViews: REQUIRED_VIEWS,
  screenProductsRequireScreenOn: true,
  odrMaximumBps: 80,
  odrWindowDays: 90,
  reviewDueBusinessDays: 10,
  offerRqsMinimumBps: 9_500,
  sellerRqsMinimumBps: 9_800,
  averageRatingMinimumHundredths: 370,
  rqsWindowDays: 90,
  rqsMinimumOrders: 10,
  defaultReturnWindowDays: 30,
  transitAllowanceDays: 15,
};

/** The values of SPEC 2, from which each marketplace's first policy version is made. */
export const INITIAL_POLICY_PARAMETERS: Readonly<Record<MarketplaceCode, PolicyParameters>> = {
  US: US_PARAMETERS,
  // CA thresholds stay in USD: "50,000 USD or CAD equivalent" is a conversion at judging time.
  CA: {
    ...US_PARAMETERS,
    appleQualifyingPurchasesMinimum: money(7_500_000, 'USD'),
    warranty: { kind: 'MINIMUM_DAYS', minimumDays: 90 },
  },
  MX: US_PARAMETERS,
};

const MARKED_DEFAULT_EVERYWHERE: readonly PolicyParameterName[] = [
  'rqsWindowDays',
  'rqsMinimumOrders',
  'defaultReturnWindowDays',
];

/**
 * The parameters SPEC 2 marks *(default)*: the source documents are silent and the value is our
 * choice, which the UI labels as such. For MX the seeds state no purchase rule at all, so the
 * 90-day windows of those rows are marked along with their amounts.
 */
export const PARAMETERS_MARKED_DEFAULT: Readonly<Record<MarketplaceCode, readonly PolicyParameterName[]>> = {
  US: MARKED_DEFAULT_EVERYWHERE,
  CA: MARKED_DEFAULT_EVERYWHERE,
  MX: [
    'qualifyingPurchasesMinimum',
    'purchaseWindowDays',
    'excludedItemMaxUnitPrice',
    'appleQualifyingPurchasesMinimum',
    'applePurchaseWindowDays',
    'warranty',
    ...MARKED_DEFAULT_EVERYWHERE,
  ],
};

/**
 * The version of `marketplace` in force at `at`: the latest effectiveFrom at or before it. Versions
 * effective later are ignored; of two with the same effectiveFrom the higher version number wins.
 */
export function policyInForce<
  P extends Pick<PolicyVersion, 'marketplace' | 'version' | 'effectiveFrom'> = PolicyVersion,
>(versions: readonly P[], marketplace: MarketplaceCode, at: Date): P {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) {
    throw new RangeError('at must be a valid Date');
  }
  let inForce: P | undefined;
  for (const candidate of versions) {
    if (candidate.marketplace !== marketplace) continue;
    const from = candidate.effectiveFrom.getTime();
    if (from > at.getTime()) continue;
    if (
      inForce === undefined ||
      from > inForce.effectiveFrom.getTime() ||
      (from === inForce.effectiveFrom.getTime() && candidate.version > inForce.version)
    ) {
      inForce = candidate;
    }
  }
  if (inForce === undefined) throw new NoPolicyInForceError(marketplace, at);
  return inForce;
}

/**
 * What is wrong with a set of parameters, one sentence per problem for the admin entering a new
 * version; empty when the set is usable.
 */
export function validatePolicyParameters(p: PolicyParameters): string[] {
  const problems: string[] = [];
  const label = (name: PolicyParameterName): string => POLICY_PARAMETER_LABELS[name];

  const usdThresholds = [
    'qualifyingPurchasesMinimum',
    'excludedItemMaxUnitPrice',
    'appleQualifyingPurchasesMinimum',
  ] as const;
  for (const name of usdThresholds) {
    const value = p[name];
    if (value.currency !== 'USD') {
      problems.push(`${label(name)} must be stated in USD (SPEC 1), not ${value.currency}.`);
    } else if (!Number.isSafeInteger(value.amountMinor) || value.amountMinor < 0) {
      problems.push(`${label(name)} must be a whole number of cents, 0 or more; got ${value.amountMinor}.`);
    }
  }

  const positiveCounts = [
    'purchaseWindowDays',
    'applePurchaseWindowDays',
    'minimumImages',
    'odrWindowDays',
    'reviewDueBusinessDays',
    'rqsWindowDays',
    'rqsMinimumOrders',
    'defaultReturnWindowDays',
  ] as const;
  for (const name of positiveCounts) {
    if (!isWholeNumber(p[name]) || p[name] < 1) {
      problems.push(`${label(name)} must be a whole number of at least 1; got ${p[name]}.`);
    }
  }
  if (!isWholeNumber(p.transitAllowanceDays) || p.transitAllowanceDays < 0) {
    problems.push(`${label('transitAllowanceDays')} must be a whole number, 0 or more; got ${p.transitAllowanceDays}.`);
  }

  for (const name of ['odrMaximumBps', 'offerRqsMinimumBps', 'sellerRqsMinimumBps'] as const) {
    if (!isWholeNumber(p[name]) || p[name] < 0 || p[name] > 10_000) {
      problems.push(`${label(name)} must be a whole number from 0 to 10000 (0.00% to 100.00%); got ${p[name]}.`);
    }
  }

  const rating = p.averageRatingMinimumHundredths;
  if (!isWholeNumber(rating) || rating < 100 || rating > 500) {
    problems.push(
      `${label('averageRatingMinimumHundredths')} must be a whole number from 100 to 500 (1.00 to 5.00 stars); got ${rating}.`,
    );
  }

  if (p.warranty.kind === 'MINIMUM_DAYS') {
    if (!isWholeNumber(p.warranty.minimumDays) || p.warranty.minimumDays < 1) {
      problems.push(`Warranty minimum must be a whole number of days, at least 1; got ${p.warranty.minimumDays}.`);
    }
  } else if (p.warranty.kind !== 'GUARANTEE_ACCEPTANCE') {
    problems.push(
      `Warranty must be GUARANTEE_ACCEPTANCE or MINIMUM_DAYS; got ${String((p.warranty as { kind: unknown }).kind)}.`,
    );
  }

  const seen = new Set<string>();
  for (const view of p.requiredViews) {
    if (!(IMAGE_VIEWS as readonly string[]).includes(view)) {
      problems.push(`${label('requiredViews')}: "${view}" is not an image view; use one of ${IMAGE_VIEWS.join(', ')}.`);
    } else if (seen.has(view)) {
      problems.push(`${label('requiredViews')}: ${view} is listed twice.`);
    } else {
      seen.add(view);
    }
  }
  if (isWholeNumber(p.minimumImages) && p.minimumImages < seen.size) {
    problems.push(
      `${label('minimumImages')} (${p.minimumImages}) is smaller than the ${seen.size} required views; ` +
        `raise it to at least ${seen.size}.`,
    );
  }

  return problems;
}

function isWholeNumber(value: number): boolean {
  return Number.isSafeInteger(value);
}
