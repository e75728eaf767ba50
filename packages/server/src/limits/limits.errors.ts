import { AppError } from '../errors/app-error.js';

export interface LimitsErrorDetails {
  /**
   * Too many requests for one limit: `limit` names it (e.g. `graphql-ip`), `max` is how many it
   * allows per window, `retryAfterSeconds` when one more is allowed (HTTP 429 with Retry-After).
   */
  readonly RATE_LIMITED: { readonly limit: string; readonly max: number; readonly retryAfterSeconds: number };
}

export function rateLimited(limit: string, max: number, windowSeconds: number, retryAfterSeconds: number) {
  const window = windowSeconds % 3600 === 0 ? `${windowSeconds / 3600} h` : `${windowSeconds} s`;
  return new AppError(
    'RATE_LIMITED',
    `Too many requests: the limit "${limit}" allows ${max} per ${window}. Try again in ${retryAfterSeconds} s.`,
    { limit, max, retryAfterSeconds },
  );
}
