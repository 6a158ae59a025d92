import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "@/lib/errors";

export type LimitSpec = { points: number; seconds: number };

/** A named limit: consume one point for a key, or throw rate_limited with Retry-After. */
export interface Limiter {
  consume(key: string): Promise<void>;
}

/** In-process limits (a later store shares them across nodes behind this interface). */
export function memoryLimiter(name: string, spec: LimitSpec): Limiter {
  const limiter = new RateLimiterMemory({ keyPrefix: name, points: spec.points, duration: spec.seconds });
  return {
    async consume(key) {
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

export const unlimited: Limiter = { consume: async () => {} };
