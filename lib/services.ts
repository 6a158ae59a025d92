import "server-only";
import { getConfig, type Config } from "@/lib/config";
import { getDb, type Db } from "@/lib/db/client";
import { Keyring } from "@/lib/hashing/keyring";
import { createLimits, type Limits } from "@/lib/rate-limit/limits";
import { outboxProvider } from "@/lib/sms/outbox";
import type { SmsProvider } from "@/lib/sms/provider";
import type { CheckDeps } from "@/lib/checks/deps";

export type Services = CheckDeps & { config: Config };

const globalForServices = globalThis as unknown as { exposureServices?: Services };

/** The process's services, built once from the parsed configuration. */
export function getServices(): Services {
  if (!globalForServices.exposureServices) {
    const config = getConfig();
    const db = getDb();
    globalForServices.exposureServices = {
      config,
      db,
      keyring: new Keyring(config.keys.current, config.keys.previous),
      limits: createLimits(config),
      sms: smsProvider(config, db),
      mode: config.lookupMode,
      region: config.defaultRegion,
      now: () => new Date(),
    };
  }
  return globalForServices.exposureServices;
}

function smsProvider(config: Config, db: Db): SmsProvider {
  switch (config.smsProvider) {
    case "outbox":
      return outboxProvider(db);
  }
}

export type { Limits };

/** For tests that change the environment between cases. */
export function resetServicesForTests(): void {
  globalForServices.exposureServices = undefined;
}
