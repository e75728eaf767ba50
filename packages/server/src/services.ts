import type { EntityManager } from '@mikro-orm/knex';
import type { AppConfig } from './config.js';
import { AccountsService } from './features/accounts/accounts.service.js';
import { signInThrottleFor } from './features/accounts/sign-in-throttle.js';
import { ApiKeyService } from './features/api-keys/api-key.service.js';
import { ApplicationService } from './features/applications/application.service.js';
import { MarketplaceService } from './features/marketplaces/marketplace.service.js';
import { ReviewQueueService } from './features/review/review-queue.service.js';
import { QualityDashboardService } from './features/quality/dashboard/dashboard.service.js';
import { EvaluationHistoryService } from './features/quality/evaluation-history/evaluation-history.service.js';
import { ReviewService } from './features/review/review.service.js';
import { ReturnQueueService } from './features/returns/return-queue.service.js';
import { ReturnsService } from './features/returns/returns.service.js';
import { QualityEvaluationService } from './features/quality/evaluation/quality-evaluation.service.js';
import { SellerHealthService } from './features/seller-health/seller-health.service.js';
import { QualityRecordsService } from './features/quality/quality-records.service.js';
import { ReturnEmailSettingsService } from './features/returns/email-settings/return-email-settings.service.js';
import { ReturnLabelsService } from './features/returns/labels/return-labels.service.js';

/** What every service is built from: one unit of work, the configuration and the clock. */
export interface ServiceDependencies {
  readonly em: EntityManager;
  readonly config: AppConfig;
  readonly now: () => Date;
}

/**
 * The services of one unit of work, built in one place: the GraphQL context (one per request), the
 * upload routes, the import command and the workers all call them the same way, without GraphQL.
 */
export interface Services {
  readonly accounts: AccountsService;
  readonly apiKeys: ApiKeyService;
  readonly applications: ApplicationService;
  readonly marketplaces: MarketplaceService;
  readonly review: ReviewService;
  readonly reviewQueue: ReviewQueueService;
  readonly returns: ReturnsService;
  readonly returnQueue: ReturnQueueService;
  readonly qualityEvaluation: QualityEvaluationService;
  readonly sellerHealth: SellerHealthService;
  readonly qualityRecords: QualityRecordsService;
  readonly qualityDashboard: QualityDashboardService;
  readonly evaluationHistory: EvaluationHistoryService;
  readonly returnLabels: ReturnLabelsService;
  readonly returnEmailSettings: ReturnEmailSettingsService;
}

export function createServices({ em, config, now }: ServiceDependencies): Services {
  const qualityEvaluation = new QualityEvaluationService({ em, config, now });
  return {
    accounts: new AccountsService(em, config, now, signInThrottleFor(config, em)),
    apiKeys: new ApiKeyService(em, now),
    applications: new ApplicationService(em, config, now),
    marketplaces: new MarketplaceService(em),
    review: new ReviewService(em, config, now),
    reviewQueue: new ReviewQueueService(em, now, config.reviewQueue.countCap),
    returns: new ReturnsService(em, config, now),
    returnQueue: new ReturnQueueService(em, now, config.returnsQueue.countCap),
    qualityEvaluation,
    sellerHealth: new SellerHealthService(em, qualityEvaluation),
    qualityRecords: new QualityRecordsService(em, now),
    qualityDashboard: new QualityDashboardService(em, now),
    evaluationHistory: new EvaluationHistoryService(em),
    returnLabels: new ReturnLabelsService(em, config, now),
    returnEmailSettings: new ReturnEmailSettingsService(em, now),
  };
}
