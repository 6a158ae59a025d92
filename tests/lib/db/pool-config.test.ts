// Both database pools give up on a connection and on a statement within bounds, so a flood
// on one path fails fast instead of starving the other (the login page's lookups).
import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { getLookupPool, getPool, poolConfig } from "@/lib/db/client";
import { TEST_STORE } from "@/tests/support/test-env";

const postgres = {
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/exposure",
  LOOKUP_SECRET: "s".repeat(40),
  SMS_PROVIDER: "outbox",
};

describe("poolConfig", () => {
  it("sets connection and statement timeouts on both pools, the lookup's shorter, with generic plans", () => {
    const config = parseConfig(postgres);
    expect(poolConfig(config, "app")).toMatchObject({ connectionTimeoutMillis: 5_000, statement_timeout: 30_000 });
    expect(poolConfig(config, "app").options).toBeUndefined();
    expect(poolConfig(config, "lookup")).toMatchObject({
      connectionTimeoutMillis: 5_000,
      statement_timeout: 2_000,
      options: "-c plan_cache_mode=force_generic_plan",
    });
  });

  it("takes the timeouts from DB_CONNECT_TIMEOUT_MS, DB_STATEMENT_TIMEOUT_MS and DB_LOOKUP_STATEMENT_TIMEOUT_MS", () => {
    const config = parseConfig({
      ...postgres,
      DB_CONNECT_TIMEOUT_MS: "1500",
      DB_STATEMENT_TIMEOUT_MS: "60000",
      DB_LOOKUP_STATEMENT_TIMEOUT_MS: "750",
    });
    expect(poolConfig(config, "app")).toMatchObject({ connectionTimeoutMillis: 1500, statement_timeout: 60_000 });
    expect(poolConfig(config, "lookup")).toMatchObject({ connectionTimeoutMillis: 1500, statement_timeout: 750 });
    expect(() => parseConfig({ ...postgres, DB_LOOKUP_STATEMENT_TIMEOUT_MS: "0" })).toThrow(/DB_LOOKUP_STATEMENT/);
  });

  it("gives the embedded database a connection timeout but no session setting (one session behind all)", () => {
    const config = parseConfig({ ...postgres, EMBEDDED_DB: "1" });
    expect(poolConfig(config, "app")).toMatchObject({ connectionTimeoutMillis: 5_000, max: 4 });
    expect(poolConfig(config, "app").statement_timeout).toBeUndefined();
  });
});

describe.runIf(TEST_STORE === "postgres")("the pools on PostgreSQL", () => {
  it("run with the statement timeouts set", async () => {
    const show = async (pool: ReturnType<typeof getPool>) =>
      (await pool.query<{ statement_timeout: string }>("SHOW statement_timeout")).rows[0]!.statement_timeout;
    expect(await show(getPool())).toBe("30s");
    expect(await show(getLookupPool())).toBe("2s");
  });
});
