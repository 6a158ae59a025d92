import "server-only";
import { setTimeout as delay } from "node:timers/promises";
import { Redis } from "ioredis";
import type { Pool } from "pg";
import { RateLimiterPostgres, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import { log } from "@/lib/log";
import type { LimitSpec } from "@/lib/rate-limit/limiter";

/** Makes the limiter for one named limit; every process given the same store shares its counts. */
export type LimiterStore = {
  kind: "redis" | "database";
  make(name: string, spec: LimitSpec): RateLimiterAbstract;
  /** Resolves when the store can count (at most a short wait, the first time). */
  ready(): Promise<void>;
  close(): Promise<void>;
};

/** The table prisma/migrations/20261124200000_rate_limit creates; the library never creates it. */
export const RATE_LIMIT_TABLE = "rate_limit";

/**
 * Counters in the app's own database (PostgreSQL or the embedded one), through the app's
 * pg pool: no extra service, shared by every process on that database.
 */
export function databaseStore(pool: Pool): LimiterStore {
  // The library names its prepared statements. The embedded database is one PostgreSQL
  // session behind every pool connection, so a name prepared through one connection
  // collides with the same name prepared through another ("prepared statement already
  // exists"): send the statements unnamed, which costs a parse of a one-line upsert.
  const client = { query: (q: { text: string; values?: unknown[] }) => pool.query({ text: q.text, values: q.values }) };
  let sweeps = false;
  return {
    kind: "database",
    make(name, spec) {
      // Each limiter would sweep expired rows of the whole table every 5 minutes: one is enough.
      const clearExpiredByTimeout = !sweeps;
      sweeps = true;
      return new RateLimiterPostgres({
        storeClient: client,
        storeType: "pool",
        tableName: RATE_LIMIT_TABLE,
        tableCreated: true,
        clearExpiredByTimeout,
        keyPrefix: name,
        points: spec.points,
        duration: spec.seconds,
      });
    },
    ready: () => Promise.resolve(),
    async close() {},
  };
}

const FIRST_CONNECTION_WAIT_MS = 1000;

/** Redis keys start with this, so the app can share a Redis with others. */
export const REDIS_KEY_PREFIX = "exposure-check:";

/**
 * Counters in Redis, each limit insured by the same limit in `fallback` (the database):
 * while Redis is unreachable, limits keep holding across processes, counted afresh there.
 */
export function redisStore(url: string, fallback: LimiterStore): LimiterStore {
  const redis = new Redis(url, {
    keyPrefix: REDIS_KEY_PREFIX,
    // Fail fast instead of queueing while Redis is away, so the fallback answers at once
    // (rate-limiter-flexible's documented setting); a hung Redis gets half a second.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 500,
    // Commands of concurrent requests issued in one turn of the loop go out in one write
    // and come back in one read: a check's four limits cost far fewer syscalls under load.
    enableAutoPipelining: true,
  });
  // One line per outage and one per recovery, not one per reconnection attempt; never the
  // URL, which may carry a password.
  let down = false;
  redis.on("error", (err: Error) => {
    if (down) return;
    down = true;
    log.warn({ err: { message: err.message } }, "Redis unreachable: rate limits fall back to the database");
  });
  redis.on("ready", () => {
    if (down) log.info("Redis reachable again: rate limits are counted there");
    down = false;
  });
  // The limits are made on the first request, when the connection is still opening: wait
  // for it (a second at most) rather than count the first requests in the fallback.
  let waited = false;
  const firstConnection = Promise.race([
    new Promise<void>((resolve) => redis.once("ready", () => resolve())),
    delay(FIRST_CONNECTION_WAIT_MS, undefined, { ref: false }),
  ]).then(() => void (waited = true));
  return {
    kind: "redis",
    make(name, spec) {
      return new RateLimiterRedis({
        storeClient: redis,
        rejectIfRedisNotReady: true,
        insuranceLimiter: fallback.make(name, spec),
        keyPrefix: name,
        points: spec.points,
        duration: spec.seconds,
      });
    },
    ready: () => (waited ? Promise.resolve() : firstConnection),
    async close() {
      redis.disconnect();
      await fallback.close();
    },
  };
}

/** Redis when REDIS_URL is set (insured by the database), else the database. */
export function openLimiterStore(redisUrl: string | undefined, pool: Pool): LimiterStore {
  const database = databaseStore(pool);
  return redisUrl ? redisStore(redisUrl, database) : database;
}
