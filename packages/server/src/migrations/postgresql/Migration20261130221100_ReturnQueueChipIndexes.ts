import { Migration } from '@mikro-orm/migrations';

export class Migration20261130221100_ReturnQueueChipIndexes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "return_request_organization_id_status_deadline_index" on "return_request" ("organization_id", "status", "deadline");`);
    this.addSql(`create index "return_request_organization_id_marketplace_request_2148b_index" on "return_request" ("organization_id", "marketplace", "requested_at", "id");`);
    this.addSql(`create index "return_request_organization_id_reason_code_request_7be11_index" on "return_request" ("organization_id", "reason_code", "requested_at", "id");`);
    this.addSql(`create index "return_request_organization_id_in_policy_requested_at_id_index" on "return_request" ("organization_id", "in_policy", "requested_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "return_request_organization_id_status_deadline_index";`);
    this.addSql(`drop index "return_request_organization_id_marketplace_request_2148b_index";`);
    this.addSql(`drop index "return_request_organization_id_reason_code_request_7be11_index";`);
    this.addSql(`drop index "return_request_organization_id_in_policy_requested_at_id_index";`);
  }

}
