import type { EntityManager } from '@mikro-orm/knex';
import type { Logger } from '../logger.js';

/** What every resolver gets: its own unit of work, a logger bound to the request, and the clock. */
export interface GraphQLContext {
  readonly em: EntityManager;
  readonly logger: Logger;
  readonly requestId: string;
  readonly now: () => Date;
}
