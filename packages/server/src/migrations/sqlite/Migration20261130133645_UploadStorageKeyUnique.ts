import { Migration } from '@mikro-orm/migrations';

export class Migration20261130133645_UploadStorageKeyUnique extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create unique index \`upload_storage_key_unique\` on \`upload\` (\`storage_key\`);`);
  }

}
