"use server";

import { existsSync } from "node:fs";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requestMeta, requirePermission, stepUpFresh } from "@/lib/auth/next";
import { dryRunImport, startImport } from "@/lib/imports/confirm";
import { ImportError, importErrorMessage } from "@/lib/imports/errors";
import { wipeRejectedValues } from "@/lib/imports/rejections";
import type { LaunchSummary } from "@/lib/imports/launch";
import { BatchId, ConfirmImport, UndoImport } from "@/lib/imports/schemas";
import { restoreBatch, undoBatch } from "@/lib/imports/undo";
import { previewUpload, uploadPath } from "@/lib/imports/uploads";
import { getTranslator } from "@/lib/i18n/translator";
import { getServices } from "@/lib/services";

/**
 * `error`: a message in the reader's words. `incident` and `category`: what the dry run
 * ran with (slugs), so its result names them.
 */
export type ConfirmState = { error?: string; dryRun?: LaunchSummary & { incident: string; category: string } };

/** Runs a dry run (and shows its figures) or queues the import, then shows the history. */
export async function confirmImportAction(_prev: ConfirmState | undefined, form: FormData): Promise<ConfirmState> {
  const admin = await requirePermission("imports:run");
  const parsed = ConfirmImport.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: getTranslator()("admin.imports.invalid") };
  const { uploadId, name, incident, category, mode, resume } = parsed.data;
  const file = uploadPath(uploadId);
  if (!existsSync(file)) return { error: getTranslator()("admin.imports.gone") };
  // "From the file's column" for a file without one: say so now, not after a launch.
  if (!category && !resume && (await previewUpload(uploadId)).categoryColumn === null) {
    return { error: importErrorMessage(new ImportError("no_category")) };
  }
  const req = { file, fileName: name, incident, category, resume: resume || undefined };
  const actor = { id: admin.id, email: admin.email };
  let batchId: number;
  try {
    if (mode === "dry-run") {
      return { dryRun: { ...(await dryRunImport(getServices().db, req, { actor })), incident, category } };
    }
    batchId = await startImport(getServices().db, req, { actor, ip: (await requestMeta()).ip });
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    return { error: importErrorMessage(e) };
  }
  redirect(`/admin/imports#batch-${batchId}`);
}

/** Where a refused undo or restore sends the reader: the history, saying why. */
function refused(e: unknown, batchId: number): never {
  if (!(e instanceof ImportError)) throw e;
  redirect(`/admin/imports?refused=${e.code}&batch=${batchId}#batch-${batchId}`);
}

/**
 * Back to the history, saying what happened. The query differs from the page's own URL:
 * a redirect that only changes the #fragment is a scroll to the client router, which
 * would keep showing the old status.
 */
function done(outcome: "undone" | "restored", batchId: number): never {
  revalidatePath("/admin/imports");
  redirect(`/admin/imports?done=${outcome}&batch=${batchId}#batch-${batchId}`);
}

/**
 * Undo: takes the batch's rows out of lookups (held for a restore, ADR 22). Only with the
 * confirmation's field: without it the history opens that batch's confirmation instead.
 */
export async function undoImportAction(form: FormData): Promise<void> {
  const admin = await requirePermission("imports:run");
  const parsed = UndoImport.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const id = BatchId.safeParse(form.get("batchId"));
    redirect(id.success ? `/admin/imports?undo=${id.data}#batch-${id.data}` : "/admin/imports");
  }
  const { batchId } = parsed.data;
  // No form state to answer with: without a recent factor, back to the list, which asks.
  if (!(await stepUpFresh(admin))) redirect(`/admin/imports?stepUp=undo&undo=${batchId}#batch-${batchId}`);
  const { ip } = await requestMeta();
  await undoBatch(getServices().db, batchId, { actor: { id: admin.id, email: admin.email }, ip }).catch((e: unknown) =>
    refused(e, batchId),
  );
  done("undone", batchId);
}

/** Restores an undone batch within IMPORT_RESTORE_WINDOW_HOURS. */
export async function restoreImportAction(form: FormData): Promise<void> {
  const admin = await requirePermission("imports:run");
  const id = BatchId.safeParse(form.get("batchId"));
  if (!id.success) redirect("/admin/imports");
  const { db, config } = getServices();
  const { ip } = await requestMeta();
  await restoreBatch(db, id.data, config.imports.restoreWindowHours, {
    actor: { id: admin.id, email: admin.email },
    ip,
  }).catch((e: unknown) => refused(e, id.data));
  done("restored", id.data);
}

/** Wipes a batch's rejected values before their day is up (the download only reads). */
export async function wipeRejectionsAction(form: FormData): Promise<void> {
  const admin = await requirePermission("imports:run");
  const id = BatchId.safeParse(form.get("batchId"));
  if (id.success) {
    const { ip } = await requestMeta();
    await wipeRejectedValues(getServices().db, id.data, { actor: { id: admin.id, email: admin.email }, ip });
  }
  redirect("/admin/imports");
}
