// The page cache's content version (ADR 41): each write statement on a content table
// changes that table's part of the version, in the same transaction, and nothing else's.
import { afterAll, describe, expect, it } from "vitest";
import { Pool } from "pg";
import { sqlOver } from "@/lib/db/sql";
import { CONTENT_TABLES, contentVersion, settingsChanged } from "@/lib/http/customer-pages";

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
const version = contentVersion(sqlOver(pool, process.env.TEST_STORE === "postgres"));
afterAll(() => pool.end());

// A write statement that touches no row: the trigger is per statement, and the test needs no data.
const touch = (table: string) => pool.query(`DELETE FROM ${table} WHERE false`);

describe("the content version", () => {
  it("has a counter for every content table", async () => {
    const parts = (await version()).split(",");
    expect(parts).toHaveLength(CONTENT_TABLES.length);
    for (const part of parts) expect(part).toMatch(/^\d+$/);
  });

  it("changes a table's part on any write to it, and no other part", async () => {
    for (const [i, table] of CONTENT_TABLES.entries()) {
      const before = (await version()).split(",");
      await touch(table);
      const after = (await version()).split(",");
      expect(after.filter((part, j) => part !== before[j]).length, table).toBe(1);
      expect(Number(after[i]), table).toBeGreaterThan(Number(before[i]));
    }
  });

  it("tells a change of the carrier's settings from other content", async () => {
    const start = await version();
    await touch("incident");
    const incident = await version();
    expect(settingsChanged(start, incident)).toBe(false);
    await touch("carrier_setting");
    expect(settingsChanged(incident, await version())).toBe(true);
  });

  // The embedded database is one session behind every connection: no transaction to see into.
  it.runIf(process.env.TEST_STORE === "postgres")("changes when a write commits, not before", async () => {
    const client = await pool.connect();
    try {
      const before = await version();
      await client.query("BEGIN");
      await client.query("DELETE FROM category WHERE false");
      expect(await version()).toBe(before);
      await client.query("COMMIT");
      expect(await version()).not.toBe(before);
    } finally {
      client.release();
    }
  });
});
