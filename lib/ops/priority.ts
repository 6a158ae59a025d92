import os from "node:os";

/**
 * Lowers this process's CPU priority to `niceness` (0 to 19; raising it needs no
 * privilege), so processes left at 0 win the CPU when both want it: the page processes
 * take this while lookup-only processes serve the login page (docs/adr/0021-lookup-isolation.md).
 * Call it first thing: on Linux niceness is per thread, and threads started later (libuv's
 * pool) inherit it. Returns the niceness now in force, or an error when the OS refused.
 */
export function lowerPriority(niceness: number): { niceness: number } | { error: Error } {
  try {
    if (niceness > os.getPriority(0)) os.setPriority(0, niceness);
    return { niceness: os.getPriority(0) };
  } catch (error) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }
}
