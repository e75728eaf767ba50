import type { EntityManager } from '@mikro-orm/knex';
import type { AppConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { Principal } from '../auth/principal.js';
import type { Services } from '../services.js';

/** Sets and clears the session cookie without resolvers knowing about HTTP. */
export interface SessionCookie {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

/**
 * What every resolver gets: the services of its own unit of work, who is asking, a logger bound to
 * the request, the clock.
 */
export interface GraphQLContext {
  readonly services: Services;
  readonly em: EntityManager;
  readonly principal: Principal;
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly requestId: string;
  readonly sessionCookie: SessionCookie;
  readonly userAgent: string | null;
  /** The caller's network address (the first X-Forwarded-For hop when behind a proxy). */
  readonly clientAddress: string;
  readonly now: () => Date;
  /** Per-request memo for values many fields need (e.g. a marketplace's business calendar). */
  readonly memo: <T>(key: string, load: () => Promise<T>) => Promise<T>;
}
