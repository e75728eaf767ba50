// The SQLite migrations, in order. Maintained by `pnpm --filter @recertify/server migration:create`.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122025449_Initial } from './Migration20261122025449_Initial.js';
import { Migration20261122030228_Accounts } from './Migration20261122030228_Accounts.js';
import { Migration20261122031824_Applications } from './Migration20261122031824_Applications.js';
import { Migration20261122045114_QueueOrderIndex } from './Migration20261122045114_QueueOrderIndex.js';
import { Migration20261130103925_QueueIndexes } from './Migration20261130103925_QueueIndexes.js';
import { Migration20261130131424_RateLimits } from './Migration20261130131424_RateLimits.js';
import { Migration20261130132003_QueueMarketplaceOrderIndex } from './Migration20261130132003_QueueMarketplaceOrderIndex.js';
import { Migration20261130133624_EmailConfirmation } from './Migration20261130133624_EmailConfirmation.js';
import { Migration20261130133645_UploadStorageKeyUnique } from './Migration20261130133645_UploadStorageKeyUnique.js';
import { Migration20261130160619_Quality } from './Migration20261130160619_Quality.js';
import { Migration20261130162837_Returns } from './Migration20261130162837_Returns.js';
import { Migration20261130164832_QualityEvaluation } from './Migration20261130164832_QualityEvaluation.js';
import { Migration20261130170840_ReturnLabelsAndLinks } from './Migration20261130170840_ReturnLabelsAndLinks.js';
import { Migration20261130191308_QualityComplaintTally } from './Migration20261130191308_QualityComplaintTally.js';
import { Migration20261130194715_ReturnAddressRemoval } from './Migration20261130194715_ReturnAddressRemoval.js';
import { Migration20261130221056_ReturnQueueChipIndexes } from './Migration20261130221056_ReturnQueueChipIndexes.js';
import { Migration20261201015115_OrderRedundantIndexes } from './Migration20261201015115_OrderRedundantIndexes.js';
import { Migration20261201024644_QueueChipsCoveringIndex } from './Migration20261201024644_QueueChipsCoveringIndex.js';

export const sqliteMigrations: MigrationObject[] = [
  { name: 'Migration20261122025449_Initial', class: Migration20261122025449_Initial },
  { name: 'Migration20261122030228_Accounts', class: Migration20261122030228_Accounts },
  { name: 'Migration20261122031824_Applications', class: Migration20261122031824_Applications },
  { name: 'Migration20261122045114_QueueOrderIndex', class: Migration20261122045114_QueueOrderIndex },
  { name: 'Migration20261130103925_QueueIndexes', class: Migration20261130103925_QueueIndexes },
  { name: 'Migration20261130131424_RateLimits', class: Migration20261130131424_RateLimits },
  { name: 'Migration20261130132003_QueueMarketplaceOrderIndex', class: Migration20261130132003_QueueMarketplaceOrderIndex },
  { name: 'Migration20261130133624_EmailConfirmation', class: Migration20261130133624_EmailConfirmation },
  { name: 'Migration20261130133645_UploadStorageKeyUnique', class: Migration20261130133645_UploadStorageKeyUnique },
  { name: 'Migration20261130160619_Quality', class: Migration20261130160619_Quality },
  { name: 'Migration20261130162837_Returns', class: Migration20261130162837_Returns },
  { name: 'Migration20261130164832_QualityEvaluation', class: Migration20261130164832_QualityEvaluation },
  { name: 'Migration20261130170840_ReturnLabelsAndLinks', class: Migration20261130170840_ReturnLabelsAndLinks },
  { name: 'Migration20261130191308_QualityComplaintTally', class: Migration20261130191308_QualityComplaintTally },
  { name: 'Migration20261130194715_ReturnAddressRemoval', class: Migration20261130194715_ReturnAddressRemoval },
  { name: 'Migration20261130221056_ReturnQueueChipIndexes', class: Migration20261130221056_ReturnQueueChipIndexes },
  { name: 'Migration20261201015115_OrderRedundantIndexes', class: Migration20261201015115_OrderRedundantIndexes },
  { name: 'Migration20261201024644_QueueChipsCoveringIndex', class: Migration20261201024644_QueueChipsCoveringIndex },
];
