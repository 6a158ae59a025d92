// One embedded PostgreSQL (PGlite, in memory) for the unit project: migrated with the
// same CLI path as `npm start`, seeded with the demo data under the test keys.
import { spawn } from "node:child_process";
import path from "node:path";
import { startEmbeddedDb, type EmbeddedDb } from "@/lib/db/embedded";
import { TEST_ENV } from "@/tests/support/test-env";

let db: EmbeddedDb | undefined;

export async function setup() {
  db = await startEmbeddedDb("memory");
  Object.assign(process.env, TEST_ENV, { DATABASE_URL: db.url });
  const root = path.resolve(__dirname, "../..");
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "scripts/prisma.mjs"), "migrate", "deploy"], {
      cwd: root,
      env: process.env,
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("exit", (c) => resolve(c ?? 1));
  });
  if (code !== 0) throw new Error("migrate deploy failed on the test database");
  const { getDb, closeDb } = await import("@/lib/db/client");
  const { seedDemoIfEmpty } = await import("@/lib/incidents/seed-demo");
  const { testKeyring } = await import("@/tests/support/deps");
  await seedDemoIfEmpty(getDb(), testKeyring());
  await closeDb();
}

export async function teardown() {
  await db?.stop();
}
