import type { Config } from "@/lib/config";
import type { Keyring } from "@/lib/hashing/keyring";
import { log } from "@/lib/log";
import { meteredCap, meteredLimiter } from "@/lib/rate-limit/metered";
import { toFailureCap, uncapped, type FailureCap } from "@/lib/rate-limit/failure-cap";
import { toLimiter, unlimited, type Limiter, type LimitSpec } from "@/lib/rate-limit/limiter";
import type { LimiterStore } from "@/lib/rate-limit/stores";

/**
 * Every limit, in one place: its name (the prefix of its keys in the store, so renaming
 * one resets its counts) and its value (from the RATE_LIMIT_* variables or fixed here).
 */
export const LIMITS = {
  /** Check starts per client IP. */
  checkPerIp: { name: "check-ip", spec: (c: Config) => c.rateLimits.checkPerIp },
  /** Code verifications per client IP. */
  verifyPerIp: { name: "verify-ip", spec: (c: Config) => c.rateLimits.verifyPerIp },
  /** Codes sent per number (keyed by the number's hash, never the number). */
  sendPerNumber: { name: "send-number", spec: (c: Config) => c.rateLimits.sendPerNumber },
  /** Console sign-in attempts per client IP. */
  signInPerIp: { name: "sign-in-ip", spec: (c: Config) => c.rateLimits.signInPerIp },
  /** Integration API calls per API key (keyed by the key's id). */
  apiPerKey: { name: "api-key", spec: (c: Config) => c.rateLimits.apiPerKey },
  /** Agent lookups per console user, in an hour (keyed by the user's id). */
  agentLookupPerHour: { name: "agent-lookup-hour", spec: (c: Config) => c.rateLimits.agentLookupPerHour },
  /** Agent lookups per console user, in a day. */
  agentLookupPerDay: { name: "agent-lookup-day", spec: (c: Config) => c.rateLimits.agentLookupPerDay },
} as const satisfies Record<string, { name: string; spec: (c: Config) => LimitSpec }>;

export type LimitName = keyof typeof LIMITS;
export type Limits = Record<LimitName, Limiter>;

const names = Object.keys(LIMITS) as LimitName[];

/**
 * The process's limits, counted in the store `openStore` gives (Redis or the database) so
 * that every app process shares them; RATE_LIMITS=off disables them all (and opens no store).
 */
export function createLimits(config: Config, openStore: () => LimiterStore): Limits {
  if (!config.rateLimits.enabled) {
    log.warn("RATE_LIMITS=off: no rate limits are enforced. Use this for tests and benchmarks only.");
    return Object.fromEntries(names.map((n) => [n, unlimited])) as Limits;
  }
  const store = openStore();
  log.info(
    `Rate limits are counted in ${store.kind === "redis" ? "Redis (the database if Redis is down)" : "the database"}`,
  );
  return Object.fromEntries(
    names.map((n) => [
      n,
      meteredLimiter(LIMITS[n].name, toLimiter(store.make(LIMITS[n].name, LIMITS[n].spec(config)), store.ready)),
    ]),
  ) as Limits;
}

/**
 * Limits that count failures only (lib/rate-limit/failure-cap.ts), named like LIMITS and
 * sharing their key space, so a name must not repeat one of LIMITS'.
 */
export const FAILURE_CAPS = {
  /** Wrong codes per number, across all its checks (keyed by numberKey(), never the number). */
  verifyFailPerNumber: { name: "verify-fail-number", spec: (c: Config) => c.rateLimits.failedCodesPerNumber },
  /** Refused integration API keys per client group (keyed by clientGroup()): a flood of made-up keys gets 429. */
  apiKeyFailPerIp: { name: "api-key-fail-ip", spec: (c: Config) => c.rateLimits.apiKeyFailuresPerIp },
  /**
   * Failed console sign-ins per email (keyed by a digest of it); a success clears them and
   * a device that signed in before is exempt (lib/auth/known-device.ts, docs/adr/0019).
   */
  signInFailPerEmail: { name: "sign-in-email-fail", spec: (c: Config) => c.rateLimits.signInPerEmail },
  /** Wrong second-factor codes per console user when confirming a step-up (keyed by user id). */
  stepUpFailPerUser: { name: "step-up-fail-user", spec: () => ({ points: 5, seconds: 900 }) },
} as const satisfies Record<string, { name: string; spec: (c: Config) => LimitSpec }>;

export type FailureCapName = keyof typeof FAILURE_CAPS;
export type FailureCaps = Record<FailureCapName, FailureCap>;

const capNames = Object.keys(FAILURE_CAPS) as FailureCapName[];

/** The process's failure caps, in the same store as the limits; none under RATE_LIMITS=off. */
export function createFailureCaps(config: Config, openStore: () => LimiterStore): FailureCaps {
  if (!config.rateLimits.enabled) return Object.fromEntries(capNames.map((n) => [n, uncapped])) as FailureCaps;
  const store = openStore();
  return Object.fromEntries(
    capNames.map((n) => [
      n,
      meteredCap(
        FAILURE_CAPS[n].name,
        toFailureCap(store.make(FAILURE_CAPS[n].name, FAILURE_CAPS[n].spec(config)), store.ready),
      ),
    ]),
  ) as FailureCaps;
}

/**
 * The key a number is limited under: its keyed digest (the "rate-limit" purpose), never
 * the number. A check row keeps it (phone_check.limiter_digest) so that verifying, which
 * has no number until the code is right, can count wrong codes per number.
 */
export function numberKey(keyring: Keyring, e164: string): string {
  return keyring.digest("rate-limit", e164).toString("base64url");
}
