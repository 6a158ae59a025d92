import { createReadStream } from "node:fs";
import { stat, utimes } from "node:fs/promises";
import { Client } from "pg";
import { CLI_ACTOR } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import type { Keyring } from "@/lib/hashing/keyring";
import { failBatch, failQueued, heartbeat, markRunning, openBatch } from "@/lib/imports/batches";
import { RecordChunker, type Piece } from "@/lib/imports/chunker";
import { completeBatch } from "@/lib/imports/complete";
import { PieceDispatcher } from "@/lib/imports/dispatch";
import { DryRunCount } from "@/lib/imports/dry-run";
import { ImportError } from "@/lib/imports/errors";
import { headerLength, readHeader, type Columns } from "@/lib/imports/header";
import { MergeTransaction } from "@/lib/imports/merge";
import { NodeImportLock } from "@/lib/imports/node-lock";
import { ProgressReporter, type ImportProgress } from "@/lib/imports/progress";
import { RejectionStore } from "@/lib/imports/rejections";
import { dropStagingSql, SlicedStaging } from "@/lib/imports/staging";
import { BatchTally } from "@/lib/imports/tally";
import { defaultWorkerCount, WorkerPool } from "@/lib/imports/worker-pool";

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
  /** The node's one import slot (default: the lock file beside the uploads). */
  lock?: Pick<NodeImportLock, "acquire">;
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
  /** The queued batch the console opened for this import (it shows at once in the history). */
  batchId?: number;
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
  try {
    return await importSteps(ctx, opts);
  } catch (error) {
    // The console's queued batch, when the importer fails before taking it up.
    if (opts.batchId) await failQueued(ctx.db, opts.batchId, error);
    throw error;
  }
}

async function importSteps(ctx: ImportContext, opts: ImportOptions): Promise<ImportSummary> {
  let started = Date.now();
  const bytesTotal = (await stat(opts.file)).size;
  const { incidentId, categories } = await resolveTargets(ctx.db, opts);
  const fileName = opts.fileName ?? opts.file.split("/").pop()!;

  const reader = createReadStream(opts.file, { highWaterMark: 1 << 20 });
  const overlong: number[] = [];
  const pieces = readPieces(reader, (line) => overlong.push(line));
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
        opts.batchId,
      );
  // One import at a time on this node; a dry run (no batch, nothing written) does not wait.
  let release: (() => void) | null = null;
  if (batchId !== null) {
    try {
      release = await (ctx.lock ?? new NodeImportLock()).acquire(async () => {
        await heartbeat(ctx.db, batchId);
        // The upload is old by the time it runs: keep the sweep off it while it waits.
        await utimes(opts.file, new Date(), new Date()).catch(() => {});
      });
      await markRunning(ctx.db, batchId);
      started = Date.now();
    } catch (error) {
      release?.();
      reader.destroy();
      await failBatch(ctx.db, batchId, error);
      throw error;
    }
  }
  // A dry run counts on a connection of its own (DryRunCount); an import writes on this one.
  const client = new Client({ connectionString: ctx.databaseUrl });
  // The merge runs on its own connection, beside the COPY (see SlicedStaging).
  const mergeClient = opts.dryRun ? null : new Client({ connectionString: ctx.databaseUrl });
  let merge: MergeTransaction | null = null;
  let dryRun: DryRunCount | null = null;
  const pool = new WorkerPool(
    {
      region: ctx.region,
      keys: ctx.keyring.chainBytes(),
      phoneColumn: columns.phone,
      categoryColumn: fixedCategoryId === null ? columns.category : null,
      fixedCategoryId,
      categoryIds,
    },
    // A small file does not pay for starting a worker per core: one per 2 MB read.
    ctx.workers ?? Math.min(defaultWorkerCount(), Math.max(1, Math.ceil(bytesTotal / (2 * 1024 * 1024)))),
  );

  let progress: ProgressReporter | undefined;
  try {
    let staging: SlicedStaging | null = null;
    if (opts.dryRun) {
      await client.connect();
      dryRun = new DryRunCount(client, ctx.useCopy);
      await dryRun.open();
    }
    if (mergeClient && batchId !== null) {
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
    const tally = new BatchTally(staging ?? dryRun, new RejectionStore(ctx.db, ctx.keyring, batchId));
    const refuseOverlong = () => overlong.splice(0).forEach((line) => tally.refuse(line));
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
      refuseOverlong();
      tally.read(piece.buf.length);
      await dispatcher.dispatch(piece);
    };
    tally.read(headerBytes);
    if (body.buf.length > 0) await feed(body);
    for await (const piece of pieces) await feed(piece);
    await dispatcher.drain();
    refuseOverlong();
    await tally.settle();
    await progress.stopTicking();

    let imported = 0;
    if (dryRun) imported = await dryRun.count(ctx.keyring.current.version);
    if (staging && batchId !== null) {
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
      imported,
      duplicates: accepted - imported,
      rejected,
      seconds: (Date.now() - started) / 1000,
      dryRun: Boolean(opts.dryRun),
    };
  } catch (error) {
    await merge?.abort();
    await dryRun?.discard().catch(() => {});
    if (batchId !== null) await client.query(dropStagingSql(batchId)).catch(() => {});
    if (batchId !== null) await failBatch(ctx.db, batchId, error);
    throw error;
  } finally {
    void progress?.stopTicking();
    reader.destroy();
    await pool.close();
    release?.();
    await client.end().catch(() => {});
    await mergeClient?.end().catch(() => {});
  }
}

/** The file as record-aligned pieces. */
async function* readPieces(reader: AsyncIterable<unknown>, onOverlong: (line: number) => void): AsyncGenerator<Piece> {
  const chunker = new RecordChunker(undefined, onOverlong);
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
