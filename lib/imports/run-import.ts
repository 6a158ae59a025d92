import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Client } from "pg";
import { CLI_ACTOR } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import type { Keyring } from "@/lib/hashing/keyring";
import { failBatch, openBatch } from "@/lib/imports/batches";
import { RecordChunker, type Piece } from "@/lib/imports/chunker";
import { completeBatch } from "@/lib/imports/complete";
import { PieceDispatcher } from "@/lib/imports/dispatch";
import { ImportError } from "@/lib/imports/errors";
import { headerLength, readHeader, type Columns } from "@/lib/imports/header";
import { MergeTransaction } from "@/lib/imports/merge";
import { ProgressReporter, type ImportProgress } from "@/lib/imports/progress";
import { RejectionStore } from "@/lib/imports/rejections";
import { dropStagingSql, SlicedStaging } from "@/lib/imports/staging";
import { BatchTally } from "@/lib/imports/tally";
import { WorkerPool } from "@/lib/imports/worker-pool";

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
  /** Who imports (an email, or "cli"): on the batch and in the audit log. */
  createdBy?: string;
  /** Resume an interrupted batch: re-reads the file; rows already stored count once. */
  resumeBatchId?: number;
  onProgress?: (p: ImportProgress) => void;
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

/**
 * One import, from file to completed batch: the file streamed and cut into record-aligned
 * pieces (~512 kB) → workers parse, normalize and hash them → hashed rows into staging
 * tables a slice at a time, each full slice merged into affected_account while the next
 * is read (on the embedded database, every slice at the end), all in one transaction
 * (SlicedStaging, MergeTransaction) → commit → batch completed. Until that last step
 * the batch's rows answer no lookup, and a crash rolls the merge back. Memory stays
 * flat: at most two pieces per worker are in flight (PieceDispatcher).
 */
export async function runImport(ctx: ImportContext, opts: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const bytesTotal = (await stat(opts.file)).size;
  const { incidentId, categories } = await resolveTargets(ctx.db, opts);
  const fileName = opts.fileName ?? opts.file.split("/").pop()!;

  const reader = createReadStream(opts.file, { highWaterMark: 1 << 20 });
  const pieces = readPieces(reader);
  const { columns, body, headerBytes } = await readHeaderPiece(pieces);
  const { fixedCategoryId, categoryIds } = categoryMapping(columns, categories, opts.category);

  const batchId = opts.dryRun
    ? null
    : await openBatch(
        ctx.db,
        {
          source: fileName,
          incidentId,
          categoryId: fixedCategoryId,
          keyVersion: ctx.keyring.current.version,
          createdBy: opts.createdBy ?? null,
          bytesTotal,
        },
        opts.resumeBatchId,
      );
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

  let progress: ProgressReporter | undefined;
  try {
    let staging: SlicedStaging | null = null;
    if (client && mergeClient && batchId !== null) {
      await Promise.all([client.connect(), mergeClient.connect()]);
      await client.query(dropStagingSql(batchId));
      merge = new MergeTransaction(mergeClient, ctx.keyring.current.version, batchId);
      // Two transactions at once need a real server; the embedded one serves one at a time.
      staging = new SlicedStaging(client, merge, {
        batchId,
        useCopy: ctx.useCopy,
        overlap: ctx.useCopy,
        sliceRows: ctx.sliceRows,
      });
    }
    const tally = new BatchTally(staging, new RejectionStore(ctx.db, ctx.keyring, batchId));
    progress = new ProgressReporter({
      db: ctx.db,
      batchId,
      bytesTotal,
      started,
      counts: tally.counts,
      onProgress: opts.onProgress,
    });
    progress.startTicking();

    const dispatcher = new PieceDispatcher(
      (piece) => pool.run(piece),
      (result) => tally.take(result),
      pool.size * 2,
    );
    const feed = async (piece: Piece) => {
      tally.read(piece.buf.length);
      await dispatcher.dispatch(piece);
    };
    tally.read(headerBytes);
    if (body.buf.length > 0) await feed(body);
    for await (const piece of pieces) await feed(piece);
    await dispatcher.drain();
    await tally.settle();
    await progress.stopTicking();

    let imported = 0;
    if (client && staging && batchId !== null) {
      await progress.report("merging");
      imported = await completeBatch(ctx.db, client, staging, {
        batchId,
        counts: tally.counts,
        bytesTotal,
        resumed: Boolean(opts.resumeBatchId),
        source: fileName,
        actor: { id: null, email: opts.createdBy ?? CLI_ACTOR.email },
      });
    }
    progress.done();
    const { rows, accepted, rejected } = tally.counts;
    return {
      batchId,
      rows,
      imported: opts.dryRun ? accepted : imported,
      duplicates: opts.dryRun ? 0 : accepted - imported,
      rejected,
      seconds: (Date.now() - started) / 1000,
      dryRun: Boolean(opts.dryRun),
    };
  } catch (error) {
    await merge?.abort();
    if (client && batchId !== null) await client.query(dropStagingSql(batchId)).catch(() => {});
    if (batchId !== null) await failBatch(ctx.db, batchId, error);
    throw error;
  } finally {
    void progress?.stopTicking();
    reader.destroy();
    await pool.close();
    await client?.end().catch(() => {});
    await mergeClient?.end().catch(() => {});
  }
}

/** The file as record-aligned pieces. */
async function* readPieces(reader: AsyncIterable<unknown>): AsyncGenerator<Piece> {
  const chunker = new RecordChunker();
  for await (const chunk of reader) yield* chunker.push(chunk as Buffer);
  const last = chunker.end();
  if (last) yield last;
}

/** The header's columns, and the rest of the first piece as the first piece of rows. */
async function readHeaderPiece(pieces: AsyncGenerator<Piece>) {
  const first = await pieces.next();
  if (first.done) throw new ImportError("empty_file");
  const headerBytes = headerLength(first.value.buf);
  const columns = readHeader(first.value.buf.subarray(0, headerBytes));
  if (!columns) throw new ImportError("no_phone_column");
  const body: Piece = {
    buf: first.value.buf.slice(headerBytes),
    firstLine: first.value.firstLine + countNewlines(first.value.buf.subarray(0, headerBytes)),
    oneLinePerRecord: first.value.oneLinePerRecord,
  };
  return { columns, body, headerBytes };
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
  if (columns.category === null) throw new ImportError("no_category");
  const categoryIds: Record<string, number> = {};
  for (const c of categories) {
    categoryIds[c.slug.toLowerCase()] = c.id;
    categoryIds[c.name.toLowerCase()] = c.id;
  }
  return { fixedCategoryId: null, categoryIds };
}

function countNewlines(buf: Uint8Array): number {
  let n = 0;
  for (const b of buf) if (b === 0x0a) n++;
  return n;
}
