import { describe, expect, it } from "vitest";
import { ImportError, importErrorMessage, isImportErrorCode, type ImportErrorCode } from "@/lib/imports/errors";
import { en } from "@/lib/i18n/messages/en";

const samples: ImportError[] = [
  new ImportError("unknown_incident", { incident: "2030-01-nothing" }),
  new ImportError("unknown_category", { incident: "2021-08-cyberattack", category: "gold" }),
  new ImportError("no_phone_column"),
  new ImportError("no_category"),
  new ImportError("empty_file"),
  new ImportError("not_resumable", { batch: 12345 }),
  new ImportError("not_found", { batch: 12345 }),
  new ImportError("not_undoable", { batch: 12345 }),
  new ImportError("not_restorable", { batch: 12345 }),
  new ImportError("not_queued", { batch: 12345 }),
  new ImportError("batch_incident_gone", { batch: 12345 }),
  new ImportError("batch_category_gone", { batch: 12345 }),
  new ImportError("failed"),
];

describe("import errors", () => {
  it("word every code from the catalog, with what it names filled in", () => {
    expect(samples.map((e) => e.code).sort()).toEqual(Object.keys(en.admin.imports.errors).sort());
    for (const e of samples) {
      const message = importErrorMessage(e);
      expect(message).not.toMatch(/admin\.imports|[{}]/);
      expect(message).toMatch(/^[A-Z].*\.$/);
    }
    expect(importErrorMessage(samples[1])).toBe('Incident "2021-08-cyberattack" has no category "gold".');
    // An id, not a quantity: no thousands separator.
    expect(importErrorMessage(samples[5])).toBe(
      "Batch 12345 cannot be resumed: only a failed or interrupted batch can.",
    );
  });

  it("carry the code, not a sentence, and word anything unexpected as the generic failure", () => {
    expect(new ImportError("empty_file")).toMatchObject({ code: "empty_file", message: "empty_file", params: {} });
    expect(importErrorMessage(new Error("connection refused"))).toBe(importErrorMessage(new ImportError("failed")));
  });

  it("tell a known code from anything else", () => {
    for (const code of Object.keys(en.admin.imports.errors)) expect(isImportErrorCode(code)).toBe(true);
    for (const other of ["toString", "constructor", "", 7, null, "unknown"])
      expect(isImportErrorCode(other as ImportErrorCode)).toBe(false);
  });
});
