import { poolStats, type PoolStat } from "@/lib/offers/pool-stats";
import type { Db } from "@/lib/db/client";
import { utcDay } from "@/lib/dashboard/check-stats";
import type { IncidentCounts } from "@/lib/dashboard/stats";

export type CheckCounts = { started: number; completed: number };

/** The figures the dashboard opens with. Counts only, never a number. */
export type Headline = {
  incidents: { slug: string; title: string; accounts: number }[];
  /** Rows of completed batches over every incident (a number in two groups counts twice). */
  affectedTotal: number;
  today: CheckCounts;
  all: CheckCounts & { affected: number };
  /**
   * Completed checks that found the number affected, per affected account: what the
   * counters allow (docs/adr/0026-readable-audit-log-and-dashboard-headline.md). A number
   * checked twice counts twice, so this is not the share of distinct affected accounts
   * that checked; null when nothing is affected.
   */
  affectedChecksPerAccount: number | null;
  /** Codes left where offers exist: null when no group carries one (codesLeftWhereOffersExist). */
  codesLeft: number | null;
};

type TotalsRow = {
  started: bigint;
  completed: bigint;
  affected: bigint;
  today_started: bigint;
  today_completed: bigint;
};

/** Checks started and completed today (UTC) and in all, from the daily counters (one small table). */
export async function checkTotals(
  db: Db,
  now: Date = new Date(),
): Promise<{ today: CheckCounts; all: Headline["all"] }> {
  const [r] = await db.$queryRaw<TotalsRow[]>`
    SELECT COALESCE(sum(started), 0)::bigint AS started,
           COALESCE(sum(completed), 0)::bigint AS completed,
           COALESCE(sum(affected), 0)::bigint AS affected,
           COALESCE(sum(started) FILTER (WHERE day = ${utcDay(now)}::date), 0)::bigint AS today_started,
           COALESCE(sum(completed) FILTER (WHERE day = ${utcDay(now)}::date), 0)::bigint AS today_completed
    FROM check_stat`;
  return {
    today: { started: Number(r!.today_started), completed: Number(r!.today_completed) },
    all: { started: Number(r!.started), completed: Number(r!.completed), affected: Number(r!.affected) },
  };
}

/**
 * Activation codes left to hand out, over every group that carries an offer (ADR 32);
 * null when no group does, and the dashboard says "not available".
 */
export async function codesLeftWhereOffersExist(db: Db, read?: PoolStat[]): Promise<number | null> {
  const pools = read ?? (await poolStats(db));
  return pools.length === 0 ? null : pools.reduce((n, p) => n + p.left, 0);
}

/**
 * The headline from the per-incident counts the page already has, and the check counters;
 * `pools`, when the page has read them too, are not read again.
 */
export async function headlineTotals(
  db: Db,
  incidents: IncidentCounts[],
  now: Date = new Date(),
  pools?: PoolStat[],
): Promise<Headline> {
  const [checks, codesLeft] = await Promise.all([checkTotals(db, now), codesLeftWhereOffersExist(db, pools)]);
  const affectedTotal = incidents.reduce((n, i) => n + i.accounts, 0);
  return {
    incidents: incidents.map((i) => ({ slug: i.slug, title: i.title, accounts: i.accounts })),
    affectedTotal,
    ...checks,
    affectedChecksPerAccount: affectedTotal > 0 ? checks.all.affected / affectedTotal : null,
    codesLeft,
  };
}
