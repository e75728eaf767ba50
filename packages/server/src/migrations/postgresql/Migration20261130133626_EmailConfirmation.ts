import { Migration } from '@mikro-orm/migrations';

export class Migration20261130133626_EmailConfirmation extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "user" add column "email_confirmation_pending" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "user" drop column "email_confirmation_pending";`);
  }

}
