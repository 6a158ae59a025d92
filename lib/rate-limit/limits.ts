import type { Config } from "@/lib/config";
import { log } from "@/lib/log";
import { memoryLimiter, unlimited, type Limiter, type LimitSpec } from "@/lib/rate-limit/limiter";

export type Limits = {
  /** Check starts per client IP. */
  checkPerIp: Limiter;
  /** Code verifications per client IP. */
  verifyPerIp: Limiter;
  /** Codes sent per number (keyed by the number's hash, never the number). */
  sendPerNumber: Limiter;
  /** Console sign-in attempts per client IP. */
  signInPerIp: Limiter;
  /** Console sign-in attempts per email (keyed by a digest of it). */
  signInPerEmail: Limiter;
  /** Integration API calls per API key (keyed by the key's id). */
  apiPerKey: Limiter;
};

/** Per API key: a carrier's login page makes one call per sign-in; a leaked key gets little. */
export const API_PER_KEY: LimitSpec = { points: 600, seconds: 60 };

export function createLimits(config: Config): Limits {
  if (!config.rateLimits.enabled) {
    log.warn("RATE_LIMITS=off: no rate limits are enforced. Use this for tests and benchmarks only.");
    return { checkPerIp: unlimited, verifyPerIp: unlimited, sendPerNumber: unlimited, signInPerIp: unlimited, signInPerEmail: unlimited, apiPerKey: unlimited };
  }
  return {
    checkPerIp: memoryLimiter("check-ip", config.rateLimits.checkPerIp),
    verifyPerIp: memoryLimiter("verify-ip", config.rateLimits.verifyPerIp),
    sendPerNumber: memoryLimiter("send-number", config.rateLimits.sendPerNumber),
    signInPerIp: memoryLimiter("sign-in-ip", config.rateLimits.signInPerIp),
    signInPerEmail: memoryLimiter("sign-in-email", config.rateLimits.signInPerEmail),
    apiPerKey: memoryLimiter("api-key", API_PER_KEY),
  };
}
