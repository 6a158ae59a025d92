"use server";

import { existsSync } from "node:fs";
import { redirect } from "next/navigation";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { requestMeta, requirePermission } from "@/lib/auth/next";
import { undoBatch } from "@/lib/imports/batches";
import { launchImport, type LaunchSummary } from "@/lib/imports/launch";
import { uploadPath } from "@/lib/imports/uploads";
import { getServices } from "@/lib/services";

export type ConfirmState = { error?: string; dryRun?: LaunchSummary };

const Confirm = z.object({
  uploadId: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
  name: z.string().trim().min(1).max(200),
  incident: z.string().min(1).max(100),
  category: z.string().max(100),
  mode: z.enum(["dry-run", "import"]),
});

/** Runs a dry run (and shows its figures) or starts the import, then shows the history. */
export async function confirmImportAction(_prev: ConfirmState | undefined, form: FormData): Promise<ConfirmState> {
  const admin = await requirePermission("imports:run");
  const parsed = Confirm.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: "invalid" };
  const { uploadId, name, incident, category, mode } = parsed.data;
  const file = uploadPath(uploadId);
  if (!existsSync(file)) return { error: "gone" };
  const args = { file, fileName: name, incident, category: category || undefined, dryRun: mode === "dry-run", createdBy: admin.email };
  const { ip } = await requestMeta();
  if (mode === "dry-run") {
    // The dry run reads a copy's worth of nothing: it keeps the upload for the real run.
    try {
      return { dryRun: (await launchImport({ ...args, file: await copyForDryRun(file) }))! };
    } catch (e) {
      return { error: e instanceof Error ? e.message : "failed" };
    }
  }
  await launchImport(args);
  await recordAudit(getServices().db, { actorId: admin.id, actorEmail: admin.email, action: "import_started", target: name, details: { incident, category: category || "from column" }, ip });
  redirect("/admin/imports");
}

/** Undo: removes exactly the batch's rows (history stays). */
export async function undoImportAction(form: FormData): Promise<void> {
  const admin = await requirePermission("imports:run");
  const id = z.coerce.number().int().positive().safeParse(form.get("batchId"));
  if (id.success) {
    const removed = await undoBatch(getServices().db, id.data);
    const { ip } = await requestMeta();
    await recordAudit(getServices().db, { actorId: admin.id, actorEmail: admin.email, action: "import_undone", target: `batch ${id.data}`, details: { removed }, ip });
  }
  redirect("/admin/imports");
}

async function copyForDryRun(file: string): Promise<string> {
  const { copyFile } = await import("node:fs/promises");
  const copy = `${file}.dry-run`;
  await copyFile(file, copy);
  return copy;
}
