import { DECISION_MESSAGE_MAX_LENGTH, REJECTION_REASON_MAX_LENGTH } from './decision.js';
import { PASSWORD_MAX_LENGTH } from './password.js';

/**
 * The most characters each text input may hold: the length of the column that stores it (the
 * server refuses more before any SQL, the web's fields stop there). Texts stored in JSON or used
 * only for a lookup get a bound of their own.
 */
export const TEXT_LIMITS = {
  /** user.email, application.contact_email (RFC 5321's longest address). */
  email: 254,
  password: PASSWORD_MAX_LENGTH,
  /** user.display_name, application.contact_name. */
  personName: 120,
  /** organization.name, application.legal_name, application.refurbisher_name. */
  businessName: 200,
  /** api_key.name. */
  apiKeyName: 100,
  /** invoice.supplier. */
  supplier: 200,
  /** invoice.invoice_number. */
  invoiceNumber: 100,
  /** invoice.date: YYYY-MM-DD. */
  date: 10,
  /** invoice_line.description. */
  lineDescription: 300,
  /** invoice_line.brand. */
  brand: 100,
  /** A decimal amount such as "129.99" (stored as integer minor units). */
  amount: 32,
  /** application.categories (JSON): one category. */
  category: 100,
  /** A criterion name such as QUALIFYING_PURCHASES. */
  criterion: 64,
  rejectionReason: REJECTION_REASON_MAX_LENGTH,
  decisionMessage: DECISION_MESSAGE_MAX_LENGTH,
  /** A password-reset or invitation token from an emailed link. */
  token: 128,
  /** A connection's `after` cursor. */
  cursor: 512,
  /** The sender's id of an ingested quality record (offer, order, complaint...): unique per marketplace. */
  externalId: 100,
  /** offer.sku. */
  sku: 64,
  /** offer.product_name. */
  productName: 300,
  /** offer.condition, e.g. "Renewed Premium". */
  offerCondition: 64,
  /** marketplace_order.buyer_reference: the marketplace's opaque id of the buyer. */
  buyerReference: 100,
  /** complaint.note. */
  complaintNote: 2000,
  /** complaint.invalidation_reason. */
  invalidationReason: 1000,
} as const;

/** The most items each list input may hold. */
export const LIST_LIMITS = {
  categories: 50,
  brands: 100,
  invoices: 50,
  invoiceLines: 200,
  images: 50,
  rejectionReasons: 20,
  apiKeyScopes: 20,
} as const;

/**
 * Characters no name or one-line text may hold: control characters (NUL, which PostgreSQL cannot
 * store, among them) and the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069)
 * that make a name display as something else.
 */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
export const FORBIDDEN_IN_NAMES = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** Characters no multi-line text may hold: the same, except tab and line breaks. */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
export const FORBIDDEN_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
