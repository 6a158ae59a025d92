"use server";

import { existsSync } from "node:fs";
import { redirect } from "next/navigation";
import { recordAudit } from "@/lib/audit/record";
import { requestMeta, requirePermission } from "@/lib/auth/next";
import { undoBatch } from "@/lib/imports/batches";
import { ImportError, importErrorMessage } from "@/lib/imports/errors";
import { getTranslator } from "@/lib/i18n/translator";
import { launchImport, type LaunchSummary } from "@/lib/imports/launch";
import { resumeTarget } from "@/lib/imports/resume";
import { BatchId, ConfirmImport } from "@/lib/imports/schemas";
import { uploadPath } from "@/lib/imports/uploads";
import { getServices } from "@/lib/services";

/** `error`: a message in the reader's words. */
export type ConfirmState = { error?: string; dryRun?: LaunchSummary };

/** Runs a dry run (and shows its figures) or starts the import, then shows the history. */
export async function confirmImportAction(_prev: ConfirmState | undefined, form: FormData): Promise<ConfirmState> {
  const admin = await requirePermission("imports:run");
  const parsed = ConfirmImport.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: getTranslator()("admin.imports.invalid") };
  const { uploadId, name, mode, resume } = parsed.data;
  let { incident, category } = parsed.data;
  const file = uploadPath(uploadId);
  if (!existsSync(file)) return { error: getTranslator()("admin.imports.gone") };
  if (resume) {
    // A resume goes where the batch went, whatever the form says.
    try {
      ({ incident, category = "" } = await resumeTarget(getServices().db, resume));
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      return { error: importErrorMessage(e) };
    }
  }
  const args = {
    file,
    fileName: name,
    incident,
    category: category || undefined,
    dryRun: mode === "dry-run",
    createdBy: admin.email,
    resumeBatchId: mode === "import" && resume ? resume : undefined,
  };
  const { ip } = await requestMeta();
  if (mode === "dry-run") {
    // The dry run reads a copy's worth of nothing: it keeps the upload for the real run.
    try {
      return { dryRun: (await launchImport({ ...args, file: await copyForDryRun(file) }))! };
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      return { error: importErrorMessage(e) };
    }
  }
  await launchImport(args);
  await recordAudit(getServices().db, {
    actorId: admin.id,
    actorEmail: admin.email,
    action: resume ? "import_resumed" : "import_started",
    target: resume ? `batch ${resume}` : name,
    details: { incident, category: category || "from column", file: name },
    ip,
  });
  redirect("/admin/imports");
}

/** Undo: removes exactly the batch's rows (history stays). */
export async function undoImportAction(form: FormData): Promise<void> {
  const admin = await requirePermission("imports:run");
  const id = BatchId.safeParse(form.get("batchId"));
  if (id.success) {
    const removed = await undoBatch(getServices().db, id.data);
    const { ip } = await requestMeta();
    await recordAudit(getServices().db, {
      actorId: admin.id,
      actorEmail: admin.email,
      action: "import_undone",
      target: `batch ${id.data}`,
      details: { removed },
      ip,
    });
  }
  redirect("/admin/imports");
}

async function copyForDryRun(file: string): Promise<string> {
  const { copyFile } = await import("node:fs/promises");
  const copy = `${file}.dry-run`;
  await copyFile(file, copy);
  return copy;
}
