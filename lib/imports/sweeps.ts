import type { Db } from "@/lib/db/client";
import { purgeRejectedValues } from "@/lib/imports/rejections";
import { sweepUndone } from "@/lib/imports/undo";
import { sweepUploads } from "@/lib/imports/uploads";
import { log } from "@/lib/log";

export const SWEEP_EVERY_MS = 10 * 60 * 1000;

/** One round: abandoned uploads, expired rejected values, undone rows past the window. */
export async function sweepImports(db: Db, restoreWindowHours: number, now = new Date()): Promise<void> {
  sweepUploads(now.getTime());
  await purgeRejectedValues(db, now);
  await sweepUndone(db, restoreWindowHours, now);
}

/**
 * Sweeps on a timer, so an abandoned upload goes even when no one uploads again. The
 * timer is unref'd: it never keeps a process alive that has nothing else to do.
 */
export function startImportSweeps(db: Db, restoreWindowHours: number, everyMs = SWEEP_EVERY_MS): NodeJS.Timeout {
  const timer = setInterval(() => {
    sweepImports(db, restoreWindowHours).catch((err: unknown) => log.warn({ err }, "import sweep failed"));
  }, everyMs);
  timer.unref();
  return timer;
}
