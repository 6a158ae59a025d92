import "server-only";
import { getConfig, type Config } from "@/lib/config";
import { getDb, getPool, type Db } from "@/lib/db/client";
import { createFailureCaps, createLimits, type Limits } from "@/lib/rate-limit/limits";
import { openLimiterStore } from "@/lib/rate-limit/stores";
import { createChallengeGate, type ChallengeGate } from "@/lib/challenge/gate";
import { destinationPolicy } from "@/lib/sms/destination-policy";
import { outboxProvider } from "@/lib/sms/outbox";
import type { SmsProvider } from "@/lib/sms/provider";
import { twilioProvider } from "@/lib/sms/twilio";
import type { CheckDeps } from "@/lib/checks/deps";
import { createAuth, deriveDeviceKey } from "@/lib/auth/auth";
import { createApiDeps, keyringOf, type ApiDeps } from "@/lib/api-keys/deps";
import type { AuthDeps } from "@/lib/auth/deps";
import type { Permission } from "@/lib/auth/permissions";
import { authorizeAdmin } from "@/lib/auth/session";
import { createRoute } from "@/lib/http/route";
import { createSendBudget, type SendBudget } from "@/lib/sms/budget";
import { createConversionWatch, type ConversionWatch } from "@/lib/sms/conversion";
import { sweepChecksEvery } from "@/lib/checks/check-store";
import { batchedCheckCounter, type CheckCounter } from "@/lib/dashboard/check-stats";
import { meteredSms } from "@/lib/sms/metered";
import { createCarrierSettings, type CarrierSettingsStore } from "@/lib/settings/carrier";
import { exposureLocalizer } from "@/lib/exposures/localize";

export type Services = CheckDeps & {
  config: Config;
  counts: CheckCounter;
  admin: AuthDeps;
  api: ApiDeps;
  // The abuse guards whole (CheckDeps holds the parts the check uses; ADR 17).
  challenge: ChallengeGate;
  /** The hour's send budgets and the owners' pause. */
  budget: SendBudget;
  /** Texts sent against codes verified, per hour and prefix. */
  conversion: ConversionWatch;
  /** The carrier's name, logo, colour and contacts: configured, then owners' overrides. */
  carrier: CarrierSettingsStore;
  /**
   * A check's result in a locale, English per missing field (ADR 28, 36): the page's
   * server action and the check API share it, and its few seconds' cache of the texts.
   */
  localize: ReturnType<typeof exposureLocalizer>;
};

/** How often a process writes the counts it holds back (check counters, SMS conversion). */
const COUNTS_BATCH_MS = 1000;

const globalForServices = globalThis as unknown as { exposureServices?: Services };

/** The process's services, built once from the parsed configuration. */
export function getServices(): Services {
  return (globalForServices.exposureServices ??= createServices());
}

/**
 * A new set of services from the parsed configuration: the app's (getServices), and the
 * HTTP server's own for the check API it serves ahead of Next.js (scripts/server.ts),
 * since the two hold separate copies of lib/ (docs/adr/0042-lean-check-path.md).
 */
export function createServices(): Services {
  const config = getConfig();
  const db = getDb();
  const keyring = keyringOf(config);
  // One store for every count, opened even under RATE_LIMITS=off: budgets, the
  // challenge's free starts and its replay guard count regardless (ADR 17).
  const store = openLimiterStore(config.rateLimits.redisUrl, getPool());
  const limits = createLimits(config, () => store);
  const caps = createFailureCaps(config, () => store);
  const now = () => new Date();
  // --- abuse resistance (issue 11): the check flow's guards ---
  const budget = createSendBudget({ db, store, config: config.smsBudget, now });
  const abuse = {
    failureCaps: caps,
    destinations: destinationPolicy(config),
    budget,
    conversion: createConversionWatch({
      db,
      config: { ...config.smsConversion, prefixDigits: config.smsBudget.prefixDigits },
      batchMs: COUNTS_BATCH_MS,
    }),
    challenge: createChallengeGate({ config: config.challenge, keyring, store, budget, now }),
    publicUrl: config.publicUrl,
  };
  // --- end abuse resistance ---
  const api = createApiDeps(config, { keyring, limits, caps });
  // A check's hot path (docs/adr/0031-check-hot-path.md): counters written in batches,
  // old checks swept on a timer, neither on a request's path.
  sweepChecksEvery(api.sql, now);
  return {
    config,
    db,
    sql: api.sql,
    counts: batchedCheckCounter(api.sql, { delayMs: COUNTS_BATCH_MS }),
    api,
    keyring,
    limits,
    sms: meteredSms(smsProvider(config, db)),
    mode: config.lookupMode,
    region: config.defaultRegion,
    now,
    ...abuse,
    carrier: createCarrierSettings({ db, defaults: config.carrier }),
    localize: exposureLocalizer(db),
    admin: {
      db,
      keyring,
      limits,
      caps,
      now,
      idleSeconds: config.admin.sessionIdleSeconds,
      deviceKey: deriveDeviceKey(keyring.keyMaterial()),
      secureCookies: config.admin.secureCookies,
      mfaRequired: config.admin.mfaRequired,
      stepUpSeconds: config.admin.stepUpSeconds,
      auth: createAuth({
        db,
        keyMaterial: keyring.keyMaterial(),
        maxAgeSeconds: config.admin.sessionMaxAgeSeconds,
        secureCookies: config.admin.secureCookies,
        publicUrl: config.publicUrl,
      }),
    },
  };
}

function smsProvider(config: Config, db: Db): SmsProvider {
  switch (config.smsProvider) {
    case "outbox":
      return outboxProvider(db);
    case "twilio":
      return twilioProvider(config.twilio!);
  }
}

/**
 * The one wrapper around every API route (lib/http/route.ts), wired to this process:
 * client addresses as far as TRUST_PROXY_HOPS trusts X-Forwarded-For, and console routes
 * guarded by the session's user and role.
 */
export const route = createRoute({
  // The configuration alone: a liveness probe builds no services.
  trustProxyHops: () => getConfig().trustProxyHops,
  ipv6PrefixLength: () => getConfig().rateLimits.ipv6PrefixLength,
  authorize: (req, permission: Permission) =>
    authorizeAdmin(getServices().admin, req.headers.get("cookie"), permission),
});

export type { Limits };

/** For tests that change the environment between cases. */
export function resetServicesForTests(): void {
  globalForServices.exposureServices = undefined;
}
