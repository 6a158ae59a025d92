import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";

/** What one step of a check adds to its day's counters. */
export type CheckCount = { started?: boolean; completed?: boolean; affected?: boolean };

/** The UTC day of an instant, as YYYY-MM-DD. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * Adds one check step to today's counters with a single upsert: counts only, never a
 * number or a hash. The start of a verified check calls this with the same arguments
 * for every number (it does not know the result), so its database work stays neutral.
 * A failing counter is logged, never turned into a failed check.
 */
export async function countCheck(db: Db, at: Date, step: CheckCount): Promise<void> {
  const [started, completed, affected] = [step.started, step.completed, step.affected].map((b) => (b ? 1 : 0));
  try {
    await db.$executeRaw`
      INSERT INTO check_stat (day, started, completed, affected)
      VALUES (${utcDay(at)}::date, ${started}, ${completed}, ${affected})
      ON CONFLICT (day) DO UPDATE SET
        started = check_stat.started + EXCLUDED.started,
        completed = check_stat.completed + EXCLUDED.completed,
        affected = check_stat.affected + EXCLUDED.affected`;
  } catch (e) {
    log.warn({ err: (e as Error).message }, "check counter not updated");
  }
}
