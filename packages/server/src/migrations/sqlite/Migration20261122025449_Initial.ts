import { Migration } from '@mikro-orm/migrations';

export class Migration20261122025449_Initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`exchange_rate\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`base\` text not null, \`quote\` text not null, \`valid_from\` text not null, \`rate\` text not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`exchange_rate_base_quote_valid_from_unique\` on \`exchange_rate\` (\`base\`, \`quote\`, \`valid_from\`);`);

    this.addSql(`create table \`marketplace\` (\`code\` text not null, \`name\` text not null, \`currency\` text not null, \`time_zone\` text not null, \`created_at\` datetime not null, primary key (\`code\`));`);

    this.addSql(`create table \`holiday\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`marketplace_code\` text not null, \`date\` text not null, \`name\` text not null, constraint \`holiday_marketplace_code_foreign\` foreign key(\`marketplace_code\`) references \`marketplace\`(\`code\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`holiday_marketplace_code_index\` on \`holiday\` (\`marketplace_code\`);`);
    this.addSql(`create unique index \`holiday_marketplace_code_date_unique\` on \`holiday\` (\`marketplace_code\`, \`date\`);`);

    this.addSql(`create table \`policy_version\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`marketplace_code\` text not null, \`version\` integer not null, \`effective_from\` datetime not null, \`notes\` text null, \`qualifying_purchases_minimum_amount_minor\` bigint not null, \`qualifying_purchases_minimum_currency\` text not null, \`purchase_window_days\` integer not null, \`excluded_item_max_unit_price_amount_minor\` bigint not null, \`excluded_item_max_unit_price_currency\` text not null, \`apple_qualifying_purchases_minimum_amount_minor\` bigint not null, \`apple_qualifying_purchases_minimum_currency\` text not null, \`apple_purchase_window_days\` integer not null, \`warranty_kind\` text not null, \`warranty_minimum_days\` integer null, \`minimum_images\` integer not null, \`required_views\` json not null, \`screen_products_require_screen_on\` integer not null, \`odr_maximum_bps\` integer not null, \`odr_window_days\` integer not null, \`review_due_business_days\` integer not null, \`offer_rqs_minimum_bps\` integer not null, \`seller_rqs_minimum_bps\` integer not null, \`average_rating_minimum_hundredths\` integer not null, \`rqs_window_days\` integer not null, \`rqs_minimum_orders\` integer not null, \`default_return_window_days\` integer not null, \`transit_allowance_days\` integer not null, \`defaulted_parameters\` json not null, constraint \`policy_version_marketplace_code_foreign\` foreign key(\`marketplace_code\`) references \`marketplace\`(\`code\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`policy_version_marketplace_code_index\` on \`policy_version\` (\`marketplace_code\`);`);
    this.addSql(`create unique index \`policy_version_marketplace_code_version_unique\` on \`policy_version\` (\`marketplace_code\`, \`version\`);`);
  }

}
