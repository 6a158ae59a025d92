// The worker's parse with uDSV in front gives what csv-parse alone gives, records, line
// numbers and rejections, on the CSV the import tests use and on pieces of a large file.
import { describe, expect, it } from "vitest";
import { RecordChunker } from "@/lib/imports/chunker";
import { parseLines } from "@/lib/imports/fast-csv";
import { parsePiece } from "@/lib/imports/parse-piece";
import type { Rejection } from "@/lib/imports/types";
import { CSV_CORPUS as CORPUS } from "@/tests/support/imports";

/** A large export as the import benchmark writes it: one phone in five quoted, CRLF. */
function export_(rows: number): string {
  let text = "Phone,First Name,Account\r\n";
  for (let i = 0; i < rows; i++) {
    const line = String(i % 10000).padStart(4, "0");
    text += `${i % 5 === 2 ? `"+1 206 555 ${line}"` : `(206) 555-${line}`},Customer ${i},A${i}\r\n`;
  }
  return text;
}

/** Cuts a file as the import does and parses every piece both ways. */
function bothWays(text: string, target: number) {
  const chunker = new RecordChunker(target);
  const pieces = chunker.push(Buffer.from(text));
  const last = chunker.end();
  if (last) pieces.push(last);
  return pieces.map((p) => {
    const buf = Buffer.from(p.buf);
    const run = (fast: boolean) => {
      const rejections: Rejection[] = [];
      const records = parsePiece(buf, rejections, p.firstLine, p.oneLinePerRecord, fast);
      return { records, rejections };
    };
    return {
      fast: run(true),
      plain: run(false),
      taken: p.oneLinePerRecord && parseLines(buf.toString("utf8")) !== null,
    };
  });
}

describe("parsePiece with uDSV in front", () => {
  it("matches csv-parse on the import tests' files, whole and cut small", () => {
    let taken = 0;
    for (const text of CORPUS)
      for (const target of [1 << 20, 16])
        for (const piece of bothWays(text, target)) {
          expect([text, piece.fast]).toEqual([text, piece.plain]);
          if (piece.taken) taken++;
        }
    // uDSV read most of them: the comparison is not csv-parse against itself.
    expect(taken).toBeGreaterThan(20);
  });

  it("matches csv-parse on a large export, with exact line numbers", () => {
    const text = export_(50_000);
    const pieces = bothWays(text, 64 * 1024);
    expect(pieces.length).toBeGreaterThan(10);
    let line = 0;
    for (const { fast, plain, taken } of pieces) {
      expect(taken).toBe(true);
      expect(fast).toEqual(plain);
      line += fast.records.length;
    }
    expect(line).toBe(50_001);
  });
});
