import { spawn } from "node:child_process";
import path from "node:path";
import type { z } from "zod";
import { ImportError, importErrorFromLine } from "@/lib/imports/errors";
import { ImporterFailureLine, ImporterSummaryLine } from "@/lib/imports/schemas";
import { log } from "@/lib/log";

export type LaunchArgs = {
  file: string;
  fileName: string;
  incident: string;
  category?: string;
  dryRun: boolean;
  createdBy: string;
  resumeBatchId?: number;
  /** The queued batch the console opened for this import. */
  batchId?: number;
};
export type LaunchSummary = z.infer<typeof ImporterSummaryLine>;

/**
 * Runs an import for the console in its own process — the same CLI and pipeline as
 * `npm run import`, off the web server's event loop; the upload is deleted when it ends.
 * A dry run is awaited for its figures, or rejects with the ImportError the importer
 * reported on its last line; a real import runs on and reports through its batch row
 * (progress survives a page reload).
 */
export function launchImport(args: LaunchArgs, root = process.cwd()): Promise<LaunchSummary | null> {
  const argv = [
    "--import",
    "tsx",
    path.join(root, "scripts/import.ts"),
    args.file,
    "--incident",
    args.incident,
    "--json",
    "--delete-file",
    // The app that launches it has applied the migrations: no `migrate deploy` per run.
    "--skip-migrations",
    "--created-by",
    args.createdBy,
    "--name",
    args.fileName,
  ];
  if (args.category) argv.push("--category", args.category);
  if (args.dryRun) argv.push("--dry-run");
  if (args.resumeBatchId) argv.push("--resume", String(args.resumeBatchId));
  if (args.batchId) argv.push("--batch", String(args.batchId));
  if (!args.dryRun) {
    const child = spawn(process.execPath, argv, { cwd: root, env: process.env, stdio: "ignore", detached: true });
    child.unref();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { cwd: root, env: process.env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    // Kept for the server log only: what failed is read from stdout's last line.
    child.stderr.on("data", (d: Buffer) => (err = (err + d.toString()).slice(-4096)));
    child.on("exit", (code) => {
      try {
        resolve(importerOutcome(code, out));
      } catch (e) {
        if (e instanceof ImportError && e.code === "failed")
          log.error({ exitCode: code, stderr: err }, "import failed");
        reject(e);
      }
    });
  });
}

/** The importer's figures from its last --json line, or the ImportError that line reports. */
export function importerOutcome(exitCode: number | null, stdout: string): LaunchSummary {
  let last: unknown = null;
  try {
    last = JSON.parse(stdout.trim().split("\n").pop() ?? "");
  } catch {
    // no JSON line: the importer died before it could write one
  }
  const failure = ImporterFailureLine.safeParse(last);
  if (failure.success) throw importErrorFromLine(failure.data.error);
  const summary = ImporterSummaryLine.safeParse(last);
  if (exitCode === 0 && summary.success) return summary.data;
  throw new ImportError("failed");
}
