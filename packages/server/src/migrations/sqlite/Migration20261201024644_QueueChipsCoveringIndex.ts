import { Migration } from '@mikro-orm/migrations';

export class Migration20261201024644_QueueChipsCoveringIndex extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index \`application_status_marketplace_apple_requested_index\`;`);

    this.addSql(`create index \`application_status_marketplace_apple_requested_due_date_failing_checks_checks_needing_review_index\` on \`application\` (\`status\`, \`marketplace\`, \`apple_requested\`, \`due_date\`, \`failing_checks\`, \`checks_needing_review\`);`);
  }

}
