// Send budgets, each seen from two "processes" (two stores on their own connections), in
// the database store (the project's database) and in Redis. Every test runs at an hour of
// its own, far from now, so the hour-keyed counts of one test never meet another's.
import { randomInt } from "node:crypto";
import type { Logger } from "pino";
import { Pool } from "pg";
import { afterAll, afterEach, describe, expect, it, onTestFinished, vi } from "vitest";
import { getDb, getPool } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { databaseStore, REDIS_KEY_PREFIX, type LimiterStore } from "@/lib/rate-limit/stores";
import { BUDGET_LIMITS, createSendBudget, PAUSED_RETRY_SECONDS, type SendBudget } from "@/lib/sms/budget";
import { clearPause } from "@/lib/sms/pause";
import { testClock } from "@/tests/support/deps";
import {
  closeStores,
  databaseStoreOfItsOwn,
  redisAvailable,
  redisClient,
  redisStoreOfItsOwn,
} from "@/tests/support/redis";

const redisUp = await redisAvailable();
const HOUR = 3_600_000;

afterAll(closeStores);
afterEach(async () => void (await clearPause(getDb())));

const dbStore = databaseStoreOfItsOwn;
const redis = redisStoreOfItsOwn;

/** Half past an hour of this test's own. */
function ownHour() {
  const hour = Date.UTC(2040, 0, 1) + randomInt(0, 1_000_000) * HOUR;
  return { hour: new Date(hour), clock: testClock(new Date(hour + HOUR / 2)) };
}

function logger() {
  return { error: vi.fn() } as unknown as Logger & { error: ReturnType<typeof vi.fn> };
}

type Setup = { perHour: number; perPrefixPerHour: number };

/** Two nodes' budgets on two stores, one clock and one logger each. */
function nodes(makeStore: () => LimiterStore, limits: Setup) {
  const { hour, clock } = ownHour();
  const config = { ...limits, prefixDigits: 5 };
  const make = () => {
    const l = logger();
    return {
      budget: createSendBudget({ db: getDb(), store: makeStore(), config, now: clock.now, logger: l, pauseCacheMs: 0 }),
      log: l,
    };
  };
  return { hour, clock, a: make(), b: make() };
}

async function reserveAll(budget: SendBudget, numbers: string[]) {
  const out = [];
  for (const n of numbers) out.push(await budget.reserve(n));
  return out;
}

for (const [storeName, makeStore, skip] of [
  ["database", dbStore, false],
  ["Redis", redis, !redisUp],
] as const) {
  describe.skipIf(skip)(`send budgets in the ${storeName} store`, () => {
    it("caps one prefix, shared by every node, and leaves other prefixes and the global count alone", async () => {
      const { a, b } = nodes(makeStore, { perHour: 100, perPrefixPerHour: 3 });
      expect(await reserveAll(a.budget, ["+12065550100", "+12065550101"])).toEqual([{ ok: true }, { ok: true }]);
      expect(await b.budget.reserve("+12066051234")).toEqual({ ok: true });
      // The fourth text to +1 206 is refused on either node until the hour ends (30 minutes).
      expect(await a.budget.reserve("+12065550102")).toEqual({
        ok: false,
        tripped: "prefix",
        prefix: "+1206",
        retryAfterSeconds: 1800,
      });
      expect(await b.budget.reserve("+12069999999")).toMatchObject({ ok: false, tripped: "prefix" });
      expect(await b.budget.reserve("+12125550150")).toEqual({ ok: true });
      const status = await a.budget.status();
      expect(status.global).toMatchObject({ used: 4, budget: 100, refused: 0, trippedAt: null });
      expect(status.prefixes).toEqual([
        { prefix: "+1206", used: 3, budget: 3, refused: 2, trippedAt: expect.any(Date) },
      ]);
    });

    it("caps the whole service, giving the refused text back to its prefix", async () => {
      const { a, b } = nodes(makeStore, { perHour: 3, perPrefixPerHour: 100 });
      expect(await reserveAll(a.budget, ["+12065550100", "+12125550150"])).toEqual([{ ok: true }, { ok: true }]);
      expect(await b.budget.reserve("+13125550150")).toEqual({ ok: true });
      expect(await b.budget.reserve("+12065550101")).toEqual({ ok: false, tripped: "global", retryAfterSeconds: 1800 });
      expect(await a.budget.reserve("+14155550100")).toMatchObject({ ok: false, tripped: "global" });
      const status = await b.budget.status(["+1206", "+1415"]);
      expect(status.global).toMatchObject({ used: 3, budget: 3, refused: 2, trippedAt: expect.any(Date) });
      expect(status.prefixes).toEqual([
        { prefix: "+1206", used: 1, budget: 100, refused: 0, trippedAt: null },
        { prefix: "+1415", used: 0, budget: 100, refused: 0, trippedAt: null },
      ]);
    });

    it("logs one error per spent budget and hour, whichever node refuses, and reopens the next hour", async () => {
      const { a, b, clock, hour } = nodes(makeStore, { perHour: 100, perPrefixPerHour: 1 });
      await a.budget.reserve("+12065550100");
      for (let i = 0; i < 3; i++) {
        await a.budget.reserve("+12065550101");
        await b.budget.reserve("+12065550102");
      }
      expect(a.log.error.mock.calls.length + b.log.error.mock.calls.length).toBe(1);
      const [fields, message] = (a.log.error.mock.calls[0] ?? b.log.error.mock.calls[0]) as [object, string];
      const reopensAt = new Date(hour.getTime() + HOUR).toISOString();
      expect(fields).toEqual({ budget: "prefix", scope: "+1206", perHour: 1, reopensAt });
      expect(message).toBe(`SMS budget spent: texts to +1206 are refused until ${reopensAt} (1 an hour)`);
      expect((await a.budget.status()).reopensAt).toEqual(new Date(hour.getTime() + HOUR));

      clock.advance(HOUR);
      expect(await b.budget.reserve("+12065550103")).toEqual({ ok: true });
      expect((await b.budget.status()).prefixes).toEqual([]);
    });

    it("says what share of a budget the hour has used, the number's prefix included", async () => {
      const { a, b } = nodes(makeStore, { perHour: 10, perPrefixPerHour: 4 });
      expect(await a.budget.shareUsed()).toBe(0);
      await reserveAll(a.budget, ["+12065550100", "+12065550101"]);
      expect(await b.budget.shareUsed()).toBeCloseTo(0.2);
      expect(await b.budget.shareUsed("+12065550199")).toBeCloseTo(0.5);
      expect(await b.budget.shareUsed("+12125550150")).toBeCloseTo(0.2);
      await reserveAll(a.budget, ["+12065550102", "+12065550103", "+12065550104"]);
      expect(await b.budget.shareUsed("+12065550199")).toBe(1);
    });
  });
}

describe("counts per prefix, never per number", () => {
  it("keeps the prefix, not the number, in the database's keys", async () => {
    const { a } = nodes(dbStore, { perHour: 10, perPrefixPerHour: 10 });
    await a.budget.reserve("+12065550142");
    const { rows } = await getPool().query<{ key: string }>("SELECT key FROM rate_limit WHERE key LIKE $1", [
      `${BUDGET_LIMITS.prefix}:%`,
    ]);
    expect(rows.length).toBeGreaterThan(0);
    for (const { key } of rows) expect(key).not.toMatch(/5550142/);
    expect(rows.map((r) => r.key)).toContainEqual(
      expect.stringMatching(/^sms-budget-prefix:\+1206:\d{4}-\d\d-\d\dT\d\d$/),
    );
  });

  it.skipIf(!redisUp)("keeps the prefix, not the number, in Redis's keys", async () => {
    const { a, hour } = nodes(redis, { perHour: 10, perPrefixPerHour: 10 });
    await a.budget.reserve("+447946000142");
    const look = redisClient();
    try {
      const key = `${REDIS_KEY_PREFIX}${BUDGET_LIMITS.prefix}:+44794:${hour.toISOString().slice(0, 13)}`;
      expect(await look.get(key)).toBe("1");
      expect(await look.keys(`${REDIS_KEY_PREFIX}*6000142*`)).toEqual([]);
    } finally {
      look.disconnect();
    }
  });
});

describe("pausing every text by hand", () => {
  it("stops texts on every node until resumed, kept in the database", async () => {
    const { a, b } = nodes(dbStore, { perHour: 10, perPrefixPerHour: 10 });
    expect(await a.budget.pause("owner@example.com")).toBe(true);
    expect(await b.budget.pause("other@example.com")).toBe(false);
    expect(await b.budget.reserve("+12065550100")).toEqual({
      ok: false,
      tripped: "paused",
      retryAfterSeconds: PAUSED_RETRY_SECONDS,
    });
    const status = await b.budget.status();
    expect(status.paused).toEqual({ since: expect.any(Date), by: "owner@example.com" });
    expect(status.global.used).toBe(0);

    expect(await b.budget.resume()).toBe(true);
    expect(await a.budget.resume()).toBe(false);
    expect(await a.budget.reserve("+12065550100")).toEqual({ ok: true });
    expect((await a.budget.status()).paused).toBeNull();
  });

  it("is read at most once per cache period on each node", async () => {
    const { clock } = ownHour();
    const config = { perHour: 10, perPrefixPerHour: 10, prefixDigits: 5 };
    const cached = createSendBudget({ db: getDb(), store: dbStore(), config, now: clock.now, pauseCacheMs: 60_000 });
    const other = createSendBudget({ db: getDb(), store: dbStore(), config, now: clock.now, pauseCacheMs: 0 });
    expect(await cached.reserve("+12065550100")).toEqual({ ok: true });
    await other.pause(null);
    expect(await cached.reserve("+12065550100")).toEqual({ ok: true }); // still the reading of a moment ago
    expect(await other.reserve("+12065550100")).toMatchObject({ tripped: "paused" });
    await cached.pause(null); // its own change is seen at once
    expect(await cached.reserve("+12065550100")).toMatchObject({ tripped: "paused" });
  });
});

describe("reserveOrThrow", () => {
  it("answers a refusal with sms_paused, 503 and Retry-After", async () => {
    const { a } = nodes(dbStore, { perHour: 1, perPrefixPerHour: 10 });
    await a.budget.reserveOrThrow("+12065550100");
    const error = await a.budget.reserveOrThrow("+12065550101").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "sms_paused", status: 503, details: { retryAfterSeconds: 1800 } });
  });

  it("fails closed when no store answers: the error is not a verdict", async () => {
    const nowhere = new Pool({
      connectionString: "postgresql://postgres@127.0.0.1:1/none",
      connectionTimeoutMillis: 500,
    });
    onTestFinished(() => nowhere.end());
    const budget = createSendBudget({
      db: getDb(),
      store: databaseStore(nowhere),
      config: { perHour: 10, perPrefixPerHour: 10, prefixDigits: 5 },
      pauseCacheMs: 0,
    });
    const error = await budget.reserveOrThrow("+12065550100").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(AppError);
  });
});
