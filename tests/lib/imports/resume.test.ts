import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { ImportError } from "@/lib/imports/errors";
import { resumeFromQuery, resumeTarget } from "@/lib/imports/resume";

const db = getDb();

async function batch(
  status: "running" | "completed" | "failed" | "undone",
  heartbeatAgoMs = 0,
  category: string | null = "prepaid",
) {
  const incident = await db.incident.findUniqueOrThrow({
    where: { slug: "2021-08-cyberattack" },
    include: { categories: true },
  });
  return db.importBatch.create({
    data: {
      source: "resume-test.csv",
      incidentId: incident.id,
      categoryId: category ? incident.categories.find((c) => c.slug === category)!.id : null,
      keyVersion: 1,
      status,
      heartbeatAt: new Date(Date.now() - heartbeatAgoMs),
    },
  });
}

describe("resuming a batch from the console", () => {
  it("takes a failed batch, or a running one whose importer went silent, into its own incident and category", async () => {
    const failed = await batch("failed");
    expect(await resumeTarget(db, failed.id)).toEqual({
      batchId: failed.id,
      source: "resume-test.csv",
      incident: "2021-08-cyberattack",
      category: "prepaid",
    });
    const silent = await batch("running", 60_000, null);
    expect(await resumeTarget(db, silent.id)).toMatchObject({ batchId: silent.id, category: undefined });
  });

  it("refuses batches that are done, undone, still running or unknown", async () => {
    for (const b of [await batch("completed"), await batch("undone"), await batch("running")]) {
      await expect(resumeTarget(db, b.id)).rejects.toMatchObject({ code: "not_resumable" });
      expect(await resumeFromQuery(db, String(b.id))).toBeNull();
    }
    await expect(resumeTarget(db, 2_000_000_000)).rejects.toBeInstanceOf(ImportError);
    expect(await resumeFromQuery(db, "x; DROP TABLE")).toBeNull();
    expect(await resumeFromQuery(db, undefined)).toBeNull();
  });
});
