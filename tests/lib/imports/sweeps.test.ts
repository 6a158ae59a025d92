// Uploads the disk cannot take are refused before they are read; abandoned ones are
// swept on a timer that never keeps a process alive.
import { existsSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { startImportSweeps, sweepImports } from "@/lib/imports/sweeps";
import { checkUploadSpace, uploadDir, UPLOAD_TTL_MS, type StatFs } from "@/lib/imports/uploads";
import { uniqueTag } from "@/tests/support/unique-tag";

const GB = 1024 ** 3;
const disk =
  (freeBytes: number): StatFs =>
  async () => ({ bavail: BigInt(freeBytes / 4096), bsize: 4096n });

describe("free space for an upload", () => {
  it("refuses below twice the declared size or below the floor, with insufficient_space (413)", async () => {
    await expect(checkUploadSpace(1 * GB, 0, disk(2 * GB))).resolves.toBeUndefined();
    await expect(checkUploadSpace(1 * GB, 0, disk(2 * GB - 4096))).rejects.toMatchObject({
      code: "insufficient_space",
      status: 413,
    });
    await expect(checkUploadSpace(1024, 4 * GB, disk(3 * GB))).rejects.toMatchObject({ code: "insufficient_space" });
    await expect(checkUploadSpace(0, 4 * GB, disk(4 * GB))).resolves.toBeUndefined();
  });
});

describe("import sweeps", () => {
  it("delete abandoned uploads and dry-run copies, not fresh ones", async () => {
    const dir = uploadDir();
    const names = [`${uniqueTag()}.csv`, `${uniqueTag()}.csv.dry-run`, `${uniqueTag()}.csv`];
    const old = new Date(Date.now() - UPLOAD_TTL_MS - 60_000);
    for (const n of names) writeFileSync(path.join(dir, n), "phone\n");
    utimesSync(path.join(dir, names[0]!), old, old);
    utimesSync(path.join(dir, names[1]!), old, old);
    await sweepImports(getDb(), 72);
    expect(names.map((n) => existsSync(path.join(dir, n)))).toEqual([false, false, true]);
  });

  it("run on an unref'd timer, without waiting for the next upload", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      const file = path.join(uploadDir(), `${uniqueTag()}.csv`);
      writeFileSync(file, "phone\n");
      const old = new Date(Date.now() - UPLOAD_TTL_MS - 60_000);
      utimesSync(file, old, old);
      const timer = startImportSweeps(getDb(), 72, 1000);
      expect(timer.hasRef()).toBe(false);
      expect(existsSync(file)).toBe(true);
      vi.advanceTimersByTime(1000);
      for (let i = 0; i < 50 && existsSync(file); i++) await new Promise((r) => setImmediate(r));
      expect(existsSync(file)).toBe(false);
      clearInterval(timer);
    } finally {
      vi.useRealTimers();
    }
  });
});
