// One import at a time on a node: the others wait, queued in the history.
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { listBatches } from "@/lib/imports/batches";
import { NodeImportLock } from "@/lib/imports/node-lock";
import { csvFile, importFile } from "@/tests/support/imports";
import { uniqueTag } from "@/tests/support/unique-tag";

/** A lock of this test's own (the default one is shared with every import test). */
function ownLock() {
  return new NodeImportLock(path.join(mkdtempSync(path.join(os.tmpdir(), "import-lock-")), "import.lock"));
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  let v = await read();
  for (let i = 0; i < 300 && !ok(v); i++) {
    await new Promise((r) => setTimeout(r, 100));
    v = await read();
  }
  return v;
}

describe("imports on one node", () => {
  it("wait for the one running, queued in the history, then run one after the other", async () => {
    const lock = ownLock();
    const holder = lock.tryTake();
    expect(holder).not.toBeNull();
    const names = [`queued-a-${uniqueTag()}.csv`, `queued-b-${uniqueTag()}.csv`];
    const fast = { acquire: (wait?: () => Promise<void>) => lock.acquire(wait, 50) };
    const runs = names.map((fileName, i) =>
      importFile(csvFile(`phone\n206-555-062${i}\n`), { fileName, category: "prepaid" }, { lock: fast }),
    );
    const statuses = () =>
      listBatches(getDb()).then((all) => names.map((n) => all.find((b) => b.source === n)?.status));
    expect(await until(statuses, (s) => s.every((x) => x === "queued"))).toEqual(["queued", "queued"]);

    // The slot frees: both complete, never two at once.
    holder!();
    const done = await Promise.all(runs);
    expect(done.map((d) => d.imported)).toEqual([1, 1]);
    const rows = await getDb().importBatch.findMany({
      where: { source: { in: names } },
      select: { startedAt: true, finishedAt: true },
      orderBy: { startedAt: "asc" },
    });
    expect(rows[1]!.startedAt!.getTime()).toBeGreaterThanOrEqual(rows[0]!.finishedAt!.getTime());
  }, 60_000);

  it("a dead holder's slot is taken over", async () => {
    const lock = ownLock();
    writeFileSync(lock.file, "2147483646"); // no such process
    const release = lock.tryTake();
    expect(release).not.toBeNull();
    expect(lock.tryTake()).toBeNull(); // now held by a live process: this one
    release!();
    expect(existsSync(lock.file)).toBe(false);
  });
});
