import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Piece } from "@/lib/imports/chunker";
import type { PieceResult, WorkerInit } from "@/lib/imports/types";

/** How many workers an import uses: every core, as parse + validate + HMAC is CPU-bound. */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(os.availableParallelism(), 8));
}

/**
 * Import workers, fed round-robin. Workers run TypeScript through tsx's require hook
 * (a worker does not inherit the parent's --import loader).
 */
export class WorkerPool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve: (r: PieceResult) => void; reject: (e: Error) => void }>();
  private next = 0;
  private seq = 0;
  private failed: Error | undefined;

  constructor(init: WorkerInit, size = defaultWorkerCount()) {
    const file = path.join(__dirname, "worker.ts");
    this.workers = Array.from({ length: size }, () => {
      const w = new Worker(`require("tsx/cjs"); require(${JSON.stringify(file)});`, {
        eval: true,
        workerData: init,
        // Keeps each worker small: its heap holds one piece at a time.
        resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 64 },
      });
      w.on("message", (r: PieceResult) => {
        this.waiting.get(r.id)?.resolve(r);
        this.waiting.delete(r.id);
      });
      w.on("error", (e) => this.fail(e));
      w.on("exit", (code) => code !== 0 && this.fail(new Error(`import worker exited with code ${code}`)));
      return w;
    });
  }

  get size(): number {
    return this.workers.length;
  }

  run(piece: Piece): Promise<PieceResult> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.seq++;
    const worker = this.workers[this.next++ % this.workers.length]!;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, ...piece }, [piece.buf.buffer as ArrayBuffer]);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private fail(e: Error) {
    this.failed ??= e;
    for (const { reject } of this.waiting.values()) reject(e);
    this.waiting.clear();
  }
}
