import { PrismaPg } from "@prisma/adapter-pg";
import { Pool, type PoolConfig } from "pg";
import { PrismaClient } from "@/generated/prisma/client.ts";
import { getConfig, type Config } from "@/lib/config";
import { log } from "@/lib/log";

export type Db = PrismaClient;

const globalForDb = globalThis as unknown as {
  exposureDb?: PrismaClient;
  exposurePool?: Pool;
  exposureLookupPool?: Pool;
};

/**
 * One Prisma client per process (kept on globalThis so dev reloads don't leak pools).
 * The embedded database's socket server takes a few connections at most: keep the pool small.
 */
export function getDb(): PrismaClient {
  if (!globalForDb.exposureDb) {
    // Prisma gets the pool rather than a URL so the rate limiter (lib/rate-limit/stores.ts)
    // can share it: one set of connections per process, within the embedded server's few.
    globalForDb.exposureDb = new PrismaClient({ adapter: new PrismaPg(getPool()) });
  }
  return globalForDb.exposureDb;
}

/** The pg pool behind getDb(), for the few queries that bypass Prisma. */
export function getPool(): Pool {
  if (!globalForDb.exposurePool) {
    const config = getConfig();
    const pool = new Pool(poolConfig(config, "app"));
    // An idle connection the server dropped must not crash the process (pg's default for an
    // unheard "error"); the next query opens a fresh one.
    pool.on("error", (err) => log.warn({ err }, "database connection lost"));
    globalForDb.exposurePool = pool;
  }
  return globalForDb.exposurePool;
}

/**
 * The connections of the hot paths (lib/db/sql.ts): their own, so a slow console query
 * cannot hold up a login page's lookup, and with generic plans. PostgreSQL's default
 * re-plans a prepared statement while its custom plans look cheaper, which for the
 * lookup's joins meant planning on every call (figures: README, Lookup benchmark).
 * The embedded database has a few connections in all: it shares the app's pool.
 */
export function getLookupPool(): Pool {
  const config = getConfig();
  if (config.embeddedDb) return getPool();
  if (!globalForDb.exposureLookupPool) {
    const pool = new Pool(poolConfig(config, "lookup"));
    pool.on("error", (err) => log.warn({ err }, "database connection lost"));
    globalForDb.exposureLookupPool = pool;
  }
  return globalForDb.exposureLookupPool;
}

/** The pools this process has opened, by name, for metrics (lib/metrics/collectors.ts). */
export function openPools(): { name: "app" | "lookup"; pool: Pool }[] {
  const { exposurePool: app, exposureLookupPool: lookup } = globalForDb;
  return [
    ...(app ? [{ name: "app" as const, pool: app }] : []),
    ...(lookup ? [{ name: "lookup" as const, pool: lookup }] : []),
  ];
}

/**
 * A pool's settings. Both pools wait at most DB_CONNECT_TIMEOUT_MS for a connection and
 * cap each statement, so a flood on one path fails fast instead of queueing without end
 * and holding connections the other path needs (a login page's lookup must not wait
 * behind a console query, nor a console behind a flood of API calls). The embedded
 * database gets no statement_timeout: its one session is shared by every connection
 * (lib/rate-limit/stores.ts), so a session setting would not be per pool, and a single
 * in-process server has no second path to protect.
 */
export function poolConfig(config: Config, kind: "app" | "lookup"): PoolConfig {
  const base: PoolConfig = {
    connectionString: config.databaseUrl,
    max: config.embeddedDb ? 4 : 10,
    connectionTimeoutMillis: config.dbTimeouts.connectMs,
  };
  if (config.embeddedDb) return base;
  if (kind === "app") return { ...base, statement_timeout: config.dbTimeouts.statementMs };
  return {
    ...base,
    statement_timeout: config.dbTimeouts.lookupStatementMs,
    options: "-c plan_cache_mode=force_generic_plan",
  };
}

export async function closeDb(): Promise<void> {
  // Prisma leaves a pool it was given open: end it here, after Prisma lets go of it.
  await globalForDb.exposureDb?.$disconnect();
  await globalForDb.exposurePool?.end();
  await globalForDb.exposureLookupPool?.end();
  globalForDb.exposureLookupPool = undefined;
  globalForDb.exposureDb = undefined;
  globalForDb.exposurePool = undefined;
}
