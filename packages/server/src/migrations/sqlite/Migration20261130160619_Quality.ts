import { Migration } from '@mikro-orm/migrations';

export class Migration20261130160619_Quality extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`offer\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`seller_id\` text not null, \`marketplace\` text not null, \`external_id\` text not null, \`sku\` text not null, \`product_name\` text not null, \`brand\` text not null, \`category\` text not null, \`condition\` text not null, \`price_amount_minor\` bigint not null, \`price_currency\` text not null, \`status\` text not null, \`version\` integer not null, constraint \`offer_seller_id_foreign\` foreign key(\`seller_id\`) references \`organization\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`offer_seller_id_index\` on \`offer\` (\`seller_id\`);`);
    this.addSql(`create index \`offer_seller_id_marketplace_status_index\` on \`offer\` (\`seller_id\`, \`marketplace\`, \`status\`);`);
    this.addSql(`create unique index \`offer_seller_id_marketplace_sku_unique\` on \`offer\` (\`seller_id\`, \`marketplace\`, \`sku\`);`);
    this.addSql(`create unique index \`offer_marketplace_external_id_unique\` on \`offer\` (\`marketplace\`, \`external_id\`);`);

    this.addSql(`create table \`marketplace_order\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`offer_id\` text not null, \`seller_id\` text not null, \`marketplace\` text not null, \`external_id\` text not null, \`buyer_reference\` text not null, \`quantity\` integer not null, \`ordered_at\` datetime not null, \`shipped_at\` datetime null, \`delivered_at\` datetime null, \`order_date\` text not null, \`version\` integer not null, constraint \`marketplace_order_offer_id_foreign\` foreign key(\`offer_id\`) references \`offer\`(\`id\`) on update cascade, constraint \`marketplace_order_seller_id_foreign\` foreign key(\`seller_id\`) references \`organization\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`marketplace_order_offer_id_index\` on \`marketplace_order\` (\`offer_id\`);`);
    this.addSql(`create index \`marketplace_order_seller_id_index\` on \`marketplace_order\` (\`seller_id\`);`);
    this.addSql(`create index \`marketplace_order_seller_id_marketplace_order_date_index\` on \`marketplace_order\` (\`seller_id\`, \`marketplace\`, \`order_date\`);`);
    this.addSql(`create index \`marketplace_order_offer_id_order_date_index\` on \`marketplace_order\` (\`offer_id\`, \`order_date\`);`);
    this.addSql(`create unique index \`marketplace_order_marketplace_external_id_unique\` on \`marketplace_order\` (\`marketplace\`, \`external_id\`);`);

    this.addSql(`create table \`order_defect\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`order_id\` text not null, \`offer_id\` text not null, \`seller_id\` text not null, \`marketplace\` text not null, \`order_date\` text not null, \`external_id\` text not null, \`kind\` text not null, \`reported_at\` datetime not null, \`version\` integer not null, constraint \`order_defect_order_id_foreign\` foreign key(\`order_id\`) references \`marketplace_order\`(\`id\`) on update cascade, constraint \`order_defect_offer_id_foreign\` foreign key(\`offer_id\`) references \`offer\`(\`id\`) on update cascade, constraint \`order_defect_seller_id_foreign\` foreign key(\`seller_id\`) references \`organization\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`order_defect_offer_id_index\` on \`order_defect\` (\`offer_id\`);`);
    this.addSql(`create index \`order_defect_seller_id_index\` on \`order_defect\` (\`seller_id\`);`);
    this.addSql(`create index \`order_defect_seller_id_marketplace_order_date_index\` on \`order_defect\` (\`seller_id\`, \`marketplace\`, \`order_date\`);`);
    this.addSql(`create index \`order_defect_order_id_index\` on \`order_defect\` (\`order_id\`);`);
    this.addSql(`create unique index \`order_defect_marketplace_external_id_unique\` on \`order_defect\` (\`marketplace\`, \`external_id\`);`);

    this.addSql(`create table \`offer_daily_quality\` (\`offer_id\` text not null, \`day\` text not null, \`seller_id\` text not null, \`marketplace\` text not null, \`orders\` integer not null, \`orders_with_complaint\` integer not null, \`orders_with_defect\` integer not null, \`rating_count\` integer not null, \`rating_star_sum\` integer not null, constraint \`offer_daily_quality_offer_id_foreign\` foreign key(\`offer_id\`) references \`offer\`(\`id\`) on delete cascade on update cascade, constraint \`offer_daily_quality_seller_id_foreign\` foreign key(\`seller_id\`) references \`organization\`(\`id\`) on update cascade, primary key (\`offer_id\`, \`day\`));`);
    this.addSql(`create index \`offer_daily_quality_offer_id_index\` on \`offer_daily_quality\` (\`offer_id\`);`);
    this.addSql(`create index \`offer_daily_quality_seller_id_index\` on \`offer_daily_quality\` (\`seller_id\`);`);
    this.addSql(`create index \`offer_daily_quality_seller_id_marketplace_day_index\` on \`offer_daily_quality\` (\`seller_id\`, \`marketplace\`, \`day\`);`);

    this.addSql(`create table \`product_rating\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`offer_id\` text not null, \`order_id\` text null, \`seller_id\` text not null, \`marketplace\` text not null, \`external_id\` text not null, \`stars\` integer not null, \`rated_at\` datetime not null, \`rated_date\` text not null, \`version\` integer not null, constraint \`product_rating_offer_id_foreign\` foreign key(\`offer_id\`) references \`offer\`(\`id\`) on update cascade, constraint \`product_rating_order_id_foreign\` foreign key(\`order_id\`) references \`marketplace_order\`(\`id\`) on delete set null on update cascade, constraint \`product_rating_seller_id_foreign\` foreign key(\`seller_id\`) references \`organization\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`product_rating_offer_id_index\` on \`product_rating\` (\`offer_id\`);`);
    this.addSql(`create index \`product_rating_order_id_index\` on \`product_rating\` (\`order_id\`);`);
    this.addSql(`create index \`product_rating_seller_id_index\` on \`product_rating\` (\`seller_id\`);`);
    this.addSql(`create index \`product_rating_offer_id_rated_date_index\` on \`product_rating\` (\`offer_id\`, \`rated_date\`);`);
    this.addSql(`create unique index \`product_rating_marketplace_external_id_unique\` on \`product_rating\` (\`marketplace\`, \`external_id\`);`);

    this.addSql(`create table \`seller_daily_quality\` (\`seller_id\` text not null, \`marketplace\` text not null, \`day\` text not null, \`orders\` integer not null, \`orders_with_complaint\` integer not null, \`orders_with_defect\` integer not null, \`rating_count\` integer not null, \`rating_star_sum\` integer not null, constraint \`seller_daily_quality_seller_id_foreign\` foreign key(\`seller_id\`) references \`organization\`(\`id\`) on update cascade, primary key (\`seller_id\`, \`marketplace\`, \`day\`));`);
    this.addSql(`create index \`seller_daily_quality_seller_id_index\` on \`seller_daily_quality\` (\`seller_id\`);`);

    this.addSql(`create table \`complaint\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`order_id\` text not null, \`offer_id\` text not null, \`seller_id\` text not null, \`marketplace\` text not null, \`order_date\` text not null, \`external_id\` text not null, \`source\` text not null, \`category\` text not null, \`filed_at\` datetime not null, \`note\` text null, \`invalidated_at\` datetime null, \`invalidated_by_id\` text null, \`invalidation_reason\` text null, \`version\` integer not null, constraint \`complaint_order_id_foreign\` foreign key(\`order_id\`) references \`marketplace_order\`(\`id\`) on update cascade, constraint \`complaint_offer_id_foreign\` foreign key(\`offer_id\`) references \`offer\`(\`id\`) on update cascade, constraint \`complaint_seller_id_foreign\` foreign key(\`seller_id\`) references \`organization\`(\`id\`) on update cascade, constraint \`complaint_invalidated_by_id_foreign\` foreign key(\`invalidated_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`complaint_offer_id_index\` on \`complaint\` (\`offer_id\`);`);
    this.addSql(`create index \`complaint_seller_id_index\` on \`complaint\` (\`seller_id\`);`);
    this.addSql(`create index \`complaint_invalidated_by_id_index\` on \`complaint\` (\`invalidated_by_id\`);`);
    this.addSql(`create index \`complaint_seller_id_marketplace_order_date_index\` on \`complaint\` (\`seller_id\`, \`marketplace\`, \`order_date\`);`);
    this.addSql(`create index \`complaint_order_id_index\` on \`complaint\` (\`order_id\`);`);
    this.addSql(`create unique index \`complaint_marketplace_external_id_unique\` on \`complaint\` (\`marketplace\`, \`external_id\`);`);
  }

}
