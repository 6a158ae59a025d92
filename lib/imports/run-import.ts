import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Client } from "pg";
import type { Db } from "@/lib/db/client";
import type { Keyring } from "@/lib/hashing/keyring";
import { sealPhone } from "@/lib/hashing/seal";
import { RecordChunker, type Piece } from "@/lib/imports/chunker";
import { ImportError } from "@/lib/imports/errors";
import { headerLength, readHeader, type Columns } from "@/lib/imports/header";
import type { PieceResult, Rejection } from "@/lib/imports/types";
import { WorkerPool } from "@/lib/imports/worker-pool";
import { MergeTransaction } from "@/lib/imports/merge";
import { dropStagingSql, SlicedStaging } from "@/lib/imports/staging";

export type ImportContext = {
  db: Db;
  databaseUrl: string;
  keyring: Keyring;
  region: string;
  /** COPY on PostgreSQL; the embedded database takes multi-row INSERTs. */
  useCopy: boolean;
  workers?: number;
  /** Rows per staging slice (default 1M); tests make it small to cross slices. */
  sliceRows?: number;
};

export type ImportOptions = {
  file: string;
  fileName?: string;
  incident: string;
  category?: string;
  dryRun?: boolean;
  createdBy?: string;
  /** Resume an interrupted batch: re-reads the file; rows already stored count once. */
  resumeBatchId?: number;
  onProgress?: (p: ImportProgress) => void;
};

export type ImportProgress = {
  batchId: number | null;
  phase: "reading" | "merging" | "done";
  bytesRead: number;
  bytesTotal: number;
  rows: number;
  rejected: number;
  rowsPerSecond: number;
  etaSeconds: number | null;
};

export type ImportSummary = {
  batchId: number | null;
  rows: number;
  imported: number;
  duplicates: number;
  rejected: number;
  seconds: number;
  dryRun: boolean;
};

/** Rejected values kept for the download; beyond this they are only counted. */
export const MAX_STORED_REJECTIONS = 100_000;

/**
 * One import, from file to completed batch: stream → record-aligned pieces → workers
 * (parse, normalize, HMAC) → staging table (COPY) → one INSERT … ON CONFLICT DO NOTHING
 * into affected_account → batch completed. Until that last step the batch's rows answer
 * no lookup, so a crash leaves nothing visible. Memory stays flat: pieces are ~1 MB and
 * at most two per worker are in flight.
 */
export async function runImport(ctx: ImportContext, opts: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const bytesTotal = (await stat(opts.file)).size;
  const { incidentId, categories } = await resolveTargets(ctx.db, opts);
  const fileName = opts.fileName ?? opts.file.split("/").pop()!;

  const reader = createReadStream(opts.file, { highWaterMark: 1 << 20 });
  const chunker = new RecordChunker();
  const pieces = (async function* () {
    for await (const chunk of reader) yield* chunker.push(chunk as Buffer);
    const last = chunker.end();
    if (last) yield last;
  })();

  const first = await pieces.next();
  if (first.done) throw new ImportError("empty_file");
  const hl = headerLength(first.value.buf);
  const columns = readHeader(first.value.buf.subarray(0, hl));
  if (!columns) throw new ImportError("no_phone_column");
  const { fixedCategoryId, categoryIds } = categoryMapping(columns, categories, opts.category);
  const body: Piece = {
    buf: first.value.buf.slice(hl),
    firstLine: first.value.firstLine + countNewlines(first.value.buf.subarray(0, hl)),
    oneLinePerRecord: first.value.oneLinePerRecord,
  };

  const batchId = opts.dryRun
    ? null
    : await openBatch(ctx, opts, { incidentId, fixedCategoryId, fileName, bytesTotal });
  const client = opts.dryRun ? null : new Client({ connectionString: ctx.databaseUrl });
  // The merge runs on its own connection, beside the COPY (see SlicedStaging).
  const mergeClient = opts.dryRun ? null : new Client({ connectionString: ctx.databaseUrl });
  let merge: MergeTransaction | null = null;
  const pool = new WorkerPool(
    {
      region: ctx.region,
      keys: ctx.keyring.chainBytes(),
      phoneColumn: columns.phone,
      categoryColumn: fixedCategoryId === null ? columns.category : null,
      fixedCategoryId,
      categoryIds,
    },
    ctx.workers,
  );
  const totals = { rows: 0, accepted: 0, rejected: 0, bytesRead: 0 };
  let rejections: Rejection[] = [];
  let storedRejections = 0;
  const progress = (phase: ImportProgress["phase"]): ImportProgress => {
    const secs = (Date.now() - started) / 1000;
    const rate = secs > 0 ? totals.rows / secs : 0;
    const bytesRate = secs > 0 ? totals.bytesRead / secs : 0;
    return {
      batchId,
      phase,
      bytesRead: totals.bytesRead,
      bytesTotal,
      rows: totals.rows,
      rejected: totals.rejected,
      rowsPerSecond: Math.round(rate),
      etaSeconds: bytesRate > 0 && phase === "reading" ? Math.round((bytesTotal - totals.bytesRead) / bytesRate) : null,
    };
  };
  const report = async (phase: ImportProgress["phase"]) => {
    const p = progress(phase);
    opts.onProgress?.(p);
    if (batchId !== null) {
      await ctx.db.importBatch.update({
        where: { id: batchId },
        data: { phase, rows: p.rows, rejected: p.rejected, bytesRead: BigInt(p.bytesRead), heartbeatAt: new Date() },
      });
    }
  };
  const flushRejections = async () => {
    if (batchId === null || rejections.length === 0) return;
    const keep = rejections.slice(0, Math.max(0, MAX_STORED_REJECTIONS - storedRejections));
    rejections = [];
    storedRejections += keep.length;
    if (keep.length === 0) return;
    const material = ctx.keyring.keyMaterial();
    await ctx.db.importRejection.createMany({
      data: keep.map((r) => ({
        batchId,
        line: r.line,
        reason: r.reason,
        sealedValue: r.value
          ? new Uint8Array(sealPhone(material, `rejection:${batchId}:${r.line}`, r.value.slice(0, 64)))
          : null,
      })),
    });
  };

  let timer: NodeJS.Timeout | undefined;
  try {
    let writer: SlicedStaging | null = null;
    if (client && mergeClient && batchId !== null) {
      await Promise.all([client.connect(), mergeClient.connect()]);
      await client.query(dropStagingSql(batchId));
      merge = new MergeTransaction(mergeClient, ctx.keyring.current.version, batchId);
      // Two transactions at once need a real server; the embedded one serves one at a time.
      writer = new SlicedStaging(client, merge, {
        batchId,
        useCopy: ctx.useCopy,
        overlap: ctx.useCopy,
        sliceRows: ctx.sliceRows,
      });
    }
    let reporting: Promise<void> = Promise.resolve();
    timer = setInterval(() => (reporting = reporting.then(() => report("reading"))), 500);

    // Results are written in completion order; writes are serialized on one chain.
    let writes: Promise<void> = Promise.resolve();
    const handle = (r: PieceResult) => {
      totals.rows += r.rows;
      totals.accepted += r.accepted;
      totals.rejected += r.rejections.length;
      rejections.push(...r.rejections);
      writes = writes.then(async () => {
        if (writer && r.tuples.length > 0) await writer.write(r.tuples);
        if (rejections.length >= 5000) await flushRejections();
      });
    };
    const inflight = new Set<Promise<void>>();
    const dispatch = async (piece: Piece) => {
      totals.bytesRead += piece.buf.length;
      const task = pool.run(piece).then(handle);
      inflight.add(task);
      void task.finally(() => inflight.delete(task)).catch(() => {});
      if (inflight.size >= pool.size * 2) await Promise.race(inflight);
    };
    totals.bytesRead += hl;
    if (body.buf.length > 0) await dispatch(body);
    for await (const piece of pieces) await dispatch(piece);
    await Promise.all(inflight);
    await writes;
    await flushRejections();
    clearInterval(timer);
    await reporting;

    let imported = 0;
    if (client && writer && batchId !== null) {
      await report("merging");
      imported = await writer.finish();
      if (opts.resumeBatchId) {
        // A resumed batch already held some of its rows: count them all.
        const all = await client.query<{ n: string }>(
          `SELECT count(*)::text AS n FROM affected_account WHERE batch_id = $1`,
          [batchId],
        );
        imported = Number(all.rows[0]!.n);
      }
      await ctx.db.importBatch.update({
        where: { id: batchId },
        data: {
          status: "completed",
          phase: "done",
          rows: totals.rows,
          imported,
          duplicates: totals.accepted - imported,
          rejected: totals.rejected,
          bytesRead: BigInt(bytesTotal),
          heartbeatAt: new Date(),
          finishedAt: new Date(),
        },
      });
      await client.query(dropStagingSql(batchId));
    }
    opts.onProgress?.({ ...progress("done"), bytesRead: bytesTotal, etaSeconds: 0 });
    return {
      batchId,
      rows: totals.rows,
      imported: opts.dryRun ? totals.accepted : imported,
      duplicates: opts.dryRun ? 0 : totals.accepted - imported,
      rejected: totals.rejected,
      seconds: (Date.now() - started) / 1000,
      dryRun: Boolean(opts.dryRun),
    };
  } catch (error) {
    await merge?.abort();
    if (client && batchId !== null) await client.query(dropStagingSql(batchId)).catch(() => {});
    if (batchId !== null) {
      // The code, not a sentence: the console words it in the reader's language.
      const code = error instanceof ImportError ? error.code : "failed";
      await ctx.db.importBatch
        .update({ where: { id: batchId }, data: { status: "failed", error: code } })
        .catch(() => {});
    }
    throw error;
  } finally {
    clearInterval(timer);
    reader.destroy();
    await pool.close();
    await client?.end().catch(() => {});
    await mergeClient?.end().catch(() => {});
  }
}

async function resolveTargets(db: Db, opts: ImportOptions) {
  const incident = await db.incident.findUnique({ where: { slug: opts.incident }, include: { categories: true } });
  if (!incident) throw new ImportError("unknown_incident", { incident: opts.incident });
  if (opts.category && !incident.categories.some((c) => c.slug === opts.category)) {
    throw new ImportError("unknown_category", { incident: opts.incident, category: opts.category });
  }
  return { incidentId: incident.id, categories: incident.categories };
}

function categoryMapping(columns: Columns, categories: { id: number; slug: string; name: string }[], fixed?: string) {
  if (fixed) return { fixedCategoryId: categories.find((c) => c.slug === fixed)!.id, categoryIds: {} };
  if (columns.category === null) {
    throw new ImportError("no_category");
  }
  const categoryIds: Record<string, number> = {};
  for (const c of categories) {
    categoryIds[c.slug.toLowerCase()] = c.id;
    categoryIds[c.name.toLowerCase()] = c.id;
  }
  return { fixedCategoryId: null, categoryIds };
}

async function openBatch(
  ctx: ImportContext,
  opts: ImportOptions,
  b: { incidentId: number; fixedCategoryId: number | null; fileName: string; bytesTotal: number },
): Promise<number> {
  if (opts.resumeBatchId) {
    const batch = await ctx.db.importBatch.findUnique({ where: { id: opts.resumeBatchId } });
    if (!batch || batch.status === "completed" || batch.status === "undone") {
      throw new ImportError("not_resumable", { batch: opts.resumeBatchId });
    }
    await ctx.db.importBatch.update({
      where: { id: batch.id },
      data: { status: "running", error: null, heartbeatAt: new Date() },
    });
    return batch.id;
  }
  const batch = await ctx.db.importBatch.create({
    data: {
      source: b.fileName.slice(0, 200),
      incidentId: b.incidentId,
      categoryId: b.fixedCategoryId,
      keyVersion: ctx.keyring.current.version,
      createdBy: opts.createdBy ?? null,
      bytesTotal: BigInt(b.bytesTotal),
    },
  });
  return batch.id;
}

function countNewlines(buf: Uint8Array): number {
  let n = 0;
  for (const b of buf) if (b === 0x0a) n++;
  return n;
}
