import { Migration } from '@mikro-orm/migrations';

export class Migration20261130133624_EmailConfirmation extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`user\` add column \`email_confirmation_pending\` integer not null default false;`);
  }

}
