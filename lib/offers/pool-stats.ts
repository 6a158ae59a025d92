import type { Db } from "@/lib/db/client";

/** A pool is running low at this share of its codes left, or below LOW_POOL_MIN codes. */
export const LOW_POOL_SHARE = 0.1;
export const LOW_POOL_MIN = 50;

export type PoolStat = {
  incident: string;
  category: string;
  name: string;
  total: number;
  left: number;
  low: boolean;
};

/**
 * Codes loaded and left in each category that carries an offer, for the dashboard. A pool
 * with an offer and no codes at all counts as low: verified customers are told to ask.
 */
export async function poolStats(db: Db, incidentSlug?: string): Promise<PoolStat[]> {
  const rows = await db.$queryRaw<{ incident: string; category: string; name: string; total: number; left: number }[]>`
    SELECT i.slug AS incident, c.slug AS category, c.name,
           count(o.id)::int AS total, (count(o.id) - count(o.assigned_to))::int AS left
    FROM category c
    JOIN incident i ON i.id = c.incident_id
    LEFT JOIN offer_code o ON o.category_id = c.id
    WHERE c.offer_provider IS NOT NULL AND (${incidentSlug ?? null}::text IS NULL OR i.slug = ${incidentSlug ?? null})
    GROUP BY i.slug, c.slug, c.name, c.sort_order
    ORDER BY i.slug, c.sort_order, c.slug`;
  return rows.map((r) => ({ ...r, low: isLow(r.total, r.left) }));
}

/** Low: fewer than LOW_POOL_MIN codes left (a busy day's worth), or a tenth of the pool or less. */
export function isLow(total: number, left: number): boolean {
  return left < LOW_POOL_MIN || left <= total * LOW_POOL_SHARE;
}
