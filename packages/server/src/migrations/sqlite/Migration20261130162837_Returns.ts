import { Migration } from '@mikro-orm/migrations';

export class Migration20261130162837_Returns extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`category_return_window\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`marketplace\` text not null, \`category_name\` text not null, \`days\` integer not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`category_return_window_marketplace_category_name_unique\` on \`category_return_window\` (\`marketplace\`, \`category_name\`);`);

    this.addSql(`create table \`return_address\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`organization_id\` text not null, \`name\` text not null, \`line1\` text not null, \`line2\` text null, \`city\` text not null, \`region\` text not null, \`postal_code\` text not null, \`country\` text not null, \`is_default\` integer not null, constraint \`return_address_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`return_address_organization_id_index\` on \`return_address\` (\`organization_id\`);`);
    this.addSql(`create index \`return_address_organization_id_is_default_index\` on \`return_address\` (\`organization_id\`, \`is_default\`);`);

    this.addSql(`create table \`return_request\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`organization_id\` text not null, \`marketplace\` text not null, \`external_id\` text not null, \`order_id\` text null, \`order_external_id\` text not null, \`order_delivered_at\` datetime null, \`items\` json not null, \`reason_code\` text not null, \`buyer_comment\` text null, \`buyer_name\` text null, \`buyer_email\` text null, \`requested_at\` datetime not null, \`status\` text not null, \`version\` integer not null default 1, \`in_policy\` integer not null, \`out_of_policy_reason\` text null, \`policy_explanation\` text not null, \`return_window_days\` integer not null, \`last_day_to_request\` text null, \`authorization_mode\` text not null, \`authorization_reason\` text not null, \`authorization_explanation\` text not null, \`label_kind\` text not null, \`rma\` text null, \`rma_generated\` integer not null, \`authorized_at\` datetime null, \`deadline\` text null, \`deadline_passes_at\` datetime null, \`return_address_id\` text null, \`closed_at\` datetime null, \`close_reason\` text null, \`closed_note\` text null, \`expired_at\` datetime null, constraint \`return_request_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on update cascade, constraint \`return_request_order_id_foreign\` foreign key(\`order_id\`) references \`marketplace_order\`(\`id\`) on delete set null on update cascade, constraint \`return_request_return_address_id_foreign\` foreign key(\`return_address_id\`) references \`return_address\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`return_request_organization_id_index\` on \`return_request\` (\`organization_id\`);`);
    this.addSql(`create index \`return_request_order_id_index\` on \`return_request\` (\`order_id\`);`);
    this.addSql(`create index \`return_request_return_address_id_index\` on \`return_request\` (\`return_address_id\`);`);
    this.addSql(`create index \`return_request_status_deadline_passes_at_index\` on \`return_request\` (\`status\`, \`deadline_passes_at\`);`);
    this.addSql(`create index \`return_request_organization_id_order_external_id_index\` on \`return_request\` (\`organization_id\`, \`order_external_id\`);`);
    this.addSql(`create index \`return_request_organization_id_status_requested_at_id_index\` on \`return_request\` (\`organization_id\`, \`status\`, \`requested_at\`, \`id\`);`);
    this.addSql(`create index \`return_request_organization_id_requested_at_id_index\` on \`return_request\` (\`organization_id\`, \`requested_at\`, \`id\`);`);
    this.addSql(`create unique index \`return_request_organization_id_rma_unique\` on \`return_request\` (\`organization_id\`, \`rma\`);`);
    this.addSql(`create unique index \`return_request_external_id_unique\` on \`return_request\` (\`external_id\`);`);

    this.addSql(`create table \`return_message\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`return_request_id\` text not null, \`author\` text not null, \`author_name\` text null, \`body\` text not null, \`sent_at\` datetime not null, constraint \`return_message_return_request_id_foreign\` foreign key(\`return_request_id\`) references \`return_request\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`return_message_return_request_id_index\` on \`return_message\` (\`return_request_id\`);`);
    this.addSql(`create index \`return_message_return_request_id_sent_at_index\` on \`return_message\` (\`return_request_id\`, \`sent_at\`);`);

    this.addSql(`create table \`return_settings\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`organization_id\` text not null, \`marketplace\` text not null, \`automatic_in_policy\` integer not null, \`automatic_out_of_policy\` integer not null, \`prepaid_exempt_skus\` json not null, \`exempt_sku_authorization\` text not null, \`rma_prefix\` text null, constraint \`return_settings_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`return_settings_organization_id_index\` on \`return_settings\` (\`organization_id\`);`);
    this.addSql(`create unique index \`return_settings_organization_id_marketplace_unique\` on \`return_settings\` (\`organization_id\`, \`marketplace\`);`);
  }

}
