// Import worker: parses a piece of CSV, normalizes and hashes each number, and hands
// back binary COPY tuples. Raw values leave this thread only for rejected rows.
import { createHmac, createSecretKey } from "node:crypto";
import { parentPort, workerData } from "node:worker_threads";
import { parse } from "csv-parse/sync";
import { importNormalizer } from "@/lib/imports/fast-normalize";
import { TUPLE_BYTES, type PieceResult, type Rejection, type WorkerInit } from "@/lib/imports/types";

const init = workerData as WorkerInit;
const normalize = importNormalizer(init.region);
const key = createSecretKey(Buffer.from(init.key));

parentPort!.on("message", (msg: { id: number; buf: Uint8Array; firstLine: number }) => {
  parentPort!.postMessage(processPiece(msg.id, msg.buf, msg.firstLine));
});

function processPiece(id: number, buf: Uint8Array, firstLine: number): PieceResult {
  let records: { record: string[]; info: { lines: number } }[];
  const rejections: Rejection[] = [];
  try {
    records = parse(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch {
    // A broken quote inside this piece: reject its lines rather than guess.
    rejections.push({ line: firstLine, reason: "malformed_row", value: "" });
    return { id, rows: 1, accepted: 0, tuples: new Uint8Array(0), rejections };
  }
  const out = Buffer.allocUnsafe(records.length * TUPLE_BYTES);
  let accepted = 0;
  for (const { record, info } of records) {
    const line = firstLine + info.lines - 1;
    const raw = record[init.phoneColumn] ?? "";
    let categoryId = init.fixedCategoryId;
    if (init.categoryColumn !== null) {
      const c = (record[init.categoryColumn] ?? "").trim().toLowerCase();
      categoryId = init.categoryIds[c] ?? null;
      if (categoryId === null) {
        rejections.push({ line, reason: "unknown_category", value: raw });
        continue;
      }
    }
    const n = normalize(raw);
    if (!n.ok) {
      rejections.push({ line, reason: n.problem, value: raw });
      continue;
    }
    const at = accepted * TUPLE_BYTES;
    out.writeInt16BE(2, at);
    out.writeInt32BE(32, at + 2);
    createHmac("sha256", key).update(n.e164).digest().copy(out, at + 6);
    out.writeInt32BE(4, at + 38);
    out.writeInt32BE(categoryId!, at + 42);
    accepted++;
  }
  const tuples = new Uint8Array(out.buffer, out.byteOffset, accepted * TUPLE_BYTES);
  return { id, rows: records.length, accepted, tuples, rejections };
}
