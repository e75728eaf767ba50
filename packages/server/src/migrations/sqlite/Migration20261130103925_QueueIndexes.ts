import { Migration } from '@mikro-orm/migrations';

export class Migration20261130103925_QueueIndexes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index \`application_due_date_submitted_at_id_index\`;`);
    this.addSql(`drop index \`application_status_due_date_submitted_at_index\`;`);

    this.addSql(`create index "application_queue_order_index" on "application" ("due_date", "submitted_at", "id") where "status" in ('SUBMITTED', 'IN_REVIEW');`);
    this.addSql(`create index \`application_status_marketplace_apple_requested_index\` on \`application\` (\`status\`, \`marketplace\`, \`apple_requested\`);`);
  }

}
