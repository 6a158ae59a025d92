// `npm run import -- FILE --incident SLUG [--category SLUG] [--dry-run] [--json] [--resume BATCH]`
// (the console adds --created-by EMAIL, --batch N, the queued batch it opened so the history
// shows the import at once, and --delete-file, which removes the upload when the import
// ends, whatever the outcome, and --skip-migrations: the running app has applied them, and
// `migrate deploy` was most of a small dry run's time). An import waits for the node's one
// import slot (queued).
// The same pipeline the console uses (lib/imports/run-import.ts). With --json the last
// line printed is {batchId, rows, imported, duplicates, rejected, seconds}, or on failure
// {"error": {"code", …params}} (lib/imports/schemas.ts), which the console reads.
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import path from "node:path";
import cliProgress from "cli-progress";
import { z } from "zod";
import { ImportError, importErrorMessage, importFailureLine } from "@/lib/imports/errors";
import type { ImporterSummaryLine } from "@/lib/imports/schemas";
import { prepareDatabase } from "@/scripts/prepare-db";

const Args = z.object({
  file: z.string().min(1, "give the CSV file to import"),
  incident: z.string().min(1, "--incident SLUG is required"),
  category: z.string().min(1).optional(),
  dryRun: z.boolean(),
  json: z.boolean(),
  resume: z.coerce.number().int().positive().optional(),
  batch: z.coerce.number().int().positive().optional(),
  workers: z.coerce.number().int().min(1).max(16).optional(),
  createdBy: z.string().max(320).optional(),
  name: z.string().max(200).optional(),
  deleteFile: z.boolean(),
  skipMigrations: z.boolean(),
});

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      incident: { type: "string" },
      category: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      resume: { type: "string" },
      batch: { type: "string" },
      workers: { type: "string" },
      "created-by": { type: "string" },
      name: { type: "string" },
      "delete-file": { type: "boolean", default: false },
      "skip-migrations": { type: "boolean", default: false },
    },
  });
  const parsed = Args.safeParse({
    file: positionals[0] ?? "",
    incident: values.incident ?? "",
    category: values.category,
    dryRun: values["dry-run"],
    json: values.json,
    resume: values.resume,
    batch: values.batch,
    workers: values.workers,
    createdBy: values["created-by"],
    name: values.name,
    deleteFile: values["delete-file"],
    skipMigrations: values["skip-migrations"],
  });
  if (!parsed.success) {
    throw new Error(
      `Usage: npm run import -- FILE --incident SLUG [--category SLUG] [--dry-run] [--json]\n${parsed.error.issues.map((i) => `  ${i.message}`).join("\n")}`,
    );
  }
  const args = parsed.data;
  const { config, stop } = await prepareDatabase({
    nodeEnv: "production",
    serve: false,
    quiet: true,
    migrate: !args.skipMigrations,
  });
  const { getDb, closeDb } = await import("@/lib/db/client");
  const { Keyring } = await import("@/lib/hashing/keyring");
  const { runImport } = await import("@/lib/imports/run-import");

  const bar =
    process.stderr.isTTY && !args.json
      ? new cliProgress.SingleBar(
          {
            format: " {bar} {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted} | {phase}",
            stream: process.stderr,
          },
          cliProgress.Presets.shades_classic,
        )
      : null;
  bar?.start(100, 0, { rows: 0, rate: 0, phase: "reading" });
  try {
    const summary = await runImport(
      {
        db: getDb(),
        databaseUrl: config.databaseUrl,
        keyring: new Keyring(config.keys.current, config.keys.previous),
        region: config.defaultRegion,
        useCopy: !config.embeddedDb,
        workers: args.workers,
      },
      {
        file: path.resolve(args.file),
        fileName: args.name,
        incident: args.incident,
        category: args.category,
        dryRun: args.dryRun,
        resumeBatchId: args.resume,
        batchId: args.batch,
        createdBy: args.createdBy ?? "cli",
        onProgress: (p) =>
          bar?.update(p.bytesTotal ? Math.floor((100 * p.bytesRead) / p.bytesTotal) : 0, {
            rows: p.rows.toLocaleString("en-US"),
            rate: p.rowsPerSecond.toLocaleString("en-US"),
            phase: p.phase,
          }),
      },
    );
    bar?.stop();
    const line: z.infer<typeof ImporterSummaryLine> = {
      batchId: summary.batchId,
      rows: summary.rows,
      imported: summary.imported,
      duplicates: summary.duplicates,
      rejected: summary.rejected,
      seconds: Math.round(summary.seconds * 100) / 100,
    };
    if (args.json) console.log(JSON.stringify(line));
    else
      console.log(
        `${summary.dryRun ? "Dry run: " : `Batch ${summary.batchId}: `}${line.rows} rows, ${line.imported} ${summary.dryRun ? "would be imported" : "imported"}, ${line.duplicates} duplicates, ${line.rejected} rejected in ${line.seconds} s`,
      );
  } finally {
    if (args.deleteFile) rmSync(path.resolve(args.file), { force: true });
    bar?.stop();
    await closeDb();
    await stop();
  }
}

// Known before the arguments are checked, so even a usage error ends on a JSON line.
const json = process.argv.slice(2).includes("--json");

main().catch((e: unknown) => {
  // An import's own refusals in the catalog's words; anything else as it came.
  console.error(e instanceof ImportError ? importErrorMessage(e) : e instanceof Error ? e.message : e);
  if (json) console.log(JSON.stringify(importFailureLine(e)));
  process.exit(1);
});
