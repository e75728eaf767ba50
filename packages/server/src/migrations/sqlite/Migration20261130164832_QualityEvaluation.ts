import { Migration } from '@mikro-orm/migrations';

export class Migration20261130164832_QualityEvaluation extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`daily_quality_evaluation_claim\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`organization_id\` text not null, \`marketplace\` text not null, \`day\` text not null, \`claimed_by\` text not null, constraint \`daily_quality_evaluation_claim_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`daily_quality_evaluation_claim_organization_id_index\` on \`daily_quality_evaluation_claim\` (\`organization_id\`);`);
    this.addSql(`create unique index \`daily_quality_evaluation_claim_organization_id_marketplace_day_unique\` on \`daily_quality_evaluation_claim\` (\`organization_id\`, \`marketplace\`, \`day\`);`);

    this.addSql(`create table \`quality_evaluation\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`organization_id\` text not null, \`marketplace\` text not null, \`day\` text not null, \`evaluated_at\` datetime not null, \`policy_version\` integer not null, \`standing\` text not null, \`breaches\` json not null, \`rqs_orders\` integer not null, \`rqs_defective_orders\` integer not null, \`rqs_bps\` integer null, \`rqs_minimum_bps\` integer not null, \`rqs_breached\` integer not null, \`odr_orders\` integer not null, \`odr_defective_orders\` integer not null, \`odr_bps\` integer null, \`odr_maximum_bps\` integer not null, \`odr_breached\` integer not null, \`rating_count\` integer not null, \`rating_stars_total\` integer not null, \`rating_hundredths\` integer null, \`rating_minimum_hundredths\` integer not null, \`rating_breached\` integer not null, \`offers\` integer not null, \`suppressed_offers\` integer not null, constraint \`quality_evaluation_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`quality_evaluation_organization_id_index\` on \`quality_evaluation\` (\`organization_id\`);`);
    this.addSql(`create unique index \`quality_evaluation_organization_id_marketplace_day_unique\` on \`quality_evaluation\` (\`organization_id\`, \`marketplace\`, \`day\`);`);

    this.addSql(`create table \`seller_quality_standing_record\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`organization_id\` text not null, \`marketplace\` text not null, \`standing\` text not null, \`since\` datetime not null, \`reason\` text null, \`changed_by_id\` text null, \`changed_by_name\` text null, \`breaches\` json not null, \`evaluated_on\` text null, \`rqs_orders\` integer not null, \`rqs_defective_orders\` integer not null, \`rqs_bps\` integer null, \`odr_orders\` integer not null, \`odr_defective_orders\` integer not null, \`odr_bps\` integer null, \`rating_count\` integer not null, \`rating_stars_total\` integer not null, \`rating_hundredths\` integer null, \`suppressed_offers\` integer not null, \`version\` integer not null default 1, constraint \`seller_quality_standing_record_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`seller_quality_standing_record_organization_id_index\` on \`seller_quality_standing_record\` (\`organization_id\`);`);
    this.addSql(`create index \`seller_quality_standing_record_standing_since_index\` on \`seller_quality_standing_record\` (\`standing\`, \`since\`);`);
    this.addSql(`create unique index \`seller_quality_standing_record_organization_id_marketplace_unique\` on \`seller_quality_standing_record\` (\`organization_id\`, \`marketplace\`);`);
  }

}
