// Writes a process holds back to batch them (check counters, SMS conversion counts):
// each registers how to flush, and graceful shutdown (scripts/server.ts) flushes them all.
// On globalThis: the server and Next.js each hold a copy of this module, and shutdown
// must reach the ones the route handlers filled.
const PENDING = Symbol.for("exposure-check.pending-writes");

type Flush = () => Promise<void>;

function registry(): Set<Flush> {
  const g = globalThis as unknown as { [PENDING]?: Set<Flush> };
  return (g[PENDING] ??= new Set());
}

/** Registers a batch's flush; returns a function that unregisters it. */
export function onShutdownFlush(flush: Flush): () => void {
  registry().add(flush);
  return () => void registry().delete(flush);
}

/** Writes everything this process still holds back (graceful shutdown, tests). */
export async function flushPendingWrites(): Promise<void> {
  await Promise.allSettled([...registry()].map((flush) => flush()));
}

/**
 * Runs `task` every `ms` on a timer that never keeps a finished process alive. One run
 * at a time: a slow run delays the next instead of piling up.
 */
export function every(ms: number, task: () => Promise<void>): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = () => {
    timer = setTimeout(() => {
      void task().finally(() => {
        if (!stopped) tick();
      });
    }, ms);
    timer.unref();
  };
  tick();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
