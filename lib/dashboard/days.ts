/** Inclusive range of UTC days, as YYYY-MM-DD. */
export type DayRange = { from: string; to: string };

export const DEFAULT_DAYS = 30;
const DAY_MS = 86_400_000;

/** The last `days` UTC days, today included. */
export function lastDays(now: Date = new Date(), days: number = DEFAULT_DAYS): DayRange {
  const to = now.toISOString().slice(0, 10);
  const from = new Date(Date.parse(to) - (Math.max(1, Math.trunc(days)) - 1) * DAY_MS).toISOString().slice(0, 10);
  return { from, to };
}

/** Every day of the range in order (empty when `from` is after `to`). */
export function daysOf(range: DayRange): string[] {
  const out: string[] = [];
  for (let t = Date.parse(range.from), end = Date.parse(range.to); t <= end; t += DAY_MS) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** One entry per day of the range; days the database has no row for get `empty`. */
export function fillDays<T extends { day: string }>(
  range: DayRange,
  rows: readonly T[],
  empty: (day: string) => T,
): T[] {
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return daysOf(range).map((day) => byDay.get(day) ?? empty(day));
}
