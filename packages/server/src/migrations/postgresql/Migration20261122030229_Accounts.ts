import { Migration } from '@mikro-orm/migrations';

export class Migration20261122030229_Accounts extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "organization" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "kind" varchar(16) not null, "name" varchar(200) not null, constraint "organization_pkey" primary key ("id"));`);

    this.addSql(`create table "outbox_email" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "kind" varchar(64) not null, "to_address" varchar(254) not null, "subject" varchar(300) not null, "text_body" text not null, "html_body" text null, "status" varchar(8) not null, "attempts" int not null, "next_attempt_at" timestamptz not null, "locked_until" timestamptz null, "locked_by" varchar(64) null, "sent_at" timestamptz null, "last_error" text null, constraint "outbox_email_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_email_status_next_attempt_at_index" on "outbox_email" ("status", "next_attempt_at");`);

    this.addSql(`create table "user" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "email" varchar(254) not null, "display_name" varchar(120) not null, "role" varchar(16) not null, "organization_id" uuid null, "password_hash" varchar(255) not null, "failed_sign_ins" int not null, "locked_until" timestamptz null, "last_sign_in_at" timestamptz null, "deactivated_at" timestamptz null, constraint "user_pkey" primary key ("id"));`);
    this.addSql(`alter table "user" add constraint "user_email_unique" unique ("email");`);

    this.addSql(`create table "session" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "token_hash" varchar(64) not null, "user_id" uuid not null, "expires_at" timestamptz not null, "last_seen_at" timestamptz not null, "revoked_at" timestamptz null, "user_agent" varchar(255) null, constraint "session_pkey" primary key ("id"));`);
    this.addSql(`alter table "session" add constraint "session_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "password_reset_token" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "token_hash" varchar(64) not null, "user_id" uuid not null, "expires_at" timestamptz not null, "used_at" timestamptz null, constraint "password_reset_token_pkey" primary key ("id"));`);
    this.addSql(`alter table "password_reset_token" add constraint "password_reset_token_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "api_key" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organization_id" uuid not null, "created_by_id" uuid null, "name" varchar(100) not null, "prefix" varchar(16) not null, "secret_hash" varchar(64) not null, "scopes" jsonb not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, "use_count" int not null, constraint "api_key_pkey" primary key ("id"));`);
    this.addSql(`alter table "api_key" add constraint "api_key_prefix_unique" unique ("prefix");`);

    this.addSql(`alter table "user" add constraint "user_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade;`);

    this.addSql(`alter table "password_reset_token" add constraint "password_reset_token_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade;`);

    this.addSql(`alter table "api_key" add constraint "api_key_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);
    this.addSql(`alter table "api_key" add constraint "api_key_created_by_id_foreign" foreign key ("created_by_id") references "user" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "user" drop constraint "user_organization_id_foreign";`);

    this.addSql(`alter table "api_key" drop constraint "api_key_organization_id_foreign";`);

    this.addSql(`alter table "session" drop constraint "session_user_id_foreign";`);

    this.addSql(`alter table "password_reset_token" drop constraint "password_reset_token_user_id_foreign";`);

    this.addSql(`alter table "api_key" drop constraint "api_key_created_by_id_foreign";`);

    this.addSql(`drop table if exists "organization" cascade;`);

    this.addSql(`drop table if exists "outbox_email" cascade;`);

    this.addSql(`drop table if exists "user" cascade;`);

    this.addSql(`drop table if exists "session" cascade;`);

    this.addSql(`drop table if exists "password_reset_token" cascade;`);

    this.addSql(`drop table if exists "api_key" cascade;`);
  }

}
