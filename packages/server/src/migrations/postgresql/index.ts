// The PostgreSQL migrations, in order. Maintained by `pnpm --filter @recertify/server migration:create`.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122025449_Initial } from './Migration20261122025449_Initial.js';
import { Migration20261122030229_Accounts } from './Migration20261122030229_Accounts.js';
import { Migration20261122031824_Applications } from './Migration20261122031824_Applications.js';
import { Migration20261122045114_QueueOrderIndex } from './Migration20261122045114_QueueOrderIndex.js';
import { Migration20261130103926_QueueIndexes } from './Migration20261130103926_QueueIndexes.js';
import { Migration20261130131425_RateLimits } from './Migration20261130131425_RateLimits.js';
import { Migration20261130132005_QueueMarketplaceOrderIndex } from './Migration20261130132005_QueueMarketplaceOrderIndex.js';
import { Migration20261130133626_EmailConfirmation } from './Migration20261130133626_EmailConfirmation.js';
import { Migration20261130133647_UploadStorageKeyUnique } from './Migration20261130133647_UploadStorageKeyUnique.js';
import { Migration20261130160620_Quality } from './Migration20261130160620_Quality.js';
import { Migration20261130162837_Returns } from './Migration20261130162837_Returns.js';
import { Migration20261130164834_QualityEvaluation } from './Migration20261130164834_QualityEvaluation.js';
import { Migration20261130170842_ReturnLabelsAndLinks } from './Migration20261130170842_ReturnLabelsAndLinks.js';
import { Migration20261130191311_QualityComplaintTally } from './Migration20261130191311_QualityComplaintTally.js';
import { Migration20261130194718_ReturnAddressRemoval } from './Migration20261130194718_ReturnAddressRemoval.js';
import { Migration20261130221100_ReturnQueueChipIndexes } from './Migration20261130221100_ReturnQueueChipIndexes.js';
import { Migration20261201024646_QueueChipsCoveringIndex } from './Migration20261201024646_QueueChipsCoveringIndex.js';

export const postgresqlMigrations: MigrationObject[] = [
  { name: 'Migration20261122025449_Initial', class: Migration20261122025449_Initial },
  { name: 'Migration20261122030229_Accounts', class: Migration20261122030229_Accounts },
  { name: 'Migration20261122031824_Applications', class: Migration20261122031824_Applications },
  { name: 'Migration20261122045114_QueueOrderIndex', class: Migration20261122045114_QueueOrderIndex },
  { name: 'Migration20261130103926_QueueIndexes', class: Migration20261130103926_QueueIndexes },
  { name: 'Migration20261130131425_RateLimits', class: Migration20261130131425_RateLimits },
  { name: 'Migration20261130132005_QueueMarketplaceOrderIndex', class: Migration20261130132005_QueueMarketplaceOrderIndex },
  { name: 'Migration20261130133626_EmailConfirmation', class: Migration20261130133626_EmailConfirmation },
  { name: 'Migration20261130133647_UploadStorageKeyUnique', class: Migration20261130133647_UploadStorageKeyUnique },
  { name: 'Migration20261130160620_Quality', class: Migration20261130160620_Quality },
  { name: 'Migration20261130162837_Returns', class: Migration20261130162837_Returns },
  { name: 'Migration20261130164834_QualityEvaluation', class: Migration20261130164834_QualityEvaluation },
  { name: 'Migration20261130170842_ReturnLabelsAndLinks', class: Migration20261130170842_ReturnLabelsAndLinks },
  { name: 'Migration20261130191311_QualityComplaintTally', class: Migration20261130191311_QualityComplaintTally },
  { name: 'Migration20261130194718_ReturnAddressRemoval', class: Migration20261130194718_ReturnAddressRemoval },
  { name: 'Migration20261130221100_ReturnQueueChipIndexes', class: Migration20261130221100_ReturnQueueChipIndexes },
  { name: 'Migration20261201024646_QueueChipsCoveringIndex', class: Migration20261201024646_QueueChipsCoveringIndex },
];
