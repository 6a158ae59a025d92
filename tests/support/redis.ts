import { Redis } from "ioredis";
import { Pool } from "pg";
import { databaseStore, redisStore, type LimiterStore } from "@/lib/rate-limit/stores";

/** The Redis these machines run; override with TEST_REDIS_URL. */
export const REDIS_TEST_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/**
 * Whether a real Redis answers. Without one the tests that need it are skipped with a
 * message, except under CI=true, where a missing server is a failure.
 */
export async function redisAvailable(): Promise<boolean> {
  const redis = new Redis(REDIS_TEST_URL, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on("error", () => {});
  try {
    await redis.connect();
    await redis.ping();
    return true;
  } catch (error) {
    const why = `Redis is not reachable at ${REDIS_TEST_URL}: ${(error as Error).message}`;
    if (process.env.CI === "true") throw new Error(`${why} (CI needs it)`);
    console.warn(`${why}; skipping the tests that need it.`);
    return false;
  } finally {
    redis.disconnect();
  }
}

/** A client for looking at what the app stored (no key prefix). */
export function redisClient(): Redis {
  return new Redis(REDIS_TEST_URL, { maxRetriesPerRequest: 1 });
}

const storePools: Pool[] = [];
const openStores: LimiterStore[] = [];

/**
 * Limiter stores as separate app processes would have them: each on connections of its
 * own, in the project's database or in Redis (insured by the database). Call
 * `closeStores()` in afterAll.
 */
export function databaseStoreOfItsOwn(): LimiterStore {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  storePools.push(pool);
  const store = databaseStore(pool);
  openStores.push(store);
  return store;
}

export function redisStoreOfItsOwn(): LimiterStore {
  const store = redisStore(REDIS_TEST_URL, databaseStoreOfItsOwn());
  openStores.push(store);
  return store;
}

export async function closeStores(): Promise<void> {
  await Promise.all(openStores.splice(0).map((s) => s.close()));
  await Promise.all(storePools.splice(0).map((p) => p.end()));
}
