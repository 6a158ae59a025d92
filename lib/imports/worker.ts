// Import worker: parses a piece of CSV, normalizes and hashes each number, and hands
// back binary COPY tuples. Raw values leave this thread only for rejected rows.
import { parentPort, workerData } from "node:worker_threads";
import { importKeys, storedHash } from "@/lib/hashing/keyring";
import { parsePiece } from "@/lib/imports/parse-piece";
import { fastNormalizer } from "@/lib/phone/fast-normalize";
import { TUPLE_BYTES, type PieceResult, type Rejection, type WorkerInit } from "@/lib/imports/types";

const init = workerData as WorkerInit;
const normalize = fastNormalizer(init.region);
const chain = importKeys(init.keys);

parentPort!.on("message", (msg: { id: number; buf: Uint8Array; firstLine: number; oneLinePerRecord: boolean }) => {
  const result = processPiece(msg.id, msg.buf, msg.firstLine, msg.oneLinePerRecord);
  parentPort!.postMessage(result, [result.tuples.buffer as ArrayBuffer]);
});

function processPiece(id: number, buf: Uint8Array, firstLine: number, oneLinePerRecord: boolean): PieceResult {
  const rejections: Rejection[] = [];
  const records = parsePiece(
    Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength),
    rejections,
    firstLine,
    oneLinePerRecord,
  );
  // A buffer of its own (not Node's shared pool), so it can be transferred, not copied.
  const out = Buffer.from(new ArrayBuffer(records.length * TUPLE_BYTES));
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
    storedHash(chain, n.e164).copy(out, at + 6);
    out.writeInt32BE(4, at + 38);
    out.writeInt32BE(categoryId!, at + 42);
    accepted++;
  }
  const tuples = new Uint8Array(out.buffer, out.byteOffset, accepted * TUPLE_BYTES);
  const malformed = rejections.filter((r) => r.reason === "malformed_row").length;
  return { id, rows: records.length + malformed, accepted, tuples, rejections };
}
