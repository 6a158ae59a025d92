// A provider that counts what it sent, for the services wiring: the flow's code stays as it
// is. Here, not in lib/metrics, so metrics imports no provider.
import { countSmsRefused, countSmsSent } from "@/lib/metrics/registry";
import type { SmsProvider } from "@/lib/sms/provider";

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
