import type { Config } from "@/lib/config";

/** A setting that is fine for demos and tests but unsafe on a public production site. */
export type UnsafeSetting = "LOOKUP_MODE=open" | "RATE_LIMITS=off";

/**
 * The unsafe settings in effect under NODE_ENV=production: open mode discloses a result
 * without a code, and RATE_LIMITS=off lets anyone text any number and guess codes at
 * will. The caller logs them at error level at every start and shows the check page's
 * "not for production" notice while the list is not empty.
 */
export function unsafeProductionSettings(
  config: Pick<Config, "env" | "lookupMode"> & { rateLimits: Pick<Config["rateLimits"], "enabled"> },
): UnsafeSetting[] {
  if (config.env !== "production") return [];
  const unsafe: UnsafeSetting[] = [];
  if (config.lookupMode === "open") unsafe.push("LOOKUP_MODE=open");
  if (!config.rateLimits.enabled) unsafe.push("RATE_LIMITS=off");
  return unsafe;
}
