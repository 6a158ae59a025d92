import { recordAudit } from "@/lib/audit/record";
import type { AuditCtx } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { ImportError } from "@/lib/imports/errors";
import { dropStagingSql } from "@/lib/imports/staging";

const HOUR_MS = 3600 * 1000;

/** Statuses whose rows an undo may take away: not while an importer is at work. */
const UNDOABLE = new Set(["completed", "failed"]);

/**
 * Undo: the batch stops answering lookups at once (status), then its rows move from
 * affected_account to undone_account in one statement, where a restore can find them
 * until the window closes (ADR 22). Neither the lookup nor a later import's anti-join
 * reads undone_account, so a number the batch held can be imported again meanwhile.
 * Audited; returns how many rows were taken away.
 */
export async function undoBatch(db: Db, batchId: number, ctx: AuditCtx, now = new Date()): Promise<number> {
  const batch = await db.importBatch.findUnique({ where: { id: batchId } });
  if (!batch) throw new ImportError("not_found", { batch: batchId });
  if (!UNDOABLE.has(batch.status)) throw new ImportError("not_undoable", { batch: batchId });
  await db.importBatch.update({
    where: { id: batchId },
    data: { status: "undone", phase: "undone", undoneAt: now, undoneBy: ctx.actor.email },
  });
  const removed = await db.$executeRaw`
    WITH moved AS (DELETE FROM affected_account WHERE batch_id = ${batchId}
      RETURNING batch_id, phone_hash, key_version, category_id)
    INSERT INTO undone_account (batch_id, phone_hash, key_version, category_id)
    SELECT batch_id, phone_hash, key_version, category_id FROM moved ON CONFLICT DO NOTHING`;
  await db.$executeRawUnsafe(dropStagingSql(batchId));
  await recordAudit(db, {
    actorId: ctx.actor.id,
    actorEmail: ctx.actor.email,
    action: "import_undone",
    target: `batch ${batchId}`,
    details: { removed },
    ip: ctx.ip,
  });
  return removed;
}

/** Whether an undone batch can still be restored (its rows not yet swept). */
export function restorable(
  batch: { status: string; phase: string; undoneAt: Date | null },
  windowHours: number,
  now = new Date(),
): boolean {
  return (
    batch.status === "undone" &&
    batch.phase === "undone" &&
    batch.undoneAt !== null &&
    now.getTime() - batch.undoneAt.getTime() < windowHours * HOUR_MS
  );
}

/**
 * Restore: an undone batch's held rows go back into affected_account and the batch
 * answers lookups again. A row imported again by another batch meanwhile stays that
 * batch's (ON CONFLICT DO NOTHING). Audited; returns how many rows came back.
 */
export async function restoreBatch(
  db: Db,
  batchId: number,
  windowHours: number,
  ctx: AuditCtx,
  now = new Date(),
): Promise<number> {
  const batch = await db.importBatch.findUnique({ where: { id: batchId } });
  if (!batch) throw new ImportError("not_found", { batch: batchId });
  if (!restorable(batch, windowHours, now)) throw new ImportError("not_restorable", { batch: batchId });
  const restored = await db.$executeRaw`
    WITH moved AS (DELETE FROM undone_account WHERE batch_id = ${batchId}
      RETURNING batch_id, phone_hash, key_version, category_id)
    INSERT INTO affected_account (phone_hash, key_version, category_id, batch_id)
    SELECT phone_hash, key_version, category_id, batch_id FROM moved ON CONFLICT DO NOTHING`;
  await db.importBatch.update({
    where: { id: batchId },
    data: { status: "completed", phase: "done", undoneAt: null, undoneBy: null },
  });
  await recordAudit(db, {
    actorId: ctx.actor.id,
    actorEmail: ctx.actor.email,
    action: "import_restored",
    target: `batch ${batchId}`,
    details: { restored },
    ip: ctx.ip,
  });
  return restored;
}

/**
 * Deletes for good the held rows (and rejected rows) of batches undone longer ago than
 * the window; the batch stays in the history as undone, no longer restorable. Run by the import sweeps.
 */
export async function sweepUndone(db: Db, windowHours: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - windowHours * HOUR_MS);
  const expired = await db.importBatch.findMany({
    where: { status: "undone", phase: "undone", undoneAt: { lte: cutoff } },
    select: { id: true },
  });
  let removed = 0;
  for (const { id } of expired) {
    removed += await db.$executeRaw`DELETE FROM undone_account WHERE batch_id = ${id}`;
    await db.importRejection.deleteMany({ where: { batchId: id } });
    await db.importBatch.update({ where: { id }, data: { phase: "purged" } });
  }
  return removed;
}
