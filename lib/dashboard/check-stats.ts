import type { Sql } from "@/lib/db/sql";
import { log } from "@/lib/log";
import { every, onShutdownFlush } from "@/lib/ops/pending-writes";

/** What one step of a check adds to its day's counters. */
export type CheckCount = { started?: boolean; completed?: boolean; affected?: boolean };

/** The UTC day of an instant, as YYYY-MM-DD. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** A process's check counters: counted in memory, written in batches. */
export type CheckCounter = {
  /** Adds one check step to its day's counts; no database work on the request's path. */
  add(at: Date, step: CheckCount): void;
  /** Writes what is counted so far (the timer, shutdown, tests). */
  flush(): Promise<void>;
  /** Stops the timer and unregisters from shutdown, after a last flush. */
  close(): Promise<void>;
};

type Counts = { started: number; completed: number; affected: number };

// Every day counted since the last flush in one statement; days in order, so two
// processes flushing at once take the rows' locks in the same order.
const FLUSH = {
  name: "check_stat_flush",
  text: `INSERT INTO check_stat (day, started, completed, affected)
         SELECT * FROM unnest($1::date[], $2::int[], $3::int[], $4::int[])
         ON CONFLICT (day) DO UPDATE SET
           started = check_stat.started + EXCLUDED.started,
           completed = check_stat.completed + EXCLUDED.completed,
           affected = check_stat.affected + EXCLUDED.affected`,
};

/**
 * The dashboard's checks per day (counts only, never a number or a hash). One upsert per
 * start on the day's single row would queue every start of the fleet on that row's lock,
 * and cost a commit each: each process counts in memory instead and adds its counts with
 * one statement every `delayMs` (docs/adr/0031-check-hot-path.md). The sums stay exact;
 * a failed write keeps its counts for the next one; a process killed outright loses at
 * most the last `delayMs` of counts, and a graceful shutdown none.
 */
export function batchedCheckCounter(sql: Sql, { delayMs = 1000 }: { delayMs?: number } = {}): CheckCounter {
  let pending = new Map<string, Counts>();
  let writing: Promise<void> = Promise.resolve();

  const merge = (into: Map<string, Counts>, day: string, c: Counts) => {
    const had = into.get(day) ?? { started: 0, completed: 0, affected: 0 };
    into.set(day, {
      started: had.started + c.started,
      completed: had.completed + c.completed,
      affected: had.affected + c.affected,
    });
  };

  const write = async () => {
    if (pending.size === 0) return;
    const batch = pending;
    pending = new Map();
    const days = [...batch.keys()].sort();
    try {
      await sql(FLUSH, [
        days,
        days.map((d) => batch.get(d)!.started),
        days.map((d) => batch.get(d)!.completed),
        days.map((d) => batch.get(d)!.affected),
      ]);
    } catch (e) {
      for (const [day, c] of batch) merge(pending, day, c);
      log.warn({ err: (e as Error).message }, "check counters not written yet; retrying");
    }
  };
  const flush = () => (writing = writing.then(write));
  const stop = every(delayMs, flush);
  const unregister = onShutdownFlush(flush);

  return {
    add(at, step) {
      merge(pending, utcDay(at), {
        started: step.started ? 1 : 0,
        completed: step.completed ? 1 : 0,
        affected: step.affected ? 1 : 0,
      });
    },
    flush,
    async close() {
      stop();
      unregister();
      await flush();
    },
  };
}
