import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { Orm } from '../db/orm.js';
import { BatchedCounts, type FlushSettings } from './batched-counts.js';
import { rateLimited } from './limits.errors.js';

/** One limit: at most `points` per `duration` seconds for each key. */
export interface LimiterOptions {
  /** Names the limit (`sign-in-ip`); it is the `limit` of the RATE_LIMITED error, and keys of two limiters never meet. */
  readonly keyPrefix: string;
  /** How many points (requests, by default one each) a key may use per window. */
  readonly points: number;
  /** The window, in seconds, counted from a key's first point. */
  readonly duration: number;
  /** Once over the limit, the key stays refused this many seconds (instead of until the window ends). */
  readonly blockDuration?: number;
  /**
   * Counted in this instance's memory and added to the shared table in batches (BatchedCounts):
   * no query per request, at the price of a bounded overshoot (docs/operations.md, "Request
   * limits"). For the request limits only: sign-in and email limits stay exact per request.
   * Not with `blockDuration`. In memory (embedded) every limiter is exact anyway.
   */
  readonly batched?: boolean;
}

/** Where a key stands after a point was counted. */
export interface LimitState {
  /** Points left in the current window. */
  readonly remaining: number;
  /** Points used in the current window. */
  readonly consumed: number;
  /** Seconds until the window (or a block) ends. */
  readonly resetSeconds: number;
}

export interface RateLimiter {
  readonly options: LimiterOptions;
  /**
   * Counts `cost` points (default 1) for `key`; rejects with AppError RATE_LIMITED (details:
   * limit, max, retryAfterSeconds) once the key is over the limit. Any other rejection is a store
   * failure, never a refusal.
   */
  consume(key: string, cost?: number): Promise<LimitState>;
  /** Where the key stands without counting; null when it has used nothing in the window. */
  peek(key: string): Promise<LimitState | null>;
  /** Forgets the key (e.g. after a successful sign-in). */
  reset(key: string): Promise<void>;
}

export interface RateLimitStore {
  readonly kind: 'postgresql' | 'memory';
  /** The limiter named `keyPrefix`, made once per store; asking again with other options is a bug and throws. */
  createLimiter(options: LimiterOptions): RateLimiter;
  /**
   * Where the batched limiters' flush failures are logged, and how often they flush (the app
   * calls this once; until then they flush only when asked).
   */
  configureFlush(settings: FlushSettings): void;
  /** Adds the batched limiters' counts to the shared table now (tests drive the flush with this). */
  flush(): Promise<void>;
  /** Stops the periodic flush after a last one: call before the database closes. */
  close(): Promise<void>;
}

const TABLE = 'rate_limit';

type Connection = ReturnType<EntityManager['getConnection']>;
type Knex = ReturnType<Connection['getKnex']>;
const stores = new WeakMap<Connection, RateLimitStore>();

/**
 * The rate-limit store of the database this ORM (or any fork of it) uses, shared by every
 * request: PostgreSQL keeps the counters in the `rate_limit` table (created by a migration), so
 * every instance of the server counts together; SQLite (embedded mode, one process) counts in
 * memory. If PostgreSQL fails, a limiter falls back to counting in this process's memory.
 */
export function rateLimitStore(ormOrEm: Orm | EntityManager): RateLimitStore {
  const em = ('em' in ormOrEm ? ormOrEm.em : ormOrEm) as EntityManager;
  const connection = em.getConnection();
  let store = stores.get(connection);
  if (!store) {
    store =
      em.getPlatform() instanceof PostgreSqlPlatform
        ? createStore('postgresql', connection.getKnex())
        : createStore('memory', null);
    stores.set(connection, store);
  }
  return store;
}

function createStore(kind: RateLimitStore['kind'], knex: Knex | null): RateLimitStore {
  const limiters = new Map<string, RateLimiter>();
  const batches = knex ? new BatchedCounts(knex) : null;
  return {
    kind,
    configureFlush: (settings) => batches?.configure(settings),
    flush: () => batches?.flush() ?? Promise.resolve(),
    close: () => batches?.close() ?? Promise.resolve(),
    createLimiter(options) {
      checkOptions(options);
      const existing = limiters.get(options.keyPrefix);
      if (existing) {
        const { keyPrefix, points, duration, blockDuration } = existing.options;
        if (
          keyPrefix !== options.keyPrefix ||
          points !== options.points ||
          duration !== options.duration ||
          blockDuration !== options.blockDuration ||
          Boolean(existing.options.batched) !== Boolean(options.batched)
        ) {
          throw new Error(`rate limiter "${options.keyPrefix}" already exists with other options`);
        }
        return existing;
      }
      if (batches && options.batched) {
        const limiter = batchedLimiter(options, batches);
        limiters.set(options.keyPrefix, limiter);
        return limiter;
      }
      const common = {
        keyPrefix: options.keyPrefix,
        points: options.points,
        duration: options.duration,
        ...(options.blockDuration ? { blockDuration: options.blockDuration } : {}),
      };
      const backend: RateLimiterAbstract =
        kind === 'postgresql'
          ? new RateLimiterPostgres({
              ...common,
              storeClient: knex,
              storeType: 'knex',
              tableName: TABLE,
              // The table comes from a migration; without this the library creates it itself, racing the first consume.
              tableCreated: true,
              // Expired rows are deleted by the store's periodic flush (BatchedCounts), not by every limiter.
              clearExpiredByTimeout: false,
              // A key over the limit is refused from memory until its window ends: a flood costs no queries.
              inMemoryBlockOnConsumed: options.points + 1,
              // (Without this the in-memory block would last the window, not the block.)
              ...(options.blockDuration ? { inMemoryBlockDuration: options.blockDuration } : {}),
              insuranceLimiter: new RateLimiterMemory(common),
            })
          : new RateLimiterMemory(common);
      const limiter = wrap(options, backend);
      limiters.set(options.keyPrefix, limiter);
      return limiter;
    },
  };
}

function checkOptions({ keyPrefix, points, duration, blockDuration, batched }: LimiterOptions): void {
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(keyPrefix)) {
    throw new Error(`rate limiter keyPrefix must be 1-64 of a-z, 0-9 and '-': ${JSON.stringify(keyPrefix)}`);
  }
  if (batched && blockDuration) throw new Error(`rate limiter ${keyPrefix}: a batched limiter has no blockDuration`);
  for (const [name, value] of Object.entries({ points, duration, blockDuration: blockDuration ?? 1 })) {
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`rate limiter ${keyPrefix}: ${name} must be a whole number >= 1`);
  }
}

/**
 * Keys are hashed: the table holds no IP or email address, and any key fits its 255 characters.
 * (The library stores `<keyPrefix>:<key>`.)
 */
function storedKey(key: string): string {
  let stored = storedKeys.get(key);
  if (stored === undefined) {
    stored = createHash('sha256').update(key).digest('base64url');
    // Every request counts against its session's key: hashed once, not per request (bounded memo).
    if (storedKeys.size >= MAX_STORED_KEYS) storedKeys.clear();
    storedKeys.set(key, stored);
  }
  return stored;
}

const MAX_STORED_KEYS = 10_000;
const storedKeys = new Map<string, string>();

function stateOf(res: RateLimiterRes): LimitState {
  return {
    remaining: res.remainingPoints,
    consumed: res.consumedPoints,
    resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  };
}

function wrap(options: LimiterOptions, backend: RateLimiterAbstract): RateLimiter {
  return {
    options,
    async consume(key, cost = 1) {
      try {
        return stateOf(await backend.consume(storedKey(key), cost));
      } catch (rejection) {
        // The library rejects with a RateLimiterRes when over the limit, with an Error when the store fails.
        if (rejection instanceof RateLimiterRes) {
          const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
          throw rateLimited(options.keyPrefix, options.points, options.duration, retryAfter);
        }
        throw rejection;
      }
    },
    async peek(key) {
      const res = await backend.get(storedKey(key));
      return res ? stateOf(res) : null;
    },
    async reset(key) {
      await backend.delete(storedKey(key));
    },
  };
}

/** A limiter whose counts go to the shared table in batches (the key as rate-limiter-flexible stores it). */
function batchedLimiter(options: LimiterOptions, batches: BatchedCounts): RateLimiter {
  const rowKey = (key: string) => `${options.keyPrefix}:${storedKey(key)}`;
  const durationMs = options.duration * 1000;
  const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
  return {
    options,
    consume(key, cost = 1) {
      const counted = batches.consume(rowKey(key), options.points, durationMs, cost);
      if (!counted.allowed) {
        return Promise.reject(
          rateLimited(options.keyPrefix, options.points, options.duration, seconds(counted.msBeforeNext)),
        );
      }
      return Promise.resolve({
        remaining: counted.remaining,
        consumed: counted.consumed,
        resetSeconds: seconds(counted.msBeforeNext),
      });
    },
    peek(key) {
      const known = batches.peek(rowKey(key));
      return Promise.resolve(
        known && {
          remaining: Math.max(0, options.points - known.consumed),
          consumed: known.consumed,
          resetSeconds: seconds(known.msBeforeNext),
        },
      );
    },
    reset: (key) => batches.reset(rowKey(key)),
  };
}
