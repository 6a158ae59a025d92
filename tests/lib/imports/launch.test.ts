import { describe, expect, it } from "vitest";
import { ImportError } from "@/lib/imports/errors";
import { importerOutcome } from "@/lib/imports/launch";

const figures = { batchId: null, rows: 3, imported: 2, duplicates: 0, rejected: 1, seconds: 0.4 };

function failure(exitCode: number | null, stdout: string): ImportError {
  try {
    importerOutcome(exitCode, stdout);
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error("expected the outcome to be a failure");
}

describe("reading the importer's last --json line", () => {
  it("takes the figures of a run that succeeded", () => {
    expect(importerOutcome(0, `progress\n${JSON.stringify(figures)}\n`)).toEqual(figures);
  });

  it("turns a failure line into the ImportError it reports, with what it names", () => {
    const e = failure(1, `${JSON.stringify({ error: { code: "not_resumable", batch: 41 } })}\n`);
    expect(e).toMatchObject({ code: "not_resumable", params: { batch: 41 } });
  });

  it("reports the generic failure for an unknown code, a missing line, a crash or a malformed line", () => {
    for (const [code, out] of [
      [1, JSON.stringify({ error: { code: "toString" } })],
      [1, ""],
      [null, JSON.stringify(figures).slice(0, 20)],
      // Figures with a failing exit code are not a success.
      [1, JSON.stringify(figures)],
      [0, JSON.stringify({ ...figures, rows: "three" })],
      [0, "Dry run: 3 rows"],
    ] as const)
      expect(failure(code, out)).toMatchObject({ code: "failed", params: {} });
  });
});
