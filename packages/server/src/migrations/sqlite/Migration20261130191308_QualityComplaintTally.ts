import { Migration } from '@mikro-orm/migrations';

export class Migration20261130191308_QualityComplaintTally extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`offer_daily_quality\` add column \`complaints_email\` integer not null default 0;`);
    this.addSql(`alter table \`offer_daily_quality\` add column \`complaints_product_review\` integer not null default 0;`);
    this.addSql(`alter table \`offer_daily_quality\` add column \`complaints_seller_feedback\` integer not null default 0;`);
    this.addSql(`alter table \`offer_daily_quality\` add column \`complaints_customer_service_call\` integer not null default 0;`);
    this.addSql(`alter table \`offer_daily_quality\` add column \`complaints_not_working\` integer not null default 0;`);
    this.addSql(`alter table \`offer_daily_quality\` add column \`complaints_cosmetic_damage\` integer not null default 0;`);
    this.addSql(`alter table \`offer_daily_quality\` add column \`complaints_missing_accessories\` integer not null default 0;`);
    this.addSql(`alter table \`offer_daily_quality\` add column \`complaints_wrong_item\` integer not null default 0;`);
    this.addSql(`alter table \`offer_daily_quality\` add column \`complaints_battery\` integer not null default 0;`);
    this.addSql(`alter table \`offer_daily_quality\` add column \`complaints_other\` integer not null default 0;`);

    this.addSql(`alter table \`seller_daily_quality\` add column \`complaints_email\` integer not null default 0;`);
    this.addSql(`alter table \`seller_daily_quality\` add column \`complaints_product_review\` integer not null default 0;`);
    this.addSql(`alter table \`seller_daily_quality\` add column \`complaints_seller_feedback\` integer not null default 0;`);
    this.addSql(`alter table \`seller_daily_quality\` add column \`complaints_customer_service_call\` integer not null default 0;`);
    this.addSql(`alter table \`seller_daily_quality\` add column \`complaints_not_working\` integer not null default 0;`);
    this.addSql(`alter table \`seller_daily_quality\` add column \`complaints_cosmetic_damage\` integer not null default 0;`);
    this.addSql(`alter table \`seller_daily_quality\` add column \`complaints_missing_accessories\` integer not null default 0;`);
    this.addSql(`alter table \`seller_daily_quality\` add column \`complaints_wrong_item\` integer not null default 0;`);
    this.addSql(`alter table \`seller_daily_quality\` add column \`complaints_battery\` integer not null default 0;`);
    this.addSql(`alter table \`seller_daily_quality\` add column \`complaints_other\` integer not null default 0;`);

    // Existing rollup rows: the valid complaints of their day per source and category, then the sellers' sums.
    this.addSql(`update "offer_daily_quality" as "q" set "complaints_email" = "t"."complaints_email", "complaints_product_review" = "t"."complaints_product_review", "complaints_seller_feedback" = "t"."complaints_seller_feedback", "complaints_customer_service_call" = "t"."complaints_customer_service_call", "complaints_not_working" = "t"."complaints_not_working", "complaints_cosmetic_damage" = "t"."complaints_cosmetic_damage", "complaints_missing_accessories" = "t"."complaints_missing_accessories", "complaints_wrong_item" = "t"."complaints_wrong_item", "complaints_battery" = "t"."complaints_battery", "complaints_other" = "t"."complaints_other" from (select "offer_id", "order_date", sum(case when "source" = 'EMAIL' then 1 else 0 end) as "complaints_email", sum(case when "source" = 'PRODUCT_REVIEW' then 1 else 0 end) as "complaints_product_review", sum(case when "source" = 'SELLER_FEEDBACK' then 1 else 0 end) as "complaints_seller_feedback", sum(case when "source" = 'CUSTOMER_SERVICE_CALL' then 1 else 0 end) as "complaints_customer_service_call", sum(case when "category" = 'NOT_WORKING' then 1 else 0 end) as "complaints_not_working", sum(case when "category" = 'COSMETIC_DAMAGE' then 1 else 0 end) as "complaints_cosmetic_damage", sum(case when "category" = 'MISSING_ACCESSORIES' then 1 else 0 end) as "complaints_missing_accessories", sum(case when "category" = 'WRONG_ITEM' then 1 else 0 end) as "complaints_wrong_item", sum(case when "category" = 'BATTERY' then 1 else 0 end) as "complaints_battery", sum(case when "category" = 'OTHER' then 1 else 0 end) as "complaints_other" from "complaint" where "invalidated_at" is null group by "offer_id", "order_date") as "t" where "t"."offer_id" = "q"."offer_id" and "t"."order_date" = "q"."day";`);
    this.addSql(`update "seller_daily_quality" as "s" set "complaints_email" = "t"."complaints_email", "complaints_product_review" = "t"."complaints_product_review", "complaints_seller_feedback" = "t"."complaints_seller_feedback", "complaints_customer_service_call" = "t"."complaints_customer_service_call", "complaints_not_working" = "t"."complaints_not_working", "complaints_cosmetic_damage" = "t"."complaints_cosmetic_damage", "complaints_missing_accessories" = "t"."complaints_missing_accessories", "complaints_wrong_item" = "t"."complaints_wrong_item", "complaints_battery" = "t"."complaints_battery", "complaints_other" = "t"."complaints_other" from (select "seller_id", "marketplace", "day", sum("complaints_email") as "complaints_email", sum("complaints_product_review") as "complaints_product_review", sum("complaints_seller_feedback") as "complaints_seller_feedback", sum("complaints_customer_service_call") as "complaints_customer_service_call", sum("complaints_not_working") as "complaints_not_working", sum("complaints_cosmetic_damage") as "complaints_cosmetic_damage", sum("complaints_missing_accessories") as "complaints_missing_accessories", sum("complaints_wrong_item") as "complaints_wrong_item", sum("complaints_battery") as "complaints_battery", sum("complaints_other") as "complaints_other" from "offer_daily_quality" group by "seller_id", "marketplace", "day") as "t" where "t"."seller_id" = "s"."seller_id" and "t"."marketplace" = "s"."marketplace" and "t"."day" = "s"."day";`);
  }

}
