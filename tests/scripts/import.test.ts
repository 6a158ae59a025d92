import { describe, expect, it } from "vitest";
import { importCli } from "@/tests/support/cli";
import { csvFile } from "@/tests/support/imports";

const importer = importCli;

const lastLine = (text: string) => text.trimEnd().split("\n").at(-1)!;

describe("npm run import -- … --json", () => {
  it("ends on its figures when it succeeds", async () => {
    const file = csvFile("phone\n206-555-0380\nnope\n");
    const run = await importer([
      file,
      "--incident",
      "2021-08-cyberattack",
      "--category",
      "prepaid",
      "--json",
      "--dry-run",
    ]);
    expect([run.code, run.err]).toEqual([0, ""]);
    expect(JSON.parse(lastLine(run.out))).toMatchObject({ batchId: null, rows: 2, imported: 1, rejected: 1 });
  }, 60_000);

  it("ends on the error's code and what it names when it fails, and says why in words on stderr", async () => {
    const file = csvFile("phone\n206-555-0381\n");
    const run = await importer([file, "--incident", "2021-08-cyberattack", "--category", "gold", "--json"]);
    expect(run.code).toBe(1);
    expect(JSON.parse(lastLine(run.out))).toEqual({
      error: { code: "unknown_category", incident: "2021-08-cyberattack", category: "gold" },
    });
    expect(run.err.trim()).toBe('Incident "2021-08-cyberattack" has no category "gold".');
  }, 60_000);

  it("without --json, says why in words only", async () => {
    const run = await importer([csvFile("name\nAnn\n"), "--incident", "2021-08-cyberattack", "--category", "prepaid"]);
    expect([run.code, run.out]).toEqual([1, ""]);
    expect(run.err.trim()).toBe("The file has no phone column (a header such as phone, phone_number or msisdn).");
  }, 60_000);

  it("ends on the generic failure for anything unexpected, such as a usage error", async () => {
    const run = await importer(["--json"]);
    expect(run.code).toBe(1);
    expect(JSON.parse(lastLine(run.out))).toEqual({ error: { code: "failed" } });
    expect(run.err).toContain("Usage: npm run import");
  }, 60_000);
});
