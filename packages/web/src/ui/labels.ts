import {
  AUTHORIZATION_MODE_LABELS,
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_SOURCE_LABELS,
  OFFER_STATUS_LABELS,
  ORDER_DEFECT_KIND_LABELS,
  CLOSE_REASON_LABELS,
  CRITERION_LABELS,
  CURRENCIES,
  IMAGE_VIEW_LABELS,
  LABEL_KIND_LABELS,
  MARKETPLACES,
  QUALITY_METRIC_LABELS,
  OUT_OF_POLICY_REASON_LABELS,
  REFURBISHER_LABELS,
  RETURN_REASON_LABELS,
  SELLER_QUALITY_STANDING_LABELS,
  SELLER_TYPE_LABELS,
  type AuthorizationMode,
  type QualityMetric,
  type SellerQualityStanding,
  type AuthorizationReason,
  type CloseReason,
  type CriterionCode,
  type LabelKind,
  type OutOfPolicyReason,
  type ReturnEvent,
  type ReturnReasonCode,
  type ReturnState,
} from '@recertify/domain';
import { ROLE_LABELS } from './role-labels';
import type {
  ApiScope,
  ApplicationStatus,
  CriterionStatus,
  CurrencyCode,
  Decision,
  DueFilter,
  ImageView,
  MarketplaceCode,
  OrganizationKind,
  Refurbisher,
  SellerType,
  WarrantyKind,
} from '../generated/graphql';

/*
 * Every code the API sends, as people read it. A code (IN_REVIEW, SCREEN_ON, PROFESSIONAL) never
 * reaches the screen: pages show these labels. The tables are typed by the generated enums, and
 * labels.test.ts checks every enum of schema.graphql against ENUM_LABELS, so a new value fails the
 * tests until it has words here. Where the domain already names a code (criteria, image views,
 * seller types, refurbishers, currencies, marketplaces), the same words are used.
 */

export const APPLICATION_STATUS_LABELS: Readonly<Record<ApplicationStatus, string>> = {
  DRAFT: 'Draft',
  SUBMITTED: 'Submitted',
  IN_REVIEW: 'In review',
  NEEDS_INFO: 'Needs information',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  WITHDRAWN: 'Withdrawn',
};

export const CRITERION_STATUS_LABELS: Readonly<Record<CriterionStatus, string>> = {
  PASS: 'Passes',
  FAIL: 'Fails',
  NEEDS_REVIEW: 'A reviewer checks',
};

// In a module of its own: the shell shows it on every page, and this module's imports from the
// domain would bring the domain's rules into the code every page loads first.
export { ROLE_LABELS } from './role-labels';

export const ORGANIZATION_KIND_LABELS: Readonly<Record<OrganizationKind, string>> = {
  SELLER: 'Seller',
  PROVIDER: 'Returns provider',
  MARKETPLACE: 'Marketplace systems',
};

export const DECISION_LABELS: Readonly<Record<Decision, string>> = {
  APPROVE: 'Approve',
  REJECT: 'Reject',
  NEEDS_INFO: 'Ask for more information',
};

export const DUE_FILTER_LABELS: Readonly<Record<DueFilter, string>> = {
  OVERDUE: 'Overdue',
  DUE_TODAY: 'Due today',
  DUE_THIS_WEEK: 'Due this week',
};

export const WARRANTY_KIND_LABELS: Readonly<Record<WarrantyKind, string>> = {
  GUARANTEE_ACCEPTANCE: 'Renewed Guarantee accepted',
  MINIMUM_DAYS: 'Minimum warranty length',
};

/** The scope as API users write it (SPEC 8), e.g. "read:applications". */
export const API_SCOPE_LABELS: Readonly<Record<ApiScope, string>> = {
  READ_APPLICATIONS: 'read:applications',
  READ_QUALITY: 'read:quality',
  READ_RETURNS: 'read:returns',
  WRITE_RETURNS: 'write:returns',
  PROVIDER_RETURNS: 'provider:returns',
  INGEST_MARKETPLACE_DATA: 'ingest:marketplace-data',
};

// The domain names these in its own summaries; the same words everywhere.
export const IMAGE_VIEW_NAMES: Readonly<Record<ImageView, string>> = IMAGE_VIEW_LABELS;
export const SELLER_TYPE_NAMES: Readonly<Record<SellerType, string>> = SELLER_TYPE_LABELS;
export const REFURBISHER_NAMES: Readonly<Record<Refurbisher, string>> = REFURBISHER_LABELS;

export const MARKETPLACE_NAMES: Readonly<Record<MarketplaceCode, string>> = {
  US: MARKETPLACES.US.name,
  CA: MARKETPLACES.CA.name,
  MX: MARKETPLACES.MX.name,
};

/** "US dollar (USD)": the code stays, as on an invoice, with its name. */
export const CURRENCY_NAMES: Readonly<Record<CurrencyCode, string>> = {
  USD: `${CURRENCIES.USD.name} (USD)`,
  CAD: `${CURRENCIES.CAD.name} (CAD)`,
  MXN: `${CURRENCIES.MXN.name} (MXN)`,
};

/** Audit actions, as a timeline reads them (the API sends them as strings, not an enum). */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  STARTED: 'Application started',
  DRAFT_SAVED: 'Draft saved',
  SUBMITTED: 'Submitted for review',
  RESUBMITTED: 'Resubmitted with the requested information',
  CLAIMED: 'A reviewer started the review',
  RELEASED: 'Put back in the review queue',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  NEEDS_INFO: 'More information requested',
  WITHDRAWN: 'Withdrawn',
};

/** A return's state as a badge reads it (SPEC 6). */
export const RETURN_STATE_LABELS: Readonly<Record<ReturnState, string>> = {
  REQUESTED: 'Requested',
  AUTHORIZED: 'Authorized',
  IN_TRANSIT: 'In transit',
  RECEIVED: 'Received',
  GRADED: 'Graded',
  REFUNDED: 'Refunded',
  CLOSED: 'Closed',
  EXPIRED: 'Expired',
};

// The domain names return reasons, close reasons and authorization modes in its emails; the same words here.
export const RETURN_REASON_NAMES: Readonly<Record<ReturnReasonCode, string>> = RETURN_REASON_LABELS;
export const CLOSE_REASON_NAMES: Readonly<Record<CloseReason, string>> = CLOSE_REASON_LABELS;
export const AUTHORIZATION_MODE_NAMES: Readonly<Record<AuthorizationMode, string>> = AUTHORIZATION_MODE_LABELS;

export const SELLER_QUALITY_STANDING_NAMES: Readonly<Record<SellerQualityStanding, string>> =
  SELLER_QUALITY_STANDING_LABELS;
export const QUALITY_METRIC_NAMES: Readonly<Record<QualityMetric, string>> = QUALITY_METRIC_LABELS;

/** The seller-health list's orders (the API's SellerHealthSort), each worst first. */
export type SellerHealthSortCode = 'RQS' | 'ODR' | 'RATING' | 'SINCE';
export const SELLER_HEALTH_SORT_LABELS: Readonly<Record<SellerHealthSortCode, string>> = {
  RQS: 'Lowest RQS first',
  ODR: 'Highest ODR first',
  RATING: 'Lowest rating first',
  SINCE: 'Longest in standing first',
};

/** What may happen to a return, as a button or a history line names it. */
export const RETURN_EVENT_LABELS: Readonly<Record<ReturnEvent, string>> = {
  AUTHORIZE: 'Authorize',
  SHIP: 'Mark in transit',
  RECEIVE: 'Mark received',
  GRADE: 'Grade',
  REFUND: 'Refund',
  CLOSE: 'Close',
  EXPIRE: 'Expire',
};

/** The rule of SPEC 6 that decided how a return is authorized. */
export const AUTHORIZATION_REASON_LABELS: Readonly<Record<AuthorizationReason, string>> = {
  PROFESSIONAL_IN_POLICY: 'In policy, professional seller: automatic',
  INDIVIDUAL_AUTOMATIC: 'In policy, you chose automatic',
  INDIVIDUAL_MANUAL: 'In policy, you review it',
  OUT_OF_POLICY_AUTOMATIC: 'Out of policy, you chose automatic',
  OUT_OF_POLICY_MANUAL: 'Out of policy, you review it',
  EXEMPT_SKU_AUTOMATIC: 'Exempt SKU, you chose automatic',
  EXEMPT_SKU_MANUAL: 'Exempt SKU, you review it',
};

export const LABEL_KIND_NAMES: Readonly<Record<LabelKind, string>> = LABEL_KIND_LABELS;
export const OUT_OF_POLICY_REASON_NAMES: Readonly<Record<OutOfPolicyReason, string>> = OUT_OF_POLICY_REASON_LABELS;

export const RETURN_MESSAGE_AUTHOR_LABELS: Readonly<Record<'SELLER' | 'BUYER', string>> = {
  SELLER: 'Seller',
  BUYER: 'Buyer',
};

export const RETURN_REQUEST_SORT_LABELS: Readonly<Record<'REQUESTED_NEWEST' | 'REQUESTED_OLDEST', string>> = {
  REQUESTED_NEWEST: 'Newest request first',
  REQUESTED_OLDEST: 'Oldest request first',
};

/** Every enum of the schema with its labels, for the test that none lacks one. */
/** Which figure a quality drill-down explains: the domain's names of RQS and ODR. */
export const QUALITY_DRILL_DOWN_FIGURE_LABELS: Readonly<Record<'RQS' | 'ODR', string>> = {
  RQS: QUALITY_METRIC_LABELS.RQS,
  ODR: QUALITY_METRIC_LABELS.ODR,
};

export const ENUM_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  ApiScope: API_SCOPE_LABELS,
  ApplicationStatus: APPLICATION_STATUS_LABELS,
  CriterionStatus: CRITERION_STATUS_LABELS,
  ComplaintCategory: COMPLAINT_CATEGORY_LABELS,
  ComplaintSource: COMPLAINT_SOURCE_LABELS,
  OfferStatus: OFFER_STATUS_LABELS,
  OrderDefectKind: ORDER_DEFECT_KIND_LABELS,
  QualityDrillDownFigure: QUALITY_DRILL_DOWN_FIGURE_LABELS,
  CurrencyCode: CURRENCY_NAMES,
  Decision: DECISION_LABELS,
  DueFilter: DUE_FILTER_LABELS,
  ImageView: IMAGE_VIEW_NAMES,
  MarketplaceCode: MARKETPLACE_NAMES,
  OrganizationKind: ORGANIZATION_KIND_LABELS,
  Refurbisher: REFURBISHER_NAMES,
  ReturnAuthorizationMode: AUTHORIZATION_MODE_NAMES,
  ReturnAuthorizationReason: AUTHORIZATION_REASON_LABELS,
  ReturnCloseReason: CLOSE_REASON_NAMES,
  ReturnEvent: RETURN_EVENT_LABELS,
  ReturnLabelKind: LABEL_KIND_NAMES,
  ReturnMessageAuthor: RETURN_MESSAGE_AUTHOR_LABELS,
  ReturnOutOfPolicyReason: OUT_OF_POLICY_REASON_NAMES,
  ReturnReason: RETURN_REASON_NAMES,
  ReturnRequestSort: RETURN_REQUEST_SORT_LABELS,
  ReturnState: RETURN_STATE_LABELS,
  Role: ROLE_LABELS,
  SellerType: SELLER_TYPE_NAMES,
  WarrantyKind: WARRANTY_KIND_LABELS,
  SellerQualityStanding: SELLER_QUALITY_STANDING_NAMES,
  QualityMetric: QUALITY_METRIC_NAMES,
  SellerHealthSort: SELLER_HEALTH_SORT_LABELS,
};

/**
 * Enums of the schema that are never shown to a person, with why. The error codes are read by the
 * app to decide what to do; people read the error's message.
 */
export const UNSHOWN_ENUMS: Readonly<Record<string, string>> = {
  ErrorCode: 'branched on by the app; people read the error message',
  ApiErrorCode: 'branched on by the app; people read the error message',
  UpsertOutcome: "answered to the marketplace's systems by the ingestion mutations; no page shows it",
};

/** A criterion code as people read it, e.g. QUALIFYING_PURCHASES -> "Qualifying purchases". */
export function criterionLabel(code: string): string {
  return Object.hasOwn(CRITERION_LABELS, code) ? CRITERION_LABELS[code as CriterionCode] : sentenceOfCode(code);
}

export function auditActionLabel(action: string): string {
  return Object.hasOwn(AUDIT_ACTION_LABELS, action) ? (AUDIT_ACTION_LABELS[action] ?? action) : sentenceOfCode(action);
}

/** The last resort for a code the app does not know yet (a newer server): words, never the raw code. */
function sentenceOfCode(code: string): string {
  const words = code.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
