// Two app processes, started as `npm start` starts them, on one PostgreSQL database: a
// limit used up through one holds on the other, and a code issued by one verifies on the
// other with its tries counted once. Then the same with REDIS_URL, where the limits must
// be counted in Redis. It makes its own PostgreSQL databases, so it runs once, in the
// e2e project (not again in e2e-pg).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Keyring } from "@/lib/hashing/keyring";
import { REDIS_KEY_PREFIX } from "@/lib/rate-limit/stores";
import { root, startApp, type RunningApp } from "@/tests/support/e2e";
import { dropScratchDatabase, postgresAvailable, scratchDatabase } from "@/tests/support/postgres";
import { redisAvailable, redisClient, REDIS_TEST_URL } from "@/tests/support/redis";

const once = process.env.TEST_STORE !== "postgres";
const pg = once && (await postgresAvailable());
const redisUp = pg && (await redisAvailable());
// The variant without Redis must not pick one up from the developer's shell.
delete process.env.REDIS_URL;

/** The demo data under `secret`, seeded here so that two launchers never race to seed it. */
async function seed(url: string, secret: string): Promise<void> {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { PrismaClient } = await import("@/generated/prisma/client.ts");
  const { seedDemoIfEmpty } = await import("@/lib/incidents/seed-demo");
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    await seedDemoIfEmpty(db, new Keyring({ version: 1, secret }));
  } finally {
    await db.$disconnect();
  }
}

// The first app this file starts may build the app; the others start two at a time.
let built = false;

/** The migrations, applied as `npm run db:migrate` applies them. */
function migrate(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`migrate deploy failed: ${err}`))));
  });
}

async function call(
  base: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; headers: Headers; json: Record<string, unknown> }> {
  const res = await fetch(
    `${base}${path}`,
    body === undefined
      ? {}
      : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
  );
  return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, unknown> };
}

/** The newest code texted to the number ending in `last4`, from a process's demo outbox. */
async function codeFor(base: string, last4: string): Promise<string> {
  const { json } = await call(base, "/api/dev/outbox");
  const message = (json.messages as { to: string; body: string }[]).find((m) => m.to.endsWith(last4));
  const code = /\b(\d{6})\b/.exec(message?.body ?? "")?.[1];
  if (!code) throw new Error(`no code in the outbox for …${last4}`);
  return code;
}

async function rateLimitRows(url: string): Promise<Map<string, number>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ key: string; points: number }>("SELECT key, points FROM rate_limit");
    return new Map(rows.map((r) => [r.key, r.points]));
  } finally {
    await client.end();
  }
}

function sharedStateSuite(variant: "database" | "redis") {
  let url = "";
  let a: RunningApp | undefined;
  let b: RunningApp | undefined;
  const secret = randomBytes(32).toString("hex");

  beforeAll(async () => {
    url = await scratchDatabase("exposure_shared");
    await migrate(url);
    const env: Record<string, string> = {
      DATABASE_URL: url,
      LOOKUP_SECRET: secret,
      SMS_PROVIDER: "outbox",
      // Tight on codes per number, loose per IP: every request comes from 127.0.0.1.
      RATE_LIMIT_SEND_PER_NUMBER: "2/3600",
      RATE_LIMIT_CHECK_PER_IP: "1000/900",
      RATE_LIMIT_VERIFY_PER_IP: "1000/900",
      ...(variant === "redis" ? { REDIS_URL: REDIS_TEST_URL } : {}),
    };
    await seed(url, secret);
    if (built) {
      [a, b] = await Promise.all([startApp(env), startApp(env)]);
    } else {
      // Two launchers must not both decide to build.
      a = await startApp(env);
      built = true;
      b = await startApp(env);
    }
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    if (url) await dropScratchDatabase(url);
  });

  it("verifies on one process a code issued by the other", async () => {
    const started = await call(a!.base, "/api/v1/checks", { phone: "(206) 555-0100" });
    expect(started.status).toBe(202);
    const code = await codeFor(b!.base, "0100");
    const verified = await call(b!.base, `/api/v1/checks/${String(started.json.checkId)}/verify`, { code });
    expect(verified.status).toBe(200);
    expect(verified.json).toMatchObject({ status: "complete", result: { phone: "+12065550100", affected: true } });
    // Used up for both.
    expect((await call(a!.base, `/api/v1/checks/${String(started.json.checkId)}/verify`, { code })).status).toBe(409);
  });

  it("counts a code's tries once across processes", async () => {
    const started = await call(a!.base, "/api/v1/checks", { phone: "206-555-0102" });
    const checkId = String(started.json.checkId);
    const code = await codeFor(a!.base, "0102");
    const wrong = code === "000000" ? "111111" : "000000";
    const remaining: unknown[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await call([a!, b!][i % 2]!.base, `/api/v1/checks/${checkId}/verify`, { code: wrong });
      expect(r.status).toBe(400);
      remaining.push((r.json.error as { attemptsRemaining?: number }).attemptsRemaining);
    }
    expect(remaining).toEqual([4, 3, 2, 1, 0]);
    // Five tries in all, whichever process took them: the right code comes too late.
    expect((await call(b!.base, `/api/v1/checks/${checkId}/verify`, { code })).status).toBe(410);
  });

  it("holds a limit reached through one process on the other", async () => {
    // Two codes a number per hour: both sent through A, so B alone has counted nothing.
    for (let i = 0; i < 2; i++)
      expect((await call(a!.base, "/api/v1/checks", { phone: "206-555-0199" })).status).toBe(202);
    const refused = await call(b!.base, "/api/v1/checks", { phone: "206-555-0199" });
    expect(refused.status).toBe(429);
    expect((refused.json.error as { code: string }).code).toBe("rate_limited");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(3000);
    // Another number is not affected.
    expect((await call(b!.base, "/api/v1/checks", { phone: "206-555-0101" })).status).toBe(202);
  });

  it(`counts in ${variant === "redis" ? "Redis" : "the database"}, keyed by a digest, never by the number`, async () => {
    // The key start-check uses for 206-555-0199 under this suite's secret: two sent, one refused.
    const digest = new Keyring({ version: 1, secret }).digest("rate-limit", "+12065550199").toString("base64url");
    const numberish = /2065550|555-?01/;
    const rows = await rateLimitRows(url);
    if (variant === "database") {
      expect(rows.get(`send-number:${digest}`)).toBe(3);
      expect(rows.get("check-ip:127.0.0.1")).toBeGreaterThanOrEqual(6);
      expect([...rows.keys()].filter((k) => numberish.test(k))).toEqual([]);
      return;
    }
    // Nothing fell back to the database: every count is in Redis.
    expect([...rows.keys()]).toEqual([]);
    const redis = redisClient();
    try {
      expect(await redis.get(`${REDIS_KEY_PREFIX}send-number:${digest}`)).toBe("3");
      expect(await redis.keys(`${REDIS_KEY_PREFIX}*2065550*`)).toEqual([]);
    } finally {
      redis.disconnect();
    }
  });
}

describe.skipIf(!pg)("two app processes on one PostgreSQL database", () => sharedStateSuite("database"));
describe.skipIf(!redisUp)("two app processes with REDIS_URL", () => sharedStateSuite("redis"));
