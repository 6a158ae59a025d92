import { stringify } from "csv-stringify/sync";
import type { Db } from "@/lib/db/client";
import type { Keyring } from "@/lib/hashing/keyring";
import { unsealPhone } from "@/lib/hashing/seal";

/** Rejected values are kept this long at most (or until downloaded). */
export const REJECTED_VALUES_TTL_MS = 24 * 60 * 60 * 1000;

/** Spreadsheets run cells that start with these as formulas (CSV injection). */
const FORMULA = /^[=+\-@\t\r]/;

export function escapeCell(value: string): string {
  return FORMULA.test(value) ? `'${value}` : value;
}

/**
 * The batch's rejected rows as CSV (line, reason, value). The values are unsealed for
 * this download only and then wiped: line and reason stay for the history.
 */
export async function downloadRejections(db: Db, keyring: Keyring, batchId: number): Promise<string> {
  const rows = await db.importRejection.findMany({ where: { batchId }, orderBy: { line: "asc" } });
  const material = keyring.keyMaterial();
  const records = rows.map((r) => {
    let value = "";
    if (r.sealedValue) {
      try {
        value = unsealPhone(material, `rejection:${batchId}:${r.line}`, Buffer.from(r.sealedValue));
      } catch {
        value = ""; // sealed under a key that has since been rotated away
      }
    }
    return [String(r.line), r.reason, escapeCell(value)];
  });
  await db.importRejection.updateMany({ where: { batchId }, data: { sealedValue: null } });
  return stringify([["line", "reason", "value"], ...records]);
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
