import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { z } from 'zod';

/** The repository root, the same from src/ (development) and dist/ (build). */
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const MB = 1024 * 1024;

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], {
    message: 'must be one of true, false, 1, 0, yes, no',
  })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce
    .number({ message: 'must be a port number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(4000),
  HTTP_KEEP_ALIVE_SECONDS: z.coerce
    .number({ message: 'must be a whole number of seconds' })
    .int('must be a whole number of seconds')
    .min(0, 'must be 0 or more')
    .max(3600, 'must be at most 3600')
    .default(5),
  DATABASE_URL: z
    .string()
    .refine((value) => /^postgres(ql)?:\/\//.test(value), {
      message: 'must be a postgres:// URL; leave it unset to use the embedded SQLite database',
    })
    .optional(),
  DATA_DIR: z.string().min(1).default(path.join(repoRoot, 'data')),
  WEB_DIST_DIR: z.string().min(1).default(path.join(repoRoot, 'packages/web/dist')),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  LOG_SQL: booleanFromEnv.default(false),
  MIGRATE_ON_START: booleanFromEnv.optional(),
  SEED_DEMO_DATA: booleanFromEnv.optional(),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  PUBLIC_URL: z.url({ message: 'must be an absolute http(s) URL, e.g. https://recertify.example.com' }).optional(),
  SMTP_URL: z
    .string()
    .refine((value) => /^smtps?:\/\//.test(value), { message: 'must be an smtp:// or smtps:// URL' })
    .optional(),
  MAIL_FROM: z.string().min(3).default('Recertify <no-reply@recertify.local>'),
  RUN_WORKERS: booleanFromEnv.default(true),
  OUTBOX_POLL_MS: z.coerce.number().int().min(100, 'must be at least 100').default(2_000),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 14),
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  SIGN_IN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  SIGN_IN_ACCOUNT_MAX_FAILURES: z.coerce.number().int().min(1).default(20),
  SIGN_IN_IP_MAX_FAILURES: z.coerce.number().int().min(1).default(100),
  PLAIN_HTTP: booleanFromEnv.default(false),
  PASSWORD_RESET_TTL_MINUTES: z.coerce.number().int().min(5).default(60),
  ...limitsEnvironment(),
  UPLOAD_QUOTA_MB: z.coerce.number().int().min(1, 'must be at least 1').default(500),
  IMAGE_MAX_DECODED_MB: z.coerce.number().int().min(1, 'must be at least 1').max(4096).default(256),
  ORPHAN_FILE_GRACE_MINUTES: z.coerce.number().int().min(5, 'must be at least 5').default(60),
  ORPHAN_SWEEP_MINUTES: z.coerce.number().int().min(1, 'must be at least 1').default(60),
  RETURN_LINK_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters (e.g. the output of `openssl rand -base64 48`)')
    .max(512, 'must be at most 512 characters')
    .optional(),
  RETURN_LINK_TTL_HOURS: z.coerce
    .number({ message: 'must be a whole number of hours' })
    .int('must be a whole number of hours')
    .min(1, 'must be at least 1')
    .max(24 * 30, 'must be at most 720 (30 days)')
    .default(24 * 7),
  RETURNS_COUNT_CAP: countCap(),
  REVIEW_QUEUE_COUNT_CAP: countCap(),
});

/** Where a queue's counts stop (db/capped-count.ts): 10,000 unless set. */
function countCap() {
  return z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(1_000_000, 'must be at most 1000000')
    .default(10_000);
}

function positiveInt(fallback: number) {
  return z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .default(fallback);
}

/** Request limits (src/limits, docs/operations.md "Request limits"): generous for people, tight for floods. */
function limitsEnvironment() {
  return {
    TRUST_PROXY: z.string().min(1).default('loopback, linklocal, uniquelocal'),
    RECERTIFY_LIMITS: z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
    RATE_LIMIT_WINDOW_SECONDS: positiveInt(60),
    RATE_LIMIT_ANONYMOUS: positiveInt(300),
    RATE_LIMIT_SESSION: positiveInt(600),
    RATE_LIMIT_API_KEY: positiveInt(1200),
    RATE_LIMIT_FLUSH_MS: positiveInt(250),
    EMAIL_LIMIT_PER_ADDRESS: positiveInt(5),
    EMAIL_LIMIT_WINDOW_MINUTES: positiveInt(60),
    GRAPHQL_MAX_DEPTH: positiveInt(12),
    GRAPHQL_MAX_COST: positiveInt(10_000),
    GRAPHQL_MAX_ALIASES: positiveInt(15),
    GRAPHQL_MAX_DIRECTIVES: positiveInt(20),
    GRAPHQL_MAX_TOKENS: positiveInt(5000),
    GRAPHQL_INTROSPECTION: booleanFromEnv.optional(),
    GRAPHQL_FIELD_SUGGESTIONS: booleanFromEnv.optional(),
  };
}

export type DatabaseConfig =
  { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'postgresql'; readonly url: string };

export interface AppConfig {
  readonly env: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  /**
   * How long an idle keep-alive connection stays open (Node's `keepAliveTimeout`); 0 leaves closing
   * it to the client. Behind a load balancer, set it above the balancer's idle timeout.
   */
  readonly keepAliveMs: number;
  /** Embedded mode: SQLite, local files, no external service needed. */
  readonly embedded: boolean;
  readonly database: DatabaseConfig;
  readonly dataDir: string;
  readonly webDistDir: string;
  readonly logLevel: (typeof logLevels)[number];
  readonly logSql: boolean;
  readonly migrateOnStart: boolean;
  /** Embedded mode adds demo data at start (idempotent); off to start from reference-free, empty tables. */
  readonly seedDemoData: boolean;
  readonly shutdownGraceMs: number;
  /** Base of links in emails; defaults to the server's own address. */
  publicUrl: string;
  /** PUBLIC_URL was not set: the server fills in the address it actually listens on (PORT=0 picks one). */
  readonly publicUrlIsDefault: boolean;
  readonly mail: {
    /** SMTP server; unset means .eml files under `fileDir` (embedded mode). */
    readonly smtpUrl: string | null;
    readonly fileDir: string;
    readonly from: string;
  };
  /** Run background workers (the email outbox) inside this process. */
  readonly runWorkers: boolean;
  readonly outboxPollMs: number;
  readonly auth: {
    readonly sessionTtlMs: number;
    /** Failed sign-ins in a row from one address to one account before that address is locked out of it. */
    readonly maxFailedSignIns: number;
    /** Failed sign-ins in a row to one account, from every address, before the account is locked. */
    readonly accountMaxFailedSignIns: number;
    /** Failed sign-ins from one address in an hour, to any account, before it may not sign in for an hour. */
    readonly ipMaxFailedSignIns: number;
    readonly lockMs: number;
    readonly passwordResetTtlMs: number;
    /**
     * The session cookie gets the Secure flag when the public URL is https, and always in a
     * production deployment (NODE_ENV=production with PostgreSQL) unless PLAIN_HTTP says it is
     * reached over plain http. Embedded mode (the demo on http://127.0.0.1) follows the URL.
     */
    readonly secureCookies: boolean;
  };
  readonly limits: LimitsConfig;
  /**
   * Express's `trust proxy`: which peers' X-Forwarded-For is believed for the client's IP address
   * (rate limits per IP). A list of addresses or ranges, a hop count, or true/false.
   */
  readonly trustProxy: boolean | number | string;
  readonly uploads: {
    /** Most bytes of uploads one organization may store. */
    readonly quotaBytes: number;
    /** Largest image once decoded (4 bytes a pixel, 8 for 16-bit PNGs). */
    readonly imageMaxDecodedBytes: number;
    /** A stored file without a row is removed once it is this old (an upload in flight is younger). */
    readonly orphanGraceMs: number;
    /** How often a worker looks for such files. */
    readonly sweepIntervalMs: number;
  };
  /** The signed links in return-request emails (features/returns/links). */
  readonly returnLinks: {
    /** The HMAC key; null: a random one generated once and kept in the database (every instance shares it). */
    readonly secret: string | null;
    /** How long a link works after it is sent. */
    readonly ttlMs: number;
  };
  /**
   * The returns queue's counts stop at this many (shown "10,000+"), so that a page costs the same
   * whatever a seller's number of returns.
   */
  readonly returnsQueue: { readonly countCap: number };
  /**
   * The review queue's `count` stops at this many (shown "10,000+"), so that a first page costs the
   * same whatever the number of queued applications.
   */
  readonly reviewQueue: { readonly countCap: number };
}

/** What one request and one client may cost (src/limits). */
export interface LimitsConfig {
  /** RECERTIFY_LIMITS=off: no query limits and no request rate limits (for measuring their cost). */
  readonly enabled: boolean;
  readonly rate: {
    readonly windowSeconds: number;
    /** Requests per window from one IP address without credentials. */
    readonly anonymous: number;
    /** Requests per window of one signed-in session. */
    readonly session: number;
    /** Requests per window of one API key. */
    readonly apiKey: number;
    /**
     * How often an instance adds its request counts to the shared table (PostgreSQL): a request
     * costs no query, and beyond a limit each instance may accept what it receives in one interval.
     */
    readonly flushMs: number;
  };
  /** Emails per window to one address from mutations anyone can call (reset, sign-up, invitation). */
  readonly email: { readonly perAddress: number; readonly windowSeconds: number };
  readonly query: {
    readonly maxDepth: number;
    readonly maxCost: number;
    readonly maxAliases: number;
    readonly maxDirectives: number;
    readonly maxTokens: number;
  };
  /** Introspection queries are answered (off in production unless GRAPHQL_INTROSPECTION=true). */
  readonly introspection: boolean;
  /** Validation errors suggest field names ("Did you mean ...") (off in production unless GRAPHQL_FIELD_SUGGESTIONS=true). */
  readonly fieldSuggestions: boolean;
}

function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates configuration from environment variables; throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty strings count as unset, so `PORT= node dist/main.js` falls back to the default.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.');
        const value = env[name];
        return `${name}=${value === undefined ? '(unset)' : JSON.stringify(value)}: ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  const embedded = e.DATABASE_URL === undefined;
  const publicUrl = (e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST}:${e.PORT}`).replace(
    /\/+$/,
    '',
  );
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    keepAliveMs: e.HTTP_KEEP_ALIVE_SECONDS * 1000,
    embedded,
    database: embedded
      ? { kind: 'sqlite', file: path.join(e.DATA_DIR, 'recertify.sqlite') }
      : { kind: 'postgresql', url: e.DATABASE_URL! },
    dataDir: e.DATA_DIR,
    webDistDir: e.WEB_DIST_DIR,
    logLevel: e.LOG_LEVEL,
    logSql: e.LOG_SQL,
    // The schema is never synced in production: migrations run by command, or at start only when embedded.
    migrateOnStart: e.MIGRATE_ON_START ?? embedded,
    seedDemoData: e.SEED_DEMO_DATA ?? embedded,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    publicUrl,
    publicUrlIsDefault: e.PUBLIC_URL === undefined,
    mail: { smtpUrl: e.SMTP_URL ?? null, fileDir: path.join(e.DATA_DIR, 'mail'), from: e.MAIL_FROM },
    runWorkers: e.RUN_WORKERS,
    outboxPollMs: e.OUTBOX_POLL_MS,
    auth: {
      sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
      maxFailedSignIns: e.SIGN_IN_MAX_FAILURES,
      accountMaxFailedSignIns: e.SIGN_IN_ACCOUNT_MAX_FAILURES,
      ipMaxFailedSignIns: e.SIGN_IN_IP_MAX_FAILURES,
      lockMs: e.SIGN_IN_LOCK_MINUTES * 60_000,
      passwordResetTtlMs: e.PASSWORD_RESET_TTL_MINUTES * 60_000,
      secureCookies: publicUrl.startsWith('https://') || (e.NODE_ENV === 'production' && !embedded && !e.PLAIN_HTTP),
    },
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    limits: {
      enabled: e.RECERTIFY_LIMITS === 'on',
      rate: {
        windowSeconds: e.RATE_LIMIT_WINDOW_SECONDS,
        anonymous: e.RATE_LIMIT_ANONYMOUS,
        session: e.RATE_LIMIT_SESSION,
        apiKey: e.RATE_LIMIT_API_KEY,
        flushMs: e.RATE_LIMIT_FLUSH_MS,
      },
      email: { perAddress: e.EMAIL_LIMIT_PER_ADDRESS, windowSeconds: e.EMAIL_LIMIT_WINDOW_MINUTES * 60 },
      query: {
        maxDepth: e.GRAPHQL_MAX_DEPTH,
        maxCost: e.GRAPHQL_MAX_COST,
        maxAliases: e.GRAPHQL_MAX_ALIASES,
        maxDirectives: e.GRAPHQL_MAX_DIRECTIVES,
        maxTokens: e.GRAPHQL_MAX_TOKENS,
      },
      introspection: e.GRAPHQL_INTROSPECTION ?? e.NODE_ENV !== 'production',
      fieldSuggestions: e.GRAPHQL_FIELD_SUGGESTIONS ?? e.NODE_ENV !== 'production',
    },
    uploads: {
      quotaBytes: e.UPLOAD_QUOTA_MB * MB,
      imageMaxDecodedBytes: e.IMAGE_MAX_DECODED_MB * MB,
      orphanGraceMs: e.ORPHAN_FILE_GRACE_MINUTES * 60_000,
      sweepIntervalMs: e.ORPHAN_SWEEP_MINUTES * 60_000,
    },
    returnLinks: { secret: e.RETURN_LINK_SECRET ?? null, ttlMs: e.RETURN_LINK_TTL_HOURS * 3_600_000 },
    returnsQueue: { countCap: e.RETURNS_COUNT_CAP },
    reviewQueue: { countCap: e.REVIEW_QUEUE_COUNT_CAP },
  };
}
