// Wrappers that count what a limit or an SMS provider did, for the place that builds them
// (the services wiring): the flow's code stays as it is.
import { isAppError } from "@/lib/errors";
import { countRateLimited, countSmsRefused, countSmsSent } from "@/lib/metrics/registry";
import type { FailureCap } from "@/lib/rate-limit/failure-cap";
import type { Limiter } from "@/lib/rate-limit/limiter";
import type { SmsProvider } from "@/lib/sms/provider";

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

/**
 * A provider that counts texts sent, and refused as "provider_error" (the provider said
 * no or did not answer; the reason's details stay in the log, where numbers are masked).
 */
export function meteredSms(provider: SmsProvider): SmsProvider {
  return {
    name: provider.name,
    // The outbox's row is written by the start, which counts it as sent.
    ...(provider.outboxRow ? { outboxRow: provider.outboxRow.bind(provider) } : {}),
    async send(to, body) {
      try {
        await provider.send(to, body);
      } catch (e) {
        countSmsRefused("provider_error");
        throw e;
      }
      countSmsSent(provider.name);
    },
  };
}
