// The database of a unit project, made once per run, migrated with the same CLI path as
// `npm start` and seeded with the demo data under the test keys:
//  - unit: an embedded PostgreSQL (PGlite, in memory);
//  - unit-pg (TEST_STORE=postgres): a fresh scratch database on a real PostgreSQL
//    (127.0.0.1:5432, or TEST_POSTGRES_URL), dropped at teardown.
// The URL reaches the tests through inject("databaseUrl") (tests/support/store-env.ts),
// not through this process's environment: both projects' setups run in one process.
// Without a reachable PostgreSQL the pg project's tests are reported skipped
// (tests/support/store-runner.ts), except under CI=true, where this setup fails.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import {
  dropAbandonedScratchDatabases,
  dropScratchDatabase,
  postgresProblem,
  scratchDatabase,
} from "@/tests/support/postgres";
import { testEnv, type TestStore } from "@/tests/support/test-env";

declare module "vitest" {
  export interface ProvidedContext {
    /** The project's database; null when its store is unavailable (the tests are skipped). */
    databaseUrl: string | null;
    /** Why the project's tests are skipped, or null. */
    storeUnavailable: string | null;
    /** The project's own temporary directory (TMPDIR of its tests and the processes they start). */
    tmpDir: string | null;
  }
}

const root = path.resolve(__dirname, "../..");

export function projectStore(project: TestProject): TestStore {
  return project.config.env?.TEST_STORE === "postgres" ? "postgres" : "embedded";
}

/**
 * With TEST_STORE=postgres: null when PostgreSQL answers; otherwise the reason the
 * project's tests are skipped (printed here), or a thrown error under CI=true.
 */
export async function postgresOrSkip(project: TestProject): Promise<string | null> {
  const why = await postgresProblem();
  if (why === null) return null;
  if (process.env.CI === "true")
    throw new Error(
      `${project.name}: ${why}. CI runs every project on PostgreSQL too: start it, or set TEST_POSTGRES_URL.`,
    );
  const message = `${why}. Its tests are skipped; start PostgreSQL or set TEST_POSTGRES_URL to run them.`;
  console.warn(`\n${project.name}: ${message}\n`);
  return message;
}

/** Applies the migrations to `url` with `npm run db:migrate`'s command. */
export async function migrate(url: string, store: TestStore): Promise<void> {
  const env = { ...process.env, ...testEnv(store), DATABASE_URL: url };
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "scripts/prisma.mjs"), "migrate", "deploy"], {
      cwd: root,
      env,
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("exit", (c) => resolve(c ?? 1));
  });
  if (code !== 0) throw new Error(`migrate deploy failed on the ${store} test database`);
}

/** Migrates `url`, then seeds the demo data. */
export async function migrateAndSeed(url: string, store: TestStore): Promise<void> {
  await migrate(url, store);
  // A client of its own: lib/db/client reads this process's environment, which two
  // projects share here.
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { PrismaClient } = await import("@/generated/prisma/client.ts");
  const { seedDemoIfEmpty } = await import("@/lib/incidents/seed-demo");
  const { testKeyring } = await import("@/tests/support/deps");
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    await seedDemoIfEmpty(db, testKeyring());
  } finally {
    await db.$disconnect();
  }
}

export default async function setup(project: TestProject) {
  const store = projectStore(project);
  project.provide("databaseUrl", null);
  project.provide("storeUnavailable", null);
  // Uploads, CSVs and importers' files stay apart from another project's running beside
  // this one (npm test runs both stores at once), and go away with the run.
  const tmpDir = mkdtempSync(path.join(os.tmpdir(), `exposure-${project.name}-`));
  project.provide("tmpDir", tmpDir);
  const removeTmp = () => rmSync(tmpDir, { recursive: true, force: true });
  if (store === "postgres") {
    const skip = await postgresOrSkip(project);
    if (skip) {
      project.provide("storeUnavailable", skip);
      // Said again at the end, where a long run's reader looks.
      return () => {
        removeTmp();
        console.warn(`\n${project.name}: every test was skipped. ${skip}\n`);
      };
    }
    await dropAbandonedScratchDatabases();
    const url = await scratchDatabase("exposure_test");
    try {
      await migrateAndSeed(url, store);
    } catch (e) {
      await dropScratchDatabase(url);
      throw e;
    }
    project.provide("databaseUrl", url);
    return async () => {
      await dropScratchDatabase(url);
      removeTmp();
    };
  }
  const { startEmbeddedDb } = await import("@/lib/db/embedded");
  const db = await startEmbeddedDb("memory");
  try {
    await migrateAndSeed(db.url, store);
  } catch (e) {
    await db.stop();
    throw e;
  }
  project.provide("databaseUrl", db.url);
  return async () => {
    await db.stop();
    removeTmp();
  };
}
