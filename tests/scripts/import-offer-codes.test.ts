import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { adminCli } from "@/tests/support/cli";
import { offerPool } from "@/tests/support/offers";
import { uniqueTag } from "@/tests/support/unique-tag";

describe("npm run admin -- import-offer-codes", () => {
  it("loads the file and prints the counts as JSON on its last line, never a code", async () => {
    const { incident, category } = await offerPool(0);
    const file = path.join(os.tmpdir(), `codes-${uniqueTag()}.csv`);
    await writeFile(file, "code\nZZ-0001\nZZ-0002\nZZ-0001\nnot a code\nZZ-0003\n");
    const run = await adminCli(["import-offer-codes", file, "--incident", incident, "--category", category]);
    expect([run.code, run.err]).toEqual([0, ""]);
    expect(JSON.parse(run.out.trimEnd().split("\n").at(-1)!)).toEqual({ loaded: 3, duplicates: 1, rejected: 1 });
    expect(run.out).not.toContain("ZZ-000");
    expect(await getDb().offerCode.count({ where: { category: { incident: { slug: incident } } } })).toBe(3);
    const again = await adminCli(["import-offer-codes", file, "--incident", incident, "--category", category]);
    expect(JSON.parse(again.out.trimEnd().split("\n").at(-1)!)).toEqual({ loaded: 0, duplicates: 4, rejected: 1 });
    const entry = await getDb().auditLog.findFirst({
      where: { action: "offer_codes_imported", actorEmail: "cli", target: `${incident}/${category}` },
    });
    expect(entry?.details).toEqual({ loaded: 3, duplicates: 1, rejected: 1 });
  }, 90_000);

  it("refuses missing arguments and an unknown group", async () => {
    const missing = await adminCli(["import-offer-codes"]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("FILE is required");
    const file = path.join(os.tmpdir(), `codes-${uniqueTag()}.csv`);
    await writeFile(file, "AAAA-1\n");
    const unknown = await adminCli(["import-offer-codes", file, "--incident", "no-such", "--category", "x"]);
    expect([unknown.code, unknown.err.trim()]).toEqual([1, "Not found."]);
  }, 90_000);
});
