import { Pool } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { getSql, sqlOver } from "@/lib/db/sql";
import { claimOfferCodes, heldOfferCodes } from "@/lib/offers/claim-code";
import { testKeyring } from "@/tests/support/deps";
import { offerPool, resultIn } from "@/tests/support/offers";

const keyring = testKeyring();
const deps = () => ({ sql: getSql(), keyring });
const codeOf = async (pool: Awaited<ReturnType<typeof offerPool>>, phone: string, d = deps()) =>
  (await claimOfferCodes(d, phone, resultIn(pool, phone))).exposures[0]!.offer!.code;

// Two clients of their own, as two app nodes would have: concurrent claims really race.
const pools = [0, 1].map(() => new Pool({ connectionString: process.env.DATABASE_URL, max: 4 }));
const nodes = pools.map((p) => ({ sql: sqlOver(p, process.env.TEST_STORE === "postgres"), keyring }));
afterAll(() => Promise.all(pools.map((p) => p.end())));

describe("offer codes", () => {
  it("gives a number one code from the pool and the same one on every later claim", async () => {
    const pool = await offerPool(3);
    const first = await codeOf(pool, "+12065550170");
    expect(pool.codes).toContain(first);
    expect(await codeOf(pool, "+12065550170")).toBe(first);
    const other = await codeOf(pool, "+12065550171");
    expect(pool.codes).toContain(other);
    expect(other).not.toBe(first);
    const rows = await getDb().offerCode.findMany({ where: { category: { incident: { slug: pool.incident } } } });
    expect(rows.filter((r) => r.assignedTo).length).toBe(2);
  });

  it("stores codes sealed, never in clear", async () => {
    const pool = await offerPool(2);
    const rows = await getDb().offerCode.findMany({ where: { category: { incident: { slug: pool.incident } } } });
    const stored = rows.map((r) =>
      Buffer.concat([Buffer.from(r.sealedCode), Buffer.from(r.codeDigest)]).toString("latin1"),
    );
    for (const code of pool.codes) expect(stored.join("")).not.toContain(code);
  });

  it("answers null once the pool is empty, and keeps the codes already given", async () => {
    const pool = await offerPool(1);
    const first = await codeOf(pool, "+12065550172");
    expect(await codeOf(pool, "+12065550173")).toBeNull();
    expect(await codeOf(pool, "+12065550172")).toBe(first);
  });

  it("answers null for a pool never loaded", async () => {
    expect(await codeOf(await offerPool(0), "+12065550174")).toBeNull();
  });

  it("never gives one code to two numbers when claims race on two clients", async () => {
    const pool = await offerPool(10);
    const phones = Array.from({ length: 16 }, (_, i) => `+1206555${String(200 + i).padStart(4, "0")}`);
    const codes = await Promise.all(phones.map((p, i) => codeOf(pool, p, nodes[i % 2])));
    const given = codes.filter((c): c is string => c !== null);
    expect(given.length).toBe(10);
    expect(new Set(given).size).toBe(10);
    expect(codes.filter((c) => c === null).length).toBe(6);
  });

  it("gives one number a single code when its claims race on two clients", async () => {
    const pool = await offerPool(10);
    const codes = await Promise.all(Array.from({ length: 8 }, (_, i) => codeOf(pool, "+12065550175", nodes[i % 2])));
    expect(new Set(codes).size).toBe(1);
    expect(pool.codes).toContain(codes[0]);
    const rows = await getDb().offerCode.findMany({
      where: { category: { incident: { slug: pool.incident } }, assignedTo: { not: null } },
    });
    expect(rows.length).toBe(1);
  });

  it("shows an agent the code already given, and takes none", async () => {
    const pool = await offerPool(2);
    const none = await heldOfferCodes(deps(), "+12065550176", resultIn(pool, "+12065550176"));
    expect([none.shown, none.result.exposures[0]!.offer!.code]).toEqual([[], undefined]);
    const code = await codeOf(pool, "+12065550176");
    const held = await heldOfferCodes(deps(), "+12065550176", resultIn(pool, "+12065550176"));
    expect([held.shown, held.result.exposures[0]!.offer!.code]).toEqual([[`${pool.incident}/group`], code]);
    expect(
      await getDb().offerCode.count({
        where: { category: { incident: { slug: pool.incident } }, assignedTo: { not: null } },
      }),
    ).toBe(1);
  });
});
