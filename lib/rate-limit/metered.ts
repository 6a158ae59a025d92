// Limits that count what they refused, for the place that builds them (lib/rate-limit/limits):
// the flow's code stays as it is. Here, not in lib/metrics, so metrics imports no limit.
import { isAppError } from "@/lib/errors";
import { countRateLimited } from "@/lib/metrics/registry";
import type { FailureCap } from "@/lib/rate-limit/failure-cap";
import type { Limiter } from "@/lib/rate-limit/limiter";

/** A limiter that counts its refusals under the limit's name ("check-ip", "send-number"…). */
export function meteredLimiter(name: string, limiter: Limiter): Limiter {
  return {
    async consume(key) {
      try {
        await limiter.consume(key);
      } catch (e) {
        if (isAppError(e) && e.code === "rate_limited") countRateLimited(name);
        throw e;
      }
    },
  };
}

/** A failure cap that counts its refusals under the cap's name ("verify-fail-number"…). */
export function meteredCap(name: string, cap: FailureCap): FailureCap {
  return {
    check: (key) => meteredLimiter(name, { consume: (k) => cap.check(k) }).consume(key),
    fail: (key) => cap.fail(key),
    reset: (key) => cap.reset(key),
  };
}
