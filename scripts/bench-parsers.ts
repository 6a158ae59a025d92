// The CSV parsers alone, on one thread and one fixed buffer, as a yardstick beside the
// import benchmark (a shared machine's load moves the import's figures, not this ratio).
// `npx tsx scripts/bench-parsers.ts [FILE] [ROWS]`; bench:import runs it on its file first.
import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { RecordChunker } from "@/lib/imports/chunker";
import { parseLines } from "@/lib/imports/fast-csv";
import { parsePiece } from "@/lib/imports/parse-piece";

/** Parses the first ROWS rows of FILE (after its header) in import-sized pieces with each parser. */
export function parserYardstick(file: string, rows = 1_000_000): void {
  const all = readFileSync(file);
  let end = all.indexOf(0x0a) + 1;
  const start = end;
  for (let n = 0; n < rows && end > 0 && end < all.length; n++) end = all.indexOf(0x0a, end) + 1;
  if (end <= 0) end = all.length;
  const chunker = new RecordChunker();
  const pieces = chunker.push(all.subarray(start, end));
  const last = chunker.end();
  if (last) pieces.push(last);
  const bufs = pieces.map((p) => ({ buf: Buffer.from(p.buf), oneLinePerRecord: p.oneLinePerRecord }));

  const parsers: [string, (buf: Buffer, oneLinePerRecord: boolean) => number][] = [
    ["csv-parse (the worker before)", (buf, one) => parsePiece(buf, [], 1, one, false).length],
    ["uDSV with its checks (the worker now)", (buf, one) => parsePiece(buf, [], 1, one, true).length],
    ["uDSV with its checks, parse only", (buf) => parseLines(buf.toString("utf8"))?.length ?? NaN],
    [
      "Papa Parse",
      (buf) => Papa.parse<string[]>(buf.toString("utf8"), { delimiter: ",", skipEmptyLines: true }).data.length,
    ],
  ];
  console.log(`Parsers alone, one thread, ${(end - start) / 1e6} MB in ${bufs.length} pieces (best of 3):`);
  for (const [name, run] of parsers) {
    let best = Infinity;
    let count = 0;
    for (let round = 0; round < 3; round++) {
      const t = performance.now();
      count = 0;
      for (const { buf, oneLinePerRecord } of bufs) count += run(buf, oneLinePerRecord);
      best = Math.min(best, performance.now() - t);
    }
    console.log(
      `  ${name.padEnd(40)} ${count.toLocaleString("en-US")} rows, ${(best / 1000).toFixed(2)} s, ` +
        `${Math.round(count / (best / 1000)).toLocaleString("en-US")} rows/s, ${((best * 1000) / count).toFixed(2)} µs/row`,
    );
  }
}

if (require.main === module)
  parserYardstick(process.argv[2] ?? "/tmp/exposure-bench-2000000.csv", Number(process.argv[3] ?? 1_000_000));
