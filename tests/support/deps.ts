import { getDb } from "@/lib/db/client";
import { getSql } from "@/lib/db/sql";
import { Keyring, type KeySpec } from "@/lib/hashing/keyring";
import { memoryLimiter, unlimited } from "@/lib/rate-limit/limiter";
import type { Limits } from "@/lib/rate-limit/limits";
import { outboxProvider } from "@/lib/sms/outbox";
import { DEMO_CARRIER } from "@/lib/config/carrier-fields";
import type { CheckDeps } from "@/lib/checks/deps";
import { batchedCheckCounter, type CheckCounter } from "@/lib/dashboard/check-stats";
import { uncapped } from "@/lib/rate-limit/failure-cap";
import type { FailureCaps } from "@/lib/rate-limit/limits";
import { TEST_ENV } from "@/tests/support/test-env";

/** The tests' previous lookup key (LOOKUP_PREVIOUS_SECRETS), as it stood before a rotation. */
function previousKey(): KeySpec {
  const [version, secret] = TEST_ENV.LOOKUP_PREVIOUS_SECRETS.split(":") as [string, string];
  return { version: Number(version), secret };
}

/** The tests' keys, as the app holds them: the current one and one previous. */
export function testKeyring(): Keyring {
  return new Keyring({ version: Number(TEST_ENV.LOOKUP_KEY_VERSION), secret: TEST_ENV.LOOKUP_SECRET }, [previousKey()]);
}

/** The previous key alone: the keyring of a node before the rotation. */
export function previousTestKeyring(): Keyring {
  return new Keyring(previousKey());
}

export const noLimits: Limits = {
  checkPerIp: unlimited,
  verifyPerIp: unlimited,
  sendPerNumber: unlimited,
  signInPerIp: unlimited,
  apiPerKey: unlimited,
  agentLookupPerHour: unlimited,
  agentLookupPerDay: unlimited,
};

export function limits(spec: Partial<Record<keyof Limits, { points: number; seconds: number }>>): Limits {
  const make = (name: keyof Limits) =>
    spec[name] ? memoryLimiter(`${name}-${Math.random()}`, spec[name]!) : unlimited;
  return {
    checkPerIp: make("checkPerIp"),
    verifyPerIp: make("verifyPerIp"),
    sendPerNumber: make("sendPerNumber"),
    signInPerIp: make("signInPerIp"),
    apiPerKey: make("apiPerKey"),
    agentLookupPerHour: make("agentLookupPerHour"),
    agentLookupPerDay: make("agentLookupPerDay"),
  };
}

export const noCaps: FailureCaps = {
  verifyFailPerNumber: uncapped,
  apiKeyFailPerIp: uncapped,
  signInFailPerEmail: uncapped,
  stepUpFailPerUser: uncapped,
};

/** A controllable clock: tests move time forward instead of waiting. */
export function testClock(start = new Date()) {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
}

export function makeDeps(overrides: Partial<CheckDeps> = {}): CheckDeps {
  const db = getDb();
  return {
    db,
    sql: getSql(),
    keyring: testKeyring(),
    limits: noLimits,
    sms: outboxProvider(db),
    mode: "verified",
    region: "US",
    now: () => new Date(),
    // The guards of ADR 17, all open: tests of one guard pass it in.
    failureCaps: noCaps,
    destinations: { allowedRegions: ["US"], demoOnly: true },
    budget: { reserveOrThrow: async () => {} },
    conversion: { recordSent: async () => {}, recordVerified: async () => {} },
    challenge: { enforce: async () => {} },
    publicUrl: "https://check.example.test",
    counts: testCounter(),
    carrier: { current: async () => DEMO_CARRIER },
    ...overrides,
  };
}

let counter: CheckCounter | undefined;

/** The check counters tests share (batched as the app's; flushPendingWrites() writes them). */
export function testCounter(): CheckCounter {
  return (counter ??= batchedCheckCounter(getSql(), { delayMs: 60_000 }));
}

/** The code most recently sent to a number ending in `last4`, read from the outbox. */
export async function lastCodeFor(last4: string): Promise<string> {
  const msg = await getDb().outboxMessage.findFirst({ where: { to: { endsWith: last4 } }, orderBy: { id: "desc" } });
  const code = /\b(\d{6})\b/.exec(msg?.body ?? "")?.[1];
  if (!code) throw new Error(`no code in the outbox for …${last4}`);
  return code;
}
