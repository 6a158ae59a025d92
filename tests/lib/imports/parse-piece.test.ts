// The worker's parse with uDSV in front gives what csv-parse alone gives, records, line
// numbers and rejections, on the CSV the import tests use and on pieces of a large file.
import { describe, expect, it } from "vitest";
import { RecordChunker } from "@/lib/imports/chunker";
import { parseLines } from "@/lib/imports/fast-csv";
import { parsePiece } from "@/lib/imports/parse-piece";
import type { Rejection } from "@/lib/imports/types";

const BOM = "\ufeff";
const CORPUS = [
  `${BOM}PHONE\r\n(206) 555-0201\r\n206.555.0202\r\n`,
  'name,phone,notes\n"Doe, Jane","206-555-0203","line one\nline two"\nSmith,"+1 206 555 0204",ok\nLee,555-0142,"short"\n',
  "Account,First Name,Phone Number,Zip\nA1,Ann,1-206-555-0205,98101\n",
  'phone\n(206) 555-0210\n206.555.0211\n206-555-0212\n+1 206 555 0213\n1-206-555-0214\n  206   555 0215 \n2065550216\n"+1 (206) 555-0217"\n',
  "phone,name\n2.06555E+09,a\n,b\n(000) 555-0142,c\n206-555-0218 ext 3,d\n555-0142,e\n206-555-0219,f\n",
  "phone,category\n206-555-0220,prepaid\n206-555-0221,Current postpaid customers\n206-555-0222,gold\n",
  "name,email\nA,a@example.com\n",
  "phone\n206-555-0230\n(206) 555-0230\n206-555-0231\n",
  'phone\n=HYPERLINK("x")\n+1-206-555-01\n@SUM(A1)\n206-555-0260\n',
  "phone\n(206) 555-0270\n(206) 555-0271\n(206) 555-0272\n555-0142\n",
  // Malformed and ragged: csv-parse's line-by-line fallback decides.
  'phone,name\n"206-555-0280,unclosed\n206-555-0281,b\n',
  'phone,name\n206-555-0282,a"b\n"206-555-0283"x,c\n206-555-0284\n\n206-555-0285,d,extra\n',
  "phone\r\n206-555-0286\n206-555-0287\r\n",
  "",
];

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
