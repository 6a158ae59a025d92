import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config";
import { DEMO_CARRIER } from "@/lib/config/carrier-fields";

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
    expect(problems({ ...external, SMS_PROVIDER: "outbox" })).toEqual([
      expect.stringMatching(/^LOOKUP_SECRET: is required with an external DATABASE_URL/),
    ]);
  });

  it("refuses an external database in verified mode unless the outbox is chosen explicitly", () => {
    expect(problems({ ...external, LOOKUP_SECRET: secret })).toEqual([
      expect.stringMatching(/^SMS_PROVIDER: is required/),
    ]);
    expect(problems({ ...external, LOOKUP_SECRET: secret, SMS_PROVIDER: "outbox" })).toEqual([]);
    expect(problems({ ...external, LOOKUP_SECRET: secret, LOOKUP_MODE: "open" })).toEqual([]);
  });

  it("accepts the embedded database with its generated secret and defaults", () => {
    const c = parseConfig({
      DATABASE_URL: "postgresql://postgres@127.0.0.1:5555/postgres",
      EMBEDDED_DB: "1",
      LOOKUP_SECRET: secret,
    });
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
    expect(lines.sort()).toEqual([
      "DATABASE_URL: must be a postgresql:// URL",
      "DEFAULT_REGION: must be a two-letter region code such as US",
      "LOOKUP_MODE: must be one of verified, open",
      "LOOKUP_SECRET: must be at least 32 characters (use `openssl rand -hex 32`)",
      "RATE_LIMIT_CHECK_PER_IP: must look like POINTS/SECONDS, e.g. 20/900",
    ]);
  });

  it("parses previous key versions for rotation and refuses a clash with the current one", () => {
    const base = { ...external, LOOKUP_SECRET: secret, SMS_PROVIDER: "outbox", LOOKUP_KEY_VERSION: "3" };
    expect(
      parseConfig({ ...base, LOOKUP_PREVIOUS_SECRETS: `1:${"a".repeat(32)}, 2:${"b".repeat(32)}` }).keys.previous.map(
        (p) => p.version,
      ),
    ).toEqual([1, 2]);
    expect(problems({ ...base, LOOKUP_PREVIOUS_SECRETS: `3:${"a".repeat(32)}` })).toEqual([
      expect.stringMatching(/^LOOKUP_PREVIOUS_SECRETS: /),
    ]);
  });

  it("configures console sessions and sign-in limits, with secure cookies by default in production", () => {
    const base = { ...external, LOOKUP_SECRET: secret, SMS_PROVIDER: "outbox" };
    expect(parseConfig(base)).toMatchObject({
      admin: { sessionMaxAgeSeconds: 28_800, sessionIdleSeconds: 1_800, secureCookies: false },
      rateLimits: { signInPerIp: { points: 10, seconds: 900 }, signInPerEmail: { points: 5, seconds: 900 } },
    });
    expect(parseConfig({ ...base, NODE_ENV: "production" }).admin.secureCookies).toBe(true);
    expect(parseConfig({ ...base, NODE_ENV: "production", ADMIN_SECURE_COOKIES: "off" }).admin.secureCookies).toBe(
      false,
    );
    expect(parseConfig({ ...base, ADMIN_SESSION_MAX_AGE: "3600", ADMIN_SESSION_IDLE: "600" }).admin).toMatchObject({
      sessionMaxAgeSeconds: 3600,
      sessionIdleSeconds: 600,
    });
    expect(problems({ ...base, ADMIN_SESSION_MAX_AGE: "3600", ADMIN_SESSION_IDLE: "7200" })).toEqual([
      expect.stringMatching(/^ADMIN_SESSION_IDLE: must not be longer/),
    ]);
    expect(
      problems({ ...base, RATE_LIMIT_SIGN_IN_PER_EMAIL: "many", ADMIN_SECURE_COOKIES: "maybe" })
        .map((l) => l.split(":")[0])
        .sort(),
    ).toEqual(["ADMIN_SECURE_COOKIES", "RATE_LIMIT_SIGN_IN_PER_EMAIL"]);
  });
});

describe("parseConfig: every problem at once, in an operator's words", () => {
  it("lists field problems and cross-variable problems together, one line per variable", () => {
    expect(
      problems({
        ...external,
        LOOKUP_MODE: "loose",
        LOOKUP_KEY_VERSION: "two",
        PORT: "99999",
        TRUST_PROXY_HOPS: "-1",
      }).sort(),
    ).toEqual([
      "LOOKUP_KEY_VERSION: must be a whole number",
      "LOOKUP_MODE: must be one of verified, open",
      expect.stringMatching(/^LOOKUP_SECRET: is required with an external DATABASE_URL/),
      "PORT: must be at most 65535",
      "TRUST_PROXY_HOPS: must be at least 0",
    ]);
    expect(problems({}).map((l) => l.split(":")[0])).toEqual(["DATABASE_URL", "LOOKUP_SECRET", "SMS_PROVIDER"]);
  });

  it("never shows a variable's value (it may be a secret)", () => {
    expect(
      problems({ ...external, LOOKUP_SECRET: "short-secret-value", TWILIO_AUTH_TOKEN: "tok" }).join("\n"),
    ).not.toMatch(/short-secret-value|tok\b/);
  });
});

describe("parseConfig: the Twilio provider", () => {
  const sid = `AC${"0".repeat(32)}`;
  const base = { ...external, LOOKUP_SECRET: secret, SMS_PROVIDER: "twilio" };

  it("requires the account, the token and one sender with SMS_PROVIDER=twilio", () => {
    expect(problems(base)).toEqual([
      "TWILIO_ACCOUNT_SID: is required when SMS_PROVIDER=twilio",
      "TWILIO_AUTH_TOKEN: is required when SMS_PROVIDER=twilio",
      "TWILIO_FROM: is required when SMS_PROVIDER=twilio, unless TWILIO_MESSAGING_SERVICE_SID is set",
    ]);
    const full = { ...base, TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: "t".repeat(32) };
    expect(
      problems({ ...full, TWILIO_FROM: "+12065550000", TWILIO_MESSAGING_SERVICE_SID: `MG${"1".repeat(32)}` }),
    ).toEqual(["TWILIO_FROM: must not be set with TWILIO_MESSAGING_SERVICE_SID: choose one sender"]);
    expect(parseConfig({ ...full, TWILIO_FROM: "+12065550000" })).toMatchObject({
      smsProvider: "twilio",
      twilio: {
        accountSid: sid,
        authToken: "t".repeat(32),
        sender: { from: "+12065550000" },
        baseUrl: "https://api.twilio.com",
      },
    });
    expect(
      parseConfig({
        ...full,
        TWILIO_MESSAGING_SERVICE_SID: `MG${"1".repeat(32)}`,
        TWILIO_BASE_URL: "http://127.0.0.1:4010/",
      }).twilio,
    ).toMatchObject({
      sender: { messagingServiceSid: `MG${"1".repeat(32)}` },
      baseUrl: "http://127.0.0.1:4010",
    });
  });

  it("refuses malformed Twilio settings and plain HTTP to another host", () => {
    const lines = problems({
      ...base,
      TWILIO_ACCOUNT_SID: "AC123",
      TWILIO_AUTH_TOKEN: "t".repeat(32),
      TWILIO_FROM: "+1 206",
      TWILIO_BASE_URL: "http://api.twilio.com",
    });
    expect(lines.map((l) => l.split(":")[0]).sort()).toEqual(["TWILIO_ACCOUNT_SID", "TWILIO_BASE_URL", "TWILIO_FROM"]);
    expect(problems({ ...external, LOOKUP_SECRET: secret, SMS_PROVIDER: "carrier-pigeon" })).toEqual([
      "SMS_PROVIDER: must be one of outbox, twilio",
    ]);
  });

  it("ignores Twilio settings under another provider", () => {
    expect(
      parseConfig({ ...external, LOOKUP_SECRET: secret, SMS_PROVIDER: "outbox", TWILIO_ACCOUNT_SID: sid }).twilio,
    ).toBeUndefined();
  });
});

describe("parseConfig: where codes may be texted", () => {
  const base = { ...external, LOOKUP_SECRET: secret, SMS_PROVIDER: "outbox" };

  it("allows DEFAULT_REGION alone unless SMS_ALLOWED_REGIONS lists regions", () => {
    expect(parseConfig(base).smsAllowedRegions).toEqual(["US"]);
    expect(parseConfig({ ...base, DEFAULT_REGION: "CA" }).smsAllowedRegions).toEqual(["CA"]);
    expect(parseConfig({ ...base, SMS_ALLOWED_REGIONS: "US,PR, vi" }).smsAllowedRegions).toEqual(["US", "PR", "VI"]);
  });

  it("refuses anything but libphonenumber region codes, with one line", () => {
    for (const bad of ["", " , ", "USA", "US;CA", "ZZ", "001", "US,XX"]) {
      expect(problems({ ...base, SMS_ALLOWED_REGIONS: bad }), bad).toEqual([
        "SMS_ALLOWED_REGIONS: must be region codes separated by commas, such as US,PR",
      ]);
    }
  });

  it("names the carrier's support contact, with a generic default", () => {
    expect(parseConfig(base).supportContact).toBe("our customer support");
    expect(parseConfig({ ...base, SUPPORT_CONTACT: " 611 from your phone " }).supportContact).toBe(
      "611 from your phone",
    );
    expect(problems({ ...base, SUPPORT_CONTACT: "x".repeat(201) })).toEqual([
      "SUPPORT_CONTACT: must be at most 200 characters",
    ]);
  });
});

describe("parseConfig: PUBLIC_URL", () => {
  const base = { ...external, LOOKUP_SECRET: secret, SMS_PROVIDER: "outbox" };

  it("accepts http and https URLs with a host, and refuses the rest with one line", () => {
    expect(parseConfig({ ...base, PUBLIC_URL: "https://check.example.com" }).publicUrl).toBe(
      "https://check.example.com",
    );
    for (const bad of ["check.example.com", "ftp://check.example.com", "https://", "javascript:alert(1)"]) {
      expect(problems({ ...base, PUBLIC_URL: bad }), bad).toEqual([
        "PUBLIC_URL: must be an http:// or https:// URL, such as https://check.example.com",
      ]);
    }
  });
});

describe("parseConfig: RATE_LIMIT_IPV6_PREFIX", () => {
  const base = { ...external, LOOKUP_SECRET: secret, SMS_PROVIDER: "outbox" };

  it("is a prefix length from 16 to 128, 64 by default", () => {
    expect(parseConfig(base).rateLimits.ipv6PrefixLength).toBe(64);
    expect(parseConfig({ ...base, RATE_LIMIT_IPV6_PREFIX: "56" }).rateLimits.ipv6PrefixLength).toBe(56);
    expect(problems({ ...base, RATE_LIMIT_IPV6_PREFIX: "129" })).toEqual([
      "RATE_LIMIT_IPV6_PREFIX: must be at most 128",
    ]);
    expect(problems({ ...base, RATE_LIMIT_IPV6_PREFIX: "8" })).toEqual(["RATE_LIMIT_IPV6_PREFIX: must be at least 16"]);
  });
});

describe("parseConfig: lookup isolation", () => {
  const base = { ...external, LOOKUP_SECRET: secret, SMS_PROVIDER: "outbox" };

  it("is off without LOOKUP_PORT, and takes its processes and the pages' niceness with it", () => {
    expect(parseConfig(base).lookupIsolation).toBeNull();
    expect(parseConfig({ ...base, LOOKUP_PORT: "3001" }).lookupIsolation).toEqual({
      port: 3001,
      processes: 1,
      pageNiceness: 10,
    });
    expect(
      parseConfig({ ...base, LOOKUP_PORT: "3001", LOOKUP_PROCESSES: "2", PAGE_NICENESS: "0" }).lookupIsolation,
    ).toEqual({ port: 3001, processes: 2, pageNiceness: 0 });
  });

  it("refuses a port shared with the pages or the metrics, and niceness past 19", () => {
    expect(problems({ ...base, PORT: "3000", LOOKUP_PORT: "3000" })).toEqual([
      "LOOKUP_PORT: must differ from PORT and METRICS_PORT",
    ]);
    expect(problems({ ...base, METRICS_PORT: "9100", LOOKUP_PORT: "9100" })).toEqual([
      "LOOKUP_PORT: must differ from PORT and METRICS_PORT",
    ]);
    expect(problems({ ...base, LOOKUP_PORT: "3001", PAGE_NICENESS: "20", LOOKUP_PROCESSES: "0" }).sort()).toEqual([
      "LOOKUP_PROCESSES: must be at least 1",
      "PAGE_NICENESS: must be at most 19",
    ]);
  });
});

describe("parseConfig: send budgets", () => {
  const base = { ...external, LOOKUP_SECRET: secret, SMS_PROVIDER: "outbox" };

  it("defaults to a large carrier's budgets and takes whole numbers", () => {
    expect(parseConfig(base).smsBudget).toEqual({ perHour: 1_000_000, perPrefixPerHour: 20_000, prefixDigits: 5 });
    expect(
      parseConfig({ ...base, SMS_BUDGET_PER_HOUR: "500", SMS_BUDGET_PER_PREFIX_PER_HOUR: "50", SMS_PREFIX_DIGITS: "4" })
        .smsBudget,
    ).toEqual({ perHour: 500, perPrefixPerHour: 50, prefixDigits: 4 });
    expect(
      problems({
        ...base,
        SMS_BUDGET_PER_HOUR: "0",
        SMS_BUDGET_PER_PREFIX_PER_HOUR: "lots",
        SMS_PREFIX_DIGITS: "9",
      }).sort(),
    ).toEqual([
      "SMS_BUDGET_PER_HOUR: must be at least 1",
      "SMS_BUDGET_PER_PREFIX_PER_HOUR: must be a whole number",
      "SMS_PREFIX_DIGITS: must be at most 6",
    ]);
  });
});

describe("parseConfig: conversion watch", () => {
  const base = { ...external, LOOKUP_SECRET: secret, SMS_PROVIDER: "outbox" };

  it("flags from 200 texts an hour under a fifth verified by default", () => {
    expect(parseConfig(base).smsConversion).toEqual({ minSent: 200, minRatio: 0.2 });
    expect(
      parseConfig({ ...base, SMS_CONVERSION_MIN_SENT: "50", SMS_CONVERSION_MIN_RATIO: "0.35" }).smsConversion,
    ).toEqual({ minSent: 50, minRatio: 0.35 });
    for (const bad of ["1.5", "-0.1", "a fifth"]) {
      expect(problems({ ...base, SMS_CONVERSION_MIN_RATIO: bad }), bad).toEqual([
        "SMS_CONVERSION_MIN_RATIO: must be a number from 0 to 1, such as 0.2",
      ]);
    }
  });
});

describe("parseConfig: the challenge", () => {
  const base = { ...external, LOOKUP_SECRET: secret, SMS_PROVIDER: "outbox" };

  it("takes its mode, free starts, budget share and difficulty, with one line per bad value", () => {
    expect(
      parseConfig({
        ...base,
        CHALLENGE: "always",
        CHALLENGE_FREE_STARTS: "5/600",
        CHALLENGE_BUDGET_SHARE: "0.25",
        CHALLENGE_MAX_NUMBER: "5000",
      }).challenge,
    ).toEqual({ mode: "always", freeStarts: { points: 5, seconds: 600 }, budgetShare: 0.25, maxNumber: 5000 });
    expect(
      problems({
        ...base,
        CHALLENGE: "sometimes",
        CHALLENGE_FREE_STARTS: "3",
        CHALLENGE_BUDGET_SHARE: "2",
        CHALLENGE_MAX_NUMBER: "1",
      }).sort(),
    ).toEqual([
      "CHALLENGE: must be one of off, adaptive, always",
      "CHALLENGE_BUDGET_SHARE: must be a number from 0 to 1, such as 0.5",
      "CHALLENGE_FREE_STARTS: must look like POINTS/SECONDS, e.g. 3/900",
      "CHALLENGE_MAX_NUMBER: must be at least 2",
    ]);
  });
});

describe("parseConfig: CARRIER_*", () => {
  const base = { ...external, LOOKUP_SECRET: secret, SMS_PROVIDER: "outbox" };

  it("defaults to the fictional demo carrier", () => {
    expect(parseConfig(base).carrier).toEqual(DEMO_CARRIER);
  });

  it("takes the carrier's details, an address's \\n as a new line", () => {
    expect(
      parseConfig({
        ...base,
        CARRIER_NAME: " Tidewater Wireless ",
        CARRIER_LOGO_URL: "https://cdn.example.com/logo.svg",
        CARRIER_COLOR: "#14532D",
        CARRIER_SUPPORT_PHONE: "611",
        CARRIER_SUPPORT_URL: "https://help.example.org/chat",
        CARRIER_ADDRESS: "PO Box 1\\nPortland, OR 97201",
      }).carrier,
    ).toEqual({
      name: "Tidewater Wireless",
      logoUrl: "https://cdn.example.com/logo.svg",
      color: "#14532d",
      supportPhone: "611",
      supportUrl: "https://help.example.org/chat",
      address: "PO Box 1\nPortland, OR 97201",
    });
  });

  it("refuses an unreadable colour, a foreign logo, a phone with letters and a non-web page, one line each", () => {
    expect(
      problems({
        ...base,
        CARRIER_LOGO_URL: "//evil.example/x.png",
        CARRIER_COLOR: "#ffff00",
        CARRIER_SUPPORT_PHONE: "call us",
        CARRIER_SUPPORT_URL: "ftp://example.com",
      }),
    ).toEqual([
      "CARRIER_LOGO_URL: must be a path on this site (/logo.svg) or an https:// address",
      "CARRIER_COLOR: must be #RRGGBB with a contrast of 4.5:1 or more against white text",
      "CARRIER_SUPPORT_PHONE: must be a number as customers dial it, such as 1-800-555-0175 or 611",
      "CARRIER_SUPPORT_URL: must be an http:// or https:// address",
    ]);
  });
});
