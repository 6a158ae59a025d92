// A record over 64 kB is refused with its line, and the import goes on.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { MAX_RECORD_BYTES } from "@/lib/imports/chunker";
import { csvFile, importFile } from "@/tests/support/imports";

const refused = (batchId: number) =>
  getDb().importRejection.findMany({
    where: { batchId },
    orderBy: { line: "asc" },
    select: { line: true, reason: true },
  });

describe("records over the limit", () => {
  it("refuses a 64 kB line and an unclosed quote's runaway field by line, and imports the rest", async () => {
    const long = "2".repeat(MAX_RECORD_BYTES + 10);
    const after = Array.from({ length: 5000 }, (_, i) => `+1 206 556 ${String(i).padStart(4, "0")},x`).join("\n");
    const file = csvFile(`phone,notes\n206-555-0640,a\n${long},b\n206-555-0641,c\n206-555-0642,"open\n${after}\n`);
    const s = await importFile(file, { category: "prepaid" });
    // 1 + long + 1 + the quote's line + 5,000 read on after it.
    expect(s).toMatchObject({ rows: 5004, imported: 5002, rejected: 2 });
    expect(await refused(s.batchId!)).toEqual([
      { line: 3, reason: "record_too_long" },
      { line: 5, reason: "record_too_long" },
    ]);
  }, 60_000);

  it("agrees in a dry run", async () => {
    const file = csvFile(`phone\n206-555-0643\n"${"1".repeat(MAX_RECORD_BYTES)}"\n206-555-0644\n`);
    expect(await importFile(file, { category: "prepaid", dryRun: true })).toMatchObject({
      rows: 3,
      imported: 2,
      rejected: 1,
    });
  });
});
