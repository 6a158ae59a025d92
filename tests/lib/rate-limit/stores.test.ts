// The limiter stores, each seen from two "processes" (two stores on separate connections):
// a limit used up through one holds on the other. The database store runs on the unit
// project's embedded database; the Redis one on the machine's Redis.
import { Pool } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { toLimiter, type Limiter } from "@/lib/rate-limit/limiter";
import { databaseStore, redisStore, REDIS_KEY_PREFIX, type LimiterStore } from "@/lib/rate-limit/stores";
import { uniqueTag } from "@/tests/support/unique-tag";
import { redisAvailable, redisClient, REDIS_TEST_URL } from "@/tests/support/redis";

const redisUp = await redisAvailable();
const pools: Pool[] = [];
const stores: LimiterStore[] = [];

/** A pool of its own, as another app process would have. */
function pool(): Pool {
  const p = new Pool({ connectionString: process.env.DATABASE_URL, max: 3 });
  pools.push(p);
  return p;
}

function keep(store: LimiterStore): LimiterStore {
  stores.push(store);
  return store;
}

afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await Promise.all(pools.map((p) => p.end()));
});

/** How many of `n` consumes pass; the rest must be rate_limited with a Retry-After. */
async function passes(limiter: Limiter, key: string, n: number): Promise<number> {
  let ok = 0;
  for (let i = 0; i < n; i++) {
    try {
      await limiter.consume(key);
      ok++;
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe("rate_limited");
      expect((e as AppError).details?.retryAfterSeconds).toBeGreaterThan(0);
    }
  }
  return ok;
}

describe("database store", () => {
  it("shares counts between processes", async () => {
    const name = `test-${uniqueTag()}`;
    const a = toLimiter(keep(databaseStore(pool())).make(name, { points: 3, seconds: 60 }));
    const b = toLimiter(keep(databaseStore(pool())).make(name, { points: 3, seconds: 60 }));
    expect(await passes(a, "127.0.0.1", 3)).toBe(3);
    expect(await passes(b, "127.0.0.1", 2)).toBe(0);
    // Another key has its own count.
    expect(await passes(b, "10.0.0.1", 1)).toBe(1);
  });

  it("counts exactly under concurrent consumes on several connections", async () => {
    // Also guards the unnamed statements: named ones collide on the embedded database's one session.
    const name = `test-${uniqueTag()}`;
    const limiters = [databaseStore(pool()), databaseStore(pool())].map((s) =>
      toLimiter(keep(s).make(name, { points: 10, seconds: 60 })),
    );
    const results = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => limiters[i % 2]!.consume("k")));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).code).toBe("rate_limited");
  });

  it("keeps keys in the migrated table, prefixed with the limit's name", async () => {
    const p = pool();
    const name = `test-${uniqueTag()}`;
    await toLimiter(keep(databaseStore(p)).make(name, { points: 1, seconds: 60 })).consume("key-one");
    const { rows } = await p.query<{ key: string; points: number }>(
      "SELECT key, points FROM rate_limit WHERE key LIKE $1",
      [`${name}:%`],
    );
    expect(rows).toEqual([{ key: `${name}:key-one`, points: 1 }]);
  });
});

describe("when no store answers", () => {
  it("fails closed: the consume throws, it never passes unlimited", async () => {
    const nowhere = new Pool({
      connectionString: "postgresql://postgres@127.0.0.1:1/none",
      connectionTimeoutMillis: 1000,
    });
    pools.push(nowhere);
    const limiter = toLimiter(
      keep(redisStore("redis://127.0.0.1:1", databaseStore(nowhere))).make(`test-${uniqueTag()}`, {
        points: 5,
        seconds: 60,
      }),
    );
    const error = await limiter.consume("k").then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(AppError);
  });
});

describe("Redis store, insured by the database", () => {
  it("falls back to the database while Redis is unreachable, still shared between processes", async () => {
    // Nothing listens on port 1: every Redis call fails at once.
    const name = `test-${uniqueTag()}`;
    const down = "redis://127.0.0.1:1";
    const a = toLimiter(keep(redisStore(down, databaseStore(pool()))).make(name, { points: 2, seconds: 60 }));
    const b = toLimiter(keep(redisStore(down, databaseStore(pool()))).make(name, { points: 2, seconds: 60 }));
    expect(await passes(a, "k", 2)).toBe(2);
    expect(await passes(b, "k", 1)).toBe(0);
  });

  it.skipIf(!redisUp)("shares counts between processes through Redis, not the database", async () => {
    const name = `test-${uniqueTag()}`;
    const p = pool();
    const stores2 = [
      keep(redisStore(REDIS_TEST_URL, databaseStore(p))),
      keep(redisStore(REDIS_TEST_URL, databaseStore(p))),
    ];
    const [a, b] = stores2.map((s) => toLimiter(s.make(name, { points: 3, seconds: 60 }), s.ready));
    const look = redisClient();
    try {
      expect(await passes(a!, "k", 3)).toBe(3);
      expect(await passes(b!, "k", 2)).toBe(0);
      expect(await look.get(`${REDIS_KEY_PREFIX}${name}:k`)).toBe("5");
      expect(await look.pttl(`${REDIS_KEY_PREFIX}${name}:k`)).toBeGreaterThan(50_000);
      const { rowCount } = await p.query("SELECT 1 FROM rate_limit WHERE key LIKE $1", [`${name}:%`]);
      expect(rowCount).toBe(0);
    } finally {
      look.disconnect();
    }
  });
});
