import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { getSql } from "@/lib/db/sql";
import { findExposures } from "@/lib/exposures/find-exposures";
import { listBatches } from "@/lib/imports/batches";
import { restoreBatch, sweepUndone, undoBatch } from "@/lib/imports/undo";
import { testKeyring } from "@/tests/support/deps";
import { csvFile, importFile } from "@/tests/support/imports";
import { uniqueTag } from "@/tests/support/unique-tag";

const owner = { id: null, email: `owner-${uniqueTag()}@example.com` };
const ctx = { actor: owner, ip: "192.0.2.8" };
const affected = async (e164: string) => (await findExposures(getSql(), testKeyring(), e164)).affected;
const audit = (action: string, batchId: number) =>
  getDb().auditLog.findFirst({ where: { action, target: `batch ${batchId}` } });
const HOUR = 3600 * 1000;

describe("undo and restore", () => {
  it("undo hides the batch's rows at once; restore within the window brings them back; both audited", async () => {
    const s = await importFile(csvFile("phone\n206-555-0610\n206-555-0611\n"), { category: "prepaid" });
    const batchId = s.batchId!;
    expect(await undoBatch(getDb(), batchId, ctx)).toBe(2);
    expect(await affected("+12065550610")).toBe(false);
    expect(await getDb().affectedAccount.count({ where: { batchId } })).toBe(0);
    const undone = (await listBatches(getDb(), new Date(), 100, {}, 72)).find((b) => b.id === batchId);
    expect(undone).toMatchObject({ status: "undone", restoreUntil: expect.any(Date) });
    expect(await audit("import_undone", batchId)).toMatchObject({ actorEmail: owner.email, details: { removed: 2 } });

    expect(await restoreBatch(getDb(), batchId, 72, ctx)).toBe(2);
    expect(await affected("+12065550610")).toBe(true);
    expect(await affected("+12065550611")).toBe(true);
    expect(await getDb().importBatch.findUniqueOrThrow({ where: { id: batchId } })).toMatchObject({
      status: "completed",
      undoneAt: null,
    });
    expect(await audit("import_restored", batchId)).toMatchObject({
      actorEmail: owner.email,
      details: { restored: 2 },
    });
  });

  it("refuses an undo of an undone batch, and a restore once the window has closed", async () => {
    const s = await importFile(csvFile("phone\n206-555-0612\n"), { category: "prepaid" });
    await undoBatch(getDb(), s.batchId!, ctx);
    await expect(undoBatch(getDb(), s.batchId!, ctx)).rejects.toMatchObject({ code: "not_undoable" });
    const later = new Date(Date.now() + 3 * HOUR);
    await expect(restoreBatch(getDb(), s.batchId!, 2, ctx, later)).rejects.toMatchObject({ code: "not_restorable" });
    expect(await affected("+12065550612")).toBe(false);
  });

  it("lets an undone number be imported again, and a restore then keeps the newer batch's row", async () => {
    const file = csvFile("phone\n206-555-0613\n206-555-0614\n");
    const first = await importFile(file, { category: "former" });
    await undoBatch(getDb(), first.batchId!, ctx);
    // Held rows are out of affected_account: the re-import is not counted as duplicates.
    const again = await importFile(csvFile("phone\n206-555-0613\n"), { category: "former" });
    expect(again).toMatchObject({ imported: 1, duplicates: 0 });
    expect(await restoreBatch(getDb(), first.batchId!, 72, ctx)).toBe(1);
    expect(await getDb().affectedAccount.count({ where: { batchId: again.batchId! } })).toBe(1);
    expect(await affected("+12065550614")).toBe(true);
  });

  it("the sweep deletes held rows past the window for good, and only those", async () => {
    const old = await importFile(csvFile("phone\n206-555-0615\n"), { category: "prepaid" });
    const recent = await importFile(csvFile("phone\n206-555-0616\n"), { category: "prepaid" });
    await undoBatch(getDb(), old.batchId!, ctx, new Date(Date.now() - 5 * HOUR));
    await undoBatch(getDb(), recent.batchId!, ctx);
    const held = (batchId: number) => getDb().undoneAccount.count({ where: { batchId } });
    expect(await held(old.batchId!)).toBe(1);
    expect(await sweepUndone(getDb(), 4)).toBeGreaterThanOrEqual(1);
    expect([await held(old.batchId!), await held(recent.batchId!)]).toEqual([0, 1]);
    await expect(restoreBatch(getDb(), old.batchId!, 1000, ctx)).rejects.toMatchObject({ code: "not_restorable" });
    expect(await restoreBatch(getDb(), recent.batchId!, 4, ctx)).toBe(1);
  });
});
