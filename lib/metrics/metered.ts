// Wrappers that count what a limit or an SMS provider did, for the place that builds them
// (the services wiring): the flow's code stays as it is.
import { isAppError } from "@/lib/errors";
import { countRateLimited, countSmsRefused, countSmsSent } from "@/lib/metrics/registry";
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

/**
 * A provider that counts texts sent, and refused as "provider_error" (the provider said
 * no or did not answer; the reason's details stay in the log, where numbers are masked).
 */
export function meteredSms(provider: SmsProvider): SmsProvider {
  return {
    name: provider.name,
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
