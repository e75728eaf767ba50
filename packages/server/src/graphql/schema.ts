import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AccountsResolver } from '../features/accounts/accounts.resolver.js';
import { ApiKeyResolver } from '../features/api-keys/api-key.resolver.js';
import {
  ApplicationImageResolver,
  ApplicationsResolver,
  InvoiceLineResolver,
  InvoiceResolver,
} from '../features/applications/applications.resolver.js';
import { MarketplaceResolver } from '../features/marketplaces/marketplace.resolver.js';
import { ReviewResolver } from '../features/review/review.resolver.js';
import { ReturnsResolver } from '../features/returns/returns.resolver.js';
import { QualityEvaluationResolver } from '../features/quality/evaluation/quality-evaluation.resolver.js';
import { SellerHealthResolver } from '../features/seller-health/seller-health.resolver.js';
import { QualityRecordsResolver } from '../features/quality/quality-records.resolver.js';
import { QualityDashboardResolver } from '../features/quality/dashboard/dashboard.resolver.js';
import { EvaluationHistoryResolver } from '../features/quality/evaluation-history/evaluation-history.resolver.js';
import { ReturnEmailSettingsResolver } from '../features/returns/email-settings/return-email-settings.resolver.js';
import { ReturnSettingsResolver } from '../features/returns/return-settings.resolver.js';
import { CategoryReturnWindowsResolver } from '../features/returns/category-return-windows.resolver.js';
import { ReturnLabelsResolver } from '../features/returns/labels/return-labels.resolver.js';
import { authChecker } from './auth.js';
import { ErrorExtensionsType } from './error-types.js';
import { checkArguments } from './input-bounds.js';
import { MoneyResolver } from './money.types.js';

export const resolvers = [
  MoneyResolver,
  MarketplaceResolver,
  AccountsResolver,
  ApiKeyResolver,
  ApplicationsResolver,
  InvoiceResolver,
  InvoiceLineResolver,
  ApplicationImageResolver,
  ReviewResolver,
  ReturnsResolver,
  QualityEvaluationResolver,
  SellerHealthResolver,
  QualityRecordsResolver,
  QualityDashboardResolver,
  EvaluationHistoryResolver,
  ReturnLabelsResolver,
  ReturnEmailSettingsResolver,
  ReturnSettingsResolver,
  CategoryReturnWindowsResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The executable schema; built once per process (type-graphql metadata is global). */
export function buildGraphQLSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers,
    // The error contract: types no field returns, emitted so clients generate them.
    orphanedTypes: [ErrorExtensionsType],
    authChecker,
    authMode: 'error',
    // Every argument is checked before its resolver runs: ids, lengths, list sizes (input-bounds.ts).
    validateFn: checkArguments,
  });
  return built;
}

/** The SDL committed as packages/server/schema.graphql, which the web app's codegen reads. */
export async function printGraphQLSchema(): Promise<string> {
  const schema = await buildGraphQLSchema();
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
