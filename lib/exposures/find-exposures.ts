import { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/lib/db/client";
import type { Keyring } from "@/lib/hashing/keyring";
import type { ExposureResult } from "@/lib/exposures/types";
import { remediationPath } from "@/lib/incidents/paths";

type Row = {
  incident_slug: string;
  incident_title: string;
  disclosed_at: Date;
  category_slug: string;
  category_name: string;
  data_exposed: string[];
};

/**
 * Every exposure recorded for a number: its hash under each key version (so lookups
 * keep working during a rotation), only from completed import batches.
 */
export async function findExposures(db: Db, keyring: Keyring, e164: string): Promise<ExposureResult> {
  const match = Prisma.join(
    keyring.hashAll(e164).map((h) => Prisma.sql`(a.phone_hash = ${h.hash} AND a.key_version = ${h.version})`),
    " OR ",
  );
  const rows = await db.$queryRaw<Row[]>`
    SELECT DISTINCT i.slug AS incident_slug, i.title AS incident_title, i.disclosed_at,
           c.slug AS category_slug, c.name AS category_name, c.data_exposed, c.sort_order
    FROM affected_account a
    JOIN import_batch b ON b.id = a.batch_id AND b.status = 'completed'
    JOIN category c ON c.id = a.category_id
    JOIN incident i ON i.id = c.incident_id
    WHERE ${match}
    ORDER BY i.disclosed_at DESC, i.slug, c.sort_order, c.slug`;
  return {
    phone: e164,
    affected: rows.length > 0,
    exposures: rows.map((r) => ({
      incident: { slug: r.incident_slug, title: r.incident_title, disclosedAt: r.disclosed_at.toISOString().slice(0, 10) },
      category: { slug: r.category_slug, name: r.category_name, dataExposed: r.data_exposed },
      remediationUrl: remediationPath(r.incident_slug, r.category_slug),
    })),
  };
}
