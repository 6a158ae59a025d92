import type { Client } from "pg";
import type { MergeTransaction } from "@/lib/imports/merge";
import { TUPLE_BYTES } from "@/lib/imports/types";
import { copyWriter, insertWriter, type TupleWriter } from "@/lib/imports/writers";

/** A batch's staging tables share this prefix (undo and failures drop them all). */
export function stagingPrefix(batchId: number): string {
  return `import_staging_${Math.trunc(batchId)}_`;
}

/** One statement that drops every staging table of a batch (for pg or Prisma). */
export function dropStagingSql(batchId: number): string {
  // starts_with, not LIKE: "_" is a LIKE wildcard, and batch 5's prefix must not match batch 51's tables.
  return `DO $$ DECLARE t text; BEGIN
    FOR t IN SELECT tablename FROM pg_tables WHERE starts_with(tablename, '${stagingPrefix(batchId)}') LOOP
      EXECUTE format('DROP TABLE IF EXISTS %I', t);
    END LOOP; END $$`;
}

export type StagingOptions = {
  batchId: number;
  /** COPY (PostgreSQL) or multi-row INSERT (the embedded database). */
  useCopy: boolean;
  /** Merge each full slice while the next is read (needs a server that runs two transactions at once). */
  overlap: boolean;
  sliceRows?: number;
};

/**
 * Hashed rows on their way in: written into staging tables a slice at a time, each full
 * slice merged (MergeTransaction, on a second connection) while the next is read, so
 * the database's half of the work runs beside the workers' instead of after it. The
 * embedded database serves one transaction at a time, so there every slice is merged
 * at the end.
 */
export class SlicedStaging {
  private writer: TupleWriter | null = null;
  private slice = 0;
  private rowsInSlice = 0;
  private merging: Promise<void> = Promise.resolve();
  private failed: unknown;
  private readonly tables: string[] = [];

  constructor(
    private readonly client: Client,
    private readonly merge: MergeTransaction,
    private readonly opts: StagingOptions,
  ) {}

  async write(tuples: Uint8Array): Promise<void> {
    if (this.failed) throw this.failed;
    if (!this.writer) await this.open();
    await this.writer!.write(tuples);
    this.rowsInSlice += tuples.length / TUPLE_BYTES;
    if (this.rowsInSlice >= (this.opts.sliceRows ?? 1_000_000)) await this.close();
  }

  /** Merges what is left and commits; returns how many rows the batch added. */
  async finish(): Promise<number> {
    if (this.writer) await this.close();
    if (!this.opts.overlap) for (const table of this.tables) this.schedule(table);
    await this.merging;
    if (this.failed) throw this.failed;
    return this.merge.commit();
  }

  private async open() {
    const table = `${stagingPrefix(this.opts.batchId)}${this.slice++}`;
    await this.client.query(`DROP TABLE IF EXISTS ${table}`);
    await this.client.query(`CREATE UNLOGGED TABLE ${table} (phone_hash bytea NOT NULL, category_id int4 NOT NULL)`);
    this.tables.push(table);
    this.writer = this.opts.useCopy ? await copyWriter(this.client, table) : insertWriter(this.client, table);
  }

  private async close() {
    await this.writer!.finish();
    this.writer = null;
    this.rowsInSlice = 0;
    if (this.opts.overlap) this.schedule(this.tables.at(-1)!);
  }

  private schedule(table: string) {
    this.merging = this.merging
      .then(() => (this.failed ? undefined : this.merge.add(table)))
      .catch((e: unknown) => void (this.failed ??= e));
  }
}
