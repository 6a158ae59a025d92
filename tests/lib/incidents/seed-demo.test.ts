// The demo seed runs at every start on an empty database. Several app nodes starting at
// once on a new PostgreSQL must seed it once, and none of them may fail its start.
// (The embedded database serves one transaction at a time, so there the race cannot
// show; the test runs on both stores all the same.)
import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client.ts";
import { seedDemoIfEmpty } from "@/lib/incidents/seed-demo";
import { DEMO_NUMBERS } from "@/lib/incidents/demo-data";
import { testKeyring } from "@/tests/support/deps";
import { migrate } from "@/tests/support/global-db";
import { dropScratchDatabase, scratchDatabase } from "@/tests/support/postgres";
import { TEST_STORE } from "@/tests/support/test-env";

/** An empty, migrated database of this test's own, on the project's store. */
async function emptyDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (TEST_STORE === "postgres") {
    const url = await scratchDatabase("exposure_seed");
    await migrate(url, TEST_STORE);
    return { url, drop: () => dropScratchDatabase(url) };
  }
  const { startEmbeddedDb } = await import("@/lib/db/embedded");
  const db = await startEmbeddedDb("memory");
  await migrate(db.url, TEST_STORE);
  return { url: db.url, drop: () => db.stop() };
}

describe("seeding the demo data", () => {
  it("happens once when several nodes start at once on an empty database", async () => {
    const { url, drop } = await emptyDatabase();
    // One client per node, each with its own connections, as separate processes have.
    const nodes = Array.from(
      { length: 4 },
      () => new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) }),
    );
    try {
      const results = await Promise.allSettled(nodes.map((db) => seedDemoIfEmpty(db, testKeyring())));
      expect(results.map((r) => (r.status === "fulfilled" ? r.value : String(r.reason))).sort()).toEqual([
        false,
        false,
        false,
        true,
      ]);
      const db = nodes[0]!;
      expect(await db.incident.count()).toBe(1);
      expect(await db.importBatch.count()).toBe(1);
      expect(await db.affectedAccount.count()).toBe(DEMO_NUMBERS.reduce((n, d) => n + d.categories.length, 0));
    } finally {
      await Promise.all(nodes.map((db) => db.$disconnect()));
      await drop();
    }
  }, 60_000);
});
