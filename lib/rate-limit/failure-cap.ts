import { RateLimiterMemory, type RateLimiterAbstract } from "rate-limiter-flexible";
import { AppError } from "@/lib/errors";
import type { LimitSpec } from "@/lib/rate-limit/limiter";

/**
 * A limit on failures rather than on attempts: only failures count, and once a key has
 * used them up in its window every further attempt is refused, whatever it would have
 * been. Wrong codes per number use it: after the cap, even the right code answers 429.
 */
export interface FailureCap {
  /** Throws rate_limited (429, Retry-After) once the key's failures are used up. */
  check(key: string): Promise<void>;
  /** Counts one failure for the key. */
  fail(key: string): Promise<void>;
  /** Forgets the key's failures (a success that proves the failures were the owner's slips). */
  reset(key: string): Promise<void>;
}

/** A FailureCap over a rate-limiter-flexible limiter; store errors are rethrown (ADR 9). */
export function toFailureCap(limiter: RateLimiterAbstract, ready: () => Promise<void> = async () => {}): FailureCap {
  return {
    async check(key) {
      await ready();
      const res = await limiter.get(key);
      if (res && res.consumedPoints >= limiter.points) {
        throw new AppError("rate_limited", { retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) });
      }
    },
    async fail(key) {
      await ready();
      await limiter.penalty(key, 1);
    },
    async reset(key) {
      await ready();
      await limiter.delete(key);
    },
  };
}

/** In-process failure caps: for tests only, since each process would count on its own. */
export function memoryFailureCap(name: string, spec: LimitSpec): FailureCap {
  return toFailureCap(new RateLimiterMemory({ keyPrefix: name, points: spec.points, duration: spec.seconds }));
}

export const uncapped: FailureCap = { check: async () => {}, fail: async () => {}, reset: async () => {} };
