import { spawn } from "node:child_process";
import path from "node:path";

export type LaunchArgs = {
  file: string;
  fileName: string;
  incident: string;
  category?: string;
  dryRun: boolean;
  createdBy: string;
  resumeBatchId?: number;
};
export type LaunchSummary = {
  batchId: number | null;
  rows: number;
  imported: number;
  duplicates: number;
  rejected: number;
  seconds: number;
};

/**
 * Runs an import for the console in its own process — the same CLI and pipeline as
 * `npm run import`, off the web server's event loop; the upload is deleted when it ends.
 * A dry run is awaited for its figures; a real import runs on and reports through its
 * batch row (progress survives a page reload).
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
    "--created-by",
    args.createdBy,
    "--name",
    args.fileName,
  ];
  if (args.category) argv.push("--category", args.category);
  if (args.dryRun) argv.push("--dry-run");
  if (args.resumeBatchId) argv.push("--resume", String(args.resumeBatchId));
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
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("exit", (code) => {
      const last = out.trim().split("\n").pop() ?? "";
      if (code === 0 && last.startsWith("{")) resolve(JSON.parse(last) as LaunchSummary);
      else reject(new Error(err.trim().split("\n").pop() || `import exited with ${code}`));
    });
  });
}
