// The demo list the README points a new owner to (docs/demo/prepaid-affected.csv): it
// imports as the README says, ten numbers in as many formats and one repeated.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importFile } from "@/tests/support/imports";

describe("the demo import file", () => {
  it("imports ten numbers into the demo's prepaid group and counts the repeated one", async () => {
    const file = path.resolve(__dirname, "../../../docs/demo/prepaid-affected.csv");
    const summary = await importFile(file, { category: "prepaid", dryRun: true });
    expect({ rows: summary.rows, imported: summary.imported, duplicates: summary.duplicates }).toEqual({
      rows: 11,
      imported: 10,
      duplicates: 1,
    });
    expect(summary.rejected).toBe(0);
  });
});
