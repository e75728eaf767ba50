import { Migration } from '@mikro-orm/migrations';

export class Migration20261130162837_Returns extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "category_return_window" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "marketplace" varchar(2) not null, "category_name" varchar(100) not null, "days" int not null, constraint "category_return_window_pkey" primary key ("id"));`);
    this.addSql(`alter table "category_return_window" add constraint "category_return_window_marketplace_category_name_unique" unique ("marketplace", "category_name");`);

    this.addSql(`create table "return_address" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organization_id" uuid not null, "name" varchar(120) not null, "line1" varchar(200) not null, "line2" varchar(200) null, "city" varchar(100) not null, "region" varchar(100) not null, "postal_code" varchar(20) not null, "country" varchar(2) not null, "is_default" boolean not null, constraint "return_address_pkey" primary key ("id"));`);
    this.addSql(`create index "return_address_organization_id_is_default_index" on "return_address" ("organization_id", "is_default");`);

    this.addSql(`create table "return_request" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organization_id" uuid not null, "marketplace" varchar(2) not null, "external_id" varchar(100) not null, "order_id" uuid null, "order_external_id" varchar(100) not null, "order_delivered_at" timestamptz null, "items" jsonb not null, "reason_code" varchar(32) not null, "buyer_comment" text null, "buyer_name" varchar(120) null, "buyer_email" varchar(254) null, "requested_at" timestamptz not null, "status" varchar(16) not null, "version" int not null default 1, "in_policy" boolean not null, "out_of_policy_reason" varchar(32) null, "policy_explanation" text not null, "return_window_days" int not null, "last_day_to_request" varchar(10) null, "authorization_mode" varchar(16) not null, "authorization_reason" varchar(32) not null, "authorization_explanation" text not null, "label_kind" varchar(16) not null, "rma" varchar(40) null, "rma_generated" boolean not null, "authorized_at" timestamptz null, "deadline" varchar(10) null, "deadline_passes_at" timestamptz null, "return_address_id" uuid null, "closed_at" timestamptz null, "close_reason" varchar(32) null, "closed_note" varchar(500) null, "expired_at" timestamptz null, constraint "return_request_pkey" primary key ("id"));`);
    this.addSql(`create index "return_request_status_deadline_passes_at_index" on "return_request" ("status", "deadline_passes_at");`);
    this.addSql(`create index "return_request_organization_id_order_external_id_index" on "return_request" ("organization_id", "order_external_id");`);
    this.addSql(`create index "return_request_organization_id_status_requested_at_id_index" on "return_request" ("organization_id", "status", "requested_at", "id");`);
    this.addSql(`create index "return_request_organization_id_requested_at_id_index" on "return_request" ("organization_id", "requested_at", "id");`);
    this.addSql(`alter table "return_request" add constraint "return_request_organization_id_rma_unique" unique ("organization_id", "rma");`);
    this.addSql(`alter table "return_request" add constraint "return_request_external_id_unique" unique ("external_id");`);

    this.addSql(`create table "return_message" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "return_request_id" uuid not null, "author" varchar(16) not null, "author_name" varchar(200) null, "body" text not null, "sent_at" timestamptz not null, constraint "return_message_pkey" primary key ("id"));`);
    this.addSql(`create index "return_message_return_request_id_sent_at_index" on "return_message" ("return_request_id", "sent_at");`);

    this.addSql(`create table "return_settings" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organization_id" uuid not null, "marketplace" varchar(2) not null, "automatic_in_policy" boolean not null, "automatic_out_of_policy" boolean not null, "prepaid_exempt_skus" jsonb not null, "exempt_sku_authorization" varchar(16) not null, "rma_prefix" varchar(8) null, constraint "return_settings_pkey" primary key ("id"));`);
    this.addSql(`alter table "return_settings" add constraint "return_settings_organization_id_marketplace_unique" unique ("organization_id", "marketplace");`);

    this.addSql(`alter table "return_address" add constraint "return_address_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);

    this.addSql(`alter table "return_request" add constraint "return_request_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);
    this.addSql(`alter table "return_request" add constraint "return_request_order_id_foreign" foreign key ("order_id") references "marketplace_order" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "return_request" add constraint "return_request_return_address_id_foreign" foreign key ("return_address_id") references "return_address" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "return_message" add constraint "return_message_return_request_id_foreign" foreign key ("return_request_id") references "return_request" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "return_settings" add constraint "return_settings_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "return_request" drop constraint "return_request_return_address_id_foreign";`);

    this.addSql(`alter table "return_message" drop constraint "return_message_return_request_id_foreign";`);

    this.addSql(`drop table if exists "category_return_window" cascade;`);

    this.addSql(`drop table if exists "return_address" cascade;`);

    this.addSql(`drop table if exists "return_request" cascade;`);

    this.addSql(`drop table if exists "return_message" cascade;`);

    this.addSql(`drop table if exists "return_settings" cascade;`);
  }

}
