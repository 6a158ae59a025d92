import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { confirmImportAction, restoreImportAction, undoImportAction } from "@/app/admin/imports/actions";
import { POST as upload } from "@/app/api/admin/imports/route";
import { setRequestAdapterForTests } from "@/lib/auth/next";
import { getDb } from "@/lib/db/client";
import { launchImport } from "@/lib/imports/launch";
import { deleteUpload, uploadPath } from "@/lib/imports/uploads";
import { fakeRequest, nextInterrupt, signedIn } from "@/tests/support/admin";
import { noParams, setEnv } from "@/tests/support/api";
import { csvFile, importFile } from "@/tests/support/imports";
import { TEST_ENV } from "@/tests/support/test-env";

function multipart(cookie: string, csv: string, accept = "text/html") {
  const form = new FormData();
  form.set("file", new Blob([csv], { type: "text/csv" }), "prepaid-list.csv");
  return new Request("http://localhost/api/admin/imports", {
    method: "POST",
    body: form,
    headers: { cookie, accept, "x-forwarded-for": "192.0.2.44" },
  });
}

const { revalidatePath } = vi.hoisted(() => ({ revalidatePath: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath }));

let cookie = "";

describe("console imports", () => {
  beforeAll(async () => {
    setEnv({ RATE_LIMITS: "off", IMPORT_MAX_BYTES: "4096" });
    cookie = (await signedIn("importer")).cookie;
  });
  afterAll(() => setEnv({ IMPORT_MAX_BYTES: undefined }));

  it("streams the upload to disk and sends the form on to its preview", async () => {
    const res = await upload(multipart(cookie, "phone\n206-555-0301\n"), noParams);
    expect(res.status).toBe(303);
    const id = /\/admin\/imports\/upload\/([A-Za-z0-9_-]{22})\?name=prepaid-list\.csv$/.exec(
      res.headers.get("location") ?? "",
    )?.[1];
    expect(id).toBeDefined();
    expect(existsSync(uploadPath(id!))).toBe(true);
    expect(
      await getDb().auditLog.findFirst({ where: { action: "import_uploaded", target: "prepaid-list.csv" } }),
    ).not.toBeNull();
  });

  it("refuses an upload a page on another site posts, before reading it", async () => {
    const req = multipart(cookie, "phone\n206-555-0305\n");
    const res = await upload(
      new Request(req, { headers: { ...Object.fromEntries(req.headers), origin: "https://evil.example" } }),
      noParams,
    );
    expect([res.status, ((await res.json()) as { error: { code: string } }).error.code]).toEqual([
      403,
      "cross_site_request",
    ]);
  });

  it("refuses a file over IMPORT_MAX_BYTES with 413", async () => {
    const res = await upload(multipart(cookie, `phone\n${"2065550302\n".repeat(600)}`), noParams);
    expect(res.status).toBe(413);
  });

  it("runs the import in its own process and deletes the upload when it ends", async () => {
    const res = await upload(
      multipart(cookie, "phone\n206-555-0303\n206-555-0304\nnope\n", "application/json"),
      noParams,
    );
    const { uploadId } = (await res.json()) as { uploadId: string };
    const file = uploadPath(uploadId);
    Object.assign(process.env, TEST_ENV, { IMPORT_MAX_BYTES: "4096" });
    const args = {
      fileName: "prepaid-list.csv",
      incident: "2021-08-cyberattack",
      category: "prepaid",
      createdBy: "importer@example.com",
    };

    const dry = await launchImport({ ...args, file: `${file}`, dryRun: true }).catch((e: Error) => e);
    // A dry run of the upload itself would delete it: the console runs it on a copy.
    expect(dry).toMatchObject({ batchId: null, rows: 3, imported: 2, rejected: 1 });
    expect(existsSync(file)).toBe(false);

    // The real import runs on in the background and reports through its batch row.
    const second = (await (
      await upload(multipart(cookie, "phone\n206-555-0305\n", "application/json"), noParams)
    ).json()) as { uploadId: string };
    const source = `second-${second.uploadId}.csv`;
    expect(
      await launchImport({ ...args, fileName: source, file: uploadPath(second.uploadId), dryRun: false }),
    ).toBeNull();
    let batch = null;
    for (let i = 0; i < 200 && batch?.status !== "completed"; i++) {
      batch = await getDb().importBatch.findFirst({ where: { source } });
      if (batch?.status !== "completed") await new Promise((r) => setTimeout(r, 200));
    }
    expect(batch).toMatchObject({ status: "completed", imported: 1, createdBy: "importer@example.com" });
    // The batch completes first; the importer then records the audit entry and deletes
    // the upload as it exits.
    const audited = () => getDb().auditLog.findFirst({ where: { action: "import_completed", target: source } });
    for (let i = 0; i < 100 && (existsSync(uploadPath(second.uploadId)) || !(await audited())); i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(uploadPath(second.uploadId))).toBe(false);
    expect(await audited()).toMatchObject({
      actorEmail: "importer@example.com",
      details: { batchId: batch!.id, imported: 1 },
    });
  }, 90_000);
});

describe("resuming a failed import from the console", () => {
  beforeAll(async () => {
    setEnv({ RATE_LIMITS: "off", IMPORT_MAX_BYTES: "4096", __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: "true" });
    cookie = (await signedIn("importer")).cookie;
    fakeRequest({ cookie, ip: "192.0.2.44" });
  });
  afterAll(() => {
    setRequestAdapterForTests(null);
    setEnv({ IMPORT_MAX_BYTES: undefined, __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: undefined });
  });

  it("refuses a resume field that is not a batch number", async () => {
    const form = new FormData();
    form.set("resume", "1 OR 1=1");
    form.set("file", new Blob(["phone\n206-555-0311\n"], { type: "text/csv" }), "again.csv");
    const res = await upload(
      new Request("http://localhost/api/admin/imports", { method: "POST", body: form, headers: { cookie } }),
      noParams,
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: "invalid_request", fields: { resume: "Give the number of an import batch." } },
    });
  });

  it("shows why a dry run failed in the reader's words, from the importer's last line", async () => {
    const res = await upload(multipart(cookie, "phone\n206-555-0315\n", "application/json"), noParams);
    const { uploadId } = (await res.json()) as { uploadId: string };
    const confirm = new FormData();
    for (const [k, v] of Object.entries({
      uploadId,
      name: "gold.csv",
      incident: "2021-08-cyberattack",
      category: "gold",
      mode: "dry-run",
    }))
      confirm.set(k, v);
    Object.assign(process.env, TEST_ENV, { IMPORT_MAX_BYTES: "4096", __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: "true" });
    expect(await confirmImportAction(undefined, confirm)).toEqual({
      error: 'Incident "2021-08-cyberattack" has no category "gold".',
    });
    // The dry run ran on a copy: the upload waits for the real run.
    expect(existsSync(uploadPath(uploadId))).toBe(true);
    deleteUpload(uploadId);
  }, 60_000);

  it("takes the file again and completes the batch it was for, in that batch's incident and category", async () => {
    const incident = await getDb().incident.findUniqueOrThrow({
      where: { slug: "2021-08-cyberattack" },
      include: { categories: true },
    });
    const failed = await getDb().importBatch.create({
      data: {
        source: "died.csv",
        incidentId: incident.id,
        categoryId: incident.categories.find((c) => c.slug === "prepaid")!.id,
        keyVersion: 1,
        status: "failed",
        error: "killed",
      },
    });
    const form = new FormData();
    form.set("resume", String(failed.id));
    form.set("file", new Blob(["phone\n206-555-0312\n206-555-0313\n"], { type: "text/csv" }), "died.csv");
    const res = await upload(
      new Request("http://localhost/api/admin/imports", { method: "POST", body: form, headers: { cookie } }),
      noParams,
    );
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get("location")!, "http://localhost");
    expect(location.searchParams.get("resume")).toBe(String(failed.id));
    const uploadId = location.pathname.split("/").pop()!;

    // The form says another category; a resume goes where the batch went.
    const confirm = new FormData();
    for (const [k, v] of Object.entries({
      uploadId,
      name: "died.csv",
      incident: "2021-08-cyberattack",
      category: "former",
      mode: "import",
      resume: String(failed.id),
    }))
      confirm.set(k, v);
    Object.assign(process.env, TEST_ENV, { IMPORT_MAX_BYTES: "4096", __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: "true" });
    expect(await nextInterrupt(() => confirmImportAction(undefined, confirm))).toMatch(
      /^NEXT_REDIRECT;(replace|push);\/admin\/imports(#batch-\d+)?;/,
    );

    let batch = null;
    for (let i = 0; i < 300 && batch?.status !== "completed"; i++) {
      batch = await getDb().importBatch.findUnique({ where: { id: failed.id } });
      if (batch?.status !== "completed") await new Promise((r) => setTimeout(r, 200));
    }
    expect(batch).toMatchObject({ status: "completed", imported: 2, error: null });
    const rows = await getDb().affectedAccount.findMany({ where: { batchId: failed.id } });
    expect(rows.map((r) => r.categoryId)).toEqual([failed.categoryId, failed.categoryId]);
    expect(
      await getDb().auditLog.findFirst({ where: { action: "import_resumed", target: `batch ${failed.id}` } }),
    ).not.toBeNull();
    for (let i = 0; i < 100 && existsSync(uploadPath(uploadId)); i++) await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(uploadPath(uploadId))).toBe(false);
  }, 90_000);
});

describe("undo and restore from the console", () => {
  beforeAll(async () => {
    setEnv({ RATE_LIMITS: "off", __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: "true" });
    cookie = (await signedIn("importer")).cookie;
    fakeRequest({ cookie, ip: "192.0.2.45" });
  });
  afterAll(() => {
    setRequestAdapterForTests(null);
    setEnv({ __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: undefined });
  });
  const form = (fields: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) f.set(k, v);
    return f;
  };
  const status = async (id: number) => (await getDb().importBatch.findUniqueOrThrow({ where: { id } })).status;

  it("refuses an undo without its confirmation and opens that batch's confirmation instead", async () => {
    const { batchId } = await importFile(csvFile("phone\n206-555-0650\n"), { category: "prepaid" });
    for (const confirm of [undefined, "yes", ""]) {
      const fields: Record<string, string> = { batchId: String(batchId) };
      if (confirm !== undefined) fields.confirm = confirm;
      expect(await nextInterrupt(() => undoImportAction(form(fields)))).toMatch(
        new RegExp(`^NEXT_REDIRECT;(replace|push);/admin/imports\\?undo=${batchId}#batch-${batchId};`),
      );
    }
    expect(await status(batchId!)).toBe("completed");
    expect(await getDb().auditLog.count({ where: { action: "import_undone", target: `batch ${batchId}` } })).toBe(0);
  });

  it("undoes with the confirmation, then restores, each audited under the importer", async () => {
    const { batchId } = await importFile(csvFile("phone\n206-555-0651\n"), { category: "prepaid" });
    // Back to the history with what happened in the query: a fragment alone would not refresh it.
    const back = (done: string) =>
      new RegExp(`^NEXT_REDIRECT;(replace|push);/admin/imports\\?done=${done}&batch=${batchId}#batch-${batchId};`);
    revalidatePath.mockClear();
    expect(await nextInterrupt(() => undoImportAction(form({ batchId: String(batchId), confirm: "undo" })))).toMatch(
      back("undone"),
    );
    expect(await status(batchId!)).toBe("undone");
    expect(await nextInterrupt(() => restoreImportAction(form({ batchId: String(batchId) })))).toMatch(
      back("restored"),
    );
    expect(await status(batchId!)).toBe("completed");
    expect(revalidatePath).toHaveBeenCalledWith("/admin/imports");
    const audited = await getDb().auditLog.findMany({
      where: { target: `batch ${batchId}`, action: { in: ["import_undone", "import_restored"] } },
      orderBy: { id: "asc" },
    });
    expect(audited.map((a) => [a.action, a.ip])).toEqual([
      ["import_undone", "192.0.2.45"],
      ["import_restored", "192.0.2.45"],
    ]);
  });

  it("says why a restore is refused, and changes nothing", async () => {
    const { batchId } = await importFile(csvFile("phone\n206-555-0652\n"), { category: "prepaid" });
    expect(await nextInterrupt(() => restoreImportAction(form({ batchId: String(batchId) })))).toMatch(
      new RegExp(`^NEXT_REDIRECT;(replace|push);/admin/imports\\?refused=not_restorable&batch=${batchId}#`),
    );
    expect(await status(batchId!)).toBe("completed");
  });
});

describe("an upload the disk cannot take", () => {
  beforeAll(async () => {
    setEnv({ RATE_LIMITS: "off", IMPORT_MIN_FREE_BYTES: String(10 ** 15) });
    cookie = (await signedIn("importer")).cookie;
  });
  afterAll(() => setEnv({ IMPORT_MIN_FREE_BYTES: undefined }));

  it("is refused before it is read, with insufficient_space", async () => {
    const res = await upload(multipart(cookie, "phone\n206-555-0653\n", "application/json"), noParams);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: "insufficient_space" } });
  });
});
