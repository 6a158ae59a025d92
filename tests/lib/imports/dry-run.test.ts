// A dry run reports what the import it previews will do: the same rows, imported,
// duplicates (within the file and already stored) and rejected, on every file of the
// corpus, before the import and after it.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { ImportSummary } from "@/lib/imports/run-import";
import { CSV_CORPUS, csvFile, importFile } from "@/tests/support/imports";
import { uniqueTag } from "@/tests/support/unique-tag";

// An incident of this file's own, so no other test's import changes what is stored.
const incident = `dry-run-${uniqueTag()}`;

const figures = (s: ImportSummary) => ({
  rows: s.rows,
  imported: s.imported,
  duplicates: s.duplicates,
  rejected: s.rejected,
});
const outcome = (run: Promise<ImportSummary>) =>
  run.then(figures, (e: { code?: string }) => ({ error: e.code ?? String(e) }));

describe("a dry run", () => {
  beforeAll(async () => {
    await getDb().incident.create({
      data: {
        slug: incident,
        title: "Dry run agreement",
        disclosedAt: new Date("2026-01-01"),
        summary: "Test incident.",
        categories: {
          create: [
            { slug: "first", name: "First" },
            { slug: "prepaid", name: "Prepaid", sortOrder: 1 },
            { slug: "postpaid", name: "Current postpaid customers", sortOrder: 2 },
          ],
        },
      },
    });
  });

  it("counts what the import then does, duplicates in the file included, on every corpus file", async () => {
    const compared: unknown[] = [];
    for (const text of CSV_CORPUS) {
      const file = csvFile(text);
      const opts = { incident, category: /^phone,category/.test(text) ? undefined : "first" };
      const dry = await outcome(importFile(file, { ...opts, dryRun: true }));
      const real = await outcome(importFile(file, opts));
      // Again, once the rows are stored: every accepted row is now a duplicate.
      const dryAgain = await outcome(importFile(file, { ...opts, dryRun: true }));
      const realAgain = await outcome(importFile(file, opts));
      expect(dry).toEqual(real);
      expect(dryAgain).toEqual(realAgain);
      compared.push(real);
    }
    // The corpus does exercise in-file duplicates and refusals, not only clean files.
    expect(compared).toContainEqual(expect.objectContaining({ duplicates: 1 }));
    expect(compared).toContainEqual(expect.objectContaining({ error: "no_phone_column" }));
  }, 180_000);

  it("leaves nothing behind: no batch, no row, no table", async () => {
    const file = csvFile("phone\n206-555-0601\n206-555-0601\n206-555-0602\n");
    const before = await getDb().importBatch.count();
    expect(figures(await importFile(file, { incident, category: "first", dryRun: true }))).toEqual({
      rows: 3,
      imported: 2,
      duplicates: 1,
      rejected: 0,
    });
    expect(await getDb().importBatch.count()).toBe(before);
    const tables = await getDb().$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM pg_tables WHERE tablename LIKE 'import_dry_run_%'`;
    expect(Number(tables[0]!.n)).toBe(0);
  });
});
