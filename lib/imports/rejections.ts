import { stringify } from "csv-stringify/sync";
import { recordAudit } from "@/lib/audit/record";
import { escapeCell } from "@/lib/csv/escape-cell";
import type { AuditCtx } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Keyring } from "@/lib/hashing/keyring";
import { sealPhone, unsealPhone } from "@/lib/hashing/seal";
import type { Rejection } from "@/lib/imports/types";

/** Rejected values are kept this long at most (or until downloaded). */
export const REJECTED_VALUES_TTL_MS = 24 * 60 * 60 * 1000;

/** Rejected values kept for the download; beyond this they are only counted. */
export const MAX_STORED_REJECTIONS = 100_000;

/** A sealed value opens only as the value of its own batch and line. */
function sealedAs(batchId: number, line: number): string {
  return `rejection:${batchId}:${line}`;
}

/**
 * A batch's refused rows on their way to import_rejection: line and reason, the value
 * sealed, stored a few thousand at a time. A dry run (no batch) stores nothing, and
 * past `limit` rows are only counted.
 */
export class RejectionStore {
  private pending: Rejection[] = [];
  private stored = 0;

  constructor(
    private readonly db: Db,
    private readonly keyring: Keyring,
    private readonly batchId: number | null,
    private readonly opts: { limit?: number; flushAt?: number } = {},
  ) {}

  add(rejections: Rejection[]): void {
    if (this.batchId !== null) this.pending.push(...rejections);
  }

  /** Stores what is pending once there is enough of it for one statement. */
  async flushIfFull(): Promise<void> {
    if (this.pending.length >= (this.opts.flushAt ?? 5000)) await this.flush();
  }

  async flush(): Promise<void> {
    const batchId = this.batchId;
    if (batchId === null || this.pending.length === 0) return;
    const keep = this.pending.slice(0, Math.max(0, (this.opts.limit ?? MAX_STORED_REJECTIONS) - this.stored));
    this.pending = [];
    this.stored += keep.length;
    if (keep.length === 0) return;
    const material = this.keyring.keyMaterial();
    await this.db.importRejection.createMany({
      data: keep.map((r) => ({
        batchId,
        line: r.line,
        reason: r.reason,
        sealedValue: r.value
          ? new Uint8Array(sealPhone(material, sealedAs(batchId, r.line), r.value.slice(0, 64)))
          : null,
      })),
    });
  }
}

/**
 * The batch's rejected rows as CSV (line, reason, value), audited. It only reads: the
 * download is a GET, and a GET that destroyed data could be set off by any page linking
 * to it (the session cookie is SameSite=Lax). Wiping is wipeRejectedValues, a POST.
 */
export async function downloadRejections(db: Db, keyring: Keyring, batchId: number, ctx: AuditCtx): Promise<string> {
  if (!(await db.importBatch.findUnique({ where: { id: batchId }, select: { id: true } })))
    throw new AppError("not_found");
  const rows = await db.importRejection.findMany({ where: { batchId }, orderBy: { line: "asc" } });
  const material = keyring.keyMaterial();
  const records = rows.map((r) => {
    let value = "";
    if (r.sealedValue) {
      try {
        value = unsealPhone(material, sealedAs(batchId, r.line), Buffer.from(r.sealedValue));
      } catch {
        value = ""; // sealed under a key that has since been rotated away
      }
    }
    return [String(r.line), r.reason, escapeCell(value)];
  });
  await recordAudit(db, {
    actorId: ctx.actor.id,
    actorEmail: ctx.actor.email,
    action: "rejections_downloaded",
    target: `batch ${batchId}`,
    ip: ctx.ip,
  });
  return stringify([["line", "reason", "value"], ...records]);
}

/** Wipes the batch's stored rejected values now (line and reason stay), audited. */
export async function wipeRejectedValues(db: Db, batchId: number, ctx: AuditCtx): Promise<number> {
  if (!(await db.importBatch.findUnique({ where: { id: batchId }, select: { id: true } })))
    throw new AppError("not_found");
  const { count } = await db.importRejection.updateMany({
    where: { batchId, sealedValue: { not: null } },
    data: { sealedValue: null },
  });
  await recordAudit(db, {
    actorId: ctx.actor.id,
    actorEmail: ctx.actor.email,
    action: "rejections_wiped",
    target: `batch ${batchId}`,
    details: { values: count },
    ip: ctx.ip,
  });
  return count;
}

/** Wipes rejected values older than a day (run on a schedule and at start). */
export async function purgeRejectedValues(db: Db, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - REJECTED_VALUES_TTL_MS);
  const { count } = await db.importRejection.updateMany({
    where: { sealedValue: { not: null }, batch: { createdAt: { lt: cutoff } } },
    data: { sealedValue: null },
  });
  return count;
}
