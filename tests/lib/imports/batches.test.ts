import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { failBatch, listBatches, openBatch, STALE_AFTER_MS, type NewBatch } from "@/lib/imports/batches";
import { ImportError } from "@/lib/imports/errors";
import { uniqueTag } from "@/tests/support/unique-tag";

const db = getDb();

async function newBatch(overrides: Partial<NewBatch> = {}): Promise<NewBatch> {
  const incident = await db.incident.findUniqueOrThrow({ where: { slug: "2021-08-cyberattack" } });
  return {
    source: `batch-${uniqueTag()}.csv`,
    incidentId: incident.id,
    categoryId: null,
    keyVersion: 2,
    createdBy: "importer@example.com",
    bytesTotal: 1234,
    ...overrides,
  };
}

describe("an import's batch row", () => {
  it("opens as a queued batch with the file's name (cut to 200 characters), incident, key version and size", async () => {
    const batch = await newBatch({ source: `${uniqueTag()}${"x".repeat(300)}.csv` });
    const id = await openBatch(db, batch);
    expect(await db.importBatch.findUniqueOrThrow({ where: { id } })).toMatchObject({
      source: batch.source.slice(0, 200),
      status: "queued",
      incidentId: batch.incidentId,
      categoryId: null,
      keyVersion: 2,
      createdBy: "importer@example.com",
      bytesTotal: 1234n,
      error: null,
    });
  });

  it("takes a failed batch up again, queued and without its error, and refuses a done or unknown one", async () => {
    const failed = await openBatch(db, await newBatch());
    await failBatch(db, failed, new Error("connection reset"));
    expect(await openBatch(db, await newBatch(), failed)).toBe(failed);
    const row = await db.importBatch.findUniqueOrThrow({ where: { id: failed } });
    expect(row).toMatchObject({ status: "queued", error: null });
    expect(Date.now() - row.heartbeatAt.getTime()).toBeLessThan(10_000);

    for (const status of ["completed", "undone"] as const) {
      const done = await db.importBatch.create({ data: { source: "done.csv", status } });
      await expect(openBatch(db, await newBatch(), done.id)).rejects.toMatchObject({
        code: "not_resumable",
        params: { batch: done.id },
      });
    }
    await expect(openBatch(db, await newBatch(), 2_000_000_000)).rejects.toBeInstanceOf(ImportError);
  });

  it("fails with the error's code, the generic one for anything unexpected, and never throws", async () => {
    const a = await openBatch(db, await newBatch());
    await failBatch(db, a, new ImportError("no_category"));
    expect(await db.importBatch.findUniqueOrThrow({ where: { id: a } })).toMatchObject({
      status: "failed",
      error: "no_category",
    });
    const b = await openBatch(db, await newBatch());
    await failBatch(db, b, new Error("worker out of memory at +12065550100"));
    expect(await db.importBatch.findUniqueOrThrow({ where: { id: b } })).toMatchObject({
      status: "failed",
      error: "failed",
    });
    await expect(failBatch(db, 2_000_000_000, new Error("gone"))).resolves.toBeUndefined();
  });
});

describe("the import history", () => {
  it("names incident and category, never shows a negative duration, and filters by incident and status", async () => {
    const incident = await db.incident.findUniqueOrThrow({
      where: { slug: "2021-08-cyberattack" },
      include: { categories: true },
    });
    const prepaid = incident.categories.find((c) => c.slug === "prepaid")!;
    const at = new Date();
    // As the demo seed wrote it: finished (app clock) a hair before created (database clock).
    const demo = await db.importBatch.create({
      data: {
        source: `seed-${uniqueTag()}`,
        status: "completed",
        incidentId: incident.id,
        categoryId: prepaid.id,
        createdAt: new Date(at.getTime() + 40),
        finishedAt: at,
      },
    });
    const queued = await db.importBatch.create({
      data: { source: `queued-${uniqueTag()}.csv`, status: "queued", incidentId: incident.id },
    });
    const all = await listBatches(db);
    expect(all.find((b) => b.id === demo.id)).toMatchObject({
      incident: incident.title,
      category: prepaid.name,
      seconds: 0,
    });
    const byStatus = (status: "queued" | "completed") =>
      listBatches(db, new Date(), 1000, { incident: incident.slug, status }).then((l) => l.map((b) => b.id));
    expect(await byStatus("queued")).toContain(queued.id);
    expect(await byStatus("queued")).not.toContain(demo.id);
    expect(await byStatus("completed")).toContain(demo.id);
    expect(await listBatches(db, new Date(), 100, { incident: "no-such-incident" })).toEqual([]);
    // A queued batch whose importer went silent is interrupted, and filters as such.
    const later = new Date(Date.now() + STALE_AFTER_MS + 1000);
    expect((await listBatches(db, later, 1000, { status: "interrupted" })).map((b) => b.id)).toContain(queued.id);
  });
});
