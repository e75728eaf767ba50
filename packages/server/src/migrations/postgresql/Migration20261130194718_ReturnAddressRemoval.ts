import { Migration } from '@mikro-orm/migrations';

export class Migration20261130194718_ReturnAddressRemoval extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "return_address" add column "removed_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "return_address" drop column "removed_at";`);
  }

}
