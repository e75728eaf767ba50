import { Migration } from '@mikro-orm/migrations';

export class Migration20261130164834_QualityEvaluation extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "daily_quality_evaluation_claim" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organization_id" uuid not null, "marketplace" varchar(2) not null, "day" varchar(10) not null, "claimed_by" varchar(64) not null, constraint "daily_quality_evaluation_claim_pkey" primary key ("id"));`);
    this.addSql(`alter table "daily_quality_evaluation_claim" add constraint "daily_quality_evaluation_claim_organization_id_ma_18205_unique" unique ("organization_id", "marketplace", "day");`);

    this.addSql(`create table "quality_evaluation" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organization_id" uuid not null, "marketplace" varchar(2) not null, "day" varchar(10) not null, "evaluated_at" timestamptz not null, "policy_version" int not null, "standing" varchar(16) not null, "breaches" jsonb not null, "rqs_orders" int not null, "rqs_defective_orders" int not null, "rqs_bps" int null, "rqs_minimum_bps" int not null, "rqs_breached" boolean not null, "odr_orders" int not null, "odr_defective_orders" int not null, "odr_bps" int null, "odr_maximum_bps" int not null, "odr_breached" boolean not null, "rating_count" int not null, "rating_stars_total" int not null, "rating_hundredths" int null, "rating_minimum_hundredths" int not null, "rating_breached" boolean not null, "offers" int not null, "suppressed_offers" int not null, constraint "quality_evaluation_pkey" primary key ("id"));`);
    this.addSql(`alter table "quality_evaluation" add constraint "quality_evaluation_organization_id_marketplace_day_unique" unique ("organization_id", "marketplace", "day");`);

    this.addSql(`create table "seller_quality_standing_record" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organization_id" uuid not null, "marketplace" varchar(2) not null, "standing" varchar(16) not null, "since" timestamptz not null, "reason" varchar(1000) null, "changed_by_id" varchar(36) null, "changed_by_name" varchar(120) null, "breaches" jsonb not null, "evaluated_on" varchar(10) null, "rqs_orders" int not null, "rqs_defective_orders" int not null, "rqs_bps" int null, "odr_orders" int not null, "odr_defective_orders" int not null, "odr_bps" int null, "rating_count" int not null, "rating_stars_total" int not null, "rating_hundredths" int null, "suppressed_offers" int not null, "version" int not null default 1, constraint "seller_quality_standing_record_pkey" primary key ("id"));`);
    this.addSql(`create index "seller_quality_standing_record_standing_since_index" on "seller_quality_standing_record" ("standing", "since");`);
    this.addSql(`alter table "seller_quality_standing_record" add constraint "seller_quality_standing_record_organization_id_ma_ac6b0_unique" unique ("organization_id", "marketplace");`);

    this.addSql(`alter table "daily_quality_evaluation_claim" add constraint "daily_quality_evaluation_claim_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);

    this.addSql(`alter table "quality_evaluation" add constraint "quality_evaluation_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);

    this.addSql(`alter table "seller_quality_standing_record" add constraint "seller_quality_standing_record_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "daily_quality_evaluation_claim" cascade;`);

    this.addSql(`drop table if exists "quality_evaluation" cascade;`);

    this.addSql(`drop table if exists "seller_quality_standing_record" cascade;`);
  }

}
