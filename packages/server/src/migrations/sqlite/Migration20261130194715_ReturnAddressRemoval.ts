import { Migration } from '@mikro-orm/migrations';

export class Migration20261130194715_ReturnAddressRemoval extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`return_address\` add column \`removed_at\` datetime null;`);
  }

}
