// The fast parser (uDSV behind checks) must read every piece exactly as csv-parse does,
// or decline it: random pieces in every shape the checks guard against, and the pieces
// real exports make, which it must take.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { parseLines } from "@/lib/imports/fast-csv";

/** What the worker's csv-parse path makes of a piece: one record per line, or a throw. */
function csvParse(text: string): string[][] | "throws" {
  try {
    return parse(text, { relax_column_count: true, relax_quotes: true }) as string[][];
  } catch {
    return "throws";
  }
}

/** A seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: T[]) => xs[Math.floor(next() * xs.length)]!,
  };
}

/** A field; `clean` pieces have no stray quotes, so more of them are taken. */
function field(r: ReturnType<typeof random>, clean: boolean): string {
  const chars = ["2", "0", "6", "5", " ", "-", "(", ")", "+", ".", "a", "E", ",", '"', "\t", "é"];
  let v = "";
  for (let i = r.int(8); i > 0; i--) v += r.pick(chars);
  switch (r.int(10) + (clean && r.next() < 0.9 ? 10 : 0)) {
    case 0: // well-formed quotes around anything
    case 1:
      return `"${v.replace(/"/g, '""')}"`;
    case 2: // a stray quote somewhere
      return r.next() < 0.5 ? `${v}"x` : `"${v.replace(/"/g, '""')}" `;
    case 3:
    case 13:
      return "";
    case 10:
    case 11:
      return `"${v.replace(/"/g, '""')}"`;
    default:
      return v.replace(/[",]/g, "");
  }
}

function piece(r: ReturnType<typeof random>, clean = false): string {
  const columns = 1 + r.int(4);
  const eol = r.pick(["\n", "\r\n"]);
  const lines: string[] = [];
  for (let i = 1 + r.int(12); i > 0; i--) {
    const roll = r.int(clean ? 200 : 20);
    const n = roll === 0 ? columns - 1 : roll === 1 ? columns + 1 : columns;
    const line = roll === 2 ? "" : Array.from({ length: Math.max(0, n) }, () => field(r, clean)).join(",");
    lines.push(line + (r.int(clean ? 250 : 25) === 0 ? r.pick(["\n", "\r\n", "\r"]) : eol));
  }
  const text = lines.join("");
  return r.int(8) === 0 ? text.replace(/\r?\n$/, "") : text;
}

describe("parseLines", () => {
  it("reads random pieces exactly as csv-parse does, or declines them", () => {
    let taken = 0;
    for (let seed = 1; seed <= 20_000; seed++) {
      const text = piece(random(seed), seed % 2 === 0);
      const fast = parseLines(text);
      if (fast === null) continue;
      taken++;
      expect([seed, text, fast]).toEqual([seed, text, csvParse(text)]);
    }
    // Most pieces of a well-formed shape are taken, so this compares something.
    expect(taken).toBeGreaterThan(5_000);
  });

  it("takes the pieces real exports make: quoted fields, CRLF, commas inside quotes, one column", () => {
    const pieces = [
      '(206) 555-0100,Customer 1,A1\r\n"+1 206 555 0101",Customer 2,A2\r\n206.555.0102,"Doe, Jane",A3\r\n',
      "2065550100\n(206) 555-0101\n+1 206 555 0102\n",
      '"Doe, Jane","206-555-0203",ok\nSmith,"+1 206 555 0204",ok\n',
      "phone,category\n206-555-0220,prepaid\n206-555-0221,Current postpaid customers",
      '"a""b",2065550100\n"",2065550101\n',
    ];
    for (const text of pieces) expect([text, parseLines(text)]).toEqual([text, csvParse(text)]);
  });

  it("declines what it cannot read as csv-parse does", () => {
    for (const text of [
      "a,b,c\nd,e\n", // a short line would run into the next
      "a,b,c\nd,e,f,g\n", // a long one into its last field
      "a,b\n\nc,d\n", // an empty line among several columns would vanish
      "a,b\r\nc,d\n", // mixed line ends
      'a,"b"x\n', // text after a closing quote
      'a,b"c\n', // a quote inside a field
      '"a" ,b\n', // a space after a closing quote
      '"a"\n"b"\n', // quotes in a one-column piece
      "\ufeffa,b\n", // a byte-order mark
      'a,"b,c"\n', // a comma in the last field
      "",
    ])
      expect([text, parseLines(text)]).toEqual([text, null]);
  });
});
