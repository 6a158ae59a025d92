import { recordAudit } from "@/lib/audit/record";
import type { AuditCtx } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { ImportError } from "@/lib/imports/errors";
import { dropStagingSql } from "@/lib/imports/staging";

/** A running batch whose importer has not reported for this long has died. */
export const STALE_AFTER_MS = 30_000;

export type BatchView = {
  id: number;
  source: string;
  status: "running" | "completed" | "failed" | "undone" | "interrupted";
  rows: number;
  imported: number;
  duplicates: number;
  rejected: number;
  createdAt: Date;
  finishedAt: Date | null;
  seconds: number | null;
};

/** Import history, newest first; a running batch whose importer went silent shows as interrupted. */
export async function listBatches(db: Db, now = new Date(), take = 100): Promise<BatchView[]> {
  const rows = await db.importBatch.findMany({ orderBy: { id: "desc" }, take });
  return rows.map((b) => ({
    id: b.id,
    source: b.source,
    status:
      b.status === "running" && now.getTime() - b.heartbeatAt.getTime() > STALE_AFTER_MS ? "interrupted" : b.status,
    rows: b.rows,
    imported: b.imported,
    duplicates: b.duplicates,
    rejected: b.rejected,
    createdAt: b.createdAt,
    finishedAt: b.finishedAt,
    seconds: b.finishedAt ? (b.finishedAt.getTime() - b.createdAt.getTime()) / 1000 : null,
  }));
}

export type BatchProgress = { pct: number; rate: number; eta: number; phase: string };

/** Progress of each running batch: percent of the file read, rows/s so far, seconds left. */
export async function runningProgress(db: Db, now = new Date()): Promise<Map<number, BatchProgress>> {
  const running = await db.importBatch.findMany({
    where: { status: "running" },
    select: { id: true, bytesRead: true, bytesTotal: true, rows: true, createdAt: true, phase: true },
  });
  return new Map(
    running.map((b) => {
      const secs = Math.max(1, (now.getTime() - b.createdAt.getTime()) / 1000);
      const pct = b.bytesTotal > 0n ? Number((b.bytesRead * 100n) / b.bytesTotal) : 0;
      const rate = Math.round(b.rows / secs);
      const eta = pct > 0 && pct < 100 ? Math.round((secs * (100 - pct)) / pct) : 0;
      return [b.id, { pct, rate, eta, phase: b.phase }];
    }),
  );
}

export type NewBatch = {
  source: string;
  incidentId: number;
  /** Null when each row's category comes from a column. */
  categoryId: number | null;
  keyVersion: number;
  createdBy: string | null;
  bytesTotal: number;
};

/**
 * The batch an import writes into: a new one, or (`resumeBatchId`) a running or failed
 * batch taken up again, whose rows already stored count once.
 */
export async function openBatch(db: Db, batch: NewBatch, resumeBatchId?: number): Promise<number> {
  if (resumeBatchId) {
    const found = await db.importBatch.findUnique({ where: { id: resumeBatchId } });
    if (!found || found.status === "completed" || found.status === "undone") {
      throw new ImportError("not_resumable", { batch: resumeBatchId });
    }
    await db.importBatch.update({
      where: { id: found.id },
      data: { status: "running", error: null, heartbeatAt: new Date() },
    });
    return found.id;
  }
  const created = await db.importBatch.create({
    data: {
      source: batch.source.slice(0, 200),
      incidentId: batch.incidentId,
      categoryId: batch.categoryId,
      keyVersion: batch.keyVersion,
      createdBy: batch.createdBy,
      bytesTotal: BigInt(batch.bytesTotal),
    },
  });
  return created.id;
}

/** Marks a batch failed, with the error's code (the console words it); never throws. */
export async function failBatch(db: Db, batchId: number, error: unknown): Promise<void> {
  const code = error instanceof ImportError ? error.code : "failed";
  await db.importBatch.update({ where: { id: batchId }, data: { status: "failed", error: code } }).catch(() => {});
}

/** Undo: removes exactly the batch's rows and keeps its history; audited. */
export async function undoBatch(db: Db, batchId: number, ctx: AuditCtx): Promise<number> {
  const batch = await db.importBatch.findUnique({ where: { id: batchId } });
  if (!batch) throw new ImportError("not_found", { batch: batchId });
  // Hide the rows first (status), then delete them, so no lookup sees a half-undone batch.
  await db.importBatch.update({ where: { id: batchId }, data: { status: "undone", phase: "undone" } });
  const removed = await db.$executeRaw`DELETE FROM affected_account WHERE batch_id = ${batchId}`;
  await db.$executeRawUnsafe(dropStagingSql(batchId));
  await db.importRejection.deleteMany({ where: { batchId } });
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
