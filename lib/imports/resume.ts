import type { Db } from "@/lib/db/client";
import { STALE_AFTER_MS } from "@/lib/imports/batches";
import { ImportError } from "@/lib/imports/errors";
import { BatchId } from "@/lib/imports/schemas";

export type ResumeTarget = { batchId: number; source: string; incident: string; category: string | undefined };

/**
 * A batch the console may resume — failed, or running with a silent importer — and the
 * incident and category it was loaded into. The file must be uploaded again: uploads are
 * deleted when an import ends, whatever the outcome, so no raw list waits on disk.
 */
export async function resumeTarget(db: Db, batchId: number, now = new Date()): Promise<ResumeTarget> {
  const batch = await db.importBatch.findUnique({ where: { id: batchId } });
  if (!batch) throw new ImportError("not_found", { batch: batchId });
  const interrupted =
    (batch.status === "running" || batch.status === "queued") &&
    now.getTime() - batch.heartbeatAt.getTime() > STALE_AFTER_MS;
  if (batch.status !== "failed" && !interrupted) {
    throw new ImportError("not_resumable", { batch: batchId });
  }
  const incident =
    batch.incidentId === null
      ? null
      : await db.incident.findUnique({ where: { id: batch.incidentId }, select: { slug: true } });
  if (!incident) throw new ImportError("batch_incident_gone", { batch: batchId });
  const category =
    batch.categoryId === null
      ? null
      : await db.category.findUnique({ where: { id: batch.categoryId }, select: { slug: true } });
  if (batch.categoryId !== null && !category) throw new ImportError("batch_category_gone", { batch: batchId });
  return { batchId: batch.id, source: batch.source, incident: incident.slug, category: category?.slug };
}

/** `?resume=N` on a console page: the batch to resume, or null when absent or not resumable. */
export async function resumeFromQuery(db: Db, value: unknown): Promise<ResumeTarget | null> {
  const id = BatchId.safeParse(value);
  if (!id.success) return null;
  return resumeTarget(db, id.data).catch((e: unknown) => {
    if (e instanceof ImportError) return null;
    throw e;
  });
}
