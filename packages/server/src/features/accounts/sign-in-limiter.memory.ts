import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { CreateSignInLimiter, SignInLimitState } from './sign-in-throttle.js';

function stateOf(res: RateLimiterRes, points: number): SignInLimitState {
  return {
    remaining: res.remainingPoints,
    resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
    allowed: res.consumedPoints <= points,
  };
}

/** Sign-in limiters counting in this process's memory (one process: embedded mode, tests). */
export const memorySignInLimiter: CreateSignInLimiter = (options) => {
  const limiter = new RateLimiterMemory(options);
  return {
    async consume(key) {
      try {
        return stateOf(await limiter.consume(key), options.points);
      } catch (rejection) {
        // The library rejects with a RateLimiterRes when over the limit, with an Error when the store fails.
        if (rejection instanceof RateLimiterRes) return stateOf(rejection, options.points);
        throw rejection;
      }
    },
    async peek(key) {
      const res = await limiter.get(key);
      return res ? stateOf(res, options.points) : null;
    },
    async reset(key) {
      await limiter.delete(key);
    },
  };
};
