import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config";

const secret = "s".repeat(40);
const external = { DATABASE_URL: "postgresql://app@db.internal:5432/exposure" };

function problems(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe("parseConfig", () => {
  it("refuses an external database without a lookup secret", () => {
    expect(problems({ ...external, SMS_PROVIDER: "outbox" })).toEqual([expect.stringMatching(/^LOOKUP_SECRET is required with an external DATABASE_URL/)]);
  });

  it("refuses an external database in verified mode unless the outbox is chosen explicitly", () => {
    expect(problems({ ...external, LOOKUP_SECRET: secret })).toEqual([expect.stringMatching(/^SMS_PROVIDER is required/)]);
    expect(problems({ ...external, LOOKUP_SECRET: secret, SMS_PROVIDER: "outbox" })).toEqual([]);
    expect(problems({ ...external, LOOKUP_SECRET: secret, LOOKUP_MODE: "open" })).toEqual([]);
  });

  it("accepts the embedded database with its generated secret and defaults", () => {
    const c = parseConfig({ DATABASE_URL: "postgresql://postgres@127.0.0.1:5555/postgres", EMBEDDED_DB: "1", LOOKUP_SECRET: secret });
    expect(c).toMatchObject({
      embeddedDb: true,
      lookupMode: "verified",
      smsProvider: "outbox",
      defaultRegion: "US",
      keys: { current: { version: 1, secret }, previous: [] },
      rateLimits: { enabled: true, sendPerNumber: { points: 3, seconds: 3600 } },
    });
  });

  it("lists one line per bad variable", () => {
    const lines = problems({
      DATABASE_URL: "mysql://x",
      LOOKUP_SECRET: "short",
      LOOKUP_MODE: "loose",
      RATE_LIMIT_CHECK_PER_IP: "lots",
      DEFAULT_REGION: "usa",
    });
    expect(lines.map((l) => l.split(" ")[0]).sort()).toEqual(["DATABASE_URL", "DEFAULT_REGION", "LOOKUP_MODE", "LOOKUP_SECRET", "RATE_LIMIT_CHECK_PER_IP"]);
  });

  it("parses previous key versions for rotation and refuses a clash with the current one", () => {
    const base = { ...external, LOOKUP_SECRET: secret, SMS_PROVIDER: "outbox", LOOKUP_KEY_VERSION: "3" };
    expect(parseConfig({ ...base, LOOKUP_PREVIOUS_SECRETS: `1:${"a".repeat(32)}, 2:${"b".repeat(32)}` }).keys.previous.map((p) => p.version)).toEqual([1, 2]);
    expect(problems({ ...base, LOOKUP_PREVIOUS_SECRETS: `3:${"a".repeat(32)}` })).toEqual([expect.stringMatching(/^LOOKUP_PREVIOUS_SECRETS/)]);
  });

  it("configures console sessions and sign-in limits, with secure cookies by default in production", () => {
    const base = { ...external, LOOKUP_SECRET: secret, SMS_PROVIDER: "outbox" };
    expect(parseConfig(base)).toMatchObject({
      admin: { sessionMaxAgeSeconds: 28_800, sessionIdleSeconds: 1_800, secureCookies: false },
      rateLimits: { signInPerIp: { points: 10, seconds: 900 }, signInPerEmail: { points: 5, seconds: 900 } },
    });
    expect(parseConfig({ ...base, NODE_ENV: "production" }).admin.secureCookies).toBe(true);
    expect(parseConfig({ ...base, NODE_ENV: "production", ADMIN_SECURE_COOKIES: "off" }).admin.secureCookies).toBe(false);
    expect(parseConfig({ ...base, ADMIN_SESSION_MAX_AGE: "3600", ADMIN_SESSION_IDLE: "600" }).admin).toMatchObject({ sessionMaxAgeSeconds: 3600, sessionIdleSeconds: 600 });
    expect(problems({ ...base, ADMIN_SESSION_MAX_AGE: "3600", ADMIN_SESSION_IDLE: "7200" })).toEqual([expect.stringMatching(/^ADMIN_SESSION_IDLE must not be longer/)]);
    expect(problems({ ...base, RATE_LIMIT_SIGN_IN_PER_EMAIL: "many", ADMIN_SECURE_COOKIES: "maybe" }).map((l) => l.split(" ")[0]).sort()).toEqual([
      "ADMIN_SECURE_COOKIES",
      "RATE_LIMIT_SIGN_IN_PER_EMAIL",
    ]);
  });
});
