import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "pg";
import { startEmbeddedDb, type EmbeddedDb } from "@/lib/db/embedded";

let db: EmbeddedDb;
const clients: Client[] = [];

async function client() {
  const c = new Client({ connectionString: db.url });
  await c.connect();
  clients.push(c);
  return c;
}

beforeAll(async () => {
  db = await startEmbeddedDb("memory");
});

afterAll(async () => {
  for (const c of clients) await c.end().catch(() => {});
  await db.stop();
});

describe("the embedded database's socket server", () => {
  it("keeps concurrent clients' prepared statements apart", async () => {
    const [a, b, c] = [await client(), await client(), await client()];
    // Different parameter counts: interleaved Parse/Bind messages would fail or mix up.
    const runs = Array.from({ length: 60 }, (_, i) => {
      const which = i % 3;
      if (which === 0) return a.query("SELECT $1::int + $2::int AS v", [i, 1]).then((r) => [i, r.rows[0].v, i + 1]);
      if (which === 1) return b.query("SELECT $1::int * 2 AS v", [i]).then((r) => [i, r.rows[0].v, i * 2]);
      return c
        .query("SELECT $1::int + $2::int + $3::int + $4::int AS v", [i, 1, 1, 1])
        .then((r) => [i, r.rows[0].v, i + 3]);
    });
    for (const [, got, want] of await Promise.all(runs)) expect(got).toBe(want);
  });

  it("keeps a large statement whole while another client runs small ones", async () => {
    const [a, b] = [await client(), await client()];
    // A multi-megabyte Bind arrives in many TCP reads; another client's Parse must not
    // slip in between the large statement's Parse and its Bind.
    const big = "x".repeat(4 * 1024 * 1024);
    const small = Array.from({ length: 40 }, (_, i) =>
      b.query("SELECT $1::int AS v", [i]).then((r) => r.rows[0].v as number),
    );
    const large = Array.from({ length: 4 }, (_, i) =>
      a.query("SELECT length($1::text) + $2::int + $3::int AS v", [big, i, 0]).then((r) => r.rows[0].v as number),
    );
    expect(await Promise.all(large)).toEqual([0, 1, 2, 3].map((i) => big.length + i));
    expect(await Promise.all(small)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  it("gives a transaction the database until it ends", async () => {
    const [a, b] = [await client(), await client()];
    await a.query("CREATE TABLE t (n int)");
    await a.query("BEGIN");
    await a.query("INSERT INTO t VALUES (1)");
    const order: string[] = [];
    // b's query must not run inside a's open transaction: it waits for the commit.
    const read = b.query("SELECT count(*)::int AS n FROM t").then((r) => {
      order.push("read");
      return r.rows[0].n as number;
    });
    await a.query("INSERT INTO t VALUES (2)");
    order.push("commit");
    await a.query("COMMIT");
    expect(await read).toBe(2);
    expect(order).toEqual(["commit", "read"]);
  });

  it("rolls back the transaction of a client that disconnects", async () => {
    const a = await client();
    const b = await client();
    await a.query("CREATE TABLE u (n int)");
    await a.query("BEGIN");
    await a.query("INSERT INTO u VALUES (1)");
    await a.end();
    const r = await b.query("SELECT count(*)::int AS n FROM u");
    expect(r.rows[0].n).toBe(0);
  });

  it("refuses a connection without the password, or with a wrong one", async () => {
    const url = new URL(db.url);
    expect(url.password).toMatch(/^[0-9a-f]{48}$/);
    for (const password of ["", "postgres", `${url.password}x`]) {
      const bad = new URL(db.url);
      bad.password = password;
      const c = new Client({ connectionString: bad.toString() });
      await expect(c.connect(), `password "${password}"`).rejects.toMatchObject({ code: "28P01" });
      await c.end().catch(() => {});
    }
    expect((await (await client()).query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
  });
});

describe("the embedded default's files", () => {
  it("are kept in a 0700 data directory, secrets 0600, and a readable secret stops the start", async () => {
    const { chmodSync, mkdtempSync, statSync } = await import("node:fs");
    const os = await import("node:os");
    const path = await import("node:path");
    const { embeddedDbPassword, embeddedSecret } = await import("@/lib/db/embedded");
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "exposure-modes-")), "data");
    const secret = embeddedSecret(dir);
    const password = embeddedDbPassword(dir);
    const mode = (f: string) => statSync(f).mode & 0o777;
    expect([mode(dir), mode(path.join(dir, "lookup-secret")), mode(path.join(dir, "db-password"))]).toEqual([
      0o700, 0o600, 0o600,
    ]);
    expect([embeddedSecret(dir), embeddedDbPassword(dir)]).toEqual([secret, password]);

    chmodSync(dir, 0o755);
    embeddedSecret(dir);
    expect(mode(dir)).toBe(0o700); // tightened again at start

    const file = path.join(dir, "lookup-secret");
    chmodSync(file, 0o644);
    expect(() => embeddedSecret(dir)).toThrow(`${file} is readable by other users: run \`chmod 600 ${file}\``);
    chmodSync(file, 0o640);
    expect(() => embeddedSecret(dir)).toThrow(/chmod 600/);
    chmodSync(file, 0o600);
    expect(embeddedSecret(dir)).toBe(secret);
  });
});
