import { Migration } from '@mikro-orm/migrations';

export class Migration20261130132005_QueueMarketplaceOrderIndex extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "application_queue_marketplace_order_index" on "application" ("marketplace", "apple_requested", "due_date", "submitted_at", "id") where "status" in ('SUBMITTED', 'IN_REVIEW');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "application_queue_marketplace_order_index";`);
  }

}
