import { Migration } from '@mikro-orm/migrations';

export class Migration20261122045114_QueueOrderIndex extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "application_due_date_submitted_at_id_index" on "application" ("due_date", "submitted_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "application_due_date_submitted_at_id_index";`);
  }

}
