import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream } from "node:stream/web";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import {
  deleteUpload,
  previewUpload,
  receiveUpload,
  saveUpload,
  sweepUploads,
  uploadDir,
  uploadPath,
  UPLOAD_TTL_MS,
} from "@/lib/imports/uploads";
import { uniqueTag } from "@/tests/support/unique-tag";

const chunks = (text: string, size = 7) =>
  Readable.from(
    Array.from({ length: Math.ceil(text.length / size) }, (_, i) => Buffer.from(text.slice(i * size, (i + 1) * size))),
  );

describe("uploads", () => {
  it("streams a file to an owner-only directory and previews it with numbers masked", async () => {
    const { id, bytes } = await saveUpload(
      chunks("Name,Phone,Category\nAnn,(206) 555-0142,prepaid\nBo,206.555.0143,former\n"),
      10_000,
    );
    expect(bytes).toBe(70);
    const p = await previewUpload(id);
    expect(p).toMatchObject({ columns: ["name", "phone", "category"], phoneColumn: 1, categoryColumn: 2 });
    expect(p.rows).toEqual([
      ["Ann", "•••0142", "prepaid"],
      ["Bo", "•••0143", "former"],
    ]);
  });

  it("refuses a file over the limit and leaves nothing behind", async () => {
    const before = readdirSync(uploadDir()).length;
    await expect(saveUpload(chunks("phone\n".padEnd(5000, "1")), 1000)).rejects.toMatchObject({
      code: "payload_too_large",
    });
    expect(readdirSync(uploadDir()).length).toBe(before);
  });

  it("only takes well-formed upload ids", () => {
    expect(() => uploadPath("../../etc/passwd")).toThrow();
    expect(uploadPath("A".repeat(22))).toBe(path.join(uploadDir(), `${"A".repeat(22)}.csv`));
  });

  it("sweeps abandoned uploads after an hour", () => {
    const old = uploadPath("B".repeat(22));
    writeFileSync(old, "phone\n");
    const past = (Date.now() - UPLOAD_TTL_MS - 60_000) / 1000;
    utimesSync(old, past, past);
    expect(sweepUploads()).toBeGreaterThanOrEqual(1);
    expect(existsSync(old)).toBe(false);
  });
});

/** A browser's form post: the multipart body and its content type. */
function formPost(fields: Record<string, string>, csv: string, name: string) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set("file", new Blob([csv], { type: "text/csv" }), name);
  const req = new Request("http://localhost/api/admin/imports", { method: "POST", body: form });
  return { body: Readable.fromWeb(req.body! as ReadableStream), type: req.headers.get("content-type")! };
}

describe("receiving a console upload", () => {
  const actor = { id: null, email: `importer-${uniqueTag()}@example.com` };

  it("saves the file, says which batch it resumes, and audits it with its size", async () => {
    const name = `list-${uniqueTag()}.csv`;
    const post = formPost({ resume: "41" }, "phone\n206-555-0391\n", name);
    const got = await receiveUpload(getDb(), post.body, post.type, 10_000, { actor, ip: "192.0.2.44" });
    expect(got).toMatchObject({ bytes: 19, name, resume: 41 });
    expect(readFileSync(uploadPath(got.id), "utf8")).toBe("phone\n206-555-0391\n");
    expect(await getDb().auditLog.findMany({ where: { target: name } })).toMatchObject([
      { action: "import_uploaded", actorEmail: actor.email, details: { bytes: 19 }, ip: "192.0.2.44" },
    ]);
    deleteUpload(got.id);
  });

  it("refuses a resume that is not a batch number, and audits nothing", async () => {
    const name = `again-${uniqueTag()}.csv`;
    const post = formPost({ resume: "1 OR 1=1" }, "phone\n206-555-0392\n", name);
    await expect(receiveUpload(getDb(), post.body, post.type, 10_000, { actor })).rejects.toMatchObject({
      code: "invalid_request",
      details: { fields: { resume: "errors.batch_invalid" } },
    });
    expect(await getDb().auditLog.findMany({ where: { target: name } })).toEqual([]);
  });
});
