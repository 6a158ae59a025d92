import { describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/audit/record";
import { getDb } from "@/lib/db/client";
import { downloadRejections, RejectionStore } from "@/lib/imports/rejections";
import type { Rejection } from "@/lib/imports/types";
import { testKeyring } from "@/tests/support/deps";
import { uniqueTag } from "@/tests/support/unique-tag";

const db = getDb();
const newBatch = () => db.importBatch.create({ data: { source: `rejections-${uniqueTag()}.csv`, keyVersion: 2 } });
const refused = (lines: number[]): Rejection[] =>
  lines.map((line) => ({ line, reason: "invalid_characters", value: `nope-${line}` }));
const stored = (batchId: number) =>
  db.importRejection.findMany({ where: { batchId }, orderBy: { line: "asc" }, select: { line: true, reason: true } });

describe("storing refused rows", () => {
  it("keeps line and reason, and the value sealed: readable through the download only", async () => {
    const batch = await newBatch();
    const store = new RejectionStore(db, testKeyring(), batch.id);
    store.add([
      { line: 2, reason: "too_short", value: "555-0142" },
      { line: 3, reason: "empty", value: "" },
    ]);
    await store.flush();
    const rows = await db.importRejection.findMany({ where: { batchId: batch.id }, orderBy: { line: "asc" } });
    expect(rows.map((r) => [r.line, r.reason, r.sealedValue === null])).toEqual([
      [2, "too_short", false],
      [3, "empty", true],
    ]);
    expect(Buffer.from(rows[0]!.sealedValue!).includes("555-0142")).toBe(false);
    expect(
      (await downloadRejections(db, testKeyring(), batch.id, { actor: CLI_ACTOR })).split("\n").filter(Boolean),
    ).toEqual(["line,reason,value", "2,too_short,555-0142", "3,empty,"]);
  });

  it("waits for enough rows for a statement, and keeps no more than its limit", async () => {
    const batch = await newBatch();
    const store = new RejectionStore(db, testKeyring(), batch.id, { flushAt: 3, limit: 5 });
    store.add(refused([1, 2]));
    await store.flushIfFull();
    expect(await stored(batch.id)).toEqual([]);
    store.add(refused([3, 4]));
    await store.flushIfFull();
    expect((await stored(batch.id)).map((r) => r.line)).toEqual([1, 2, 3, 4]);
    store.add(refused([5, 6, 7]));
    await store.flush();
    store.add(refused([8]));
    await store.flush();
    // Past the limit refused rows are only counted (by the batch), not stored.
    expect((await stored(batch.id)).map((r) => r.line)).toEqual([1, 2, 3, 4, 5]);
  });

  it("stores nothing for a dry run", async () => {
    const nowhere = new Proxy({}, { get: () => expect.unreachable("a dry run touched the database") });
    const store = new RejectionStore(nowhere as unknown as typeof db, testKeyring(), null, { flushAt: 1 });
    store.add(refused([1, 2, 3]));
    await store.flushIfFull();
    await store.flush();
  });
});
