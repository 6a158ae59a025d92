import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { AppError } from "@/lib/errors";

export type LimitSpec = { points: number; seconds: number };

/** A named limit: consume one point for a key, or throw rate_limited with Retry-After. */
export interface Limiter {
  consume(key: string): Promise<void>;
}

/**
 * Our Limiter over any rate-limiter-flexible limiter. A store error (not a verdict) is
 * rethrown as it is: the request fails rather than pass unlimited (docs/adr/0009-shared-state.md).
 */
export function toLimiter(limiter: RateLimiterAbstract, ready: () => Promise<void> = async () => {}): Limiter {
  return {
    async consume(key) {
      await ready();
      try {
        await limiter.consume(key);
      } catch (e) {
        if (e instanceof RateLimiterRes) {
          throw new AppError("rate_limited", { retryAfterSeconds: Math.max(1, Math.ceil(e.msBeforeNext / 1000)) });
        }
        throw e;
      }
    },
  };
}

/** In-process limits: for tests only, since each process would count on its own. */
export function memoryLimiter(name: string, spec: LimitSpec): Limiter {
  return toLimiter(new RateLimiterMemory({ keyPrefix: name, points: spec.points, duration: spec.seconds }));
}

export const unlimited: Limiter = { consume: async () => {} };
