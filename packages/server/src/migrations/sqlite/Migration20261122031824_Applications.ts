import { Migration } from '@mikro-orm/migrations';

export class Migration20261122031824_Applications extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`audit_log_entry\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`at\` datetime not null, \`actor_id\` text null, \`actor_kind\` text not null, \`actor_name\` text null, \`action\` text not null, \`subject_type\` text not null, \`subject_id\` text not null, \`data\` json null, primary key (\`id\`));`);
    this.addSql(`create index \`audit_log_entry_subject_type_subject_id_at_index\` on \`audit_log_entry\` (\`subject_type\`, \`subject_id\`, \`at\`);`);

    this.addSql(`create table \`upload\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`organization_id\` text not null, \`uploaded_by_id\` text not null, \`kind\` text not null, \`content_type\` text not null, \`size\` integer not null, \`width\` integer null, \`height\` integer null, \`original_name\` text not null, \`sha256\` text not null, \`storage_key\` text not null, constraint \`upload_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on update cascade, constraint \`upload_uploaded_by_id_foreign\` foreign key(\`uploaded_by_id\`) references \`user\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`upload_organization_id_index\` on \`upload\` (\`organization_id\`);`);
    this.addSql(`create index \`upload_uploaded_by_id_index\` on \`upload\` (\`uploaded_by_id\`);`);

    this.addSql(`create table \`application\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`organization_id\` text not null, \`marketplace\` text not null, \`status\` text not null, \`version\` integer not null default 1, \`legal_name\` text not null, \`contact_name\` text not null, \`contact_email\` text not null, \`seller_type\` text null, \`existing_seller\` integer not null, \`refurbisher\` text null, \`refurbisher_name\` text null, \`inspection_attested\` integer not null, \`categories\` json not null, \`brands\` json not null, \`apple_requested\` integer not null, \`products_have_screen\` integer not null, \`guarantee_accepted\` integer not null, \`warranty_days\` integer null, \`quality_policy_accepted\` integer not null, \`quality_policy_version\` integer null, \`submitted_at\` datetime null, \`first_submitted_at\` datetime null, \`due_date\` text null, \`policy_version_id\` text null, \`failing_checks\` integer not null, \`checks_needing_review\` integer not null, \`claimed_by_id\` text null, \`claimed_at\` datetime null, \`decided_by_id\` text null, \`decided_at\` datetime null, \`apple_approved\` integer null, \`reviewer_message\` text null, \`rejection_reasons\` json null, constraint \`application_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on update cascade, constraint \`application_policy_version_id_foreign\` foreign key(\`policy_version_id\`) references \`policy_version\`(\`id\`) on delete set null on update cascade, constraint \`application_claimed_by_id_foreign\` foreign key(\`claimed_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, constraint \`application_decided_by_id_foreign\` foreign key(\`decided_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`application_organization_id_index\` on \`application\` (\`organization_id\`);`);
    this.addSql(`create index \`application_policy_version_id_index\` on \`application\` (\`policy_version_id\`);`);
    this.addSql(`create index \`application_claimed_by_id_index\` on \`application\` (\`claimed_by_id\`);`);
    this.addSql(`create index \`application_decided_by_id_index\` on \`application\` (\`decided_by_id\`);`);
    this.addSql(`create index \`application_organization_id_marketplace_index\` on \`application\` (\`organization_id\`, \`marketplace\`);`);
    this.addSql(`create index \`application_status_due_date_submitted_at_index\` on \`application\` (\`status\`, \`due_date\`, \`submitted_at\`);`);

    this.addSql(`create table \`marketplace_approval\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`organization_id\` text not null, \`marketplace\` text not null, \`granted_through\` text null, \`application_id\` text not null, \`apple_approved\` integer not null, \`granted_at\` datetime not null, constraint \`marketplace_approval_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on update cascade, constraint \`marketplace_approval_application_id_foreign\` foreign key(\`application_id\`) references \`application\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`marketplace_approval_organization_id_index\` on \`marketplace_approval\` (\`organization_id\`);`);
    this.addSql(`create index \`marketplace_approval_application_id_index\` on \`marketplace_approval\` (\`application_id\`);`);
    this.addSql(`create index \`marketplace_approval_organization_id_marketplace_index\` on \`marketplace_approval\` (\`organization_id\`, \`marketplace\`);`);

    this.addSql(`create table \`invoice\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`application_id\` text not null, \`supplier\` text not null, \`invoice_number\` text not null, \`date\` text not null, \`currency\` text not null, \`document_id\` text null, constraint \`invoice_application_id_foreign\` foreign key(\`application_id\`) references \`application\`(\`id\`) on delete cascade on update cascade, constraint \`invoice_document_id_foreign\` foreign key(\`document_id\`) references \`upload\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`invoice_application_id_index\` on \`invoice\` (\`application_id\`);`);
    this.addSql(`create index \`invoice_document_id_index\` on \`invoice\` (\`document_id\`);`);

    this.addSql(`create table \`invoice_line\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`invoice_id\` text not null, \`position\` integer not null, \`description\` text not null, \`brand\` text not null, \`unit_price_minor\` bigint null, \`quantity\` integer null, \`amount_minor\` bigint null, constraint \`invoice_line_invoice_id_foreign\` foreign key(\`invoice_id\`) references \`invoice\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`invoice_line_invoice_id_index\` on \`invoice_line\` (\`invoice_id\`);`);

    this.addSql(`create table \`eligibility_snapshot\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`application_id\` text not null, \`trigger\` text not null, \`policy_version_number\` integer not null, \`eligible\` integer not null, \`report\` json not null, constraint \`eligibility_snapshot_application_id_foreign\` foreign key(\`application_id\`) references \`application\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`eligibility_snapshot_application_id_index\` on \`eligibility_snapshot\` (\`application_id\`);`);

    this.addSql(`create table \`application_image\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`application_id\` text not null, \`upload_id\` text not null, \`view\` text not null, constraint \`application_image_application_id_foreign\` foreign key(\`application_id\`) references \`application\`(\`id\`) on delete cascade on update cascade, constraint \`application_image_upload_id_foreign\` foreign key(\`upload_id\`) references \`upload\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`application_image_application_id_index\` on \`application_image\` (\`application_id\`);`);
    this.addSql(`create index \`application_image_upload_id_index\` on \`application_image\` (\`upload_id\`);`);
  }

}
