import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as readyRoute } from "@/app/api/ready/route";
import { GET as healthRoute } from "@/app/api/health/route";
import { PrismaClient } from "@/generated/prisma/client.ts";
import { startEmbeddedDb, type EmbeddedDb } from "@/lib/db/embedded";
import { markDraining, resetDrainingForTests } from "@/lib/ops/draining";
import { checkReadiness, MIGRATIONS_DIR } from "@/lib/ops/readiness";
import { noParams, setEnv } from "@/tests/support/api";

const get = async (route: typeof readyRoute, url: string) => {
  const res = await route(new Request(`http://localhost${url}`), noParams);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

const client = (url: string) => new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 1 }) });

describe("GET /api/ready and /api/health on the migrated database", () => {
  afterEach(() => resetDrainingForTests());

  it("is ready: the database answers and every migration is applied", async () => {
    setEnv({});
    expect(await get(readyRoute, "/api/ready")).toEqual({ status: 200, body: { status: "ready" } });
    expect(await get(healthRoute, "/api/health")).toEqual({ status: 200, body: { status: "ok" } });
  });

  it("answers 503 draining once shutdown began, while liveness stays 200", async () => {
    markDraining();
    expect(await get(readyRoute, "/api/ready")).toEqual({
      status: 503,
      body: { status: "not_ready", reason: "draining" },
    });
    expect((await get(healthRoute, "/api/health")).status).toBe(200);
  });
});

describe("checkReadiness on other databases", () => {
  let scratch: EmbeddedDb;
  let db: PrismaClient;
  let dirs: string;

  beforeAll(async () => {
    scratch = await startEmbeddedDb("memory");
    db = client(scratch.url);
    dirs = mkdtempSync(path.join(os.tmpdir(), "migrations-"));
  });

  afterAll(async () => {
    await db.$disconnect();
    await scratch.stop();
    rmSync(dirs, { recursive: true, force: true });
  });

  it("is not ready on a database that was never migrated", async () => {
    const pending = readdirSync(MIGRATIONS_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).length;
    expect(pending).toBeGreaterThan(0);
    expect(await checkReadiness(db)).toEqual({ ready: false, reason: "migrations_pending", pending });
  });

  it("counts only finished migrations that were not rolled back", async () => {
    const dir = path.join(dirs, "three");
    for (const name of ["1_done", "2_rolled_back", "3_unfinished"])
      mkdirSync(path.join(dir, name), { recursive: true });
    await db.$executeRawUnsafe(
      `CREATE TABLE _prisma_migrations (id text PRIMARY KEY, migration_name text NOT NULL, finished_at timestamptz, rolled_back_at timestamptz)`,
    );
    await db.$executeRawUnsafe(
      `INSERT INTO _prisma_migrations VALUES ('a', '1_done', now(), NULL), ('b', '2_rolled_back', now(), now()), ('c', '3_unfinished', NULL, NULL), ('d', '0_from_a_newer_build', now(), NULL)`,
    );
    expect(await checkReadiness(db, { migrationsDir: dir })).toEqual({
      ready: false,
      reason: "migrations_pending",
      pending: 2,
    });
    await db.$executeRawUnsafe(`UPDATE _prisma_migrations SET finished_at = now(), rolled_back_at = NULL`);
    expect(await checkReadiness(db, { migrationsDir: dir })).toEqual({ ready: true });
  });

  it("is not ready when the migrations directory is missing or the database does not answer", async () => {
    expect(await checkReadiness(db, { migrationsDir: path.join(dirs, "absent") })).toEqual({
      ready: false,
      reason: "migrations_unknown",
    });

    // A port that was just free: nothing answers there.
    const port = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, "127.0.0.1", () => {
        const { port } = srv.address() as { port: number };
        srv.close(() => resolve(port));
      });
    });
    const down = client(`postgresql://postgres@127.0.0.1:${port}/postgres`);
    try {
      expect(await checkReadiness(down, { timeoutMs: 1_000 })).toEqual({
        ready: false,
        reason: "database_unavailable",
      });
    } finally {
      await down.$disconnect();
    }
  });
});
