import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { getSql } from "@/lib/db/sql";
import { findExposures } from "@/lib/exposures/find-exposures";
import { listBatches, STALE_AFTER_MS } from "@/lib/imports/batches";
import { testKeyring } from "@/tests/support/deps";
import { csvFile, importFile } from "@/tests/support/imports";
import { dropScratchDatabase, databaseText, scratchDatabase } from "@/tests/support/postgres";
import { TEST_ENV, TEST_STORE, testEnv } from "@/tests/support/test-env";

const root = path.resolve(__dirname, "../../..");

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

describe("a killed import", () => {
  it("leaves no visible rows, shows as interrupted, and can be resumed", async () => {
    // 600,000 numbers: long enough to kill the importer while it reads. Area code 509 is
    // this test's alone: the database is shared with every other test file.
    const lines = ["phone"];
    for (let i = 0; i < 600_000; i++)
      lines.push(
        `+1 509 ${String(200 + Math.floor(i / 10000)).padStart(3, "0")} ${String(i % 10000).padStart(4, "0")}`,
      );
    const file = csvFile(`${lines.join("\n")}\n`);
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/import.ts",
        file,
        "--incident",
        "2021-08-cyberattack",
        "--category",
        "postpaid",
        "--json",
      ],
      {
        cwd: root,
        env: { ...process.env, ...TEST_ENV, DATABASE_URL: process.env.DATABASE_URL, LOG_LEVEL: "silent" },
        stdio: "ignore",
      },
    );
    const db = getDb();
    let seen: { id: number; status: string; phase: string } | null = null;
    for (let i = 0; i < 600 && !seen; i++) {
      seen = await db.importBatch.findFirst({
        where: { source: path.basename(file), rows: { gt: 0 } },
        select: { id: true, status: true, phase: true },
      });
      if (!seen) await new Promise((r) => setTimeout(r, 50));
    }
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    // Killed mid-read, as intended (not after it finished).
    expect(seen).toMatchObject({ status: "running", phase: "reading" });
    const batchId = seen!.id;

    const sample = ["+15092000000", "+15092000001", "+15092590000"];
    for (const n of sample) expect((await findExposures(getSql(), testKeyring(), n)).affected).toBe(false);
    // Not merely hidden: none of the batch's rows is stored (full slices are merged while
    // the file is read on PostgreSQL, in a transaction the kill rolls back).
    expect(await db.affectedAccount.count({ where: { batchId } })).toBe(0);
    const later = new Date(Date.now() + STALE_AFTER_MS + 1000);
    expect((await listBatches(db, later)).find((b) => b.id === batchId)?.status).toBe("interrupted");

    const resumed = await importFile(file, { category: "postpaid", resumeBatchId: batchId });
    expect(resumed).toMatchObject({ batchId, rows: 600_000, imported: 600_000, rejected: 0 });
    for (const n of sample) expect((await findExposures(getSql(), testKeyring(), n)).affected).toBe(true);
  }, 120_000);
});

describe("after an import", () => {
  // Each store's own way of holding data at rest: the embedded database's files, or every
  // row of a PostgreSQL database. Either way a database of its own, imported into by the CLI.
  it(`no raw number is left in the ${TEST_STORE} database or the temp directory`, async () => {
    const tmpBefore = new Set(readdirSync(os.tmpdir()));
    const numbers = ["2065550270", "2065550271", "2065550272"];
    const file = csvFile(
      `phone\n${numbers.map((n) => `(${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6)}`).join("\n")}\n555-0142\n`,
    );
    const forms = [...numbers, "5550142", "555-0142"].flatMap((n) => [n, `+1${n}`]);
    const found: string[] = [];
    const importInto = async (url: string) => {
      const env = { ...process.env, ...testEnv(TEST_STORE), DATABASE_URL: url };
      const run = (args: string[]) =>
        new Promise<number>((resolve) => {
          const c = spawn(process.execPath, args, { cwd: root, env, stdio: "ignore" });
          c.on("exit", (code) => resolve(code ?? 1));
        });
      expect(await run([path.join(root, "scripts/prisma.mjs"), "migrate", "deploy"])).toBe(0);
      expect(
        await run([
          "--import",
          "tsx",
          "scripts/import.ts",
          file,
          "--incident",
          "2021-08-cyberattack",
          "--category",
          "former",
        ]),
      ).toBe(0);
    };

    if (TEST_STORE === "embedded") {
      const { startEmbeddedDb } = await import("@/lib/db/embedded");
      const dataDir = mkdtempSync(path.join(os.tmpdir(), "exposure-privacy-"));
      const own = await startEmbeddedDb(path.join(dataDir, "pgdata"));
      try {
        await importInto(own.url);
      } finally {
        await own.stop();
      }
      const files = listFiles(dataDir);
      expect(files.length).toBeGreaterThan(10);
      for (const f of files) {
        const bytes = readFileSync(f);
        for (const form of forms) if (bytes.includes(form)) found.push(`${form} in ${f}`);
      }
      rmSync(dataDir, { recursive: true, force: true });
    } else {
      const url = await scratchDatabase("exposure_privacy");
      try {
        await importInto(url);
        const rows = await databaseText(url);
        expect(rows).toMatch(/import_rejection\n.+/); // the rejected row is there, sealed
        for (const form of forms) if (rows.includes(form)) found.push(`${form} in the database`);
      } finally {
        await dropScratchDatabase(url);
      }
    }
    expect(found).toEqual([]);
    const newTmp = readdirSync(os.tmpdir()).filter((f) => !tmpBefore.has(f) && !f.startsWith("exposure-privacy-"));
    for (const f of newTmp) {
      const p = path.join(os.tmpdir(), f);
      if (statSync(p).isFile()) for (const n of numbers) expect(readFileSync(p).includes(n)).toBe(false);
    }
  }, 120_000);
});
