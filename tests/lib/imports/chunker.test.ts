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

describe("RecordChunker and records over the limit", () => {
  const cut = (text: string, max: number, split = 7) => {
    const lines: number[] = [];
    const chunker = new RecordChunker(64, (line) => lines.push(line), max);
    const bytes = Buffer.from(text);
    const pieces: Piece[] = [];
    for (let at = 0; at < bytes.length; at += split) pieces.push(...chunker.push(bytes.subarray(at, at + split)));
    const last = chunker.end();
    if (last) pieces.push(last);
    const kept = Buffer.concat(pieces.map((p) => Buffer.from(p.buf))).toString();
    return { lines, kept, pieces };
  };

  it("empties a long line, reports its line, and keeps the line numbers of the rest", () => {
    const { lines, kept, pieces } = cut(`phone\n1\n${"9".repeat(300)}\n2\n3\n`, 100);
    expect(lines).toEqual([3]);
    expect(kept).toBe("phone\n1\n\n2\n3\n");
    // Line 4 ("2") is still line 4 for whichever piece holds it.
    const holder = pieces.find((p) => Buffer.from(p.buf).toString().includes("2\n"))!;
    const before = Buffer.from(holder.buf).toString().split("2\n")[0]!;
    expect(holder.firstLine + before.split("\n").length - 1).toBe(4);
  });

  it("drops the line an unclosed quote opens on once its field passes the limit, and reads on", () => {
    const tail = Array.from({ length: 40 }, (_, i) => `${1000 + i}`).join("\n");
    const { lines, kept } = cut(`phone,notes\n1,a\n2,"never closed\n${tail}\n`, 100);
    expect(lines).toEqual([3]);
    // Everything after the dropped line is read again, outside quotes.
    expect(kept.startsWith("phone,notes\n1,a\n1000\n1001\n")).toBe(true);
    expect(kept.endsWith("1039\n")).toBe(true);
  });

  it("leaves records within the limit alone, quoted line breaks included", () => {
    const text = `phone,notes\n1,"two\nlines"\n2,"${"x".repeat(50)}"\n`;
    expect(cut(text, 100)).toMatchObject({ lines: [], kept: text });
  });
});
