import { randomBytes } from "node:crypto";
import type { Client } from "pg";
import type { TupleSink } from "@/lib/imports/tally";
import { copyWriter, insertWriter, type TupleWriter } from "@/lib/imports/writers";

/**
 * A dry run's sink: the hashed rows go into a temporary table of the run's own session,
 * then are counted exactly as the merge would insert them (DISTINCT within the file, and
 * the same anti-join against what is stored), so a dry run and the import it previews
 * report the same figures. Nothing reaches affected_account. The table is dropped when
 * counted or discarded: the embedded database serves every connection in one session,
 * where a temporary table outlives the connection.
 */
export class DryRunCount implements TupleSink {
  private writer: TupleWriter | null = null;
  private readonly table = `import_dry_run_${randomBytes(6).toString("hex")}`;

  constructor(
    private readonly client: Client,
    private readonly useCopy: boolean,
  ) {}

  async open(): Promise<void> {
    await this.client.query(`CREATE TEMP TABLE ${this.table} (phone_hash bytea NOT NULL, category_id int4 NOT NULL)`);
    this.writer = this.useCopy ? await copyWriter(this.client, this.table) : insertWriter(this.client, this.table);
  }

  async write(tuples: Uint8Array): Promise<void> {
    await this.writer!.write(tuples);
  }

  /** How many rows the import would add under this key version. */
  async count(keyVersion: number): Promise<number> {
    await this.writer!.finish();
    const { rows } = await this.client.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM (SELECT DISTINCT phone_hash, category_id FROM ${this.table}) s
       WHERE NOT EXISTS (SELECT 1 FROM affected_account a
         WHERE a.phone_hash = s.phone_hash AND a.key_version = $1 AND a.category_id = s.category_id)`,
      [keyVersion],
    );
    await this.discard();
    return Number(rows[0]!.n);
  }

  async discard(): Promise<void> {
    await this.client.query(`DROP TABLE IF EXISTS ${this.table}`);
  }
}
