import type { Db } from "@/lib/db/client";
import { ImportError } from "@/lib/imports/errors";
import { restorable } from "@/lib/imports/undo";

/** A running batch whose importer has not reported for this long has died. */
export const STALE_AFTER_MS = 30_000;

export type BatchStatusView = "queued" | "running" | "completed" | "failed" | "undone" | "interrupted";
export const BATCH_STATUSES: readonly BatchStatusView[] = [
  "queued",
  "running",
  "completed",
  "failed",
  "undone",
  "interrupted",
];

export type BatchView = {
  id: number;
  source: string;
  status: BatchStatusView;
  /** Incident title and category name as they are now (null: deleted, or from a column). */
  incident: string | null;
  category: string | null;
  createdBy: string | null;
  rows: number;
  imported: number;
  duplicates: number;
  rejected: number;
  createdAt: Date;
  finishedAt: Date | null;
  /** From the moment the importer got its slot (or was created) to the end; never negative. */
  seconds: number | null;
  undoneAt: Date | null;
  /** Undone and still restorable until then (null: not undone, or the window has closed). */
  restoreUntil: Date | null;
};

export type HistoryFilter = { incident?: string; status?: BatchStatusView };

function isStale(b: { status: string; heartbeatAt: Date }, now: Date): boolean {
  return (b.status === "running" || b.status === "queued") && now.getTime() - b.heartbeatAt.getTime() > STALE_AFTER_MS;
}

/**
 * Import history, newest first, optionally of one incident or status; a queued or
 * running batch whose importer went silent shows as interrupted.
 */
export async function listBatches(
  db: Db,
  now = new Date(),
  take = 100,
  filter: HistoryFilter = {},
  restoreWindowHours = 0,
): Promise<BatchView[]> {
  const stale = new Date(now.getTime() - STALE_AFTER_MS);
  const incident = filter.incident
    ? await db.incident.findUnique({ where: { slug: filter.incident }, select: { id: true } })
    : null;
  if (filter.incident && !incident) return [];
  const byStatus =
    filter.status === "interrupted"
      ? { status: { in: ["running" as const, "queued" as const] }, heartbeatAt: { lt: stale } }
      : filter.status === "running" || filter.status === "queued"
        ? { status: filter.status, heartbeatAt: { gte: stale } }
        : filter.status
          ? { status: filter.status }
          : {};
  const rows = await db.importBatch.findMany({
    where: { ...byStatus, ...(incident ? { incidentId: incident.id } : {}) },
    orderBy: { id: "desc" },
    take,
  });
  const incidents = new Map(
    (await db.incident.findMany({ select: { id: true, title: true } })).map((i) => [i.id, i.title]),
  );
  const categories = new Map(
    (await db.category.findMany({ select: { id: true, name: true } })).map((c) => [c.id, c.name]),
  );
  return rows.map((b) => {
    const from = b.startedAt ?? b.createdAt;
    return {
      id: b.id,
      source: b.source,
      status: isStale(b, now) ? "interrupted" : b.status,
      incident: b.incidentId === null ? null : (incidents.get(b.incidentId) ?? null),
      category: b.categoryId === null ? null : (categories.get(b.categoryId) ?? null),
      createdBy: b.createdBy,
      rows: b.rows,
      imported: b.imported,
      duplicates: b.duplicates,
      rejected: b.rejected,
      createdAt: b.createdAt,
      finishedAt: b.finishedAt,
      // Clocks of the database (created_at) and the app (finished_at) can differ a little.
      seconds: b.finishedAt ? Math.max(0, (b.finishedAt.getTime() - from.getTime()) / 1000) : null,
      undoneAt: b.undoneAt,
      restoreUntil:
        b.undoneAt && restorable(b, restoreWindowHours, now)
          ? new Date(b.undoneAt.getTime() + restoreWindowHours * 3600 * 1000)
          : null,
    };
  });
}

/** null while there is no rate yet to speak of: the console says "starting…". */
export type BatchProgress = { pct: number; rate: number; eta: number; phase: string } | null;

/** Progress of each running batch: percent of the file read, rows/s so far, seconds left. */
export async function runningProgress(db: Db, now = new Date()): Promise<Map<number, BatchProgress>> {
  const running = await db.importBatch.findMany({
    where: { status: "running" },
    select: { id: true, bytesRead: true, bytesTotal: true, rows: true, createdAt: true, startedAt: true, phase: true },
  });
  return new Map(
    running.map((b) => {
      const secs = (now.getTime() - (b.startedAt ?? b.createdAt).getTime()) / 1000;
      // Under a second or no row yet, a rate and an ETA would be noise ("0 rows/s, 0 s left").
      if (b.phase === "reading" && (secs < 1 || b.rows === 0)) return [b.id, null];
      const pct = b.bytesTotal > 0n ? Number((b.bytesRead * 100n) / b.bytesTotal) : 0;
      const rate = Math.round(b.rows / secs);
      const eta = pct > 0 && pct < 100 ? Math.max(1, Math.round((secs * (100 - pct)) / pct)) : 0;
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
 * The batch an import writes into, queued for the node's import slot: a new one, the
 * one the console queued for it (`queued`), or (`resumeBatchId`) a running or failed
 * batch taken up again, whose rows already stored count once.
 */
export async function openBatch(db: Db, batch: NewBatch, resumeBatchId?: number, queued?: number): Promise<number> {
  if (queued) {
    const found = await db.importBatch.findUnique({ where: { id: queued } });
    if (found?.status !== "queued") throw new ImportError("not_queued", { batch: queued });
    await db.importBatch.update({
      where: { id: queued },
      data: {
        keyVersion: batch.keyVersion,
        categoryId: batch.categoryId,
        bytesTotal: BigInt(batch.bytesTotal),
        heartbeatAt: new Date(),
      },
    });
    return queued;
  }
  if (resumeBatchId) {
    const found = await db.importBatch.findUnique({ where: { id: resumeBatchId } });
    if (!found || found.status === "completed" || found.status === "undone") {
      throw new ImportError("not_resumable", { batch: resumeBatchId });
    }
    await db.importBatch.update({
      where: { id: found.id },
      data: { status: "queued", error: null, heartbeatAt: new Date() },
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
      status: "queued",
    },
  });
  return created.id;
}

/** The importer got the node's slot: the batch runs from now (rates and duration count from here). */
export async function markRunning(db: Db, batchId: number): Promise<void> {
  const now = new Date();
  await db.importBatch.update({
    where: { id: batchId },
    data: { status: "running", startedAt: now, heartbeatAt: now },
  });
}

/** While a batch waits for the slot: alive, not interrupted. */
export async function heartbeat(db: Db, batchId: number): Promise<void> {
  await db.importBatch.update({ where: { id: batchId }, data: { heartbeatAt: new Date() } });
}

/** Marks a batch failed, with the error's code (the console words it); never throws. */
export async function failBatch(db: Db, batchId: number, error: unknown): Promise<void> {
  const code = error instanceof ImportError ? error.code : "failed";
  await db.importBatch.update({ where: { id: batchId }, data: { status: "failed", error: code } }).catch(() => {});
}

/** Marks the batch failed if it is still queued (its importer stopped before taking it up). */
export async function failQueued(db: Db, batchId: number, error: unknown): Promise<void> {
  const code = error instanceof ImportError ? error.code : "failed";
  await db.importBatch
    .updateMany({ where: { id: batchId, status: "queued" }, data: { status: "failed", error: code } })
    .catch(() => {});
}
