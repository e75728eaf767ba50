import {
  isAppleBrand,
  SELLER_TYPE_LABELS,
  isFullyRedacted,
  validateInvoice,
  validateInvoiceLine,
  type ApplicationInput,
  type FieldProblem,
  type InvoiceInput,
  type InvoiceLineInput,
  type Refurbisher,
  type SellerType,
} from './application.js';
import { isIsoDate, trailingWindow, type DateWindow, type IsoDate } from './calendar.js';
import { MARKETPLACES, type MarketplaceCode } from './marketplace.js';
import {
  addMoney,
  compareConverted,
  compareMoney,
  convertMoney,
  formatMoney,
  InvalidMoneyError,
  isCurrencyCode,
  largestAmountAtOrBelow,
  MissingExchangeRateError,
  money,
  rateOn,
  subtractMoney,
  type CurrencyCode,
  type ExchangeRate,
  type Money,
} from './money.js';
import { IMAGE_VIEW_LABELS, IMAGE_VIEWS, type ImageView, type PolicyVersion } from './policy.js';
import { formatBps, InvalidRatioError, ratioAtMostBps, ratioToBps } from './ratio.js';

export const CRITERION_CODES = [
  'BUSINESS_DETAILS',
  'REFURBISHMENT',
  'CATEGORIES_AND_BRANDS',
  'QUALIFYING_PURCHASES',
  'APPLE_PURCHASES',
  'IMAGES',
  'WARRANTY',
  'QUALITY_POLICY',
  'ODR',
] as const;

export type CriterionCode = (typeof CRITERION_CODES)[number];

export const CRITERION_STATUSES = ['PASS', 'FAIL', 'NEEDS_REVIEW'] as const;

export type CriterionStatus = (typeof CRITERION_STATUSES)[number];

/** Names for people: the checklist in the form, the reviewer's evidence view, rejection reasons. */
export const CRITERION_LABELS: Readonly<Record<CriterionCode, string>> = {
  BUSINESS_DETAILS: 'Business details',
  REFURBISHMENT: 'Refurbishment',
  CATEGORIES_AND_BRANDS: 'Categories and brands',
  QUALIFYING_PURCHASES: 'Qualifying purchases',
  APPLE_PURCHASES: 'Apple-brand purchases',
  IMAGES: 'Sample images',
  WARRANTY: 'Warranty',
  QUALITY_POLICY: 'Quality policy',
  ODR: 'Order defect rate',
};

/**
 * Why a line is not counted. A line lists every reason that applies, in this order, so the first
 * one is the one the summary reports: an invoice-level reason before a line-level one.
 */
export const LINE_EXCLUSION_REASONS = [
  /** The invoice's date or currency cannot be read (an unfinished draft). */
  'INVALID_INVOICE',
  /** The invoice is dated before the purchase window or after today. */
  'OUTSIDE_WINDOW',
  /** The invoice document has not been uploaded. */
  'NO_DOCUMENT',
  /** Quantity and line amount are both blacked out. */
  'FULLY_REDACTED',
  /** Unit price missing, or a figure negative, fractional, or a quantity below 1. */
  'INVALID_LINE',
  /** No exchange rate from the invoice currency to USD is in force on the invoice date. */
  'MISSING_RATE',
  /** The unit price in USD is at or below the excluded-item price. */
  'AT_OR_BELOW_EXCLUSION',
] as const;

export type LineExclusionReason = (typeof LINE_EXCLUSION_REASONS)[number];

/** Where an invoice's date falls relative to a purchase window. */
export type InvoiceDateStatus = 'IN_WINDOW' | 'BEFORE_WINDOW' | 'AFTER_TODAY' | 'INVALID_DATE';

/** The exchange rate a line was converted with, JSON-safe for the stored snapshot. */
export interface RateUsed {
  readonly from: CurrencyCode;
  readonly to: CurrencyCode;
  /** The table row; null when the invoice is already in USD. */
  readonly source: ExchangeRate | null;
  /** True when `source` is the USD->currency row, used as its reciprocal. */
  readonly inverted: boolean;
}

/** One line of the reviewer's line-by-line computation. */
export interface InvoiceLineEvaluation {
  readonly lineId: string;
  readonly description: string;
  readonly brand: string;
  readonly appleBrand: boolean;
  /** Figures in the invoice currency; null where blacked out or unreadable. */
  readonly unitPrice: Money | null;
  readonly quantity: number | null;
  readonly amount: Money | null;
  /** The line amount, or quantity x unit price when the amount is blacked out. */
  readonly value: Money | null;
  readonly valueSource: 'AMOUNT' | 'QUANTITY_TIMES_UNIT_PRICE' | null;
  readonly rate: RateUsed | null;
  /** Rounded to cents, for display: the exclusion compares the exact conversion (compareConverted). */
  readonly unitPriceUsd: Money | null;
  readonly valueUsd: Money | null;
  /**
   * The highest unit price in the invoice's currency that does not count, at the rate of the invoice
   * date: 20.97 CAD for 15.00 USD at 0.7150 (20.98 CAD is 15.0007 USD and counts); null without a rate.
   */
  readonly exclusionLimit: Money | null;
  /** Quantity, unit price and amount are all shown and quantity x unit price differs from amount. */
  readonly flagged: boolean;
  /** Quantity x unit price, shown beside the amount when flagged. */
  readonly expectedAmount: Money | null;
  /** Counted toward qualifying purchases. */
  readonly counted: boolean;
  /** Every reason it is not counted, in LINE_EXCLUSION_REASONS order; empty when counted. */
  readonly exclusions: readonly LineExclusionReason[];
  /** Counted toward Apple purchases; null unless Apple approval is requested and the brand is Apple. */
  readonly countedForApple: boolean | null;
  readonly problems: readonly FieldProblem[];
}

export interface InvoiceEvaluation {
  readonly invoiceId: string;
  readonly supplier: string;
  readonly invoiceNumber: string;
  readonly date: IsoDate;
  readonly currency: CurrencyCode;
  readonly hasDocument: boolean;
  readonly dateStatus: InvoiceDateStatus;
  readonly inWindow: boolean;
  /** Why the invoice is outside the purchase window, in words; null when inside. */
  readonly windowNote: string | null;
  /** Inside the Apple purchase window; null unless Apple approval is requested. */
  readonly inAppleWindow: boolean | null;
  /** Sum of the counted lines' USD values. */
  readonly countedValueUsd: Money;
  readonly problems: readonly FieldProblem[];
  readonly lines: readonly InvoiceLineEvaluation[];
}

export type BusinessDetailsField = 'legalName' | 'contactName' | 'contactEmail' | 'sellerType';

export interface BusinessDetailsFigures {
  readonly missingFields: readonly BusinessDetailsField[];
  /** The contact email is filled in but is not shaped like an address. */
  readonly contactEmailMalformed: boolean;
  readonly sellerType: SellerType | null;
  readonly existingSeller: boolean;
}

export type RefurbishmentField = 'refurbisher' | 'refurbisherName' | 'inspectionAttested';

export interface RefurbishmentFigures {
  readonly refurbisher: Refurbisher | null;
  readonly refurbisherName: string | null;
  readonly inspectionAttested: boolean;
  readonly missingFields: readonly RefurbishmentField[];
}

export interface CategoriesAndBrandsFigures {
  /** Distinct non-blank entries, compared without case. */
  readonly categories: number;
  readonly brands: number;
}

export interface MissingRate {
  readonly currency: CurrencyCode;
  readonly date: IsoDate;
}

/**
 * A purchase total against its minimum. The line and invoice counts are disjoint: each line not
 * counted is reported once, under its first reason, and a line on an invoice that does not count
 * is reported with its invoice.
 */
export interface PurchaseTallyFigures {
  readonly totalUsd: Money;
  readonly minimumUsd: Money;
  /** How much more is needed; zero once the minimum is met. */
  readonly shortfallUsd: Money;
  readonly excludedItemMaxUnitPriceUsd: Money;
  /**
   * Where that limit fell in the currencies of the excluded lines, at their invoice dates' rates
   * (20.97 CAD for 15.00 USD at 0.7150), each once; USD lines add none.
   */
  readonly localExclusionLimits: readonly Money[];
  readonly windowDays: number;
  readonly window: DateWindow;
  readonly invoicesCounted: number;
  readonly invoicesOutsideWindow: number;
  readonly invoicesWithoutDocument: number;
  readonly invoicesInvalid: number;
  readonly linesCounted: number;
  readonly linesAtOrBelowExclusion: number;
  readonly linesFullyRedacted: number;
  readonly linesInvalid: number;
  readonly linesMissingRate: number;
  /** Counted lines whose quantity x unit price differs from their amount. */
  readonly linesFlagged: number;
  /** The currency and invoice dates lacking a USD rate, each once. */
  readonly missingRates: readonly MissingRate[];
}

export interface ImagesFigures {
  readonly imageCount: number;
  readonly minimumImages: number;
  readonly screenOnRequired: boolean;
  readonly requiredViews: readonly ImageView[];
  readonly missingViews: readonly ImageView[];
}

export type WarrantyFigures =
  | { readonly rule: 'GUARANTEE_ACCEPTANCE'; readonly guaranteeAccepted: boolean }
  | { readonly rule: 'MINIMUM_DAYS'; readonly minimumDays: number; readonly warrantyDays: number | null };

export interface QualityPolicyFigures {
  readonly accepted: boolean;
}

export interface OdrFigures {
  readonly existingSeller: boolean;
  readonly orders: number | null;
  readonly defectiveOrders: number | null;
  /** For display only, rounded half-up; the verdict compares the counts exactly. */
  readonly rateBps: number | null;
  readonly maximumBps: number;
  readonly windowDays: number;
}

interface CriterionResultOf<C extends CriterionCode, F> {
  readonly criterion: C;
  readonly status: CriterionStatus;
  /** A hard criterion that fails blocks submission; APPLE_PURCHASES is decided inside an approval. */
  readonly hard: boolean;
  /** One sentence with the figures behind the status. */
  readonly summary: string;
  readonly figures: F;
}

export type BusinessDetailsResult = CriterionResultOf<'BUSINESS_DETAILS', BusinessDetailsFigures>;
export type RefurbishmentResult = CriterionResultOf<'REFURBISHMENT', RefurbishmentFigures>;
export type CategoriesAndBrandsResult = CriterionResultOf<'CATEGORIES_AND_BRANDS', CategoriesAndBrandsFigures>;
export type QualifyingPurchasesResult = CriterionResultOf<'QUALIFYING_PURCHASES', PurchaseTallyFigures>;
export type ApplePurchasesResult = CriterionResultOf<'APPLE_PURCHASES', PurchaseTallyFigures>;
export type ImagesResult = CriterionResultOf<'IMAGES', ImagesFigures>;
export type WarrantyResult = CriterionResultOf<'WARRANTY', WarrantyFigures>;
export type QualityPolicyResult = CriterionResultOf<'QUALITY_POLICY', QualityPolicyFigures>;
export type OdrResult = CriterionResultOf<'ODR', OdrFigures>;

export type CriterionResult =
  | BusinessDetailsResult
  | RefurbishmentResult
  | CategoriesAndBrandsResult
  | QualifyingPurchasesResult
  | ApplePurchasesResult
  | ImagesResult
  | WarrantyResult
  | QualityPolicyResult
  | OdrResult;

/** The seller's orders over the trailing ODR window, as the server computes them. */
export interface OrderCounts {
  readonly orders: number;
  readonly defectiveOrders: number;
}

/**
 * The order data an application is judged on for ODR (SPEC 3). A new seller has no orders, so zero.
 * An existing seller is judged on its counts over the ODR window; until they are known (order data
 * arrives with the quality feature) it has none, and a reviewer checks ODR by hand.
 */
export function orderDataFor(existingSeller: boolean, known: OrderCounts | null = null): OrderCounts | null {
  return existingSeller ? known : { orders: 0, defectiveOrders: 0 };
}

export interface EligibilityInput {
  readonly application: ApplicationInput;
  /** The version in force when the application is (or would be) submitted. */
  readonly policy: PolicyVersion;
  readonly exchangeRates: readonly ExchangeRate[];
  /** Null when an existing seller's order data is not available; ignored for a new seller. */
  readonly orders: OrderCounts | null;
  /** Submission time on the server; the current time in the live form. */
  readonly now: Date;
}

/**
 * The result stored with the application. Only strings, numbers, booleans and plain objects, so it
 * survives a JSON round trip unchanged.
 */
export interface EligibilityReport {
  readonly marketplace: MarketplaceCode;
  readonly policyVersion: number;
  /** `now` as an ISO 8601 UTC instant. */
  readonly evaluatedAt: string;
  /** No hard criterion fails. NEEDS_REVIEW does not block: a reviewer looks at it. */
  readonly eligible: boolean;
  /** In CRITERION_CODES order; APPLE_PURCHASES only when Apple approval is requested. */
  readonly criteria: readonly CriterionResult[];
  /** The hard criteria that fail, the reasons a submission is refused. */
  readonly blockingFailures: readonly CriterionResult[];
  readonly invoices: readonly InvoiceEvaluation[];
}

/**
 * Judges an application against a policy version (SPEC 3): one pure function for the live form and
 * the server's check on submit. It never throws on an incomplete draft or a missing exchange rate;
 * those show up as failing criteria and excluded lines. It does throw on inputs no seller can cause:
 * a policy of another marketplace, an invalid `now`, corrupt rate rows or order counts.
 */
export function evaluateEligibility(input: EligibilityInput): EligibilityReport {
  const { application, policy, exchangeRates, orders, now } = input;
  if (application.marketplace !== policy.marketplace) {
    throw new RangeError(
      `The application is for ${application.marketplace} but the policy version is ${policy.marketplace}'s.`,
    );
  }
  const timeZone = MARKETPLACES[policy.marketplace].timeZone;
  const purchaseWindow = trailingWindow(now, policy.purchaseWindowDays, timeZone);
  const appleWindow = application.appleRequested ? trailingWindow(now, policy.applePurchaseWindowDays, timeZone) : null;

  const invoices = application.invoices.map((invoice) => assessInvoice(invoice, policy, exchangeRates));
  const qualifying = tallyPurchases(invoices, {
    window: purchaseWindow,
    windowDays: policy.purchaseWindowDays,
    minimum: policy.qualifyingPurchasesMinimum,
    excludedItemMaxUnitPrice: policy.excludedItemMaxUnitPrice,
    includesLine: () => true,
    reportsEveryInvoice: true,
  });
  const apple =
    appleWindow === null
      ? null
      : tallyPurchases(invoices, {
          window: appleWindow,
          windowDays: policy.applePurchaseWindowDays,
          minimum: policy.appleQualifyingPurchasesMinimum,
          excludedItemMaxUnitPrice: policy.excludedItemMaxUnitPrice,
          includesLine: (line) => line.appleBrand,
          reportsEveryInvoice: false,
        });

  const criteria: CriterionResult[] = [
    businessDetails(application),
    refurbishment(application),
    categoriesAndBrands(application),
    purchaseResult('QUALIFYING_PURCHASES', 'Qualifying purchases', qualifying),
    ...(apple === null ? [] : [purchaseResult('APPLE_PURCHASES', 'Apple purchases', apple)]),
    images(application, policy),
    warranty(application, policy),
    qualityPolicy(application),
    odr(application, policy, orders),
  ];
  const blockingFailures = criteria.filter((result) => result.hard && result.status === 'FAIL');

  return {
    marketplace: policy.marketplace,
    policyVersion: policy.version,
    evaluatedAt: now.toISOString(),
    eligible: blockingFailures.length === 0,
    criteria,
    blockingFailures,
    invoices: invoices.map((invoice) => invoiceEvaluation(invoice, qualifying, apple, timeZone)),
  };
}

/** The result for one criterion, or undefined when the report does not hold it (Apple not requested). */
export function findCriterion<C extends CriterionCode>(
  report: Pick<EligibilityReport, 'criteria'>,
  criterion: C,
): Extract<CriterionResult, { criterion: C }> | undefined {
  return report.criteria.find((result): result is Extract<CriterionResult, { criterion: C }> => {
    return result.criterion === criterion;
  });
}

// --- the simple criteria ---------------------------------------------------------------------

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const BUSINESS_FIELD_WORDS: Readonly<Record<BusinessDetailsField, string>> = {
  legalName: 'legal name',
  contactName: 'contact name',
  contactEmail: 'contact email',
  sellerType: 'seller type',
};

function businessDetails({ business }: ApplicationInput): BusinessDetailsResult {
  const missingFields: BusinessDetailsField[] = [];
  if (isBlank(business.legalName)) missingFields.push('legalName');
  if (isBlank(business.contactName)) missingFields.push('contactName');
  if (isBlank(business.contactEmail)) missingFields.push('contactEmail');
  if (business.sellerType === null) missingFields.push('sellerType');
  const contactEmailMalformed = !isBlank(business.contactEmail) && !EMAIL_SHAPE.test(business.contactEmail.trim());
  const figures = {
    missingFields,
    contactEmailMalformed,
    sellerType: business.sellerType,
    existingSeller: business.existingSeller,
  };
  const pass = missingFields.length === 0 && !contactEmailMalformed;
  const sellerKind = business.existingSeller ? 'existing seller' : 'new seller';
  const problems = [
    ...(missingFields.length > 0 ? [`missing ${wordList(missingFields.map((f) => BUSINESS_FIELD_WORDS[f]))}`] : []),
    ...(contactEmailMalformed ? [`contact email "${business.contactEmail.trim()}" is not an email address`] : []),
  ];
  return {
    criterion: 'BUSINESS_DETAILS',
    status: pass ? 'PASS' : 'FAIL',
    hard: true,
    summary: pass
      ? `${business.legalName.trim()}, ${business.sellerType ? SELLER_TYPE_LABELS[business.sellerType].toLowerCase() : ''} ${sellerKind}, contact ` +
        `${business.contactName.trim()} <${business.contactEmail.trim()}>`
      : `Business details incomplete: ${problems.join('; ')}`,
    figures,
  };
}

function refurbishment({ refurbishment: r }: ApplicationInput): RefurbishmentResult {
  const missingFields: RefurbishmentField[] = [];
  if (r.refurbisher === null) missingFields.push('refurbisher');
  const name = r.refurbisherName === null || isBlank(r.refurbisherName) ? null : r.refurbisherName.trim();
  if (r.refurbisher === 'THIRD_PARTY_REFURBISHER' && name === null) missingFields.push('refurbisherName');
  if (!r.inspectionAttested) missingFields.push('inspectionAttested');
  const words: Record<RefurbishmentField, string> = {
    refurbisher: 'who refurbishes the units',
    refurbisherName: "the third-party refurbisher's name",
    inspectionAttested: 'the inspection attestation',
  };
  const who =
    r.refurbisher === 'MANUFACTURER' ? 'the manufacturer' : `third-party refurbisher ${name ?? '(name missing)'}`;
  return {
    criterion: 'REFURBISHMENT',
    status: missingFields.length === 0 ? 'PASS' : 'FAIL',
    hard: true,
    summary:
      missingFields.length === 0
        ? `Refurbished by ${who}; every unit attested inspected, cleaned, repaired where needed and tested`
        : `Refurbishment incomplete: missing ${wordList(missingFields.map((f) => words[f]))}`,
    figures: {
      refurbisher: r.refurbisher,
      refurbisherName: name,
      inspectionAttested: r.inspectionAttested,
      missingFields,
    },
  };
}

function categoriesAndBrands(application: ApplicationInput): CategoriesAndBrandsResult {
  const categories = distinctCount(application.categories);
  const brands = distinctCount(application.brands);
  const lacking = [...(categories === 0 ? ['a category'] : []), ...(brands === 0 ? ['a brand'] : [])];
  const counts = `${plural(categories, 'category', 'categories')}, ${plural(brands, 'brand')}`;
  return {
    criterion: 'CATEGORIES_AND_BRANDS',
    status: lacking.length === 0 ? 'PASS' : 'FAIL',
    hard: true,
    summary: lacking.length === 0 ? counts : `${counts}; add at least ${wordList(lacking)}`,
    figures: { categories, brands },
  };
}

function images(application: ApplicationInput, policy: PolicyVersion): ImagesResult {
  const screenOnRequired = application.productsHaveScreen && policy.screenProductsRequireScreenOn;
  const required = new Set<ImageView>(policy.requiredViews);
  if (screenOnRequired) required.add('SCREEN_ON');
  // In IMAGE_VIEWS order, so the same views always read the same way.
  const requiredViews = IMAGE_VIEWS.filter((view) => required.has(view));
  const present = new Set<string>(application.images.map((image) => image.view));
  const missingViews = requiredViews.filter((view) => !present.has(view));
  const imageCount = application.images.length;
  const enough = imageCount >= policy.minimumImages;
  const countText = `${plural(imageCount, 'image')}, at least ${policy.minimumImages} required`;
  const viewsText =
    missingViews.length === 0
      ? `all ${requiredViews.length} required views present`
      : `missing ${missingViews.length === 1 ? 'view' : 'views'} ${missingViews.map((view) => IMAGE_VIEW_LABELS[view]).join(', ')}`;
  return {
    criterion: 'IMAGES',
    status: enough && missingViews.length === 0 ? 'PASS' : 'FAIL',
    hard: true,
    summary: `${countText}; ${viewsText}${screenOnRequired ? ' (Screen on is required: the products have a screen)' : ''}`,
    figures: { imageCount, minimumImages: policy.minimumImages, screenOnRequired, requiredViews, missingViews },
  };
}

function warranty(application: ApplicationInput, policy: PolicyVersion): WarrantyResult {
  const rule = policy.warranty;
  if (rule.kind === 'GUARANTEE_ACCEPTANCE') {
    const accepted = application.warranty.guaranteeAccepted;
    return {
      criterion: 'WARRANTY',
      status: accepted ? 'PASS' : 'FAIL',
      hard: true,
      summary: accepted ? 'Renewed Guarantee accepted' : 'Renewed Guarantee not accepted yet',
      figures: { rule: 'GUARANTEE_ACCEPTANCE', guaranteeAccepted: accepted },
    };
  }
  const days = application.warranty.warrantyDays;
  const readable = days !== null && Number.isSafeInteger(days) && days >= 0;
  const pass = readable && days >= rule.minimumDays;
  const needed = `at least ${rule.minimumDays} days from purchase required`;
  return {
    criterion: 'WARRANTY',
    status: pass ? 'PASS' : 'FAIL',
    hard: true,
    summary:
      days === null
        ? `No warranty length entered; ${needed}`
        : readable
          ? `Warranty of ${plural(days, 'day')}; ${needed}`
          : `Warranty length ${days} is not a whole number of days; ${needed}`,
    figures: { rule: 'MINIMUM_DAYS', minimumDays: rule.minimumDays, warrantyDays: days },
  };
}

function qualityPolicy(application: ApplicationInput): QualityPolicyResult {
  const accepted = application.qualityPolicyAccepted;
  return {
    criterion: 'QUALITY_POLICY',
    status: accepted ? 'PASS' : 'FAIL',
    hard: true,
    summary: accepted ? "The program's quality policy accepted" : "The program's quality policy not accepted yet",
    figures: { accepted },
  };
}

function odr(application: ApplicationInput, policy: PolicyVersion, orders: OrderCounts | null): OdrResult {
  const existingSeller = application.business.existingSeller;
  const base = {
    existingSeller,
    maximumBps: policy.odrMaximumBps,
    windowDays: policy.odrWindowDays,
  };
  const maximum = formatBps(policy.odrMaximumBps);
  const result = (status: CriterionStatus, summary: string, figures: OdrFigures): OdrResult => ({
    criterion: 'ODR',
    status,
    hard: true,
    summary,
    figures,
  });
  if (!existingSeller) {
    return result('PASS', `New seller: ODR (at most ${maximum}) is monitored from the first order`, {
      ...base,
      orders: null,
      defectiveOrders: null,
      rateBps: null,
    });
  }
  if (orders === null) {
    return result(
      'NEEDS_REVIEW',
      `Existing seller, but its order data for the trailing ${policy.odrWindowDays} days is not available; a reviewer checks ODR (at most ${maximum})`,
      { ...base, orders: null, defectiveOrders: null, rateBps: null },
    );
  }
  assertOrderCounts(orders);
  const figures = { ...base, orders: orders.orders, defectiveOrders: orders.defectiveOrders };
  if (orders.orders === 0) {
    return result(
      'PASS',
      `No orders in the trailing ${policy.odrWindowDays} days: ODR (at most ${maximum}) is monitored from the first order`,
      { ...figures, rateBps: null },
    );
  }
  const within = ratioAtMostBps(orders.defectiveOrders, orders.orders, policy.odrMaximumBps);
  const rateBps = ratioToBps(orders.defectiveOrders, orders.orders);
  return result(
    within ? 'PASS' : 'FAIL',
    `ODR ${formatBps(rateBps)} (${formatCount(orders.defectiveOrders)} of ${plural(orders.orders, 'order')} ` +
      `defective) over the trailing ${policy.odrWindowDays} days, ${within ? 'within' : 'above'} the ${maximum} maximum`,
    { ...figures, rateBps },
  );
}

/** Order counts come from the server's own computation: wrong ones are a bug to surface, not a FAIL. */
function assertOrderCounts({ orders, defectiveOrders }: OrderCounts): void {
  if (!Number.isSafeInteger(orders) || !Number.isSafeInteger(defectiveOrders) || orders < 0 || defectiveOrders < 0) {
    throw new InvalidRatioError(`Order counts must be whole numbers, 0 or more; got ${defectiveOrders} of ${orders}.`);
  }
  if (defectiveOrders > orders) {
    throw new InvalidRatioError(`${defectiveOrders} defective orders exceed the ${orders} orders they are part of.`);
  }
}

// --- purchases -------------------------------------------------------------------------------

/** Line reasons that do not depend on a window, in LINE_EXCLUSION_REASONS order. */
type LineReason = Extract<
  LineExclusionReason,
  'FULLY_REDACTED' | 'INVALID_LINE' | 'MISSING_RATE' | 'AT_OR_BELOW_EXCLUSION'
>;

interface AssessedLine {
  readonly input: InvoiceLineInput;
  readonly appleBrand: boolean;
  readonly problems: readonly FieldProblem[];
  readonly unitPrice: Money | null;
  readonly amount: Money | null;
  readonly value: Money | null;
  readonly valueSource: InvoiceLineEvaluation['valueSource'];
  readonly rate: RateUsed | null;
  readonly unitPriceUsd: Money | null;
  readonly valueUsd: Money | null;
  readonly exclusionLimit: Money | null;
  readonly flagged: boolean;
  readonly expectedAmount: Money | null;
  readonly reasons: readonly LineReason[];
}

interface AssessedInvoice {
  readonly input: InvoiceInput;
  /** Date and currency readable, so the invoice can be placed in a window and converted. */
  readonly readable: boolean;
  readonly problems: readonly FieldProblem[];
  readonly lines: readonly AssessedLine[];
}

/** Everything about an invoice that does not depend on a window: values, conversions, flags. */
function assessInvoice(invoice: InvoiceInput, policy: PolicyVersion, rates: readonly ExchangeRate[]): AssessedInvoice {
  const readable = isIsoDate(invoice.date) && isCurrencyCode(invoice.currency);
  return {
    input: invoice,
    readable,
    problems: validateInvoice(invoice),
    lines: invoice.lines.map((line) => assessLine(line, readable ? invoice : null, policy, rates)),
  };
}

function assessLine(
  line: InvoiceLineInput,
  invoice: InvoiceInput | null,
  policy: PolicyVersion,
  rates: readonly ExchangeRate[],
): AssessedLine {
  const problems = validateInvoiceLine(line);
  const bad = (field: string): boolean => problems.some((problem) => problem.field === field);
  const reasons: LineReason[] = [];
  // A fully redacted line has its own reason; its one problem is on the quantity field.
  const redacted = isFullyRedacted(line);
  if (redacted) reasons.push('FULLY_REDACTED');
  if (problems.some((problem) => !redacted || problem.field !== 'quantity')) reasons.push('INVALID_LINE');

  const base = {
    input: line,
    appleBrand: isAppleBrand(line.brand),
    problems,
    rate: null,
    unitPriceUsd: null,
    valueUsd: null,
    exclusionLimit: null,
  };
  if (invoice === null) {
    // Without a readable currency there is no Money to make; the invoice-level reason explains it.
    return {
      ...base,
      unitPrice: null,
      amount: null,
      value: null,
      valueSource: null,
      flagged: false,
      expectedAmount: null,
      reasons,
    };
  }

  const currency = invoice.currency;
  const unitPrice =
    line.unitPriceMinor !== null && !bad('unitPriceMinor') ? money(line.unitPriceMinor, currency) : null;
  const amount = line.amountMinor !== null && !bad('amountMinor') ? money(line.amountMinor, currency) : null;
  const quantity = line.quantity !== null && !bad('quantity') ? line.quantity : null;
  const product = unitPrice !== null && quantity !== null ? BigInt(unitPrice.amountMinor) * BigInt(quantity) : null;
  const expectedAmount =
    product !== null && product <= BigInt(Number.MAX_SAFE_INTEGER) ? money(Number(product), currency) : null;
  const flagged = amount !== null && product !== null && product !== BigInt(amount.amountMinor);
  const value = amount ?? (line.amountMinor === null ? expectedAmount : null);
  const valueSource = amount !== null ? 'AMOUNT' : value !== null ? 'QUANTITY_TIMES_UNIT_PRICE' : null;

  let rate: RateUsed | null = null;
  let unitPriceUsd: Money | null = null;
  let valueUsd: Money | null = null;
  let exclusionLimit: Money | null = null;
  let atOrBelowExclusion = false;
  if (unitPrice !== null) {
    try {
      const inForce = rateOn(rates, currency, 'USD', invoice.date);
      rate = { from: currency, to: 'USD', source: inForce.source, inverted: inForce.inverted };
      // SPEC 1: the rate in force on the invoice date. The unit price is compared with the limit
      // exactly, before any rounding (SPEC 3: "exactly 15.00 does not count", so 15.0007 does);
      // the cents are for people to read.
      unitPriceUsd = convertMoney(unitPrice, 'USD', rates, invoice.date);
      valueUsd = value === null ? null : convertMoney(value, 'USD', rates, invoice.date);
      const limit = policy.excludedItemMaxUnitPrice;
      atOrBelowExclusion = compareConverted(unitPrice, limit, rates, invoice.date) <= 0;
      exclusionLimit = exclusionLimitIn(currency, limit, rates, invoice.date);
    } catch (error) {
      if (!(error instanceof MissingExchangeRateError)) throw error;
      reasons.push('MISSING_RATE');
    }
  }
  if (atOrBelowExclusion) reasons.push('AT_OR_BELOW_EXCLUSION');
  return {
    ...base,
    unitPrice,
    amount,
    value,
    valueSource,
    rate,
    unitPriceUsd,
    valueUsd,
    exclusionLimit,
    flagged,
    expectedAmount,
    reasons,
  };
}

/** For display only: a limit beyond what a Money can hold in `currency` (an absurd rate) shows none. */
function exclusionLimitIn(
  currency: CurrencyCode,
  limit: Money,
  rates: readonly ExchangeRate[],
  date: IsoDate,
): Money | null {
  try {
    return largestAmountAtOrBelow(limit, currency, rates, date);
  } catch (error) {
    if (error instanceof InvalidMoneyError) return null;
    throw error;
  }
}

function dateStatusIn(invoice: AssessedInvoice, window: DateWindow): InvoiceDateStatus {
  if (!isIsoDate(invoice.input.date)) return 'INVALID_DATE';
  if (invoice.input.date < window.from) return 'BEFORE_WINDOW';
  if (invoice.input.date > window.to) return 'AFTER_TODAY';
  return 'IN_WINDOW';
}

/** The invoice-level reasons its lines do not count in `window`, in LINE_EXCLUSION_REASONS order. */
function invoiceReasons(invoice: AssessedInvoice, window: DateWindow): LineExclusionReason[] {
  const reasons: LineExclusionReason[] = [];
  if (!invoice.readable) reasons.push('INVALID_INVOICE');
  else if (dateStatusIn(invoice, window) !== 'IN_WINDOW') reasons.push('OUTSIDE_WINDOW');
  if (!invoice.input.hasDocument) reasons.push('NO_DOCUMENT');
  return reasons;
}

interface TallyRule {
  readonly window: DateWindow;
  readonly windowDays: number;
  readonly minimum: Money;
  readonly excludedItemMaxUnitPrice: Money;
  readonly includesLine: (line: AssessedLine) => boolean;
  /** Report an invoice outside the window even when it has no line of the selection. */
  readonly reportsEveryInvoice: boolean;
}

interface Tally {
  readonly figures: PurchaseTallyFigures;
  readonly countedLines: ReadonlySet<AssessedLine>;
  /** Whether the selection has anything to count at all: for Apple, any Apple-brand line. */
  readonly hasLines: boolean;
}

function tallyPurchases(invoices: readonly AssessedInvoice[], rule: TallyRule): Tally {
  const countedLines = new Set<AssessedLine>();
  const missingRates = new Map<string, MissingRate>();
  const localExclusionLimits = new Map<string, Money>();
  let total = money(0, 'USD');
  let hasLines = false;
  const counts = {
    invoicesCounted: 0,
    invoicesOutsideWindow: 0,
    invoicesWithoutDocument: 0,
    invoicesInvalid: 0,
    linesAtOrBelowExclusion: 0,
    linesFullyRedacted: 0,
    linesInvalid: 0,
    linesMissingRate: 0,
    linesFlagged: 0,
  };
  for (const invoice of invoices) {
    const lines = invoice.lines.filter(rule.includesLine);
    if (lines.length > 0) hasLines = true;
    if (lines.length === 0 && !rule.reportsEveryInvoice) continue;
    const [invoiceReason] = invoiceReasons(invoice, rule.window);
    if (invoiceReason === 'INVALID_INVOICE') counts.invoicesInvalid += 1;
    if (invoiceReason === 'OUTSIDE_WINDOW') counts.invoicesOutsideWindow += 1;
    if (invoiceReason === 'NO_DOCUMENT') counts.invoicesWithoutDocument += 1;
    if (invoiceReason !== undefined) continue;
    let countedHere = false;
    for (const line of lines) {
      const [reason] = line.reasons;
      if (reason === undefined && line.valueUsd !== null) {
        countedLines.add(line);
        countedHere = true;
        total = addMoney(total, line.valueUsd);
        if (line.flagged) counts.linesFlagged += 1;
        continue;
      }
      if (line.reasons.includes('MISSING_RATE')) {
        const date = invoice.input.date;
        const currency = invoice.input.currency;
        missingRates.set(`${currency}@${date}`, { currency, date });
      }
      if (reason === 'FULLY_REDACTED') counts.linesFullyRedacted += 1;
      if (reason === 'INVALID_LINE') counts.linesInvalid += 1;
      if (reason === 'MISSING_RATE') counts.linesMissingRate += 1;
      if (reason === 'AT_OR_BELOW_EXCLUSION') {
        counts.linesAtOrBelowExclusion += 1;
        const limit = line.exclusionLimit;
        if (limit !== null && limit.currency !== rule.excludedItemMaxUnitPrice.currency) {
          localExclusionLimits.set(`${limit.currency} ${limit.amountMinor}`, limit);
        }
      }
    }
    if (countedHere) counts.invoicesCounted += 1;
  }
  const shortfall = subtractMoney(rule.minimum, total);
  return {
    countedLines,
    hasLines,
    figures: {
      totalUsd: total,
      minimumUsd: rule.minimum,
      shortfallUsd: shortfall.amountMinor > 0 ? shortfall : money(0, 'USD'),
      excludedItemMaxUnitPriceUsd: rule.excludedItemMaxUnitPrice,
      localExclusionLimits: [...localExclusionLimits.values()].sort(
        (a, b) => a.currency.localeCompare(b.currency) || a.amountMinor - b.amountMinor,
      ),
      windowDays: rule.windowDays,
      window: rule.window,
      linesCounted: countedLines.size,
      ...counts,
      missingRates: [...missingRates.values()].sort(
        (a, b) => a.currency.localeCompare(b.currency) || a.date.localeCompare(b.date),
      ),
    },
  };
}

function purchaseResult<C extends 'QUALIFYING_PURCHASES' | 'APPLE_PURCHASES'>(
  criterion: C,
  label: string,
  tally: Tally,
): CriterionResultOf<C, PurchaseTallyFigures> {
  const f = tally.figures;
  const met = compareMoney(f.totalUsd, f.minimumUsd) >= 0;
  const clauses = [`${label} ${amountOnly(f.totalUsd)} of ${formatMoney(f.minimumUsd)}`];
  if (criterion === 'APPLE_PURCHASES' && !tally.hasLines) clauses.push('no Apple-brand lines on the invoices');
  if (f.linesAtOrBelowExclusion > 0) {
    const locals = f.localExclusionLimits.map(formatMoney);
    clauses.push(
      `${plural(f.linesAtOrBelowExclusion, 'line')} excluded at or below ${formatMoney(f.excludedItemMaxUnitPriceUsd)}` +
        (locals.length === 0
          ? ''
          : ` (${wordList(locals)} at the rate of ${locals.length === 1 ? 'the invoice date' : 'each invoice date'})`),
    );
  }
  if (f.invoicesOutsideWindow > 0) {
    clauses.push(`${plural(f.invoicesOutsideWindow, 'invoice')} outside the ${f.windowDays}-day window`);
  }
  if (f.invoicesWithoutDocument > 0) {
    clauses.push(`${plural(f.invoicesWithoutDocument, 'invoice')} without its document`);
  }
  if (f.invoicesInvalid > 0) {
    clauses.push(`${plural(f.invoicesInvalid, 'invoice')} without a readable date or currency`);
  }
  if (f.linesFullyRedacted > 0) {
    clauses.push(`${plural(f.linesFullyRedacted, 'line')} with both quantity and amount blacked out`);
  }
  if (f.linesInvalid > 0) {
    clauses.push(`${plural(f.linesInvalid, 'line')} with a missing or invalid figure`);
  }
  if (f.linesMissingRate > 0) {
    const which = f.missingRates.map((m) => `${m.currency}->USD on ${m.date}`);
    clauses.push(`${plural(f.linesMissingRate, 'line')} not counted: no exchange rate for ${wordList(which)}`);
  }
  if (f.linesFlagged > 0) {
    clauses.push(`${plural(f.linesFlagged, 'line')} flagged: quantity x unit price differs from the line amount`);
  }
  return {
    criterion,
    // A flagged line counts at its stated amount; a person confirms the amount before it decides.
    status: !met ? 'FAIL' : f.linesFlagged > 0 ? 'NEEDS_REVIEW' : 'PASS',
    hard: criterion === 'QUALIFYING_PURCHASES',
    summary: clauses.join('; '),
    figures: f,
  };
}

function invoiceEvaluation(
  invoice: AssessedInvoice,
  qualifying: Tally,
  apple: Tally | null,
  timeZone: string,
): InvoiceEvaluation {
  const { window, windowDays } = qualifying.figures;
  const dateStatus = dateStatusIn(invoice, window);
  const reasons = invoiceReasons(invoice, window);
  const lines = invoice.lines.map((line): InvoiceLineEvaluation => {
    const exclusions = [...reasons, ...line.reasons];
    return {
      lineId: line.input.id,
      description: line.input.description,
      brand: line.input.brand,
      appleBrand: line.appleBrand,
      unitPrice: line.unitPrice,
      quantity: line.input.quantity,
      amount: line.amount,
      value: line.value,
      valueSource: line.valueSource,
      rate: line.rate,
      unitPriceUsd: line.unitPriceUsd,
      valueUsd: line.valueUsd,
      exclusionLimit: line.exclusionLimit,
      flagged: line.flagged,
      expectedAmount: line.flagged ? line.expectedAmount : null,
      counted: qualifying.countedLines.has(line),
      exclusions,
      countedForApple: apple === null || !line.appleBrand ? null : apple.countedLines.has(line),
      problems: line.problems,
    };
  });
  const counted = lines.filter((line) => line.counted && line.valueUsd !== null).map((line) => line.valueUsd);
  return {
    invoiceId: invoice.input.id,
    supplier: invoice.input.supplier,
    invoiceNumber: invoice.input.invoiceNumber,
    date: invoice.input.date,
    currency: invoice.input.currency,
    hasDocument: invoice.input.hasDocument,
    dateStatus,
    inWindow: dateStatus === 'IN_WINDOW',
    windowNote: windowNote(invoice.input.date, dateStatus, window, windowDays, timeZone),
    inAppleWindow: apple === null ? null : dateStatusIn(invoice, apple.figures.window) === 'IN_WINDOW',
    countedValueUsd: counted.reduce<Money>(
      (sum, value) => (value === null ? sum : addMoney(sum, value)),
      money(0, 'USD'),
    ),
    problems: invoice.problems,
    lines,
  };
}

function windowNote(
  date: IsoDate,
  status: InvoiceDateStatus,
  window: DateWindow,
  windowDays: number,
  timeZone: string,
): string | null {
  switch (status) {
    case 'IN_WINDOW':
      return null;
    case 'BEFORE_WINDOW':
      return `Dated ${date}, before the ${windowDays}-day window from ${window.from} to ${window.to}.`;
    case 'AFTER_TODAY':
      return `Dated ${date}, after today (${window.to} in ${timeZone}); a future-dated invoice does not count.`;
    case 'INVALID_DATE':
      return date === '' ? 'No invoice date entered.' : `"${date}" is not a YYYY-MM-DD date.`;
  }
}

// --- wording ---------------------------------------------------------------------------------

function isBlank(text: string): boolean {
  return text.trim() === '';
}

function distinctCount(entries: readonly string[]): number {
  return new Set(entries.map((entry) => entry.trim().toLowerCase()).filter((entry) => entry !== '')).size;
}

/** "48,210.00": the amount of formatMoney without its currency, for "X of Y USD". */
function amountOnly(m: Money): string {
  return formatMoney(m).slice(0, -(m.currency.length + 1));
}

function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : pluralForm}`;
}

/** "a", "a and b", "a, b and c". */
function wordList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}
