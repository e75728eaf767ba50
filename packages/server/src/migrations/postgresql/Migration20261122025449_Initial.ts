import { Migration } from '@mikro-orm/migrations';

export class Migration20261122025449_Initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "exchange_rate" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "base" varchar(3) not null, "quote" varchar(3) not null, "valid_from" varchar(10) not null, "rate" varchar(32) not null, constraint "exchange_rate_pkey" primary key ("id"));`);
    this.addSql(`alter table "exchange_rate" add constraint "exchange_rate_base_quote_valid_from_unique" unique ("base", "quote", "valid_from");`);

    this.addSql(`create table "marketplace" ("code" varchar(2) not null, "name" varchar(255) not null, "currency" varchar(3) not null, "time_zone" varchar(255) not null, "created_at" timestamptz not null, constraint "marketplace_pkey" primary key ("code"));`);

    this.addSql(`create table "holiday" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "marketplace_code" varchar(2) not null, "date" varchar(10) not null, "name" varchar(255) not null, constraint "holiday_pkey" primary key ("id"));`);
    this.addSql(`alter table "holiday" add constraint "holiday_marketplace_code_date_unique" unique ("marketplace_code", "date");`);

    this.addSql(`create table "policy_version" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "marketplace_code" varchar(2) not null, "version" int not null, "effective_from" timestamptz not null, "notes" text null, "qualifying_purchases_minimum_amount_minor" bigint not null, "qualifying_purchases_minimum_currency" varchar(3) not null, "purchase_window_days" int not null, "excluded_item_max_unit_price_amount_minor" bigint not null, "excluded_item_max_unit_price_currency" varchar(3) not null, "apple_qualifying_purchases_minimum_amount_minor" bigint not null, "apple_qualifying_purchases_minimum_currency" varchar(3) not null, "apple_purchase_window_days" int not null, "warranty_kind" varchar(32) not null, "warranty_minimum_days" int null, "minimum_images" int not null, "required_views" jsonb not null, "screen_products_require_screen_on" boolean not null, "odr_maximum_bps" int not null, "odr_window_days" int not null, "review_due_business_days" int not null, "offer_rqs_minimum_bps" int not null, "seller_rqs_minimum_bps" int not null, "average_rating_minimum_hundredths" int not null, "rqs_window_days" int not null, "rqs_minimum_orders" int not null, "default_return_window_days" int not null, "transit_allowance_days" int not null, "defaulted_parameters" jsonb not null, constraint "policy_version_pkey" primary key ("id"));`);
    this.addSql(`alter table "policy_version" add constraint "policy_version_marketplace_code_version_unique" unique ("marketplace_code", "version");`);

    this.addSql(`alter table "holiday" add constraint "holiday_marketplace_code_foreign" foreign key ("marketplace_code") references "marketplace" ("code") on update cascade;`);

    this.addSql(`alter table "policy_version" add constraint "policy_version_marketplace_code_foreign" foreign key ("marketplace_code") references "marketplace" ("code") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "holiday" drop constraint "holiday_marketplace_code_foreign";`);

    this.addSql(`alter table "policy_version" drop constraint "policy_version_marketplace_code_foreign";`);

    this.addSql(`drop table if exists "exchange_rate" cascade;`);

    this.addSql(`drop table if exists "marketplace" cascade;`);

    this.addSql(`drop table if exists "holiday" cascade;`);

    this.addSql(`drop table if exists "policy_version" cascade;`);
  }

}
