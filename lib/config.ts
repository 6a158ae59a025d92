import { availableParallelism } from "node:os";
import { isSupportedCountry } from "libphonenumber-js/max";
import { z } from "zod";
import { carrierEnv, toCarrierConfig } from "@/lib/config/carrier";
import { toTwilioConfig, twilioEnv, twilioProblems } from "@/lib/config/twilio";

/** "points/seconds", e.g. "5/3600": at most 5 in any hour. */
const limit = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((v, ctx) => {
      const m = /^(\d+)\/(\d+)$/.exec(v.trim());
      if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) {
        ctx.addIssue({ code: "custom", message: `must look like POINTS/SECONDS, e.g. ${fallback}` });
        return z.NEVER;
      }
      return { points: Number(m[1]), seconds: Number(m[2]) };
    });

/** "US,CA,PR": libphonenumber region codes; unset means DEFAULT_REGION alone. */
const regions = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined) return undefined;
    const list = [...new Set(v.split(",").map((r) => r.trim().toUpperCase()))].filter(Boolean);
    if (list.length === 0 || !list.every((r) => /^[A-Z]{2}$/.test(r) && isSupportedCountry(r))) {
      ctx.addIssue({ code: "custom", message: "must be region codes separated by commas, such as US,PR" });
      return z.NEVER;
    }
    return list;
  });

/** A whole number in a range, or "off". */
const offOr = (min: number, max: number, fallback: number) =>
  z
    .string()
    .default(String(fallback))
    .transform((v, ctx) => {
      if (v.trim() === "off") return null;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `must be a whole number from ${min} to ${max}, or off` });
        return z.NEVER;
      }
      return n;
    });

const secret = z.string().min(32, "must be at least 32 characters (use `openssl rand -hex 32`)");

/** "1:secret,2:secret": older key versions kept while rows are re-hashed. */
const previousSecrets = z
  .string()
  .default("")
  .transform((v, ctx) => {
    const out: { version: number; secret: string }[] = [];
    for (const part of v
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean)) {
      const m = /^(\d+):(.+)$/.exec(part);
      if (!m || !secret.safeParse(m[2]).success) {
        ctx.addIssue({
          code: "custom",
          message: "must be VERSION:SECRET pairs separated by commas, secrets of 32+ characters",
        });
        return z.NEVER;
      }
      out.push({ version: Number(m[1]), secret: m[2]! });
    }
    return out;
  });

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string({ error: "is required (npm start sets it for the embedded database)" })
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL"),
    /** Set by the launcher when it serves the embedded database; not for operators. */
    EMBEDDED_DB: z.enum(["0", "1"]).default("0"),
    LOOKUP_SECRET: secret.optional(),
    LOOKUP_KEY_VERSION: z.coerce.number().int().min(1).max(32767).default(1),
    LOOKUP_PREVIOUS_SECRETS: previousSecrets,
    LOOKUP_MODE: z.enum(["verified", "open"]).default("verified"),
    SMS_PROVIDER: z.enum(["outbox", "twilio"]).optional(),
    ...twilioEnv,
    DEFAULT_REGION: z
      .string()
      .regex(/^[A-Z]{2}$/, "must be a two-letter region code such as US")
      .default("US"),
    /** Where codes may be texted (docs/adr/0017-abuse-resistance.md); unset: DEFAULT_REGION. */
    SMS_ALLOWED_REGIONS: regions,
    /** How customers reach the carrier's support, quoted when a number cannot get a code. */
    SUPPORT_CONTACT: z.string().trim().min(1).max(200).default("our customer support"),
    /** The carrier's name, logo, colour and contacts: defaults owners may override (/admin/settings). */
    ...carrierEnv,
    /** The address customers use; its host ends each code text (@HOST #CODE). Unset: http://localhost:PORT. */
    PUBLIC_URL: z
      .url({
        protocol: /^https?$/,
        hostname: /./,
        error: "must be an http:// or https:// URL, such as https://check.example.com",
      })
      .optional(),
    /** Texts in any clock hour, all numbers together; the breaker trips beyond (docs/adr/0017-abuse-resistance.md). */
    SMS_BUDGET_PER_HOUR: z.coerce.number().int().min(1).default(1_000_000),
    /** Texts in any clock hour to one number prefix (a NANP area code, else SMS_PREFIX_DIGITS digits). */
    SMS_BUDGET_PER_PREFIX_PER_HOUR: z.coerce.number().int().min(1).default(20_000),
    /** Leading E.164 digits (country code included) that make a prefix outside North America. */
    SMS_PREFIX_DIGITS: z.coerce.number().int().min(2).max(6).default(5),
    /** Texts in an hour (per prefix, and in all) from which a low verified share is flagged. */
    SMS_CONVERSION_MIN_SENT: z.coerce.number().int().min(1).default(200),
    /** Verified share under which that volume is flagged as possible pumping. */
    SMS_CONVERSION_MIN_RATIO: z.coerce
      .number({ error: "must be a number from 0 to 1, such as 0.2" })
      .min(0)
      .max(1)
      .default(0.2),
    /** Proof of work before a code is texted (docs/adr/0017-abuse-resistance.md). */
    CHALLENGE: z.enum(["off", "adaptive", "always"]).default("adaptive"),
    /** Under CHALLENGE=adaptive: starts a client group makes per window before a challenge is required. */
    CHALLENGE_FREE_STARTS: limit("3/900"),
    /** Under CHALLENGE=adaptive: share of a send budget used this hour from which everyone gets a challenge. */
    CHALLENGE_BUDGET_SHARE: z.coerce
      .number({ error: "must be a number from 0 to 1, such as 0.5" })
      .min(0)
      .max(1)
      .default(0.5),
    /** The challenge's difficulty: the solver's counter is drawn from [MAX/2, MAX] (README). */
    CHALLENGE_MAX_NUMBER: z.coerce.number().int().min(2).max(1_000_000).default(1400),
    RATE_LIMITS: z.enum(["on", "off"]).default("on"),
    /** Where rate-limit counters live when set; unset: in the database (docs/adr/0009-shared-state.md). */
    REDIS_URL: z
      .url({ protocol: /^rediss?$/, hostname: /./, error: "must be a redis:// or rediss:// URL with a host" })
      .optional(),
    /** Per-client limits count an IPv6 client by this prefix: one host or VM usually holds a /64. */
    RATE_LIMIT_IPV6_PREFIX: z.coerce.number().int().min(16).max(128).default(64),
    RATE_LIMIT_CHECK_PER_IP: limit("20/900"),
    RATE_LIMIT_VERIFY_PER_IP: limit("30/900"),
    RATE_LIMIT_SEND_PER_NUMBER: limit("3/3600"),
    /** Wrong codes for one number, across its checks, after which its verifications answer 429. */
    RATE_LIMIT_FAILED_CODES_PER_NUMBER: limit("10/86400"),
    RATE_LIMIT_SIGN_IN_PER_IP: limit("10/900"),
    RATE_LIMIT_SIGN_IN_PER_EMAIL: limit("5/900"),
    /** Integration API calls per key: a login page calls once per sign-in; a leaked key gets little. */
    RATE_LIMIT_API_PER_KEY: limit("600/60"),
    /** Refused API keys per client group: a flood of made-up keys stops before the database. */
    RATE_LIMIT_API_KEY_FAILURES_PER_IP: limit("20/300"),
    /** How long a pool waits for a connection before the request fails, instead of queueing without end. */
    DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
    /** The app pool's statement_timeout (console, checks). Imports use their own connections. */
    DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
    /** The hot paths' statement_timeout (integration lookup, key checks): each statement takes milliseconds. */
    DB_LOOKUP_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(2_000),
    /** Agent lookups per agent in an hour and in a day: an agent answers callers, one at a time. */
    RATE_LIMIT_AGENT_LOOKUP_PER_HOUR: z.coerce.number().int().min(1).default(60),
    RATE_LIMIT_AGENT_LOOKUP_PER_DAY: z.coerce.number().int().min(1).default(300),
    /** Console sessions end this many seconds after sign-in, used or not. */
    ADMIN_SESSION_MAX_AGE: z.coerce
      .number()
      .int()
      .min(300)
      .max(7 * 24 * 3600)
      .default(8 * 3600),
    /** …and sooner after this many seconds without a request. */
    ADMIN_SESSION_IDLE: z.coerce
      .number()
      .int()
      .min(60)
      .max(24 * 3600)
      .default(30 * 60),
    /** Secure cookies; unset: on in production. */
    ADMIN_SECURE_COOKIES: z.enum(["on", "off"]).optional(),
    /** A second factor for every console user (docs/adr/0019); "off" only for local demos. */
    ADMIN_MFA: z.enum(["required", "off"]).default("required"),
    /** High-risk console actions need a second factor confirmed this recently. */
    ADMIN_STEP_UP_SECONDS: z.coerce.number().int().min(30).max(3600).default(300),
    /** Largest CSV the console accepts (bytes); streamed to disk, never held in memory. */
    IMPORT_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(2 * 1024 ** 3),
    /** An upload is refused when its directory has less free space than this (bytes). */
    IMPORT_MIN_FREE_BYTES: z.coerce
      .number()
      .int()
      .min(0)
      .default(1024 ** 3),
    /** How long an undone import can be restored; its rows are deleted after that. */
    IMPORT_RESTORE_WINDOW_HOURS: z.coerce
      .number()
      .int()
      .min(0)
      .max(30 * 24)
      .default(72),
    /** How many proxies in front of the app append to X-Forwarded-For. */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    /** App processes per node; unset: one per core on PostgreSQL, one on the embedded database. */
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
    /** GET /metrics on a listener of its own; unset: no metrics listener. */
    METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    METRICS_HOST: z.string().min(1).default("127.0.0.1"),
    /** When set, a scrape must send it as a bearer token. */
    METRICS_TOKEN: z.string().min(16).optional(),
    /** Shed new requests while the event loop's median delay exceeds this (ms). */
    SHED_EVENT_LOOP_DELAY_MS: offOr(10, 60_000, 100),
    /** Shed new requests while this many are in flight in one app process. */
    SHED_MAX_IN_FLIGHT: offOr(1, 100_000, 128),
    /** Processes of their own serve the integration lookup on this port (docs/adr/0021-lookup-isolation.md). */
    LOOKUP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    /** How many lookup-only processes, when LOOKUP_PORT is set. */
    LOOKUP_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
    /** Niceness the page processes take when LOOKUP_PORT is set, so lookups win the CPU; 0: none. */
    PAGE_NICENESS: z.coerce.number().int().min(0).max(19).default(10),
    /** The shared customer pages are rendered once and served from memory (docs/adr/0030-shared-page-cache.md). */
    PAGE_CACHE: z.enum(["on", "off"]).default("on"),
    /** How long a shared cache (CDN) may keep those pages (`s-maxage`, seconds)… */
    PAGE_CACHE_S_MAXAGE: z.coerce.number().int().min(0).max(86_400).default(60),
    /** …and serve them stale while it fetches a fresh copy (`stale-while-revalidate`). */
    PAGE_CACHE_STALE_WHILE_REVALIDATE: z.coerce.number().int().min(0).max(86_400).default(60),
  })
  // `when`: also when some variable is bad, so every problem is listed at once. Fields
  // that failed hold their raw input here, hence the defensive checks.
  .superRefine(
    (env, ctx) => {
      const external = env.EMBEDDED_DB !== "1";
      if (!env.LOOKUP_SECRET) {
        ctx.addIssue({
          code: "custom",
          path: ["LOOKUP_SECRET"],
          message: external
            ? "is required with an external DATABASE_URL: set a random secret of 32+ characters and keep it safe (losing it makes every stored hash useless)"
            : "is missing (npm start generates one for the embedded database)",
        });
      }
      if (external && env.LOOKUP_MODE === "verified" && !env.SMS_PROVIDER) {
        ctx.addIssue({
          code: "custom",
          path: ["SMS_PROVIDER"],
          message:
            "is required with an external DATABASE_URL in verified mode: set SMS_PROVIDER=twilio (with its TWILIO_* settings) to text codes, or SMS_PROVIDER=outbox explicitly for a demo that sends no SMS",
        });
      }
      if (
        typeof env.ADMIN_SESSION_IDLE === "number" &&
        typeof env.ADMIN_SESSION_MAX_AGE === "number" &&
        env.ADMIN_SESSION_IDLE > env.ADMIN_SESSION_MAX_AGE
      ) {
        ctx.addIssue({
          code: "custom",
          path: ["ADMIN_SESSION_IDLE"],
          message: "must not be longer than ADMIN_SESSION_MAX_AGE",
        });
      }
      if (
        Array.isArray(env.LOOKUP_PREVIOUS_SECRETS) &&
        env.LOOKUP_PREVIOUS_SECRETS.some((p) => p.version === env.LOOKUP_KEY_VERSION)
      ) {
        ctx.addIssue({
          code: "custom",
          path: ["LOOKUP_PREVIOUS_SECRETS"],
          message: "must not reuse LOOKUP_KEY_VERSION",
        });
      }
      if (env.METRICS_PORT !== undefined && env.METRICS_PORT === env.PORT) {
        ctx.addIssue({
          code: "custom",
          path: ["METRICS_PORT"],
          message: "must differ from PORT: metrics are never served on the public listener",
        });
      }
      if (env.LOOKUP_PORT !== undefined && (env.LOOKUP_PORT === env.PORT || env.LOOKUP_PORT === env.METRICS_PORT)) {
        ctx.addIssue({
          code: "custom",
          path: ["LOOKUP_PORT"],
          message: "must differ from PORT and METRICS_PORT",
        });
      }
      for (const p of twilioProblems(env)) ctx.addIssue({ code: "custom", path: [p.path], message: p.message });
    },
    { when: () => true },
  );

export type Config = ReturnType<typeof toConfig>;

function toConfig(env: z.output<typeof EnvSchema>) {
  return {
    env: env.NODE_ENV,
    databaseUrl: env.DATABASE_URL,
    embeddedDb: env.EMBEDDED_DB === "1",
    dbTimeouts: {
      connectMs: env.DB_CONNECT_TIMEOUT_MS,
      statementMs: env.DB_STATEMENT_TIMEOUT_MS,
      lookupStatementMs: env.DB_LOOKUP_STATEMENT_TIMEOUT_MS,
    },
    keys: {
      current: { version: env.LOOKUP_KEY_VERSION, secret: env.LOOKUP_SECRET! },
      previous: env.LOOKUP_PREVIOUS_SECRETS,
    },
    lookupMode: env.LOOKUP_MODE,
    smsProvider: env.SMS_PROVIDER ?? "outbox",
    twilio: env.SMS_PROVIDER === "twilio" ? toTwilioConfig(env) : undefined,
    defaultRegion: env.DEFAULT_REGION,
    smsAllowedRegions: env.SMS_ALLOWED_REGIONS ?? [env.DEFAULT_REGION],
    supportContact: env.SUPPORT_CONTACT,
    carrier: toCarrierConfig(env),
    challenge: {
      mode: env.CHALLENGE,
      freeStarts: env.CHALLENGE_FREE_STARTS,
      budgetShare: env.CHALLENGE_BUDGET_SHARE,
      maxNumber: env.CHALLENGE_MAX_NUMBER,
    },
    smsConversion: { minSent: env.SMS_CONVERSION_MIN_SENT, minRatio: env.SMS_CONVERSION_MIN_RATIO },
    smsBudget: {
      perHour: env.SMS_BUDGET_PER_HOUR,
      perPrefixPerHour: env.SMS_BUDGET_PER_PREFIX_PER_HOUR,
      prefixDigits: env.SMS_PREFIX_DIGITS,
    },
    rateLimits: {
      enabled: env.RATE_LIMITS === "on",
      redisUrl: env.REDIS_URL,
      ipv6PrefixLength: env.RATE_LIMIT_IPV6_PREFIX,
      checkPerIp: env.RATE_LIMIT_CHECK_PER_IP,
      verifyPerIp: env.RATE_LIMIT_VERIFY_PER_IP,
      sendPerNumber: env.RATE_LIMIT_SEND_PER_NUMBER,
      failedCodesPerNumber: env.RATE_LIMIT_FAILED_CODES_PER_NUMBER,
      signInPerIp: env.RATE_LIMIT_SIGN_IN_PER_IP,
      signInPerEmail: env.RATE_LIMIT_SIGN_IN_PER_EMAIL,
      apiPerKey: env.RATE_LIMIT_API_PER_KEY,
      apiKeyFailuresPerIp: env.RATE_LIMIT_API_KEY_FAILURES_PER_IP,
      agentLookupPerHour: { points: env.RATE_LIMIT_AGENT_LOOKUP_PER_HOUR, seconds: 3600 },
      agentLookupPerDay: { points: env.RATE_LIMIT_AGENT_LOOKUP_PER_DAY, seconds: 86_400 },
    },
    admin: {
      sessionMaxAgeSeconds: env.ADMIN_SESSION_MAX_AGE,
      sessionIdleSeconds: env.ADMIN_SESSION_IDLE,
      secureCookies: (env.ADMIN_SECURE_COOKIES ?? (env.NODE_ENV === "production" ? "on" : "off")) === "on",
      mfaRequired: env.ADMIN_MFA === "required",
      stepUpSeconds: env.ADMIN_STEP_UP_SECONDS,
    },
    imports: {
      maxUploadBytes: env.IMPORT_MAX_BYTES,
      minFreeBytes: env.IMPORT_MIN_FREE_BYTES,
      restoreWindowHours: env.IMPORT_RESTORE_WINDOW_HOURS,
    },
    trustProxyHops: env.TRUST_PROXY_HOPS,
    logLevel: env.LOG_LEVEL,
    listen: { port: env.PORT, host: env.HOST },
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
    // The embedded database is one process serving a few connections: one app process.
    webConcurrency: env.WEB_CONCURRENCY ?? (env.EMBEDDED_DB === "1" ? 1 : availableParallelism()),
    shed: { eventLoopDelayMs: env.SHED_EVENT_LOOP_DELAY_MS, maxInFlight: env.SHED_MAX_IN_FLIGHT },
    lookupIsolation:
      env.LOOKUP_PORT === undefined
        ? null
        : { port: env.LOOKUP_PORT, processes: env.LOOKUP_PROCESSES, pageNiceness: env.PAGE_NICENESS },
    pageCache:
      env.PAGE_CACHE === "off"
        ? null
        : { sMaxAge: env.PAGE_CACHE_S_MAXAGE, staleWhileRevalidate: env.PAGE_CACHE_STALE_WHILE_REVALIDATE },
    metrics:
      env.METRICS_PORT === undefined
        ? null
        : { port: env.METRICS_PORT, host: env.METRICS_HOST, token: env.METRICS_TOKEN },
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Exposure Check cannot start: fix ${problems.length === 1 ? "this variable" : `these ${problems.length} variables`}.\n${problems.join("\n")}`,
    );
    this.name = "ConfigError";
  }
}

/** zod's generic messages, in an operator's words (variables' own messages win). */
function issueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_value":
      return `must be one of ${issue.values.map(String).join(", ")}`;
    case "invalid_type":
      if (issue.input === undefined) return "is required";
      return issue.expected === "number" || issue.expected === "int" ? "must be a whole number" : undefined;
    case "too_small":
      return issue.origin === "string"
        ? `must be at least ${issue.minimum} characters`
        : `must be at least ${issue.minimum}`;
    case "too_big":
      return issue.origin === "string"
        ? `must be at most ${issue.maximum} characters`
        : `must be at most ${issue.maximum}`;
    default:
      return undefined;
  }
}

/**
 * Parses the environment; throws ConfigError with one line per bad variable
 * ("LOOKUP_SECRET: must be at least 32 characters …"), every problem at once.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = EnvSchema.safeParse(env, { error: issueMessage });
  if (!parsed.success) {
    const lines = new Map<string, string>();
    for (const issue of parsed.error.issues) {
      const name = issue.path.join(".") || "environment";
      if (!lines.has(name)) lines.set(name, `${name}: ${issue.message}`);
    }
    throw new ConfigError([...lines.values()]);
  }
  return toConfig(parsed.data);
}

let cached: Config | undefined;

/** The process's configuration, parsed once. */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/** For tests that change the environment. */
export function resetConfigForTests(): void {
  cached = undefined;
}
