import { describe, expect, it } from "vitest";
import type { Piece } from "@/lib/imports/chunker";
import { PieceDispatcher } from "@/lib/imports/dispatch";
import type { PieceResult } from "@/lib/imports/types";

type Call = { piece: Piece; resolve: (r: PieceResult) => void; reject: (e: Error) => void };

/** Workers whose pieces finish when the test says so. */
function heldWorkers() {
  const calls: Call[] = [];
  const run = (piece: Piece) =>
    new Promise<PieceResult>((resolve, reject) => void calls.push({ piece, resolve, reject }));
  return { calls, run };
}

const piece = (line: number): Piece => ({ buf: new Uint8Array(4), firstLine: line, oneLinePerRecord: true });
const result = (id: number): PieceResult => ({ id, rows: 1, accepted: 1, tuples: new Uint8Array(0), rejections: [] });
const settled = async (p: Promise<unknown>) => {
  let done = false;
  void p.then(
    () => (done = true),
    () => (done = true),
  );
  for (let i = 0; i < 5; i++) await Promise.resolve();
  return done;
};

describe("dispatching pieces to the workers", () => {
  it("keeps at most `limit` pieces in flight: the next dispatch waits for one to finish", async () => {
    const { calls, run } = heldWorkers();
    const got: number[] = [];
    const dispatcher = new PieceDispatcher(run, (r) => got.push(r.id), 2);
    expect(await settled(dispatcher.dispatch(piece(1)))).toBe(true);
    const second = dispatcher.dispatch(piece(2));
    expect(await settled(second)).toBe(false);
    expect(calls.map((c) => c.piece.firstLine)).toEqual([1, 2]);

    // Results are handed on in the order they complete.
    calls[1]!.resolve(result(2));
    await second;
    expect(got).toEqual([2]);
    const third = dispatcher.dispatch(piece(3));
    expect(await settled(third)).toBe(false);
    calls[0]!.resolve(result(1));
    await third;
    expect(got).toEqual([2, 1]);

    const drained = dispatcher.drain();
    expect(await settled(drained)).toBe(false);
    calls[2]!.resolve(result(3));
    await drained;
    expect(got).toEqual([2, 1, 3]);
  });

  it("fails the dispatch that waits, or the drain, with the first piece that failed", async () => {
    const { calls, run } = heldWorkers();
    const dispatcher = new PieceDispatcher(run, () => {}, 1);
    const waiting = dispatcher.dispatch(piece(1));
    calls[0]!.reject(new Error("import worker exited with code 1"));
    await expect(waiting).rejects.toThrow("exited with code 1");

    const held = heldWorkers();
    const draining = new PieceDispatcher(held.run, () => {}, 4);
    await draining.dispatch(piece(1));
    await draining.dispatch(piece(2));
    held.calls[1]!.reject(new Error("worker out of memory"));
    held.calls[0]!.resolve(result(1));
    await expect(draining.drain()).rejects.toThrow("out of memory");
  });

  it("hands a result on before the piece leaves the in-flight count", async () => {
    const { calls, run } = heldWorkers();
    const order: string[] = [];
    const dispatcher = new PieceDispatcher(run, (r) => order.push(`result ${r.id}`), 1);
    const first = dispatcher.dispatch(piece(1));
    calls[0]!.resolve(result(1));
    await first;
    order.push("dispatch returned");
    expect(order).toEqual(["result 1", "dispatch returned"]);
  });
});
