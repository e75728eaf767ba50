import { Migration } from '@mikro-orm/migrations';

export class Migration20261201015115_OrderRedundantIndexes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index \`marketplace_order_seller_id_index\`;`);
    this.addSql(`drop index \`marketplace_order_offer_id_index\`;`);
  }

}
