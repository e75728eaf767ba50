import { Migration } from '@mikro-orm/migrations';

export class Migration20261122030228_Accounts extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`organization\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`kind\` text not null, \`name\` text not null, primary key (\`id\`));`);

    this.addSql(`create table \`outbox_email\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`kind\` text not null, \`to_address\` text not null, \`subject\` text not null, \`text_body\` text not null, \`html_body\` text null, \`status\` text not null, \`attempts\` integer not null, \`next_attempt_at\` datetime not null, \`locked_until\` datetime null, \`locked_by\` text null, \`sent_at\` datetime null, \`last_error\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`outbox_email_status_next_attempt_at_index\` on \`outbox_email\` (\`status\`, \`next_attempt_at\`);`);

    this.addSql(`create table \`user\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`email\` text not null, \`display_name\` text not null, \`role\` text not null, \`organization_id\` text null, \`password_hash\` text not null, \`failed_sign_ins\` integer not null, \`locked_until\` datetime null, \`last_sign_in_at\` datetime null, \`deactivated_at\` datetime null, constraint \`user_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`user_email_unique\` on \`user\` (\`email\`);`);
    this.addSql(`create index \`user_organization_id_index\` on \`user\` (\`organization_id\`);`);

    this.addSql(`create table \`session\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`token_hash\` text not null, \`user_id\` text not null, \`expires_at\` datetime not null, \`last_seen_at\` datetime not null, \`revoked_at\` datetime null, \`user_agent\` text null, constraint \`session_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`session_token_hash_unique\` on \`session\` (\`token_hash\`);`);
    this.addSql(`create index \`session_user_id_index\` on \`session\` (\`user_id\`);`);

    this.addSql(`create table \`password_reset_token\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`token_hash\` text not null, \`user_id\` text not null, \`expires_at\` datetime not null, \`used_at\` datetime null, constraint \`password_reset_token_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`password_reset_token_token_hash_unique\` on \`password_reset_token\` (\`token_hash\`);`);
    this.addSql(`create index \`password_reset_token_user_id_index\` on \`password_reset_token\` (\`user_id\`);`);

    this.addSql(`create table \`api_key\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`organization_id\` text not null, \`created_by_id\` text null, \`name\` text not null, \`prefix\` text not null, \`secret_hash\` text not null, \`scopes\` json not null, \`last_used_at\` datetime null, \`revoked_at\` datetime null, \`use_count\` integer not null, constraint \`api_key_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on update cascade, constraint \`api_key_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`api_key_organization_id_index\` on \`api_key\` (\`organization_id\`);`);
    this.addSql(`create index \`api_key_created_by_id_index\` on \`api_key\` (\`created_by_id\`);`);
    this.addSql(`create unique index \`api_key_prefix_unique\` on \`api_key\` (\`prefix\`);`);
  }

}
