import { Migration } from '@mikro-orm/migrations';

export class Migration20261130170842_ReturnLabelsAndLinks extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "return_email_settings" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organization_id" uuid not null, "receive_request_emails" boolean not null default true, "recipient_email" varchar(254) null, "include_action_links" boolean not null default true, constraint "return_email_settings_pkey" primary key ("id"));`);
    this.addSql(`alter table "return_email_settings" add constraint "return_email_settings_organization_id_unique" unique ("organization_id");`);

    this.addSql(`create table "signing_key" ("name" varchar(64) not null, "secret" varchar(128) not null, "created_at" timestamptz not null, constraint "signing_key_pkey" primary key ("name"));`);

    this.addSql(`create table "used_return_link" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "link_id" varchar(32) not null, "action" varchar(16) not null, "return_request_id" uuid not null, "used_at" timestamptz not null, "expires_at" timestamptz not null, constraint "used_return_link_pkey" primary key ("id"));`);
    this.addSql(`alter table "used_return_link" add constraint "used_return_link_link_id_unique" unique ("link_id");`);

    this.addSql(`create table "prepaid_return_label" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "return_request_id" uuid not null, "upload_id" uuid not null, "page_count" int not null, "attached_by_id" uuid null, "attached_at" timestamptz not null, constraint "prepaid_return_label_pkey" primary key ("id"));`);
    this.addSql(`alter table "prepaid_return_label" add constraint "prepaid_return_label_return_request_id_unique" unique ("return_request_id");`);

    this.addSql(`alter table "return_email_settings" add constraint "return_email_settings_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);

    this.addSql(`alter table "used_return_link" add constraint "used_return_link_return_request_id_foreign" foreign key ("return_request_id") references "return_request" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "prepaid_return_label" add constraint "prepaid_return_label_return_request_id_foreign" foreign key ("return_request_id") references "return_request" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "prepaid_return_label" add constraint "prepaid_return_label_upload_id_foreign" foreign key ("upload_id") references "upload" ("id") on update cascade;`);
    this.addSql(`alter table "prepaid_return_label" add constraint "prepaid_return_label_attached_by_id_foreign" foreign key ("attached_by_id") references "user" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "return_email_settings" cascade;`);

    this.addSql(`drop table if exists "signing_key" cascade;`);

    this.addSql(`drop table if exists "used_return_link" cascade;`);

    this.addSql(`drop table if exists "prepaid_return_label" cascade;`);
  }

}
