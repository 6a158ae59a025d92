import type { Db } from "@/lib/db/client";

export type ImportPhase = "reading" | "merging" | "done";

export type ImportProgress = {
  batchId: number | null;
  phase: ImportPhase;
  bytesRead: number;
  bytesTotal: number;
  rows: number;
  rejected: number;
  rowsPerSecond: number;
  etaSeconds: number | null;
};

/** What an import has got through so far (kept by BatchTally, read here). */
export type ImportCounts = { rows: number; accepted: number; rejected: number; bytesRead: number };

export type ProgressTarget = {
  db: Db;
  /** Null for a dry run: nothing is written, the caller alone hears of it. */
  batchId: number | null;
  bytesTotal: number;
  /** When the import started (ms), for rows/s and the ETA. */
  started: number;
  counts: Readonly<ImportCounts>;
  onProgress?: (p: ImportProgress) => void;
  now?: () => number;
};

/**
 * Where an import stands, told to its caller (the CLI's progress bar) and written on
 * its batch row, which the console shows and whose heartbeat tells a live importer
 * from a dead one. While the file is read it reports on a timer; reports run one
 * after another.
 */
export class ProgressReporter {
  private reporting: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly target: ProgressTarget) {}

  /** The figures now: rows/s since the start, and an ETA from the bytes still to read. */
  snapshot(phase: ImportPhase): ImportProgress {
    const { batchId, bytesTotal, started, counts } = this.target;
    const secs = ((this.target.now?.() ?? Date.now()) - started) / 1000;
    const rate = secs > 0 ? counts.rows / secs : 0;
    const bytesRate = secs > 0 ? counts.bytesRead / secs : 0;
    return {
      batchId,
      phase,
      bytesRead: counts.bytesRead,
      bytesTotal,
      rows: counts.rows,
      rejected: counts.rejected,
      rowsPerSecond: Math.round(rate),
      etaSeconds: bytesRate > 0 && phase === "reading" ? Math.round((bytesTotal - counts.bytesRead) / bytesRate) : null,
    };
  }

  /** Tells the caller and, for a real import, updates the batch row and its heartbeat. */
  async report(phase: ImportPhase): Promise<void> {
    const p = this.snapshot(phase);
    this.target.onProgress?.(p);
    if (this.target.batchId !== null) {
      await this.target.db.importBatch.update({
        where: { id: this.target.batchId },
        data: { phase, rows: p.rows, rejected: p.rejected, bytesRead: BigInt(p.bytesRead), heartbeatAt: new Date() },
      });
    }
  }

  /** Reports "reading" every `everyMs` until stopped. */
  startTicking(everyMs = 500): void {
    this.timer = setInterval(() => (this.reporting = this.reporting.then(() => this.report("reading"))), everyMs);
  }

  /** Stops the timer; the promise settles once a report under way has been written. */
  stopTicking(): Promise<void> {
    clearInterval(this.timer);
    return this.reporting;
  }

  /** The last word to the caller: everything read, nothing left. */
  done(): void {
    this.target.onProgress?.({ ...this.snapshot("done"), bytesRead: this.target.bytesTotal, etaSeconds: 0 });
  }
}
