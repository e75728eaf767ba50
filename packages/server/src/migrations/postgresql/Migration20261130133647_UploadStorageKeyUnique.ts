import { Migration } from '@mikro-orm/migrations';

export class Migration20261130133647_UploadStorageKeyUnique extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "upload" add constraint "upload_storage_key_unique" unique ("storage_key");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "upload" drop constraint "upload_storage_key_unique";`);
  }

}
