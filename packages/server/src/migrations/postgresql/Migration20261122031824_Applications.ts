import { Migration } from '@mikro-orm/migrations';

export class Migration20261122031824_Applications extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_log_entry" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "at" timestamptz not null, "actor_id" varchar(36) null, "actor_kind" varchar(16) not null, "actor_name" varchar(120) null, "action" varchar(64) not null, "subject_type" varchar(64) not null, "subject_id" varchar(36) not null, "data" jsonb null, constraint "audit_log_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_log_entry_subject_type_subject_id_at_index" on "audit_log_entry" ("subject_type", "subject_id", "at");`);

    this.addSql(`create table "upload" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organization_id" uuid not null, "uploaded_by_id" uuid not null, "kind" varchar(16) not null, "content_type" varchar(64) not null, "size" int not null, "width" int null, "height" int null, "original_name" varchar(255) not null, "sha256" varchar(64) not null, "storage_key" varchar(255) not null, constraint "upload_pkey" primary key ("id"));`);

    this.addSql(`create table "application" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organization_id" uuid not null, "marketplace" varchar(2) not null, "status" varchar(16) not null, "version" int not null default 1, "legal_name" varchar(200) not null, "contact_name" varchar(120) not null, "contact_email" varchar(254) not null, "seller_type" varchar(16) null, "existing_seller" boolean not null, "refurbisher" varchar(32) null, "refurbisher_name" varchar(200) null, "inspection_attested" boolean not null, "categories" jsonb not null, "brands" jsonb not null, "apple_requested" boolean not null, "products_have_screen" boolean not null, "guarantee_accepted" boolean not null, "warranty_days" int null, "quality_policy_accepted" boolean not null, "quality_policy_version" int null, "submitted_at" timestamptz null, "first_submitted_at" timestamptz null, "due_date" varchar(10) null, "policy_version_id" uuid null, "failing_checks" int not null, "checks_needing_review" int not null, "claimed_by_id" uuid null, "claimed_at" timestamptz null, "decided_by_id" uuid null, "decided_at" timestamptz null, "apple_approved" boolean null, "reviewer_message" text null, "rejection_reasons" jsonb null, constraint "application_pkey" primary key ("id"));`);
    this.addSql(`create index "application_organization_id_marketplace_index" on "application" ("organization_id", "marketplace");`);
    this.addSql(`create index "application_status_due_date_submitted_at_index" on "application" ("status", "due_date", "submitted_at");`);

    this.addSql(`create table "marketplace_approval" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organization_id" uuid not null, "marketplace" varchar(2) not null, "granted_through" varchar(2) null, "application_id" uuid not null, "apple_approved" boolean not null, "granted_at" timestamptz not null, constraint "marketplace_approval_pkey" primary key ("id"));`);
    this.addSql(`create index "marketplace_approval_organization_id_marketplace_index" on "marketplace_approval" ("organization_id", "marketplace");`);

    this.addSql(`create table "invoice" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "application_id" uuid not null, "supplier" varchar(200) not null, "invoice_number" varchar(100) not null, "date" varchar(10) not null, "currency" varchar(3) not null, "document_id" uuid null, constraint "invoice_pkey" primary key ("id"));`);

    this.addSql(`create table "invoice_line" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "invoice_id" uuid not null, "position" int not null, "description" varchar(300) not null, "brand" varchar(100) not null, "unit_price_minor" bigint null, "quantity" int null, "amount_minor" bigint null, constraint "invoice_line_pkey" primary key ("id"));`);

    this.addSql(`create table "eligibility_snapshot" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "application_id" uuid not null, "trigger" varchar(16) not null, "policy_version_number" int not null, "eligible" boolean not null, "report" jsonb not null, constraint "eligibility_snapshot_pkey" primary key ("id"));`);

    this.addSql(`create table "application_image" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "application_id" uuid not null, "upload_id" uuid not null, "view" varchar(32) not null, constraint "application_image_pkey" primary key ("id"));`);

    this.addSql(`alter table "upload" add constraint "upload_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);
    this.addSql(`alter table "upload" add constraint "upload_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "user" ("id") on update cascade;`);

    this.addSql(`alter table "application" add constraint "application_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);
    this.addSql(`alter table "application" add constraint "application_policy_version_id_foreign" foreign key ("policy_version_id") references "policy_version" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "application" add constraint "application_claimed_by_id_foreign" foreign key ("claimed_by_id") references "user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "application" add constraint "application_decided_by_id_foreign" foreign key ("decided_by_id") references "user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "marketplace_approval" add constraint "marketplace_approval_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);
    this.addSql(`alter table "marketplace_approval" add constraint "marketplace_approval_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade;`);

    this.addSql(`alter table "invoice" add constraint "invoice_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "invoice" add constraint "invoice_document_id_foreign" foreign key ("document_id") references "upload" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "invoice_line" add constraint "invoice_line_invoice_id_foreign" foreign key ("invoice_id") references "invoice" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "eligibility_snapshot" add constraint "eligibility_snapshot_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "application_image" add constraint "application_image_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "application_image" add constraint "application_image_upload_id_foreign" foreign key ("upload_id") references "upload" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "invoice" drop constraint "invoice_document_id_foreign";`);

    this.addSql(`alter table "application_image" drop constraint "application_image_upload_id_foreign";`);

    this.addSql(`alter table "marketplace_approval" drop constraint "marketplace_approval_application_id_foreign";`);

    this.addSql(`alter table "invoice" drop constraint "invoice_application_id_foreign";`);

    this.addSql(`alter table "eligibility_snapshot" drop constraint "eligibility_snapshot_application_id_foreign";`);

    this.addSql(`alter table "application_image" drop constraint "application_image_application_id_foreign";`);

    this.addSql(`alter table "invoice_line" drop constraint "invoice_line_invoice_id_foreign";`);

    this.addSql(`drop table if exists "audit_log_entry" cascade;`);

    this.addSql(`drop table if exists "upload" cascade;`);

    this.addSql(`drop table if exists "application" cascade;`);

    this.addSql(`drop table if exists "marketplace_approval" cascade;`);

    this.addSql(`drop table if exists "invoice" cascade;`);

    this.addSql(`drop table if exists "invoice_line" cascade;`);

    this.addSql(`drop table if exists "eligibility_snapshot" cascade;`);

    this.addSql(`drop table if exists "application_image" cascade;`);
  }

}
