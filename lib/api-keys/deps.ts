import { KeyCache, type ApiKeyAuthDeps } from "@/lib/api-keys/authenticate";
import { batchedAudit } from "@/lib/audit/batch";
import type { Config } from "@/lib/config";
import { getPool } from "@/lib/db/client";
import { getSql } from "@/lib/db/sql";
import { batchedFindExposures } from "@/lib/exposures/find-exposures";
import type { ApiLookupDeps } from "@/lib/exposures/integration-lookup";
import { Keyring } from "@/lib/hashing/keyring";
import { createFailureCaps, createLimits, type FailureCaps, type Limits } from "@/lib/rate-limit/limits";
import { openLimiterStore } from "@/lib/rate-limit/stores";

/** What the integration API needs on each call: keys, limits, the lookup and its audit. */
export type ApiDeps = ApiKeyAuthDeps &
  ApiLookupDeps & {
    limits: Pick<Limits, "apiPerKey">;
    /** Refused keys per client group (its address's clientGroup() under this IPv6 prefix). */
    caps: Pick<FailureCaps, "apiKeyFailPerIp">;
    ipv6PrefixLength: number;
  };

export function keyringOf(config: Config): Keyring {
  return new Keyring(config.keys.current, config.keys.previous);
}

/**
 * The API's dependencies, built once per process from the configuration. The app's
 * services (lib/services.ts) pass their keyring and limits; the lean server path
 * (lib/http/lean-server.ts) builds its own, counting in the same shared store.
 */
export function createApiDeps(
  config: Config,
  shared?: { keyring: Keyring; limits: Limits; caps: Pick<FailureCaps, "apiKeyFailPerIp"> },
): ApiDeps {
  const sql = getSql();
  const keyring = shared?.keyring ?? keyringOf(config);
  // One store for both, opened only if a limit needs it.
  let store: ReturnType<typeof openLimiterStore> | undefined;
  const openStore = () => (store ??= openLimiterStore(config.rateLimits.redisUrl, getPool()));
  return {
    sql,
    find: batchedFindExposures(sql, keyring),
    region: config.defaultRegion,
    limits: shared?.limits ?? createLimits(config, openStore),
    caps: shared?.caps ?? createFailureCaps(config, openStore),
    ipv6PrefixLength: config.rateLimits.ipv6PrefixLength,
    audit: batchedAudit(sql),
    keyCache: new KeyCache(),
    now: () => new Date(),
  };
}
