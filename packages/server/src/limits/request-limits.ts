import type { Principal } from '../auth/principal.js';
import type { LimitsConfig } from '../config.js';
import type { EntityManager, Orm } from '../db/orm.js';
import { rateLimitStore, type RateLimiter } from './rate-limit-store.js';

/** Counts each request of a client against its budget: one per API key, per session, or per IP address. */
export interface RequestLimits {
  /** Counts one request; rejects with AppError RATE_LIMITED (HTTP 429 + Retry-After) once over. */
  count(principal: Principal, ip: string | undefined): Promise<void>;
}

const NO_LIMITS: RequestLimits = { count: () => Promise.resolve() };

/**
 * The request rate limits of /graphql and /uploads (one budget for both), from the shared store.
 * A signed-in person counts per session, a third party per API key, anyone else per IP address.
 * On PostgreSQL they are batched (no query per request; the store's flush shares the counts).
 */
export function requestLimits(orm: Orm | EntityManager, limits: LimitsConfig): RequestLimits {
  if (!limits.enabled) return NO_LIMITS;
  const store = rateLimitStore(orm);
  const { windowSeconds: duration, anonymous, session, apiKey } = limits.rate;
  // Batched: counted in this instance's memory and added to the shared table every few hundred ms.
  const batched = true;
  const perIp = store.createLimiter({ keyPrefix: 'requests-ip', points: anonymous, duration, batched });
  const perSession = store.createLimiter({ keyPrefix: 'requests-session', points: session, duration, batched });
  const perApiKey = store.createLimiter({ keyPrefix: 'requests-api-key', points: apiKey, duration, batched });
  const limiterFor = (principal: Principal): [RateLimiter, string] | null => {
    switch (principal.kind) {
      case 'user':
        return [perSession, principal.sessionId];
      case 'apiKey':
        return [perApiKey, principal.apiKey.id];
      case 'anonymous':
        return null;
    }
  };
  return {
    async count(principal, ip) {
      const [limiter, key] = limiterFor(principal) ?? [perIp, ip ?? 'unknown'];
      await limiter.consume(key);
    },
  };
}

/**
 * The per-address limit of emails that anyone can cause (sign-up, password reset, invitation):
 * counted before the email is queued, whether or not the address has an account.
 */
export function emailLimiter(orm: Orm | EntityManager, limits: LimitsConfig): RateLimiter {
  return rateLimitStore(orm).createLimiter({
    keyPrefix: 'emails-per-address',
    points: limits.email.perAddress,
    duration: limits.email.windowSeconds,
  });
}
