// Failure caps in each store, seen from two "processes" (two stores on their own
// connections): failures counted through one refuse attempts on the other.
import { afterAll, describe, expect, it, vi } from "vitest";
import { parseConfig } from "@/lib/config";
import { getDb, getPool } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { memoryFailureCap, toFailureCap, type FailureCap } from "@/lib/rate-limit/failure-cap";
import { createFailureCaps, FAILURE_CAPS, LIMITS, numberKey } from "@/lib/rate-limit/limits";
import { databaseStore, REDIS_KEY_PREFIX, type LimiterStore } from "@/lib/rate-limit/stores";
import { testKeyring } from "@/tests/support/deps";
import { uniqueTag } from "@/tests/support/unique-tag";
import {
  closeStores,
  databaseStoreOfItsOwn,
  redisAvailable,
  redisClient,
  redisStoreOfItsOwn,
} from "@/tests/support/redis";

const redisUp = await redisAvailable();

afterAll(closeStores);

const dbStore = databaseStoreOfItsOwn;
const redis = redisStoreOfItsOwn;

async function refusal(cap: FailureCap, key: string): Promise<AppError | null> {
  return cap.check(key).then(
    () => null,
    (e: unknown) => {
      expect(e).toBeInstanceOf(AppError);
      return e as AppError;
    },
  );
}

const base = {
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5555/postgres",
  EMBEDDED_DB: "1",
  LOOKUP_SECRET: "s".repeat(40),
};

for (const [storeName, makeStore, skip] of [
  ["database", dbStore, false],
  ["Redis", redis, !redisUp],
] as const) {
  describe.skipIf(skip)(`failure caps in the ${storeName} store`, () => {
    it("counts failures only, and refuses every attempt once they are used up, on every node", async () => {
      const name = `test-${uniqueTag()}`;
      const [a, b] = [makeStore(), makeStore()].map((s) =>
        toFailureCap(s.make(name, { points: 3, seconds: 600 }), s.ready),
      );
      // Checks alone never use anything up.
      for (let i = 0; i < 10; i++) await a!.check("k");
      await a!.fail("k");
      await b!.fail("k");
      expect(await refusal(b!, "k")).toBeNull();
      await a!.fail("k");
      const refused = await refusal(b!, "k");
      expect(refused).toMatchObject({ code: "rate_limited", status: 429 });
      expect(refused!.details.retryAfterSeconds).toBeGreaterThan(590);
      expect(await refusal(a!, "k")).not.toBeNull();
      // Another key has its own count.
      expect(await refusal(a!, "other")).toBeNull();
    });
  });
}

describe("FAILURE_CAPS", () => {
  it("counts wrong codes per number, 10 a day by default, configurable", () => {
    expect(parseConfig(base).rateLimits.failedCodesPerNumber).toEqual({ points: 10, seconds: 86_400 });
    expect(
      FAILURE_CAPS.verifyFailPerNumber.spec(parseConfig({ ...base, RATE_LIMIT_FAILED_CODES_PER_NUMBER: "4/3600" })),
    ).toEqual({ points: 4, seconds: 3600 });
  });

  it("never shares a name with a limit (a shared name would share counts)", () => {
    const names = [...Object.values(LIMITS), ...Object.values(FAILURE_CAPS)].map((l) => l.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("are made in the limits' store with their configured value", async () => {
    const config = parseConfig({ ...base, RATE_LIMIT_FAILED_CODES_PER_NUMBER: "2/60" });
    const store = databaseStore(getPool());
    const make = vi.spyOn(store, "make");
    const caps = createFailureCaps(config, () => store);
    expect(make).toHaveBeenCalledWith("verify-fail-number", { points: 2, seconds: 60 });
    const key = `test-${uniqueTag()}`;
    await caps.verifyFailPerNumber.fail(key);
    await caps.verifyFailPerNumber.fail(key);
    await expect(caps.verifyFailPerNumber.check(key)).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("RATE_LIMITS=off opens no store and caps nothing", async () => {
    const openStore = vi.fn<() => LimiterStore>();
    const caps = createFailureCaps(parseConfig({ ...base, RATE_LIMITS: "off" }), openStore);
    expect(openStore).not.toHaveBeenCalled();
    for (let i = 0; i < 50; i++) await caps.verifyFailPerNumber.fail("k");
    await caps.verifyFailPerNumber.check("k");
  });
});

describe("numberKey", () => {
  it("is the number's keyed digest, as the per-number send limit has always used, never the number", () => {
    const keyring = testKeyring();
    const key = numberKey(keyring, "+12065550100");
    expect(key).toBe(keyring.digest("rate-limit", "+12065550100").toString("base64url"));
    expect(key).toMatch(/^[\w-]{43}$/);
    expect(key).not.toContain("2065550100");
    expect(numberKey(keyring, "+12065550101")).not.toBe(key);
  });

  it("can be kept on a check row, for verifications that have no number yet", async () => {
    const id = `test-${uniqueTag(20)}`;
    const limiterDigest = numberKey(testKeyring(), "+12065550100");
    await getDb().phoneCheck.create({
      data: { id, codeHash: new Uint8Array(32), expiresAt: new Date(Date.now() + 60_000), limiterDigest },
    });
    try {
      expect(await getDb().phoneCheck.findUnique({ where: { id }, select: { limiterDigest: true } })).toEqual({
        limiterDigest,
      });
    } finally {
      await getDb().phoneCheck.delete({ where: { id } });
    }
  });

  it.skipIf(!redisUp)("keeps only the digest in Redis", async () => {
    const store = redis();
    const cap = toFailureCap(
      store.make(FAILURE_CAPS.verifyFailPerNumber.name, { points: 3, seconds: 60 }),
      store.ready,
    );
    const key = numberKey(testKeyring(), `+1206555${String(Date.now()).slice(-4)}`);
    await cap.fail(key);
    const look = redisClient();
    try {
      expect(await look.get(`${REDIS_KEY_PREFIX}verify-fail-number:${key}`)).toBe("1");
    } finally {
      look.disconnect();
    }
  });
});

describe("memoryFailureCap", () => {
  it("behaves like the stores' caps, for unit tests", async () => {
    const cap = memoryFailureCap(`m-${uniqueTag()}`, { points: 1, seconds: 60 });
    await cap.check("k");
    await cap.fail("k");
    await expect(cap.check("k")).rejects.toMatchObject({ code: "rate_limited" });
  });
});
