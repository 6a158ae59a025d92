import { once } from "node:events";
import type { Client } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { TUPLE_BYTES } from "@/lib/imports/types";

/** Where an import's hashed rows go before the merge: a staging table. */
export interface TupleWriter {
  write(tuples: Uint8Array): Promise<void>;
  finish(): Promise<void>;
}

const COPY_HEADER = Buffer.concat([Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"), Buffer.alloc(8)]);
const COPY_TRAILER = Buffer.from([0xff, 0xff]);

/** PostgreSQL: binary COPY FROM STDIN, the fastest way in. */
export async function copyWriter(client: Client, table: string): Promise<TupleWriter> {
  const stream = client.query(copyFrom(`COPY ${table} (phone_hash, category_id) FROM STDIN (FORMAT binary)`));
  let failed: Error | undefined;
  stream.on("error", (e: Error) => (failed = e));
  const put = async (b: Uint8Array) => {
    if (failed) throw failed;
    if (!stream.write(b)) await Promise.race([once(stream, "drain"), once(stream, "error")]);
    if (failed) throw failed;
  };
  await put(COPY_HEADER);
  return {
    write: put,
    async finish() {
      await put(COPY_TRAILER);
      stream.end();
      await Promise.race([once(stream, "finish"), once(stream, "error").then(([e]) => Promise.reject(e))]);
    },
  };
}

/**
 * The embedded database (PGlite) cannot take COPY FROM STDIN over its socket: large
 * multi-row INSERTs from arrays instead.
 */
export function insertWriter(client: Client, table: string, rowsPerStatement = 5000): TupleWriter {
  let hashes: Buffer[] = [];
  let categories: number[] = [];
  const flush = async () => {
    if (hashes.length === 0) return;
    const h = hashes;
    const c = categories;
    hashes = [];
    categories = [];
    await client.query(`INSERT INTO ${table} (phone_hash, category_id) SELECT * FROM unnest($1::bytea[], $2::int4[])`, [
      h,
      c,
    ]);
  };
  return {
    async write(tuples) {
      const b = Buffer.from(tuples.buffer, tuples.byteOffset, tuples.byteLength);
      for (let at = 0; at < b.length; at += TUPLE_BYTES) {
        hashes.push(Buffer.from(b.subarray(at + 6, at + 38)));
        categories.push(b.readInt32BE(at + 42));
        if (hashes.length >= rowsPerStatement) await flush();
      }
    },
    finish: flush,
  };
}
