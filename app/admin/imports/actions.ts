"use server";

import { existsSync } from "node:fs";
import { redirect } from "next/navigation";
import { requestMeta, requirePermission, stepUpFresh } from "@/lib/auth/next";
import { undoBatch } from "@/lib/imports/batches";
import { dryRunImport, startImport } from "@/lib/imports/confirm";
import { ImportError, importErrorMessage } from "@/lib/imports/errors";
import { wipeRejectedValues } from "@/lib/imports/rejections";
import type { LaunchSummary } from "@/lib/imports/launch";
import { BatchId, ConfirmImport } from "@/lib/imports/schemas";
import { uploadPath } from "@/lib/imports/uploads";
import { getTranslator } from "@/lib/i18n/translator";
import { getServices } from "@/lib/services";

/** `error`: a message in the reader's words. */
export type ConfirmState = { error?: string; dryRun?: LaunchSummary };

/** Runs a dry run (and shows its figures) or starts the import, then shows the history. */
export async function confirmImportAction(_prev: ConfirmState | undefined, form: FormData): Promise<ConfirmState> {
  const admin = await requirePermission("imports:run");
  const parsed = ConfirmImport.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: getTranslator()("admin.imports.invalid") };
  const { uploadId, name, incident, category, mode, resume } = parsed.data;
  const file = uploadPath(uploadId);
  if (!existsSync(file)) return { error: getTranslator()("admin.imports.gone") };
  const req = { file, fileName: name, incident, category, resume: resume || undefined };
  const actor = { id: admin.id, email: admin.email };
  try {
    if (mode === "dry-run") return { dryRun: await dryRunImport(getServices().db, req, { actor }) };
    await startImport(getServices().db, req, { actor, ip: (await requestMeta()).ip });
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    return { error: importErrorMessage(e) };
  }
  redirect("/admin/imports");
}

/** Undo: removes exactly the batch's rows (history stays). */
export async function undoImportAction(form: FormData): Promise<void> {
  const admin = await requirePermission("imports:run");
  // No form state to answer with: without a recent factor, back to the list, which asks.
  if (!(await stepUpFresh(admin))) redirect("/admin/imports?stepUp=undo");
  const id = BatchId.safeParse(form.get("batchId"));
  if (id.success) {
    const { ip } = await requestMeta();
    await undoBatch(getServices().db, id.data, { actor: { id: admin.id, email: admin.email }, ip });
  }
  redirect("/admin/imports");
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
