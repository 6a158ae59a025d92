import type { Client } from "pg";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import type { ImportCounts } from "@/lib/imports/progress";
import { dropStagingSql, type SlicedStaging } from "@/lib/imports/staging";

export type Completion = {
  batchId: number;
  counts: Readonly<ImportCounts>;
  bytesTotal: number;
  /** A resumed batch already held some of its rows: its figure counts them all. */
  resumed: boolean;
  /** For the audit log: the file's name and who imported it. */
  source: string;
  actor: Actor;
};

/**
 * The end of a real import, once every piece is written: the last slices merged and
 * committed, then the batch marked completed with its figures, which is the moment its
 * rows start to answer lookups, and audited with it; then its staging tables go.
 * Returns how many rows the batch holds for this file.
 */
export async function completeBatch(
  db: Db,
  client: Client,
  staging: Pick<SlicedStaging, "finish">,
  c: Completion,
): Promise<number> {
  let imported = await staging.finish();
  if (c.resumed) {
    const all = await client.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM affected_account WHERE batch_id = $1`,
      [c.batchId],
    );
    imported = Number(all.rows[0]!.n);
  }
  const figures = {
    rows: c.counts.rows,
    imported,
    duplicates: c.counts.accepted - imported,
    rejected: c.counts.rejected,
  };
  await db.$transaction(async (tx) => {
    await tx.importBatch.update({
      where: { id: c.batchId },
      data: {
        status: "completed",
        phase: "done",
        ...figures,
        bytesRead: BigInt(c.bytesTotal),
        heartbeatAt: new Date(),
        finishedAt: new Date(),
      },
    });
    // Every load is in the audit log, from the console or the command line.
    await recordAudit(tx, {
      actorId: c.actor.id,
      actorEmail: c.actor.email,
      action: "import_completed",
      target: c.source,
      details: { batchId: c.batchId, ...figures },
    });
  });
  await client.query(dropStagingSql(c.batchId));
  return imported;
}
