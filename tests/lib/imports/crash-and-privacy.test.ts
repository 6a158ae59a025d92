import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { findExposures } from "@/lib/exposures/find-exposures";
import { listBatches, STALE_AFTER_MS } from "@/lib/imports/batches";
import { testKeyring } from "@/tests/support/deps";
import { csvFile, importFile } from "@/tests/support/imports";
import { TEST_ENV } from "@/tests/support/test-env";

const root = path.resolve(__dirname, "../../..");

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

describe("a killed import", () => {
  it("leaves no visible rows, shows as interrupted, and can be resumed", async () => {
    // 600,000 numbers: long enough to kill the importer while it reads.
    const lines = ["phone"];
    for (let i = 0; i < 600_000; i++) lines.push(`+1 425 ${String(200 + Math.floor(i / 10000)).padStart(3, "0")} ${String(i % 10000).padStart(4, "0")}`);
    const file = csvFile(`${lines.join("\n")}\n`);
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/import.ts", file, "--incident", "2021-08-cyberattack", "--category", "postpaid", "--json"], {
      cwd: root,
      env: { ...process.env, ...TEST_ENV, DATABASE_URL: process.env.DATABASE_URL, LOG_LEVEL: "silent" },
      stdio: "ignore",
    });
    const db = getDb();
    let seen: { id: number; status: string; phase: string } | null = null;
    for (let i = 0; i < 600 && !seen; i++) {
      seen = await db.importBatch.findFirst({ where: { source: path.basename(file), rows: { gt: 0 } }, select: { id: true, status: true, phase: true } });
      if (!seen) await new Promise((r) => setTimeout(r, 50));
    }
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    // Killed mid-read, as intended (not after it finished).
    expect(seen).toMatchObject({ status: "running", phase: "reading" });
    const batchId = seen!.id;

    const sample = ["+14252000000", "+14252000001", "+14252590000"];
    for (const n of sample) expect((await findExposures(db, testKeyring(), n)).affected).toBe(false);
    const later = new Date(Date.now() + STALE_AFTER_MS + 1000);
    expect((await listBatches(db, later)).find((b) => b.id === batchId)?.status).toBe("interrupted");

    const resumed = await importFile(file, { category: "postpaid", resumeBatchId: batchId });
    expect(resumed).toMatchObject({ batchId, rows: 600_000, imported: 600_000, rejected: 0 });
    for (const n of sample) expect((await findExposures(db, testKeyring(), n)).affected).toBe(true);
  }, 120_000);
});

describe("after an import", () => {
  it("no raw number is left in the database files or the temp directory", async () => {
    const { startEmbeddedDb } = await import("@/lib/db/embedded");
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "exposure-privacy-"));
    const tmpBefore = new Set(readdirSync(os.tmpdir()));
    const numbers = ["2065550270", "2065550271", "2065550272"];
    const file = csvFile(`phone\n${numbers.map((n) => `(${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6)}`).join("\n")}\n555-0142\n`);
    const own = await startEmbeddedDb(path.join(dataDir, "pgdata"));
    try {
      const env = { ...process.env, ...TEST_ENV, DATABASE_URL: own.url };
      const run = (args: string[]) =>
        new Promise<number>((resolve) => {
          const c = spawn(process.execPath, args, { cwd: root, env, stdio: "ignore" });
          c.on("exit", (code) => resolve(code ?? 1));
        });
      expect(await run([path.join(root, "scripts/prisma.mjs"), "migrate", "deploy"])).toBe(0);
      expect(await run(["--import", "tsx", "scripts/import.ts", file, "--incident", "2021-08-cyberattack", "--category", "former"])).toBe(0);
    } finally {
      await own.stop();
    }
    const files = listFiles(dataDir);
    expect(files.length).toBeGreaterThan(10);
    const found: string[] = [];
    for (const f of files) {
      const bytes = readFileSync(f);
      for (const n of [...numbers, "5550142", "555-0142"]) {
        for (const form of [n, `+1${n}`]) if (bytes.includes(form)) found.push(`${form} in ${f}`);
      }
    }
    expect(found).toEqual([]);
    const newTmp = readdirSync(os.tmpdir()).filter((f) => !tmpBefore.has(f) && !f.startsWith("exposure-privacy-"));
    for (const f of newTmp) {
      const p = path.join(os.tmpdir(), f);
      if (statSync(p).isFile()) for (const n of numbers) expect(readFileSync(p).includes(n)).toBe(false);
    }
    rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);
});
