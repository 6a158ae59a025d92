import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stagingTable } from "@/lib/imports/batches";
import { mergeBatch } from "@/lib/imports/merge";
import { postgresAvailable, scratchDatabase } from "@/tests/support/postgres";

// The merge's race with a writer outside the merge lock needs two real sessions: the
// embedded database serves one transaction at a time, so this runs on PostgreSQL.
const pg = await postgresAvailable();

describe.skipIf(!pg)("merging a batch on PostgreSQL", () => {
  let url: string;
  let a: Client;
  let b: Client;
  const hash = (n: number) => Buffer.alloc(32, n);

  beforeAll(async () => {
    url = await scratchDatabase("exposure_merge_test");
    a = new Client({ connectionString: url });
    b = new Client({ connectionString: url });
    await Promise.all([a.connect(), b.connect()]);
    await a.query(`CREATE TABLE affected_account (phone_hash bytea NOT NULL, key_version int2 NOT NULL,
      category_id int4 NOT NULL, batch_id int4 NOT NULL, PRIMARY KEY (phone_hash, key_version, category_id))`);
  });
  afterAll(async () => {
    await Promise.all([a?.end(), b?.end()]);
  });

  async function stage(batchId: number, rows: [number, number][]) {
    await a.query(`CREATE UNLOGGED TABLE ${stagingTable(batchId)} (phone_hash bytea NOT NULL, category_id int4 NOT NULL)`);
    for (const [h, c] of rows) await a.query(`INSERT INTO ${stagingTable(batchId)} VALUES ($1, $2)`, [hash(h), c]);
  }
  const owners = async () =>
    (await a.query<{ h: number; batch_id: number }>(`SELECT get_byte(phone_hash, 0) AS h, batch_id FROM affected_account ORDER BY 1, 2`)).rows;

  it("skips duplicates within the file and rows already stored", async () => {
    await stage(1, [[1, 1], [2, 1], [2, 1], [3, 1]]);
    expect(await mergeBatch(a, 1, 1, false)).toBe(3);
    await stage(2, [[3, 1], [4, 1], [4, 1]]);
    expect(await mergeBatch(a, 2, 1, false)).toBe(1);
    expect(await owners()).toEqual([{ h: 1, batch_id: 1 }, { h: 2, batch_id: 1 }, { h: 3, batch_id: 1 }, { h: 4, batch_id: 2 }]);
  });

  it("still completes when a writer outside the merge lock inserts the same row meanwhile", async () => {
    await stage(3, [[5, 1], [6, 1]]);
    // b holds an uncommitted row the merge's anti-join cannot see; the merge's plain
    // INSERT then waits on it and, once b commits, fails on the key and falls back.
    await b.query("BEGIN");
    await b.query(`INSERT INTO affected_account VALUES ($1, 1, 1, 99)`, [hash(6)]);
    const merging = mergeBatch(a, 3, 1, false);
    await new Promise((r) => setTimeout(r, 300));
    await b.query("COMMIT");
    expect(await merging).toBe(1);
    expect((await owners()).filter((r) => r.h >= 5)).toEqual([{ h: 5, batch_id: 3 }, { h: 6, batch_id: 99 }]);
  });
});
