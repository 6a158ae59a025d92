import { describe, expect, it, vi } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config";
import { createLimits, LIMITS } from "@/lib/rate-limit/limits";
import { databaseStore, type LimiterStore } from "@/lib/rate-limit/stores";
import { getPool } from "@/lib/db/client";

const base = {
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5555/postgres",
  EMBEDDED_DB: "1",
  LOOKUP_SECRET: "s".repeat(40),
};

function redisProblem(url: string): string[] {
  try {
    parseConfig({ ...base, REDIS_URL: url });
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
}

describe("REDIS_URL", () => {
  it("is optional: without it limits are counted in the database", () => {
    expect(parseConfig(base).rateLimits.redisUrl).toBeUndefined();
  });

  it("accepts redis:// and rediss:// URLs", () => {
    expect(parseConfig({ ...base, REDIS_URL: "redis://127.0.0.1:6379/2" }).rateLimits.redisUrl).toBe(
      "redis://127.0.0.1:6379/2",
    );
    expect(redisProblem("rediss://user:pw@cache.internal:6380")).toEqual([]);
  });

  it("refuses anything else with one line", () => {
    for (const bad of ["http://127.0.0.1:6379", "127.0.0.1:6379", "redis:", "redis:///0"]) {
      expect(redisProblem(bad), bad).toEqual([
        expect.stringMatching(/^REDIS_URL:? must be a redis:\/\/ or rediss:\/\/ URL with a host$/),
      ]);
    }
  });
});

describe("createLimits", () => {
  it("makes every named limit in the store, with its configured value", () => {
    const config = parseConfig({ ...base, RATE_LIMIT_SEND_PER_NUMBER: "2/60" });
    const store = databaseStore(getPool());
    const make = vi.spyOn(store, "make");
    const limits = createLimits(config, () => store);
    expect(Object.keys(limits).sort()).toEqual(Object.keys(LIMITS).sort());
    expect(make).toHaveBeenCalledWith("send-number", { points: 2, seconds: 60 });
    expect(make).toHaveBeenCalledWith("check-ip", { points: 20, seconds: 900 });
  });

  it("RATE_LIMITS=off opens no store and limits nothing", async () => {
    const openStore = vi.fn<() => LimiterStore>();
    const limits = createLimits(parseConfig({ ...base, RATE_LIMITS: "off" }), openStore);
    expect(openStore).not.toHaveBeenCalled();
    for (let i = 0; i < 50; i++) await limits.sendPerNumber.consume("k");
  });

  it("gives limits distinct names (a shared name would share counts)", () => {
    const names = Object.values(LIMITS).map((l) => l.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
