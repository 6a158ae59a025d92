import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MergeTransaction } from "@/lib/imports/merge";
import { stagingPrefix } from "@/lib/imports/staging";
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

  let n = 0;
  /** A staging slice of (hash byte, category) rows, written on the other connection as the importer does. */
  async function stage(batchId: number, rows: [number, number][]) {
    const table = `${stagingPrefix(batchId)}${n++}`;
    await b.query(`CREATE UNLOGGED TABLE ${table} (phone_hash bytea NOT NULL, category_id int4 NOT NULL)`);
    for (const [h, c] of rows) await b.query(`INSERT INTO ${table} VALUES ($1, $2)`, [hash(h), c]);
    return table;
  }
  async function mergeAll(batchId: number, slices: [number, number][][]) {
    const m = new MergeTransaction(a, 1, batchId);
    for (const rows of slices) await m.add(await stage(batchId, rows));
    return m.commit();
  }
  const owners = async () =>
    (
      await a.query<{ h: number; batch_id: number }>(
        `SELECT get_byte(phone_hash, 0) AS h, batch_id FROM affected_account ORDER BY 1, 2`,
      )
    ).rows;

  it("skips duplicates within a slice, across slices and already stored, and shows nothing before the commit", async () => {
    const m = new MergeTransaction(a, 1, 1);
    await m.add(
      await stage(1, [
        [1, 1],
        [2, 1],
        [2, 1],
      ]),
    );
    await m.add(
      await stage(1, [
        [2, 1],
        [3, 1],
        [1, 2],
      ]),
    );
    // Slices written and merged while the transaction stays open are invisible to others.
    expect((await b.query(`SELECT count(*)::int AS n FROM affected_account`)).rows[0].n).toBe(0);
    expect(await m.commit()).toBe(4);
    expect(
      await mergeAll(2, [
        [
          [3, 1],
          [4, 1],
          [4, 1],
        ],
      ]),
    ).toBe(1);
    expect(await owners()).toEqual([
      { h: 1, batch_id: 1 },
      { h: 1, batch_id: 1 },
      { h: 2, batch_id: 1 },
      { h: 3, batch_id: 1 },
      { h: 4, batch_id: 2 },
    ]);
  });

  it("still completes when a writer outside the merge lock inserts the same row meanwhile", async () => {
    const first = await stage(3, [[5, 1]]);
    const second = await stage(3, [
      [6, 1],
      [7, 1],
    ]);
    const m = new MergeTransaction(a, 1, 3);
    await m.add(first);
    // b holds an uncommitted row the merge's anti-join cannot see; the merge's plain
    // INSERT then waits on it and, once b commits, fails on the key: the merge redoes
    // every slice through ON CONFLICT.
    await b.query("BEGIN");
    await b.query(`INSERT INTO affected_account VALUES ($1, 1, 1, 99)`, [hash(6)]);
    const adding = m.add(second);
    await new Promise((r) => setTimeout(r, 300));
    await b.query("COMMIT");
    await adding;
    expect(await m.commit()).toBe(2);
    expect((await owners()).filter((r) => r.h >= 5)).toEqual([
      { h: 5, batch_id: 3 },
      { h: 6, batch_id: 99 },
      { h: 7, batch_id: 3 },
    ]);
  });
});
