import type { Piece } from "@/lib/imports/chunker";
import type { PieceResult } from "@/lib/imports/types";

/**
 * Feeds pieces to the workers with backpressure: once `limit` pieces are in flight (two
 * per worker keeps every worker busy), the next dispatch waits for one to finish, so the
 * file is read no faster than it is hashed and memory stays flat. Each result is handed
 * on as it completes, in completion order.
 */
export class PieceDispatcher {
  private readonly inflight = new Set<Promise<void>>();

  constructor(
    private readonly run: (piece: Piece) => Promise<PieceResult>,
    private readonly onResult: (result: PieceResult) => void,
    private readonly limit: number,
  ) {}

  /** Sends a piece off; rejects if a piece has failed. The piece's buffer is handed over. */
  async dispatch(piece: Piece): Promise<void> {
    const task = this.run(piece).then(this.onResult);
    this.inflight.add(task);
    void task.finally(() => this.inflight.delete(task)).catch(() => {});
    if (this.inflight.size >= this.limit) await Promise.race(this.inflight);
  }

  /** Waits for every piece in flight; rejects with the first failure. */
  async drain(): Promise<void> {
    await Promise.all(this.inflight);
  }
}
