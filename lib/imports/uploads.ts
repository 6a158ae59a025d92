import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { open, statfs } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Transform } from "node:stream";
import busboy from "busboy";
import { parse } from "csv-parse/sync";
import { recordAudit } from "@/lib/audit/record";
import type { AuditCtx } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { headerLength, readHeader } from "@/lib/imports/header";
import { BatchId } from "@/lib/imports/schemas";
import { maskPhone } from "@/lib/phone/mask";

/** Uploads wait here (owner-only) until their import ends; stale ones are swept. */
export const UPLOAD_TTL_MS = 60 * 60 * 1000;
const ID = /^[A-Za-z0-9_-]{22}$/;

export function uploadDir(): string {
  const dir = path.join(os.tmpdir(), "exposure-uploads");
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

export function uploadPath(id: string): string {
  if (!ID.test(id)) throw new AppError("not_found");
  return path.join(uploadDir(), `${id}.csv`);
}

export type StatFs = (dir: string) => Promise<{ bavail: number | bigint; bsize: number | bigint }>;

/**
 * Refuses an upload the disk cannot take, before reading it: free space in the upload
 * directory below twice its declared size (the upload, and the copy a dry run reads) or
 * below the floor (IMPORT_MIN_FREE_BYTES), which keeps room for the database and logs.
 */
export async function checkUploadSpace(
  declaredBytes: number,
  floorBytes: number,
  fsStat: StatFs = statfs,
): Promise<void> {
  const s = await fsStat(uploadDir());
  const free = Number(s.bavail) * Number(s.bsize);
  if (free < Math.max(2 * declaredBytes, floorBytes)) throw new AppError("insufficient_space");
}

/**
 * Streams an uploaded file to disk, never holding it in memory; over the limit the
 * partial file is deleted and the upload refused with 413.
 */
export async function saveUpload(file: Readable, limitBytes: number): Promise<{ id: string; bytes: number }> {
  sweepUploads();
  const id = randomBytes(16).toString("base64url");
  const target = uploadPath(id);
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done(bytes > limitBytes ? new AppError("payload_too_large") : null, chunk);
    },
  });
  try {
    await pipeline(file, limit, createWriteStream(target, { mode: 0o600 }));
  } catch (e) {
    rmSync(target, { force: true });
    throw e;
  }
  return { id, bytes };
}

export type ReceivedUpload = {
  id: string;
  bytes: number;
  /** The file's name as the browser gave it (never its contents). */
  name: string;
  /** The batch this file is uploaded again for, to resume it. */
  resume?: number;
};

/**
 * A console upload, `multipart/form-data` with the field "file" and optionally "resume"
 * (the form puts it before the file): streamed to disk by saveUpload, then audited.
 */
export async function receiveUpload(
  db: Db,
  body: Readable,
  contentType: string,
  limitBytes: number,
  ctx: AuditCtx,
): Promise<ReceivedUpload> {
  let resume: number | undefined;
  const saved = await new Promise<{ id: string; bytes: number; name: string }>((resolve, reject) => {
    const bb = busboy({ headers: { "content-type": contentType }, limits: { files: 1, fields: 5, fieldSize: 64 } });
    let got = false;
    bb.on("field", (name, value) => {
      if (name !== "resume" || value === "") return;
      const id = BatchId.safeParse(value);
      if (id.success) resume = id.data;
      else reject(new AppError("invalid_request", { fields: { resume: "errors.batch_invalid" } }));
    });
    bb.on("file", (_field, stream, info) => {
      got = true;
      saveUpload(stream, limitBytes)
        .then((r) => resolve({ ...r, name: (info.filename || "upload.csv").slice(0, 200) }))
        .catch(reject);
    });
    bb.on("error", () => reject(new AppError("invalid_request")));
    bb.on("close", () => !got && reject(new AppError("invalid_request")));
    body.pipe(bb);
  });
  await recordAudit(db, {
    actorId: ctx.actor.id,
    actorEmail: ctx.actor.email,
    action: "import_uploaded",
    target: saved.name,
    details: { bytes: saved.bytes },
    ip: ctx.ip,
  });
  return { ...saved, resume };
}

export type UploadPreview = {
  columns: string[];
  phoneColumn: number | null;
  categoryColumn: number | null;
  rows: string[][];
  bytes: number;
};

/** The detected columns and the first rows, phone numbers masked to their last 4 digits. */
export async function previewUpload(id: string, rowCount = 5): Promise<UploadPreview> {
  const file = uploadPath(id);
  let bytes: number;
  try {
    bytes = statSync(file).size;
  } catch {
    throw new AppError("not_found");
  }
  const handle = await open(file, "r");
  const buf = Buffer.alloc(Math.min(bytes, 64 * 1024));
  await handle.read(buf, 0, buf.length, 0);
  await handle.close();
  const hl = headerLength(buf);
  const columns = readHeader(buf.subarray(0, hl));
  const text = buf.subarray(hl).toString("utf8");
  const lines = text.slice(0, text.lastIndexOf("\n") + 1);
  const rows = (
    parse(lines, { relax_column_count: true, relax_quotes: true, skip_empty_lines: true, to: rowCount }) as string[][]
  ).map((r) =>
    columns ? r.map((cell, i) => (i === columns.phone && /\d{4}/.test(cell) ? maskPhone(cell) : cell)) : r,
  );
  const names = columns?.names ?? [];
  return {
    columns: names,
    phoneColumn: columns?.phone ?? null,
    categoryColumn: columns?.category ?? null,
    rows,
    bytes,
  };
}

export function deleteUpload(id: string): void {
  rmSync(uploadPath(id), { force: true });
}

/**
 * Deletes uploads older than UPLOAD_TTL_MS (abandoned previews, crashed imports); on each
 * upload and on a timer (lib/imports/sweeps.ts). A queued import keeps its file fresh.
 */
export function sweepUploads(now = Date.now()): number {
  const dir = uploadDir();
  let removed = 0;
  for (const name of readdirSync(dir)) {
    // Only uploads and their dry-run copies; the node's import slot (import.lock) stays.
    if (!/\.csv(\.dry-run)?$/.test(name)) continue;
    const p = path.join(dir, name);
    if (now - statSync(p).mtimeMs > UPLOAD_TTL_MS) {
      rmSync(p, { force: true });
      removed++;
    }
  }
  return removed;
}
