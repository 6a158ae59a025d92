import type { Db } from "@/lib/db/client";
import { fillDays, lastDays, type DayRange } from "@/lib/dashboard/days";

export type CategoryCount = { categoryId: number; slug: string; name: string; accounts: number };
export type IncidentCounts = {
  incidentId: number;
  slug: string;
  title: string;
  accounts: number;
  categories: CategoryCount[];
};
export type ImportDay = { day: string; rows: number; batches: number };
export type CheckDay = { day: string; started: number; completed: number; affected: number };

type CategoryRow = {
  incident_id: number;
  incident_slug: string;
  incident_title: string;
  category_id: number;
  category_slug: string;
  category_name: string;
  accounts: number;
};

/**
 * Affected accounts per category, grouped by incident, counting only rows of completed
 * batches (what lookups see). The big table is aggregated by category_id alone, with
 * completed batches as a hashed semi-join, and only the few result rows meet the names:
 * one sequential pass however many rows there are. Categories with no rows count 0.
 */
export async function affectedByCategory(db: Db): Promise<IncidentCounts[]> {
  const rows = await db.$queryRaw<CategoryRow[]>`
    WITH per_category AS (
      SELECT a.category_id, count(*) AS accounts
      FROM affected_account a
      WHERE a.batch_id IN (SELECT id FROM import_batch WHERE status = 'completed')
      GROUP BY a.category_id
    )
    SELECT i.id AS incident_id, i.slug AS incident_slug, i.title AS incident_title,
           c.id AS category_id, c.slug AS category_slug, c.name AS category_name,
           COALESCE(n.accounts, 0)::int AS accounts
    FROM category c
    JOIN incident i ON i.id = c.incident_id
    LEFT JOIN per_category n ON n.category_id = c.id
    ORDER BY i.disclosed_at DESC, i.slug, c.sort_order, c.slug`;

  const incidents = new Map<number, IncidentCounts>();
  for (const r of rows) {
    let incident = incidents.get(r.incident_id);
    if (!incident) {
      incident = {
        incidentId: r.incident_id,
        slug: r.incident_slug,
        title: r.incident_title,
        accounts: 0,
        categories: [],
      };
      incidents.set(r.incident_id, incident);
    }
    incident.accounts += r.accounts;
    incident.categories.push({
      categoryId: r.category_id,
      slug: r.category_slug,
      name: r.category_name,
      accounts: r.accounts,
    });
  }
  return [...incidents.values()];
}

/** Rows imported per UTC day (by when each completed batch finished), every day of the range. */
export async function importsPerDay(db: Db, range: DayRange = lastDays()): Promise<ImportDay[]> {
  const rows = await db.$queryRaw<ImportDay[]>`
    SELECT to_char(finished_at::date, 'YYYY-MM-DD') AS day, sum(imported)::int AS rows, count(*)::int AS batches
    FROM import_batch
    WHERE status = 'completed' AND finished_at >= ${range.from}::date AND finished_at < ${range.to}::date + 1
    GROUP BY finished_at::date`;
  return fillDays(range, rows, (day) => ({ day, rows: 0, batches: 0 }));
}

/** Checks started, completed and found affected per UTC day, every day of the range. */
export async function checksPerDay(db: Db, range: DayRange = lastDays()): Promise<CheckDay[]> {
  const rows = await db.$queryRaw<CheckDay[]>`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, started, completed, affected
    FROM check_stat
    WHERE day BETWEEN ${range.from}::date AND ${range.to}::date`;
  return fillDays(range, rows, (day) => ({ day, started: 0, completed: 0, affected: 0 }));
}
