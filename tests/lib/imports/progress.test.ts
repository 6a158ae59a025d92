import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { ProgressReporter, type ImportCounts, type ImportProgress } from "@/lib/imports/progress";
import { uniqueTag } from "@/tests/support/unique-tag";

const db = getDb();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const newBatch = () =>
  db.importBatch.create({
    data: { source: `progress-${uniqueTag()}.csv`, keyVersion: 2, heartbeatAt: new Date(Date.now() - 60_000) },
  });

describe("import progress", () => {
  it("works out rows/s since the start and the time left from the bytes still to read", () => {
    let now = 10_000;
    const counts: ImportCounts = { rows: 0, accepted: 0, rejected: 0, bytesRead: 0 };
    const reporter = new ProgressReporter({
      db,
      batchId: null,
      bytesTotal: 1000,
      started: 10_000,
      counts,
      now: () => now,
    });
    expect(reporter.snapshot("reading")).toEqual({
      batchId: null,
      phase: "reading",
      bytesRead: 0,
      bytesTotal: 1000,
      rows: 0,
      rejected: 0,
      rowsPerSecond: 0,
      etaSeconds: null,
    });
    now = 12_000;
    Object.assign(counts, { rows: 500, accepted: 497, rejected: 3, bytesRead: 250 });
    expect(reporter.snapshot("reading")).toMatchObject({
      bytesRead: 250,
      rows: 500,
      rejected: 3,
      rowsPerSecond: 250,
      etaSeconds: 6,
    });
    // Past the reading, the bytes left say nothing about the time left.
    expect(reporter.snapshot("merging")).toMatchObject({ rowsPerSecond: 250, etaSeconds: null });
  });

  it("writes a report on the batch row, heartbeat included, and tells the caller", async () => {
    const batch = await newBatch();
    const heard: ImportProgress[] = [];
    const counts = { rows: 42, accepted: 40, rejected: 2, bytesRead: 900 };
    const reporter = new ProgressReporter({
      db,
      batchId: batch.id,
      bytesTotal: 1000,
      started: Date.now() - 1000,
      counts,
      onProgress: (p) => heard.push(p),
    });
    await reporter.report("merging");
    const row = await db.importBatch.findUniqueOrThrow({ where: { id: batch.id } });
    expect(row).toMatchObject({ status: "running", phase: "merging", rows: 42, rejected: 2, bytesRead: 900n });
    expect(row.heartbeatAt.getTime()).toBeGreaterThan(batch.heartbeatAt.getTime() + 30_000);
    expect(heard).toMatchObject([{ batchId: batch.id, phase: "merging", rows: 42, rejected: 2, bytesRead: 900 }]);
  });

  it("reports on a timer while the file is read, and once stopped has written its last report", async () => {
    const batch = await newBatch();
    const heard: string[] = [];
    const counts = { rows: 0, accepted: 0, rejected: 0, bytesRead: 0 };
    const reporter = new ProgressReporter({
      db,
      batchId: batch.id,
      bytesTotal: 1000,
      started: Date.now(),
      counts,
      onProgress: (p) => heard.push(`${p.phase} ${p.rows}`),
    });
    reporter.startTicking(5);
    for (let i = 1; i <= 10; i++) {
      counts.rows = i;
      await sleep(10);
    }
    await reporter.stopTicking();
    const after = heard.length;
    expect(after).toBeGreaterThanOrEqual(2);
    expect(heard.every((h) => h.startsWith("reading "))).toBe(true);
    const row = await db.importBatch.findUniqueOrThrow({ where: { id: batch.id } });
    expect(`${row.phase} ${row.rows}`).toBe(heard.at(-1));
    counts.rows = 99;
    await sleep(30);
    expect(heard.length).toBe(after);
    expect((await db.importBatch.findUniqueOrThrow({ where: { id: batch.id } })).rows).toBe(row.rows);
  });

  it("ends with everything read and nothing left, for the caller only", async () => {
    const batch = await newBatch();
    const heard: ImportProgress[] = [];
    const counts = { rows: 7, accepted: 7, rejected: 0, bytesRead: 600 };
    const reporter = new ProgressReporter({
      db,
      batchId: batch.id,
      bytesTotal: 1000,
      started: Date.now() - 1000,
      counts,
      onProgress: (p) => heard.push(p),
    });
    reporter.done();
    expect(heard).toMatchObject([{ phase: "done", bytesRead: 1000, bytesTotal: 1000, rows: 7, etaSeconds: 0 }]);
    // The batch row's last word is the completion's, not this.
    expect((await db.importBatch.findUniqueOrThrow({ where: { id: batch.id } })).phase).toBe("reading");
  });

  it("writes nothing for a dry run", async () => {
    const heard: string[] = [];
    const nowhere = new Proxy({}, { get: () => expect.unreachable("a dry run touched the database") });
    const reporter = new ProgressReporter({
      db: nowhere as unknown as typeof db,
      batchId: null,
      bytesTotal: 10,
      started: Date.now(),
      counts: { rows: 1, accepted: 1, rejected: 0, bytesRead: 10 },
      onProgress: (p) => heard.push(p.phase),
    });
    await reporter.report("reading");
    expect(heard).toEqual(["reading"]);
  });
});
