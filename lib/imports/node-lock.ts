import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { uploadDir } from "@/lib/imports/uploads";

/**
 * One import at a time on a node: an import takes every core (its workers) and much of
 * the disk, and two at once only slow each other and the lookups. The slot is a lock
 * file beside the uploads, created exclusively and holding the importer's pid; a file
 * whose process is gone (a crashed importer) is taken over. Per node, not per cluster:
 * the database takes concurrent merges (merge.ts serializes their last step).
 */
export class NodeImportLock {
  constructor(readonly file = path.join(uploadDir(), "import.lock")) {}

  /**
   * Waits for the slot; `whileWaiting` runs at each try (the batch's heartbeat, so a
   * queued import is not taken for a dead one). Resolves to the release.
   */
  async acquire(whileWaiting?: () => Promise<void>, pollMs = 1000): Promise<() => void> {
    for (;;) {
      const release = this.tryTake();
      if (release) return release;
      await whileWaiting?.();
      await sleep(pollMs);
    }
  }

  /** Takes the slot if free (or held by a process that is gone): its release, or null. */
  tryTake(): (() => void) | null {
    if (!this.create()) {
      const holder = this.holder();
      if (holder !== null ? alive(holder) : this.fresh()) return null;
      this.removeStale();
      if (!this.create()) return null;
    }
    return () => this.release();
  }

  private removeStale(): void {
    // A holder that died (or a file left empty by one that died as it wrote).
    try {
      unlinkSync(this.file);
    } catch {
      // another importer removed it first
    }
  }

  /** Creates the lock file with this pid; false when it exists. */
  private create(): boolean {
    let fd: number;
    try {
      fd = openSync(this.file, "wx", 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw e;
    }
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  }

  /** An empty lock file is being written, unless it has been empty for a while. */
  private fresh(): boolean {
    try {
      return Date.now() - statSync(this.file).mtimeMs < 10_000;
    } catch {
      return false;
    }
  }

  private holder(): number | null {
    try {
      const pid = Number(readFileSync(this.file, "utf8"));
      return Number.isInteger(pid) && pid > 0 ? pid : null;
    } catch {
      return null;
    }
  }

  private release(): void {
    if (this.holder() === process.pid) unlinkSync(this.file);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
