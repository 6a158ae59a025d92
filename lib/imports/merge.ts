import type { Client } from "pg";

/** Serializes merges, so the anti-join below cannot race another import's insert. */
const MERGE_LOCK = 0x45_58_50_4f; // "EXPO"

/**
 * Staging slices → affected_account, all in one transaction: the batch's rows appear all
 * at once or not at all, and each slice's anti-join sees the slices merged before it.
 * Duplicates (in the file or already stored) are filtered by DISTINCT and the anti-join;
 * the rest go in as a plain INSERT in key order, far cheaper than INSERT … ON CONFLICT,
 * whose speculative insertion costs per row (figures: README, Import benchmark). Merges
 * take a lock so no other merge inserts between anti-join and insert; anything else that
 * does (the demo seed, a key rotation) makes the plain insert fail, and the merge then
 * redoes every slice through ON CONFLICT.
 */
export class MergeTransaction {
  private begun = false;
  private conflicted = false;
  private inserted = 0;
  private readonly tables: string[] = [];

  constructor(
    private readonly client: Client,
    private readonly keyVersion: number,
    private readonly batchId: number,
  ) {}

  /** Merges one staging table (uncommitted until commit()). */
  async add(table: string): Promise<void> {
    this.tables.push(table);
    if (this.conflicted) return;
    if (!this.begun) {
      await this.client.query("BEGIN");
      this.begun = true;
      // A slice's sort wants memory; this transaction's setting only.
      await this.client.query(`SET LOCAL work_mem = '256MB'`);
      await this.client.query(`SELECT pg_advisory_xact_lock(${MERGE_LOCK})`);
    }
    try {
      // Fresh statistics, so the planner sizes the anti-join for what the slice holds.
      await this.client.query(`ANALYZE ${table}`);
      this.inserted +=
        (await this.client.query(this.insert(table, true), [this.keyVersion, this.batchId])).rowCount ?? 0;
    } catch (error) {
      await this.client.query("ROLLBACK").catch(() => {});
      this.begun = false;
      if ((error as { code?: string }).code !== "23505") throw error;
      this.conflicted = true;
    }
  }

  /** Commits; returns how many rows the batch added. */
  async commit(): Promise<number> {
    if (this.conflicted) {
      await this.client.query("BEGIN");
      let inserted = 0;
      for (const table of this.tables) {
        inserted +=
          (
            await this.client.query(`${this.insert(table, false)} ON CONFLICT DO NOTHING`, [
              this.keyVersion,
              this.batchId,
            ])
          ).rowCount ?? 0;
      }
      await this.client.query("COMMIT");
      return inserted;
    }
    if (this.begun) await this.client.query("COMMIT");
    this.begun = false;
    return this.inserted;
  }

  async abort(): Promise<void> {
    if (this.begun) await this.client.query("ROLLBACK").catch(() => {});
    this.begun = false;
  }

  private insert(table: string, filtered: boolean): string {
    return `INSERT INTO affected_account (phone_hash, key_version, category_id, batch_id)
      SELECT DISTINCT s.phone_hash, $1::int2, s.category_id, $2::int4 FROM ${table} s
      ${
        filtered
          ? `WHERE NOT EXISTS (SELECT 1 FROM affected_account a
        WHERE a.phone_hash = s.phone_hash AND a.key_version = $1 AND a.category_id = s.category_id)`
          : ""
      }
      ORDER BY 1`;
  }
}
