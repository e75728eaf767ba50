export { type FlushSettings } from './batched-counts.js';
export {
  rateLimitStore,
  type LimiterOptions,
  type LimitState,
  type RateLimiter,
  type RateLimitStore,
} from './rate-limit-store.js';
export { rateLimited, type LimitsErrorDetails } from './limits.errors.js';
