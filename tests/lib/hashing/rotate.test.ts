import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Keyring } from "@/lib/hashing/keyring";
import { rotateKeys } from "@/lib/hashing/rotate";
import { uniqueTag } from "@/tests/support/unique-tag";

const v1 = { version: 1, secret: "rotation-test-old-0123456789abcdef0123456789" };
const v2 = { version: 2, secret: "rotation-test-new-0123456789abcdef0123456789" };
const numbers = Array.from({ length: 2500 }, (_, i) => `+1206${String(5_000_000 + i * 7).padStart(7, "0")}`);

// A schema of its own on the test database: the rotation re-keys every row it sees. The
// embedded database is one session for every client, so search_path must be reset after.
const schema = `rotation_${uniqueTag(10).toLowerCase()}`;
let a: Client;
let b: Client;

async function connect() {
  const c = new Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  await c.query(`SET search_path TO ${schema}`);
  return c;
}

/** How many of these numbers a lookup with this keyring finds (every hash form, as findExposures does). */
async function found(client: Client, ring: Keyring, list: string[]) {
  let n = 0;
  for (const e164 of list) {
    const forms = ring.hashAll(e164);
    const r = await client.query(
      `SELECT 1 FROM affected_account WHERE (phone_hash, key_version) IN (SELECT * FROM unnest($1::bytea[], $2::int2[]))`,
      [forms.map((f) => f.hash), forms.map((f) => f.version)],
    );
    if (r.rowCount) n++;
  }
  return n;
}

describe("rotating the lookup key", () => {
  beforeAll(async () => {
    const setup = new Client({ connectionString: process.env.DATABASE_URL });
    await setup.connect();
    await setup.query(`CREATE SCHEMA ${schema}`);
    await setup.end();
    a = await connect();
    b = await connect();
    await a.query(`CREATE TABLE affected_account (phone_hash bytea NOT NULL, key_version int2 NOT NULL, category_id int4 NOT NULL,
      batch_id int4 NOT NULL, PRIMARY KEY (phone_hash, key_version, category_id))`);
    const old = new Keyring(v1);
    await a.query(`INSERT INTO affected_account SELECT h, 1, 1, 1 FROM unnest($1::bytea[]) AS t(h)`, [
      numbers.map((x) => old.hash(x).hash),
    ]);
  });
  afterAll(async () => {
    await b?.query("RESET search_path");
    await b?.end();
    await a?.query(`DROP SCHEMA ${schema} CASCADE`);
    await a?.query("RESET search_path");
    await a?.end();
  });

  it("re-keys every row slice by slice while every number keeps answering", async () => {
    const ring = new Keyring(v2, [v1]);
    const sample = numbers.filter((_, i) => i % 50 === 0);
    const during: number[] = [];
    let slices = 0;
    const pending: Promise<void>[] = [];
    const summary = await rotateKeys(a, ring, {
      sliceRows: 400,
      onProgress: () => {
        // Lookups from another connection between slices: half rotated, all found.
        if (slices++ === 2) pending.push(found(b, ring, sample).then((n) => void during.push(n)));
      },
    });
    await Promise.all(pending);
    expect(during).toEqual([sample.length]);
    expect(summary).toMatchObject({ version: 2, rotated: numbers.length });
    expect(slices).toBe(Math.ceil(numbers.length / 400));
    const versions = await a.query(`SELECT key_version, count(*)::int AS n FROM affected_account GROUP BY 1`);
    expect(versions.rows).toEqual([{ key_version: 2, n: numbers.length }]);
    expect(await found(a, ring, numbers)).toBe(numbers.length);
    // The old key alone no longer opens the rows, and the new one needs the old to look up.
    expect(await found(a, new Keyring(v1), sample)).toBe(0);
    expect(await found(a, new Keyring(v2), sample)).toBe(0);
    // A second run has nothing to do.
    expect(await rotateKeys(a, ring)).toMatchObject({ rotated: 0 });
  });

  it("refuses to start while rows sit under a key version it does not hold", async () => {
    await a.query(`INSERT INTO affected_account VALUES ($1, 7, 1, 1)`, [Buffer.alloc(32, 1)]);
    await expect(rotateKeys(a, new Keyring(v2, [v1]))).rejects.toThrow(/key version\(s\) 7/);
  });
});
