import { Migration } from '@mikro-orm/migrations';

export class Migration20261130170840_ReturnLabelsAndLinks extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`return_email_settings\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`organization_id\` text not null, \`receive_request_emails\` integer not null default true, \`recipient_email\` text null, \`include_action_links\` integer not null default true, constraint \`return_email_settings_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`return_email_settings_organization_id_index\` on \`return_email_settings\` (\`organization_id\`);`);
    this.addSql(`create unique index \`return_email_settings_organization_id_unique\` on \`return_email_settings\` (\`organization_id\`);`);

    this.addSql(`create table \`signing_key\` (\`name\` text not null, \`secret\` text not null, \`created_at\` datetime not null, primary key (\`name\`));`);

    this.addSql(`create table \`used_return_link\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`link_id\` text not null, \`action\` text not null, \`return_request_id\` text not null, \`used_at\` datetime not null, \`expires_at\` datetime not null, constraint \`used_return_link_return_request_id_foreign\` foreign key(\`return_request_id\`) references \`return_request\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`used_return_link_return_request_id_index\` on \`used_return_link\` (\`return_request_id\`);`);
    this.addSql(`create unique index \`used_return_link_link_id_unique\` on \`used_return_link\` (\`link_id\`);`);

    this.addSql(`create table \`prepaid_return_label\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`return_request_id\` text not null, \`upload_id\` text not null, \`page_count\` integer not null, \`attached_by_id\` text null, \`attached_at\` datetime not null, constraint \`prepaid_return_label_return_request_id_foreign\` foreign key(\`return_request_id\`) references \`return_request\`(\`id\`) on delete cascade on update cascade, constraint \`prepaid_return_label_upload_id_foreign\` foreign key(\`upload_id\`) references \`upload\`(\`id\`) on update cascade, constraint \`prepaid_return_label_attached_by_id_foreign\` foreign key(\`attached_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`prepaid_return_label_return_request_id_unique\` on \`prepaid_return_label\` (\`return_request_id\`);`);
    this.addSql(`create index \`prepaid_return_label_upload_id_index\` on \`prepaid_return_label\` (\`upload_id\`);`);
    this.addSql(`create index \`prepaid_return_label_attached_by_id_index\` on \`prepaid_return_label\` (\`attached_by_id\`);`);
  }

}
