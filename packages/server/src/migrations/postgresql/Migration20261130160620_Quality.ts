import { Migration } from '@mikro-orm/migrations';

export class Migration20261130160620_Quality extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "offer" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "seller_id" uuid not null, "marketplace" varchar(2) not null, "external_id" varchar(100) not null, "sku" varchar(64) not null, "product_name" varchar(300) not null, "brand" varchar(100) not null, "category" varchar(100) not null, "condition" varchar(64) not null, "price_amount_minor" bigint not null, "price_currency" varchar(3) not null, "status" varchar(16) not null, "version" int not null, constraint "offer_pkey" primary key ("id"));`);
    this.addSql(`create index "offer_seller_id_marketplace_status_index" on "offer" ("seller_id", "marketplace", "status");`);
    this.addSql(`alter table "offer" add constraint "offer_seller_id_marketplace_sku_unique" unique ("seller_id", "marketplace", "sku");`);
    this.addSql(`alter table "offer" add constraint "offer_marketplace_external_id_unique" unique ("marketplace", "external_id");`);

    this.addSql(`create table "marketplace_order" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "offer_id" uuid not null, "seller_id" uuid not null, "marketplace" varchar(2) not null, "external_id" varchar(100) not null, "buyer_reference" varchar(100) not null, "quantity" int not null, "ordered_at" timestamptz not null, "shipped_at" timestamptz null, "delivered_at" timestamptz null, "order_date" varchar(10) not null, "version" int not null, constraint "marketplace_order_pkey" primary key ("id"));`);
    this.addSql(`create index "marketplace_order_seller_id_marketplace_order_date_index" on "marketplace_order" ("seller_id", "marketplace", "order_date");`);
    this.addSql(`create index "marketplace_order_offer_id_order_date_index" on "marketplace_order" ("offer_id", "order_date");`);
    this.addSql(`alter table "marketplace_order" add constraint "marketplace_order_marketplace_external_id_unique" unique ("marketplace", "external_id");`);

    this.addSql(`create table "order_defect" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "order_id" uuid not null, "offer_id" uuid not null, "seller_id" uuid not null, "marketplace" varchar(2) not null, "order_date" varchar(10) not null, "external_id" varchar(100) not null, "kind" varchar(32) not null, "reported_at" timestamptz not null, "version" int not null, constraint "order_defect_pkey" primary key ("id"));`);
    this.addSql(`create index "order_defect_seller_id_marketplace_order_date_index" on "order_defect" ("seller_id", "marketplace", "order_date");`);
    this.addSql(`create index "order_defect_order_id_index" on "order_defect" ("order_id");`);
    this.addSql(`alter table "order_defect" add constraint "order_defect_marketplace_external_id_unique" unique ("marketplace", "external_id");`);

    this.addSql(`create table "offer_daily_quality" ("offer_id" uuid not null, "day" varchar(10) not null, "seller_id" uuid not null, "marketplace" varchar(2) not null, "orders" int not null, "orders_with_complaint" int not null, "orders_with_defect" int not null, "rating_count" int not null, "rating_star_sum" int not null, constraint "offer_daily_quality_pkey" primary key ("offer_id", "day"));`);
    this.addSql(`create index "offer_daily_quality_seller_id_marketplace_day_index" on "offer_daily_quality" ("seller_id", "marketplace", "day");`);

    this.addSql(`create table "product_rating" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "offer_id" uuid not null, "order_id" uuid null, "seller_id" uuid not null, "marketplace" varchar(2) not null, "external_id" varchar(100) not null, "stars" smallint not null, "rated_at" timestamptz not null, "rated_date" varchar(10) not null, "version" int not null, constraint "product_rating_pkey" primary key ("id"));`);
    this.addSql(`create index "product_rating_offer_id_rated_date_index" on "product_rating" ("offer_id", "rated_date");`);
    this.addSql(`alter table "product_rating" add constraint "product_rating_marketplace_external_id_unique" unique ("marketplace", "external_id");`);

    this.addSql(`create table "seller_daily_quality" ("seller_id" uuid not null, "marketplace" varchar(2) not null, "day" varchar(10) not null, "orders" int not null, "orders_with_complaint" int not null, "orders_with_defect" int not null, "rating_count" int not null, "rating_star_sum" int not null, constraint "seller_daily_quality_pkey" primary key ("seller_id", "marketplace", "day"));`);

    this.addSql(`create table "complaint" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "order_id" uuid not null, "offer_id" uuid not null, "seller_id" uuid not null, "marketplace" varchar(2) not null, "order_date" varchar(10) not null, "external_id" varchar(100) not null, "source" varchar(32) not null, "category" varchar(32) not null, "filed_at" timestamptz not null, "note" text null, "invalidated_at" timestamptz null, "invalidated_by_id" uuid null, "invalidation_reason" text null, "version" int not null, constraint "complaint_pkey" primary key ("id"));`);
    this.addSql(`create index "complaint_seller_id_marketplace_order_date_index" on "complaint" ("seller_id", "marketplace", "order_date");`);
    this.addSql(`create index "complaint_order_id_index" on "complaint" ("order_id");`);
    this.addSql(`alter table "complaint" add constraint "complaint_marketplace_external_id_unique" unique ("marketplace", "external_id");`);

    this.addSql(`alter table "offer" add constraint "offer_seller_id_foreign" foreign key ("seller_id") references "organization" ("id") on update cascade;`);

    this.addSql(`alter table "marketplace_order" add constraint "marketplace_order_offer_id_foreign" foreign key ("offer_id") references "offer" ("id") on update cascade;`);
    this.addSql(`alter table "marketplace_order" add constraint "marketplace_order_seller_id_foreign" foreign key ("seller_id") references "organization" ("id") on update cascade;`);

    this.addSql(`alter table "order_defect" add constraint "order_defect_order_id_foreign" foreign key ("order_id") references "marketplace_order" ("id") on update cascade;`);
    this.addSql(`alter table "order_defect" add constraint "order_defect_offer_id_foreign" foreign key ("offer_id") references "offer" ("id") on update cascade;`);
    this.addSql(`alter table "order_defect" add constraint "order_defect_seller_id_foreign" foreign key ("seller_id") references "organization" ("id") on update cascade;`);

    this.addSql(`alter table "offer_daily_quality" add constraint "offer_daily_quality_offer_id_foreign" foreign key ("offer_id") references "offer" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "offer_daily_quality" add constraint "offer_daily_quality_seller_id_foreign" foreign key ("seller_id") references "organization" ("id") on update cascade;`);

    this.addSql(`alter table "product_rating" add constraint "product_rating_offer_id_foreign" foreign key ("offer_id") references "offer" ("id") on update cascade;`);
    this.addSql(`alter table "product_rating" add constraint "product_rating_order_id_foreign" foreign key ("order_id") references "marketplace_order" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "product_rating" add constraint "product_rating_seller_id_foreign" foreign key ("seller_id") references "organization" ("id") on update cascade;`);

    this.addSql(`alter table "seller_daily_quality" add constraint "seller_daily_quality_seller_id_foreign" foreign key ("seller_id") references "organization" ("id") on update cascade;`);

    this.addSql(`alter table "complaint" add constraint "complaint_order_id_foreign" foreign key ("order_id") references "marketplace_order" ("id") on update cascade;`);
    this.addSql(`alter table "complaint" add constraint "complaint_offer_id_foreign" foreign key ("offer_id") references "offer" ("id") on update cascade;`);
    this.addSql(`alter table "complaint" add constraint "complaint_seller_id_foreign" foreign key ("seller_id") references "organization" ("id") on update cascade;`);
    this.addSql(`alter table "complaint" add constraint "complaint_invalidated_by_id_foreign" foreign key ("invalidated_by_id") references "user" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "marketplace_order" drop constraint "marketplace_order_offer_id_foreign";`);

    this.addSql(`alter table "order_defect" drop constraint "order_defect_offer_id_foreign";`);

    this.addSql(`alter table "offer_daily_quality" drop constraint "offer_daily_quality_offer_id_foreign";`);

    this.addSql(`alter table "product_rating" drop constraint "product_rating_offer_id_foreign";`);

    this.addSql(`alter table "complaint" drop constraint "complaint_offer_id_foreign";`);

    this.addSql(`alter table "order_defect" drop constraint "order_defect_order_id_foreign";`);

    this.addSql(`alter table "product_rating" drop constraint "product_rating_order_id_foreign";`);

    this.addSql(`alter table "complaint" drop constraint "complaint_order_id_foreign";`);

    this.addSql(`drop table if exists "offer" cascade;`);

    this.addSql(`drop table if exists "marketplace_order" cascade;`);

    this.addSql(`drop table if exists "order_defect" cascade;`);

    this.addSql(`drop table if exists "offer_daily_quality" cascade;`);

    this.addSql(`drop table if exists "product_rating" cascade;`);

    this.addSql(`drop table if exists "seller_daily_quality" cascade;`);

    this.addSql(`drop table if exists "complaint" cascade;`);
  }

}
