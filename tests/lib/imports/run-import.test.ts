import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { getSql } from "@/lib/db/sql";
import { findExposures } from "@/lib/exposures/find-exposures";
import { listBatches } from "@/lib/imports/batches";
import { undoBatch } from "@/lib/imports/undo";
import { ImportError } from "@/lib/imports/errors";
import { downloadRejections, wipeRejectedValues } from "@/lib/imports/rejections";
import { previousTestKeyring, testKeyring } from "@/tests/support/deps";
import { uniqueTag } from "@/tests/support/unique-tag";
import { normalizePhone } from "@/lib/phone/normalize";
import { csvFile, importFile } from "@/tests/support/imports";

const owner = { id: null, email: `owner-${uniqueTag()}@example.com` };
const lookup = (e164: string) => findExposures(getSql(), testKeyring(), e164);
const slugs = async (e164: string) => (await lookup(e164)).exposures.map((x) => x.category.slug);

async function rejections(batchId: number | null) {
  return getDb().importRejection.findMany({
    where: { batchId: batchId! },
    orderBy: { line: "asc" },
    select: { line: true, reason: true },
  });
}

describe("CSV as real exports write it", () => {
  it("takes a UTF-8 BOM, CRLF line ends and a header in capitals", async () => {
    const file = csvFile(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("PHONE\r\n(206) 555-0201\r\n206.555.0202\r\n")]),
    );
    const s = await importFile(file);
    expect(s).toMatchObject({ rows: 2, imported: 2, duplicates: 0, rejected: 0 });
    expect(await slugs("+12065550201")).toEqual(["former"]);
    expect(await slugs("+12065550202")).toEqual(["former"]);
  });

  it("reads quoted fields with commas and line breaks, and counts lines as the file has them", async () => {
    const file = csvFile(
      'name,phone,notes\n"Doe, Jane","206-555-0203","line one\nline two"\nSmith,"+1 206 555 0204",ok\nLee,555-0142,"short"\n',
    );
    const s = await importFile(file);
    expect(s).toMatchObject({ rows: 3, imported: 2, rejected: 1 });
    // The bad row sits on physical line 5: the quoted field above it spans two lines.
    expect(await rejections(s.batchId)).toEqual([{ line: 5, reason: "too_short" }]);
    expect(await slugs("+12065550204")).toEqual(["former"]);
  });

  it("finds the phone column in any order among extra columns", async () => {
    const file = csvFile("Account,First Name,Phone Number,Zip\nA1,Ann,1-206-555-0205,98101\n");
    expect(await importFile(file)).toMatchObject({ rows: 1, imported: 1 });
    expect(await slugs("+12065550205")).toEqual(["former"]);
  });

  it("accepts every format the check accepts", async () => {
    const formats = [
      "(206) 555-0210",
      "206.555.0211",
      "206-555-0212",
      "+1 206 555 0213",
      "1-206-555-0214",
      "  206   555 0215 ",
      "2065550216",
      '"+1 (206) 555-0217"',
    ];
    const s = await importFile(csvFile(`phone\n${formats.join("\n")}\n`));
    expect(s).toMatchObject({ rows: formats.length, imported: formats.length, rejected: 0 });
    for (let i = 0; i < formats.length; i++) expect(await slugs(`+1206555021${i}`)).toEqual(["former"]);
  });

  it("rejects spreadsheet-mangled, empty and invalid numbers with a reason and a line", async () => {
    const file = csvFile(
      "phone,name\n2.06555E+09,a\n,b\n(000) 555-0142,c\n206-555-0218 ext 3,d\n555-0142,e\n206-555-0219,f\n",
    );
    const s = await importFile(file);
    expect(s).toMatchObject({ rows: 6, imported: 1, rejected: 5 });
    expect(await rejections(s.batchId)).toEqual([
      { line: 2, reason: "scientific_notation" },
      { line: 3, reason: "empty" },
      { line: 4, reason: "invalid_number" },
      { line: 5, reason: "invalid_characters" },
      { line: 6, reason: "too_short" },
    ]);
  });

  it("maps a category column by slug or name and rejects unknown categories", async () => {
    const file = csvFile(
      "phone,category\n206-555-0220,prepaid\n206-555-0221,Current postpaid customers\n206-555-0222,gold\n",
    );
    const s = await importFile(file, { category: undefined });
    expect(s).toMatchObject({ rows: 3, imported: 2, rejected: 1 });
    expect(await slugs("+12065550220")).toEqual(["prepaid"]);
    expect(await slugs("+12065550221")).toEqual(["postpaid"]);
    expect(await rejections(s.batchId)).toEqual([{ line: 4, reason: "unknown_category" }]);
  });

  it("refuses a file without a phone column, or without a category to use", async () => {
    await expect(importFile(csvFile("name,email\nA,a@example.com\n"))).rejects.toMatchObject({
      code: "no_phone_column",
    });
    await expect(importFile(csvFile("phone\n206-555-0223\n"), { category: undefined })).rejects.toBeInstanceOf(
      ImportError,
    );
    await expect(importFile(csvFile("phone\n206-555-0223\n"), { category: "gold" })).rejects.toMatchObject({
      code: "unknown_category",
    });
    await expect(importFile(csvFile(""))).rejects.toMatchObject({ code: "empty_file" });
  });
});

describe("duplicates, re-imports and undo", () => {
  it("counts duplicates in the file, and a re-import changes nothing", async () => {
    const file = csvFile("phone\n206-555-0230\n(206) 555-0230\n206-555-0231\n");
    expect(await importFile(file)).toMatchObject({ rows: 3, imported: 2, duplicates: 1, rejected: 0 });
    const count = await getDb().affectedAccount.count();
    expect(await importFile(file)).toMatchObject({ rows: 3, imported: 0, duplicates: 3 });
    expect(await getDb().affectedAccount.count()).toBe(count);
  });

  it("a re-import after a key rotation changes nothing: new rows take the form rotated rows have", async () => {
    const file = csvFile("phone\n206-555-0290\n206-555-0291\n");
    const numbers = ["+12065550290", "+12065550291"];
    const current = testKeyring();
    const before = previousTestKeyring();
    // Imported before the rotation, under the previous key alone.
    expect(await importFile(file, {}, { keyring: before })).toMatchObject({ imported: 2 });
    // The rotation re-keys those rows as rotateKeys does (lib/hashing/rotate.ts).
    for (const e164 of numbers) {
      const old = before.hash(e164);
      const moved = await getDb().affectedAccount.updateMany({
        where: { phoneHash: new Uint8Array(old.hash), keyVersion: old.version },
        data: { phoneHash: new Uint8Array(current.wrap(old).hash), keyVersion: current.current.version },
      });
      expect(moved.count).toBe(1);
    }
    const count = await getDb().affectedAccount.count();
    expect(await importFile(file)).toMatchObject({ rows: 2, imported: 0, duplicates: 2 });
    expect(await getDb().affectedAccount.count()).toBe(count);
    for (const e164 of numbers) expect(await slugs(e164)).toEqual(["former"]);
  });

  it("merges a file in slices, counting duplicates across slices once, and leaves no staging table", async () => {
    const numbers: string[] = [];
    for (let i = 0; numbers.length < 100_000; i++) {
      const n = `+1425${String(2_000_000 + i * 7).padStart(7, "0")}`;
      if (normalizePhone(n, "US").ok) numbers.push(n);
    }
    // The first thousand again at the end: duplicates of rows in an earlier slice.
    const file = csvFile(`phone\n${[...numbers, ...numbers.slice(0, 1000)].join("\n")}\n`);
    const s = await importFile(file, { category: "prepaid" }, { sliceRows: 1 });
    expect(s).toMatchObject({ rows: 101_000, imported: 100_000, duplicates: 1000, rejected: 0 });
    expect(await slugs(numbers[0]!)).toContain("prepaid");
    expect(await slugs(numbers.at(-1)!)).toContain("prepaid");
    const left = await getDb().$queryRawUnsafe<unknown[]>(
      `SELECT tablename FROM pg_tables WHERE starts_with(tablename, 'import_staging_')`,
    );
    expect(left).toEqual([]);
  }, 60_000);

  it("a dry run reports and stores nothing", async () => {
    const before = await getDb().importBatch.count();
    const s = await importFile(csvFile("phone\n206-555-0240\nnope\n"), { dryRun: true });
    expect(s).toMatchObject({ batchId: null, rows: 2, imported: 1, rejected: 1, dryRun: true });
    expect(await getDb().importBatch.count()).toBe(before);
    expect((await lookup("+12065550240")).affected).toBe(false);
  });

  it("undo removes exactly the batch's rows", async () => {
    const keep = await importFile(csvFile("phone\n206-555-0250\n"));
    const undo = await importFile(csvFile("phone\n206-555-0251\n206-555-0252\n"), { category: "prepaid" });
    expect(await undoBatch(getDb(), undo.batchId!, { actor: owner, ip: "192.0.2.7" })).toBe(2);
    expect((await lookup("+12065550251")).affected).toBe(false);
    expect((await lookup("+12065550252")).affected).toBe(false);
    expect(await slugs("+12065550250")).toEqual(["former"]);
    const history = await listBatches(getDb());
    expect(history.find((b) => b.id === undo.batchId)?.status).toBe("undone");
    expect(history.find((b) => b.id === keep.batchId)?.status).toBe("completed");
    expect(
      await getDb().auditLog.findFirst({ where: { action: "import_undone", target: `batch ${undo.batchId}` } }),
    ).toMatchObject({ actorEmail: owner.email, details: { removed: 2 }, ip: "192.0.2.7" });
  });

  it("audits a completed import with its figures, under whoever ran it, and never a dry run", async () => {
    const file = csvFile("phone\n206-555-0253\n206-555-0253\nnope\n");
    const names = [`audited-${uniqueTag()}.csv`, `dry-${uniqueTag()}.csv`];
    const s = await importFile(file, { fileName: names[0], createdBy: "importer@example.com" });
    await importFile(file, { fileName: names[1], dryRun: true });
    const entries = await getDb().auditLog.findMany({ where: { target: { in: names } } });
    expect(entries).toMatchObject([
      {
        action: "import_completed",
        actorEmail: "importer@example.com",
        target: names[0],
        details: { batchId: s.batchId, rows: 3, imported: 1, duplicates: 1, rejected: 1 },
      },
    ]);
  });
});

describe("rejected rows download", () => {
  it("gives line, reason and value with formulas escaped, and only reads: wiping is its own step", async () => {
    const s = await importFile(csvFile('phone\n=HYPERLINK("x")\n+1-206-555-01\n@SUM(A1)\n206-555-0260\n'));
    const expected = [
      "line,reason,value",
      `2,invalid_characters,"'=HYPERLINK(""x"")"`,
      "3,too_short,'+1-206-555-01",
      "4,invalid_characters,'@SUM(A1)",
    ];
    const csv = await downloadRejections(getDb(), testKeyring(), s.batchId!, { actor: owner, ip: "192.0.2.7" });
    expect(csv.split("\n").filter(Boolean)).toEqual(expected);
    // A second download (a GET anyone's page can trigger) still finds them: nothing was destroyed.
    const again = await downloadRejections(getDb(), testKeyring(), s.batchId!, { actor: owner });
    expect(again.split("\n").filter(Boolean)).toEqual(expected);
    expect(await wipeRejectedValues(getDb(), s.batchId!, { actor: owner, ip: "192.0.2.8" })).toBe(3);
    const wiped = await downloadRejections(getDb(), testKeyring(), s.batchId!, { actor: owner });
    expect(wiped.split("\n").filter(Boolean)).toEqual([
      "line,reason,value",
      "2,invalid_characters,",
      "3,too_short,",
      "4,invalid_characters,",
    ]);
    expect(
      await getDb().auditLog.findMany({
        where: { action: { in: ["rejections_downloaded", "rejections_wiped"] }, target: `batch ${s.batchId}` },
        orderBy: { id: "asc" },
        select: { action: true, actorEmail: true, ip: true },
      }),
    ).toEqual([
      { action: "rejections_downloaded", actorEmail: owner.email, ip: "192.0.2.7" },
      { action: "rejections_downloaded", actorEmail: owner.email, ip: null },
      { action: "rejections_wiped", actorEmail: owner.email, ip: "192.0.2.8" },
      { action: "rejections_downloaded", actorEmail: owner.email, ip: null },
    ]);
  });

  it("of an unknown batch is not found", async () => {
    await expect(downloadRejections(getDb(), testKeyring(), 2_000_000_000, { actor: owner })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(wipeRejectedValues(getDb(), 2_000_000_000, { actor: owner })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("rejected values expire", () => {
  it("are wiped after a day even if never downloaded", async () => {
    const { purgeRejectedValues } = await import("@/lib/imports/rejections");
    const s = await importFile(csvFile("phone\nnot-a-number\n"));
    const sealed = () => getDb().importRejection.count({ where: { batchId: s.batchId!, sealedValue: { not: null } } });
    expect(await sealed()).toBe(1);
    await purgeRejectedValues(getDb(), new Date());
    expect(await sealed()).toBe(1);
    await purgeRejectedValues(getDb(), new Date(Date.now() + 25 * 60 * 60 * 1000));
    expect(await sealed()).toBe(0);
  });
});
