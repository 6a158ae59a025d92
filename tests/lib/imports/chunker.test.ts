import { describe, expect, it } from "vitest";
import { RecordChunker, type Piece } from "@/lib/imports/chunker";

function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

/** The rule, byte by byte: a piece ends at a newline outside quotes once it has `target` bytes. */
function reference(bytes: Buffer, target: number): Piece[] {
  const out: Piece[] = [];
  let inQuotes = false;
  let quotedNewline = false;
  let start = 0;
  let line = 1;
  const cut = (end: number) => {
    const buf = new Uint8Array(bytes.subarray(start, end));
    out.push({ buf, firstLine: line, oneLinePerRecord: !quotedNewline });
    for (const b of buf) if (b === 0x0a) line++;
    quotedNewline = false;
    start = end;
  };
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x22) inQuotes = !inQuotes;
    else if (bytes[i] === 0x0a && inQuotes) quotedNewline = true;
    else if (bytes[i] === 0x0a && i + 1 - start >= target) cut(i + 1);
  }
  if (start < bytes.length) cut(bytes.length);
  return out;
}

function randomCsv(rand: () => number, rows: number): Buffer {
  let text = "phone,notes\n";
  for (let i = 0; i < rows; i++) {
    const r = rand();
    const notes = r < 0.1 ? `"two\nlines"` : r < 0.2 ? `"say ""hi"", ok"` : r < 0.25 ? `"a,b"` : "plain";
    text += `${Math.floor(rand() * 1e10)},${notes}${rand() < 0.3 ? "\r\n" : "\n"}`;
  }
  return Buffer.from(rand() < 0.5 ? text : text.slice(0, -1));
}

describe("RecordChunker", () => {
  it("cuts exactly where the byte-by-byte rule does, however the stream is split", () => {
    const rand = rng(667_000);
    for (let round = 0; round < 60; round++) {
      const bytes = randomCsv(rand, 50 + Math.floor(rand() * 400));
      const target = 16 + Math.floor(rand() * 400);
      const chunker = new RecordChunker(target);
      const pieces: Piece[] = [];
      for (let at = 0; at < bytes.length;) {
        const size = 1 + Math.floor(rand() * 300);
        pieces.push(...chunker.push(bytes.subarray(at, at + size)));
        at += size;
      }
      const last = chunker.end();
      if (last) pieces.push(last);
      const expected = reference(bytes, target);
      expect(pieces.map((p) => [Buffer.from(p.buf).toString(), p.firstLine, p.oneLinePerRecord])).toEqual(
        expected.map((p) => [Buffer.from(p.buf).toString(), p.firstLine, p.oneLinePerRecord]),
      );
    }
  });
});
