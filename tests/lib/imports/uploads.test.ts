import { existsSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { previewUpload, saveUpload, sweepUploads, uploadDir, uploadPath, UPLOAD_TTL_MS } from "@/lib/imports/uploads";

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
