import type { ImportCounts } from "@/lib/imports/progress";
import type { RejectionStore } from "@/lib/imports/rejections";
import type { PieceResult } from "@/lib/imports/types";

/** Where hashed rows go: staging slices (SlicedStaging), or nowhere in a dry run. */
export type TupleSink = { write(tuples: Uint8Array): Promise<void> };

/**
 * The batch's books while its file is read: bytes read, rows, accepted and refused rows,
 * and each piece's result put away — hashed rows to staging, refused rows to the
 * rejection store. Results arrive in completion order and are written one after another,
 * on one chain, so staging sees one writer at a time.
 */
export class BatchTally {
  readonly counts: ImportCounts = { rows: 0, accepted: 0, rejected: 0, bytesRead: 0 };
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly sink: TupleSink | null,
    private readonly rejections: Pick<RejectionStore, "add" | "flushIfFull" | "flush">,
  ) {}

  /** Counts bytes as they are read (before the piece's buffer goes to a worker). */
  read(bytes: number): void {
    this.counts.bytesRead += bytes;
  }

  /** A record the chunker dropped (over the size limit): a row, refused. */
  refuse(line: number): void {
    this.counts.rows += 1;
    this.counts.rejected += 1;
    this.rejections.add([{ line, reason: "record_too_long", value: "" }]);
  }

  take(result: PieceResult): void {
    this.counts.rows += result.rows;
    this.counts.accepted += result.accepted;
    this.counts.rejected += result.rejections.length;
    this.rejections.add(result.rejections);
    this.writes = this.writes.then(async () => {
      if (this.sink && result.tuples.length > 0) await this.sink.write(result.tuples);
      await this.rejections.flushIfFull();
    });
  }

  /** Waits for every write, then stores the refused rows still pending. */
  async settle(): Promise<void> {
    await this.writes;
    await this.rejections.flush();
  }
}
