import { parse } from "csv-parse/sync";
import { parseLines } from "@/lib/imports/fast-csv";
import type { Rejection } from "@/lib/imports/types";

/** Records of a piece, each with the line it ends on, counted from the piece's first line. */
export type Parsed = { record: string[]; info: { lines: number } }[];

const OPTIONS = { info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true } as const;
const PLAIN = { relax_column_count: true, relax_quotes: true } as const;

/**
 * Parses a piece. When no quoted field spans lines, record i sits on line i, so a parse
 * without per-record info gives exact line numbers; empty lines come back as [""] and
 * are dropped. That parse is uDSV's where its checks let it (lib/imports/fast-csv.ts,
 * about nine times faster), csv-parse's otherwise. If the piece is malformed somewhere (an
 * unclosed quote), it is parsed line by line so only the broken lines are rejected.
 * `fast` false: csv-parse alone, as before uDSV (tests and the parser benchmark).
 */
export function parsePiece(
  buf: Buffer,
  rejections: Rejection[],
  firstLine: number,
  oneLinePerRecord: boolean,
  fast = true,
): Parsed {
  try {
    if (!oneLinePerRecord) return parse(buf, OPTIONS) as unknown as Parsed;
    const out: Parsed = [];
    const records = (fast && parseLines(buf.toString("utf8"))) || (parse(buf, PLAIN) as string[][]);
    records.forEach((record, i) => {
      if (record.length > 1 || record[0] !== "") out.push({ record, info: { lines: i + 1 } });
    });
    return out;
  } catch {
    const out: Parsed = [];
    buf
      .toString("utf8")
      .split("\n")
      .forEach((text, i) => {
        if (text.trim() === "") return;
        try {
          for (const r of parse(text, OPTIONS) as unknown as Parsed)
            out.push({ record: r.record, info: { lines: i + 1 } });
        } catch {
          rejections.push({ line: firstLine + i, reason: "malformed_row", value: text.slice(0, 64) });
        }
      });
    return out;
  }
}
