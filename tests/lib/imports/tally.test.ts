import { describe, expect, it } from "vitest";
import { BatchTally, type TupleSink } from "@/lib/imports/tally";
import { TUPLE_BYTES, type PieceResult, type Rejection } from "@/lib/imports/types";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function result(id: number, accepted: number, rejections: Rejection[] = []): PieceResult {
  const tuples = new Uint8Array(accepted * TUPLE_BYTES).fill(id);
  return { id, rows: accepted + rejections.length, accepted, tuples, rejections };
}
const refused = (line: number): Rejection => ({ line, reason: "too_short", value: "12" });

/** A staging stand-in that notes each write and fails the test if two overlap. */
function recordingSink(log: string[]): TupleSink {
  let busy = false;
  return {
    async write(tuples) {
      expect(busy).toBe(false);
      busy = true;
      await sleep(tuples[0] === 1 ? 20 : 1);
      log.push(`write ${tuples[0]} (${tuples.length / TUPLE_BYTES} rows)`);
      busy = false;
    },
  };
}

function recordingRejections(log: string[]) {
  return {
    add: (r: Rejection[]) => void log.push(`add ${r.map((x) => x.line).join(",")}`),
    flushIfFull: async () => void log.push("flush if full"),
    flush: async () => void log.push("flush"),
  };
}

describe("a batch's books while its file is read", () => {
  it("counts what it reads and takes, and writes results one at a time in the order they came", async () => {
    const log: string[] = [];
    const tally = new BatchTally(recordingSink(log), recordingRejections(log));
    tally.read(100);
    tally.take(result(1, 2, [refused(4)]));
    tally.read(50);
    tally.take(result(2, 0, [refused(7), refused(8)]));
    tally.take(result(3, 1));
    expect(tally.counts).toEqual({ rows: 6, accepted: 3, rejected: 3, bytesRead: 150 });
    await tally.settle();
    expect(log).toEqual([
      // Refused rows are queued at once; the writes follow on their chain.
      "add 4",
      "add 7,8",
      "add ",
      "write 1 (2 rows)",
      "flush if full",
      // A piece with no accepted row writes nothing.
      "flush if full",
      "write 3 (1 rows)",
      "flush if full",
      "flush",
    ]);
  });

  it("writes nothing but still counts in a dry run", async () => {
    const log: string[] = [];
    const tally = new BatchTally(null, recordingRejections(log));
    tally.take(result(1, 5));
    await tally.settle();
    expect(tally.counts).toMatchObject({ rows: 5, accepted: 5 });
    expect(log).toEqual(["add ", "flush if full", "flush"]);
  });

  it("fails the settle when a write fails", async () => {
    const tally = new BatchTally({ write: () => Promise.reject(new Error("COPY failed")) }, recordingRejections([]));
    tally.take(result(1, 1));
    await expect(tally.settle()).rejects.toThrow("COPY failed");
  });
});
