import { Migration } from '@mikro-orm/migrations';

export class Migration20261130221056_ReturnQueueChipIndexes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index \`return_request_organization_id_status_deadline_index\` on \`return_request\` (\`organization_id\`, \`status\`, \`deadline\`);`);
    this.addSql(`create index \`return_request_organization_id_marketplace_requested_at_id_index\` on \`return_request\` (\`organization_id\`, \`marketplace\`, \`requested_at\`, \`id\`);`);
    this.addSql(`create index \`return_request_organization_id_reason_code_requested_at_id_index\` on \`return_request\` (\`organization_id\`, \`reason_code\`, \`requested_at\`, \`id\`);`);
    this.addSql(`create index \`return_request_organization_id_in_policy_requested_at_id_index\` on \`return_request\` (\`organization_id\`, \`in_policy\`, \`requested_at\`, \`id\`);`);
  }

}
