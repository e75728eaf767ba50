import type { AppConfig } from '../../config.js';
import type { EntityManager } from '@mikro-orm/knex';
import { AppError } from '../../errors/app-error.js';
import { rateLimitStore, type RateLimitStore } from '../../limits/index.js';

/** Where a key stands: points left in its window, and seconds until the window (or a block) ends. */
export interface SignInLimitState {
  readonly remaining: number;
  readonly resetSeconds: number;
  /** False once the key is over its limit (blocked): the point was not counted. */
  readonly allowed: boolean;
}

/** The part of a rate limiter that sign-in needs; `src/limits` provides it for every instance. */
export interface SignInLimiter {
  consume(key: string): Promise<SignInLimitState>;
  /** Null when the key has used nothing in its window. */
  peek(key: string): Promise<SignInLimitState | null>;
  reset(key: string): Promise<void>;
}

export interface SignInLimiterOptions {
  readonly keyPrefix: string;
  readonly points: number;
  readonly duration: number;
  readonly blockDuration: number;
}

export type CreateSignInLimiter = (options: SignInLimiterOptions) => SignInLimiter;

const DAY_SECONDS = 24 * 3600;
/** The name of the per-address limit, in its RATE_LIMITED error. */
export const SIGN_IN_IP_LIMIT = 'sign-in-ip';

/**
 * Throttles guessing passwords, in the shape the OWASP Authentication Cheat Sheet recommends:
 *
 * - per client and account (network address + email): after `maxFailedSignIns` failures in a row
 *   that client is refused for that account for the lock time. A stranger cannot lock the owner
 *   out: the owner signs in from their own address as usual.
 * - per account, every client together (the `failedSignIns` column, counted in one conditional
 *   UPDATE): after `accountMaxFailedSignIns` failures in a row the account is locked for everyone
 *   and its owner is emailed a link that unlocks it at once (accounts.service).
 * - per client address, every account together: after `ipMaxFailedSignIns` failures in an hour
 *   the address may not sign in for an hour (password spraying over many accounts).
 *
 * Addresses without an account are counted exactly like accounts (the per-account count in a
 * limiter keyed by the email), so a lock says nothing about whether an account exists.
 */
export class SignInThrottle {
  private readonly byClientAndAccount: SignInLimiter;
  private readonly byClient: SignInLimiter;
  private readonly byUnknownAccount: SignInLimiter;

  constructor(
    private readonly config: AppConfig,
    createLimiter: CreateSignInLimiter,
  ) {
    const lockSeconds = Math.ceil(config.auth.lockMs / 1000);
    this.byClientAndAccount = createLimiter({
      keyPrefix: 'sign-in-client-account',
      points: config.auth.maxFailedSignIns,
      duration: DAY_SECONDS,
      blockDuration: lockSeconds,
    });
    this.byClient = createLimiter({
      keyPrefix: SIGN_IN_IP_LIMIT,
      points: config.auth.ipMaxFailedSignIns,
      duration: 3600,
      blockDuration: 3600,
    });
    this.byUnknownAccount = createLimiter({
      keyPrefix: 'sign-in-unknown-account',
      points: config.auth.accountMaxFailedSignIns,
      // As long as the library's in-memory timers allow (24.8 days); the column counts without end.
      duration: 7 * DAY_SECONDS,
      blockDuration: lockSeconds,
    });
  }

  /**
   * Before any password is checked: refuses a client over its limits, and counts this attempt
   * for the client and account first, so that a hundred guesses sent at once are counted one by
   * one and only the allowed few reach the (slow) password check.
   */
  async beforeAttempt(email: string, client: string, now: Date): Promise<Refusal | Attempt> {
    const ip = await this.byClient.peek(client);
    if (ip && (!ip.allowed || ip.remaining <= 0)) return { kind: 'client', until: after(now, ip.resetSeconds) };
    const pair = await this.byClientAndAccount.consume(pairKey(email, client));
    if (!pair.allowed) return { kind: 'account', until: after(now, pair.resetSeconds) };
    return { kind: 'allowed', lastBeforeLock: pair.remaining <= 0 };
  }

  /** A failed attempt: counts it per address; says until when this client is now locked out of this account. */
  async afterFailure(email: string, client: string, attempt: Attempt, now: Date): Promise<Date | null> {
    await this.byClient.consume(client);
    // The failure that used the last attempt locks at once: one more point starts the block.
    return attempt.lastBeforeLock ? this.block(this.byClientAndAccount, pairKey(email, client), now) : null;
  }

  /** A successful sign-in (or a password reset from this client): its failures are forgotten. */
  async afterSuccess(email: string, client: string): Promise<void> {
    await this.byClientAndAccount.reset(pairKey(email, client));
  }

  /** An address without an account: until when it is locked, as an account would be. */
  async unknownAccountLockedUntil(email: string, now: Date): Promise<Date | null> {
    const state = await this.byUnknownAccount.peek(email);
    return state && !state.allowed ? after(now, state.resetSeconds) : null;
  }

  /** A failure for an address without an account, counted as an account's column counts it. */
  async unknownAccountFailed(email: string, now: Date): Promise<Date | null> {
    const state = await this.byUnknownAccount.consume(email);
    if (!state.allowed) return after(now, state.resetSeconds);
    return state.remaining <= 0 ? this.block(this.byUnknownAccount, email, now) : null;
  }

  private async block(limiter: SignInLimiter, key: string, now: Date): Promise<Date> {
    return after(now, (await limiter.consume(key)).resetSeconds);
  }
}

export interface Attempt {
  readonly kind: 'allowed';
  /** This attempt used the client's last one for the account: if it fails, the client is locked out. */
  readonly lastBeforeLock: boolean;
}

export interface Refusal {
  /** `account`: this client is locked out of this account; `client`: this address may not sign in at all. */
  readonly kind: 'account' | 'client';
  readonly until: Date;
}

function pairKey(email: string, client: string): string {
  return `${client}|${email}`;
}

function after(now: Date, seconds: number): Date {
  return new Date(now.getTime() + seconds * 1000);
}

/** The sign-in limiters on the rate-limit store every instance shares (src/limits). */
function fromStore(store: RateLimitStore): CreateSignInLimiter {
  return (options) => {
    const limiter = store.createLimiter(options);
    return {
      async consume(key) {
        try {
          const state = await limiter.consume(key);
          return { remaining: state.remaining, resetSeconds: state.resetSeconds, allowed: true };
        } catch (error) {
          if (error instanceof AppError && error.code === 'RATE_LIMITED') {
            const { retryAfterSeconds } = (error as AppError<'RATE_LIMITED'>).details;
            return { remaining: 0, resetSeconds: retryAfterSeconds, allowed: false };
          }
          throw error;
        }
      },
      async peek(key) {
        const state = await limiter.peek(key);
        return state && { ...state, allowed: state.consumed <= options.points };
      },
      reset: (key) => limiter.reset(key),
    };
  };
}

const throttles = new WeakMap<RateLimitStore, WeakMap<AppConfig, SignInThrottle>>();

/** The one throttle of a running app: its counters live in the app's shared rate-limit store. */
export function signInThrottleFor(config: AppConfig, em: EntityManager): SignInThrottle {
  const store = rateLimitStore(em);
  let byConfig = throttles.get(store);
  if (!byConfig) {
    byConfig = new WeakMap();
    throttles.set(store, byConfig);
  }
  let throttle = byConfig.get(config);
  if (!throttle) {
    throttle = new SignInThrottle(config, fromStore(store));
    byConfig.set(config, throttle);
  }
  return throttle;
}
