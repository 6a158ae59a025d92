import { existsSync, readFileSync, rmSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { dryRunImport, startImport, type ConfirmedImport } from "@/lib/imports/confirm";
import type { LaunchArgs, LaunchSummary } from "@/lib/imports/launch";
import { uniqueTag } from "@/tests/support/unique-tag";
import { csvFile } from "@/tests/support/imports";

const db = getDb();
const figures: LaunchSummary = { batchId: null, rows: 2, imported: 1, duplicates: 0, rejected: 1, seconds: 0.1 };

/** Stands in for the importer's process: notes what it was asked to run. */
function fakeLaunch(seen: LaunchArgs[]) {
  return async (args: LaunchArgs) => {
    seen.push(args);
    return args.dryRun ? figures : null;
  };
}

function confirmed(overrides: Partial<ConfirmedImport> = {}): ConfirmedImport {
  return {
    file: csvFile("phone\n206-555-0390\nnope\n"),
    fileName: `confirm-${uniqueTag()}.csv`,
    incident: "2021-08-cyberattack",
    category: "",
    ...overrides,
  };
}

const actor = { id: null, email: `importer-${uniqueTag()}@example.com` };
const auditOf = (target: string) => db.auditLog.findMany({ where: { target } });

describe("the console's confirm step", () => {
  it("queues the import as chosen (a batch row at once), audited with the incident, the category and the file", async () => {
    const seen: LaunchArgs[] = [];
    const req = confirmed();
    const batchId = await startImport(db, req, { actor, ip: "192.0.2.44" }, fakeLaunch(seen));
    const incident = await db.incident.findUniqueOrThrow({ where: { slug: "2021-08-cyberattack" } });
    // The history shows it before the importer's process is even up.
    expect(await db.importBatch.findUniqueOrThrow({ where: { id: batchId } })).toMatchObject({
      source: req.fileName,
      status: "queued",
      incidentId: incident.id,
      categoryId: null,
      createdBy: actor.email,
    });
    expect(seen).toEqual([
      {
        file: req.file,
        fileName: req.fileName,
        incident: "2021-08-cyberattack",
        category: undefined,
        dryRun: false,
        createdBy: actor.email,
        resumeBatchId: undefined,
        batchId,
      },
    ]);
    expect(await auditOf(req.fileName)).toMatchObject([
      {
        action: "import_started",
        actorEmail: actor.email,
        ip: "192.0.2.44",
        details: { batchId, incident: "2021-08-cyberattack", category: "from column", file: req.fileName },
      },
    ]);
  });

  it("queues nothing into an incident or category that does not exist", async () => {
    const seen: LaunchArgs[] = [];
    const req = confirmed({ category: "gold" });
    await expect(startImport(db, req, { actor }, fakeLaunch(seen))).rejects.toMatchObject({ code: "unknown_category" });
    expect(seen).toEqual([]);
    expect(await db.importBatch.count({ where: { source: req.fileName } })).toBe(0);
  });

  it("resumes a batch where it went, whatever the form says, audited as a resume", async () => {
    const incident = await db.incident.findUniqueOrThrow({
      where: { slug: "2021-08-cyberattack" },
      include: { categories: true },
    });
    const failed = await db.importBatch.create({
      data: {
        source: "died.csv",
        incidentId: incident.id,
        categoryId: incident.categories.find((c) => c.slug === "prepaid")!.id,
        status: "failed",
      },
    });
    const seen: LaunchArgs[] = [];
    const req = confirmed({ category: "former", resume: failed.id });
    await startImport(db, req, { actor }, fakeLaunch(seen));
    expect(seen).toMatchObject([{ category: "prepaid", resumeBatchId: failed.id, dryRun: false }]);
    expect(await auditOf(`batch ${failed.id}`)).toMatchObject([
      {
        action: "import_resumed",
        details: { incident: "2021-08-cyberattack", category: "prepaid", file: req.fileName },
      },
    ]);
  });

  it("dry-runs a copy of the upload, which it keeps for the real run, and audits nothing", async () => {
    const seen: LaunchArgs[] = [];
    const req = confirmed({ category: "prepaid" });
    expect(await dryRunImport(db, req, { actor }, fakeLaunch(seen))).toEqual(figures);
    expect(seen).toMatchObject([{ category: "prepaid", dryRun: true, createdBy: actor.email }]);
    expect(seen[0]!.file).not.toBe(req.file);
    expect(readFileSync(seen[0]!.file, "utf8")).toBe(readFileSync(req.file, "utf8"));
    expect(existsSync(req.file)).toBe(true);
    expect(await auditOf(req.fileName)).toEqual([]);
    rmSync(seen[0]!.file);
  });

  it("launches nothing for a batch that cannot be resumed", async () => {
    const done = await db.importBatch.create({ data: { source: "done.csv", status: "completed" } });
    const seen: LaunchArgs[] = [];
    for (const run of [startImport, dryRunImport])
      await expect(run(db, confirmed({ resume: done.id }), { actor }, fakeLaunch(seen))).rejects.toMatchObject({
        code: "not_resumable",
      });
    expect(seen).toEqual([]);
    expect(await auditOf(`batch ${done.id}`)).toEqual([]);
  });
});
