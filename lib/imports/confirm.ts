import { copyFile, stat } from "node:fs/promises";
import { recordAudit } from "@/lib/audit/record";
import type { Actor, AuditCtx } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { ImportError } from "@/lib/imports/errors";
import { launchImport, type LaunchSummary } from "@/lib/imports/launch";
import { resumeTarget } from "@/lib/imports/resume";

/** The console's confirm step, once its form is read and its upload found. */
export type ConfirmedImport = {
  /** The upload on disk. */
  file: string;
  fileName: string;
  incident: string;
  /** A category's slug, or "" for the file's category column. */
  category: string;
  /** The batch this upload resumes. */
  resume?: number;
};

/** Where the rows go: as chosen, or for a resume where its batch went, whatever the form says. */
async function destination(db: Db, req: ConfirmedImport): Promise<{ incident: string; category: string }> {
  if (!req.resume) return { incident: req.incident, category: req.category };
  const batch = await resumeTarget(db, req.resume);
  return { incident: batch.incident, category: batch.category ?? "" };
}

/**
 * A dry run: its figures, or the ImportError the importer reported. It reads a copy,
 * since the importer deletes the file it is given and the upload waits for the real run.
 */
export async function dryRunImport(
  db: Db,
  req: ConfirmedImport,
  ctx: { actor: Actor },
  launch = launchImport,
): Promise<LaunchSummary> {
  const { incident, category } = await destination(db, req);
  const copy = `${req.file}.dry-run`;
  await copyFile(req.file, copy);
  const summary = await launch({
    file: copy,
    fileName: req.fileName,
    incident,
    category: category || undefined,
    dryRun: true,
    createdBy: ctx.actor.email,
  });
  return summary!;
}

/**
 * Queues the import (a batch row the history shows at once, before the importer's process
 * is up) or the resume of a batch, and starts its importer in its own process; audited.
 * Returns the batch.
 */
export async function startImport(db: Db, req: ConfirmedImport, ctx: AuditCtx, launch = launchImport): Promise<number> {
  const { incident, category } = await destination(db, req);
  const batchId = req.resume ?? (await queueBatch(db, req, incident, category, ctx.actor.email));
  if (req.resume) {
    await db.importBatch.update({ where: { id: req.resume }, data: { status: "queued", heartbeatAt: new Date() } });
  }
  await launch({
    file: req.file,
    fileName: req.fileName,
    incident,
    category: category || undefined,
    dryRun: false,
    createdBy: ctx.actor.email,
    resumeBatchId: req.resume,
    batchId: req.resume ? undefined : batchId,
  });
  await recordAudit(db, {
    actorId: ctx.actor.id,
    actorEmail: ctx.actor.email,
    action: req.resume ? "import_resumed" : "import_started",
    target: req.resume ? `batch ${req.resume}` : req.fileName,
    details: { batchId, incident, category: category || "from column", file: req.fileName },
    ip: ctx.ip,
  });
  return batchId;
}

/** The queued batch of a new import, into an incident and category that exist. */
async function queueBatch(
  db: Db,
  req: ConfirmedImport,
  incidentSlug: string,
  categorySlug: string,
  createdBy: string,
): Promise<number> {
  const incident = await db.incident.findUnique({ where: { slug: incidentSlug }, include: { categories: true } });
  if (!incident) throw new ImportError("unknown_incident", { incident: incidentSlug });
  const category = categorySlug ? incident.categories.find((c) => c.slug === categorySlug) : null;
  if (categorySlug && !category) {
    throw new ImportError("unknown_category", { incident: incidentSlug, category: categorySlug });
  }
  const batch = await db.importBatch.create({
    data: {
      source: req.fileName.slice(0, 200),
      status: "queued",
      incidentId: incident.id,
      categoryId: category?.id ?? null,
      createdBy,
      bytesTotal: BigInt((await stat(req.file)).size),
    },
  });
  return batch.id;
}
