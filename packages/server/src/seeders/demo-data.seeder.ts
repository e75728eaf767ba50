import type { EntityManager } from '@mikro-orm/core';
import { Seeder } from '@mikro-orm/seeder';
import { ReferenceDataSeeder } from './reference-data.seeder.js';

/**
 * Demo data for embedded mode, on top of the reference data. Later features add their demo
 * sellers, reviewers, applications and orders here; it must stay idempotent.
 */
export class DemoDataSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    await this.call(em, [ReferenceDataSeeder]);
  }
}
