import { Organization } from '../features/accounts/organization.entity.js';
import { PasswordResetToken } from '../features/accounts/password-reset-token.entity.js';
import { Session } from '../features/accounts/session.entity.js';
import { User } from '../features/accounts/user.entity.js';
import { ApiKey } from '../features/api-keys/api-key.entity.js';
import { OutboxEmail } from '../features/outbox/outbox-email.entity.js';
import {
  Application,
  ApplicationImage,
  EligibilitySnapshot,
  Invoice,
  InvoiceLine,
  MarketplaceApproval,
} from '../features/applications/application.entity.js';
import { AuditLogEntry } from '../features/audit/audit-log-entry.entity.js';
import { Upload } from '../features/uploads/upload.entity.js';
import { ExchangeRate } from '../features/marketplaces/exchange-rate.entity.js';
import { Holiday } from '../features/marketplaces/holiday.entity.js';
import { Marketplace } from '../features/marketplaces/marketplace.entity.js';
import { PolicyVersion } from '../features/marketplaces/policy-version.entity.js';
import { MoneyValue } from '../graphql/money.types.js';
import { RateLimitEntry } from '../limits/rate-limit.entity.js';
import { CategoryReturnWindow } from '../features/returns/category-return-window.entity.js';
import { ReturnAddress } from '../features/returns/return-address.entity.js';
import { ReturnMessage } from '../features/returns/return-message.entity.js';
import { ReturnRequest } from '../features/returns/return-request.entity.js';
import { ReturnSettingsRecord } from '../features/returns/return-settings.entity.js';
import {
  DailyQualityEvaluationClaim,
  QualityEvaluation,
} from '../features/quality/evaluation/quality-evaluation.entity.js';
import { SellerQualityStandingRecord } from '../features/quality/evaluation/seller-quality-standing.entity.js';
import { ReturnEmailSettings } from '../features/returns/email-settings/return-email-settings.entity.js';
import { PrepaidReturnLabel } from '../features/returns/labels/return-label.entity.js';
import { SigningKey } from '../features/returns/links/signing-key.entity.js';
import { UsedReturnLink } from '../features/returns/links/used-return-link.entity.js';
import { BaseEntity } from './base.entity.js';
import { Complaint } from '../features/quality/complaint.entity.js';
import { Offer } from '../features/quality/offer.entity.js';
import { Order } from '../features/quality/order.entity.js';
import { OrderDefect } from '../features/quality/order-defect.entity.js';
import { ProductRating } from '../features/quality/product-rating.entity.js';
import { OfferDailyQuality, SellerDailyQuality } from '../features/quality/quality-rollup.entity.js';

/** Every entity, listed explicitly: no folder scanning, so the same list works from src and dist. */
export const entities = [
  BaseEntity,
  MoneyValue,
  Marketplace,
  PolicyVersion,
  Holiday,
  ExchangeRate,
  Organization,
  User,
  Session,
  PasswordResetToken,
  ApiKey,
  OutboxEmail,
  Upload,
  Application,
  Invoice,
  InvoiceLine,
  ApplicationImage,
  EligibilitySnapshot,
  MarketplaceApproval,
  AuditLogEntry,
  RateLimitEntry,
  Offer,
  Order,
  OrderDefect,
  Complaint,
  ProductRating,
  OfferDailyQuality,
  SellerDailyQuality,
  ReturnAddress,
  ReturnSettingsRecord,
  CategoryReturnWindow,
  ReturnRequest,
  ReturnMessage,
  SellerQualityStandingRecord,
  QualityEvaluation,
  DailyQualityEvaluationClaim,
  ReturnEmailSettings,
  PrepaidReturnLabel,
  UsedReturnLink,
  SigningKey,
];
