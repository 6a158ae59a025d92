// uDSV parses a plain CSV piece about nine times faster than csv-parse, but it trusts its
// input: a short line runs into the next one, an empty line vanishes, text after a
// closing quote is dropped. So it is used only on pieces whose shape is checked first,
// and its output is checked after; anything else is csv-parse's (docs/adr/0018-csv-parser.md).
import { parse } from "csv-parse/sync";
import { initParser, type Parser } from "udsv";

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

type LineEnd = "\n" | "\r\n";

const parsers = new Map<string, Parser>();

function parserFor(columns: number, eol: LineEnd, quoted: boolean): Parser {
  const key = `${columns}${eol}${quoted}`;
  let parser = parsers.get(key);
  if (!parser) {
    const encl = quoted ? '"' : "";
    parser = initParser({
      skip: 0,
      col: ",",
      row: eol,
      encl,
      esc: encl,
      trim: false,
      cols: Array.from({ length: columns }, (_, i) => ({
        name: String(i),
        type: "s",
        repl: { empty: "", null: "null", NaN: "NaN" },
      })),
    } as Parameters<typeof initParser>[0]);
    parsers.set(key, parser);
  }
  return parser;
}

/** Physical lines and their one line end, or null when CRLF and LF (or a bare CR) mix. */
function lineShape(text: string): { lines: number; eol: LineEnd } | null {
  let newlines = 0;
  let crlf = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) {
    newlines++;
    if (at > 0 && text.charCodeAt(at - 1) === CR) crlf++;
  }
  let crs = 0;
  for (let at = text.indexOf("\r"); at !== -1; at = text.indexOf("\r", at + 1)) crs++;
  const lines = newlines + (text.charCodeAt(text.length - 1) === LF ? 0 : 1);
  if (crs === 0) return { lines, eol: "\n" };
  return crs === newlines && crlf === newlines ? { lines, eol: "\r\n" } : null;
}

/**
 * Every quote opens a field (at a line's start or after a comma) and closes it (before a
 * comma or the line's end) on the same line; "" inside stands for one quote. csv-parse
 * (relax_quotes) and uDSV read such fields alike, and differ on any other quote.
 */
function quotesWellFormed(text: string): boolean {
  for (let open = text.indexOf('"'); open !== -1;) {
    const before = open === 0 ? LF : text.charCodeAt(open - 1);
    if (before !== COMMA && before !== LF) return false;
    const lineEnd = text.indexOf("\n", open);
    let at = open + 1;
    for (;;) {
      const close = text.indexOf('"', at);
      if (close === -1 || (lineEnd !== -1 && close > lineEnd)) return false;
      const after = close + 1 < text.length ? text.charCodeAt(close + 1) : LF;
      if (after === QUOTE) {
        at = close + 2;
        continue;
      }
      if (after !== COMMA && after !== LF && after !== CR) return false;
      open = text.indexOf('"', close + 1);
      break;
    }
  }
  return true;
}

/** Fields in the first line, or 0 when it is empty or cannot be read. */
function firstLineColumns(text: string): number {
  let end = text.indexOf("\n");
  if (end === -1) end = text.length;
  if (end > 0 && text.charCodeAt(end - 1) === CR) end--;
  if (end === 0) return 0;
  const line = text.slice(0, end);
  if (!line.includes('"')) {
    let commas = 0;
    for (let at = line.indexOf(","); at !== -1; at = line.indexOf(",", at + 1)) commas++;
    return commas + 1;
  }
  try {
    return (parse(line, { relax_column_count: true, relax_quotes: true }) as string[][])[0]?.length ?? 0;
  } catch {
    return 0;
  }
}

/**
 * A piece in which no quoted field spans lines (the chunker's oneLinePerRecord), as
 * csv-parse would read it: one record per physical line, in order. Null when uDSV cannot
 * be trusted with it: lines of different field counts, empty lines among several
 * columns, mixed line ends, quotes anywhere but around whole fields or in a one-column
 * piece, a comma in a last field, a byte-order mark.
 */
export function parseLines(text: string): string[][] | null {
  if (text.length === 0 || text.charCodeAt(0) === 0xfeff) return null;
  const shape = lineShape(text);
  if (!shape) return null;
  const columns = firstLineColumns(text);
  if (columns === 0) return null;
  const quoted = text.includes('"');
  // uDSV drops a quoted value that is a line's only field (0.7.3).
  if (quoted && (columns === 1 || !quotesWellFormed(text))) return null;

  const rows: string[][] = [];
  let over = false;
  // A bad line can make uDSV read the text again from its start: stop it past the lines.
  parserFor(columns, shape.eol, quoted).stringArrs(text, (row: string[]) => {
    if (rows.length === shape.lines) {
      over = true;
      return false;
    }
    rows.push(row);
    return true;
  });
  if (over || rows.length !== shape.lines) return null;
  // Every character accounted for: the values, n-1 commas a line, the line ends and the
  // quoting (two quotes a quoted value, one more per quote inside). A line short of
  // fields comes back padded with empty values and fails this.
  const last = columns - 1;
  let length =
    rows.length * last + (rows.length - (text.charCodeAt(text.length - 1) === LF ? 0 : 1)) * shape.eol.length;
  let innerQuotes = 0;
  for (const row of rows) {
    if (row.length !== columns || row[last]!.includes(",")) return null;
    for (const value of row) {
      length += value.length;
      if (quoted && value.includes('"'))
        for (let at = value.indexOf('"'); at !== -1; at = value.indexOf('"', at + 1)) innerQuotes++;
    }
  }
  if (quoted) length += quoteCount(text) - innerQuotes;
  return length === text.length ? rows : null;
}

function quoteCount(text: string): number {
  let n = 0;
  for (let at = text.indexOf('"'); at !== -1; at = text.indexOf('"', at + 1)) n++;
  return n;
}
