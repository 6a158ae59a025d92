import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { getSql, type Sql } from "@/lib/db/sql";
import { batchedFindExposures, findExposures } from "@/lib/exposures/find-exposures";
import { Keyring } from "@/lib/hashing/keyring";
import { testKeyring } from "@/tests/support/deps";
import { uniqueTag } from "@/tests/support/unique-tag";

const ring = testKeyring(); // current version 2, previous version 1
const oldOnly = "+12065550160"; // stored under key version 1 only
const newOnly = "+12065550161"; // stored under key version 2 only
const unfinished = "+12065550162"; // stored by a batch that has not completed

async function store(e164: string, version: number, status: "completed" | "running", category = "former") {
  const db = getDb();
  const cat = await db.category.findFirstOrThrow({ where: { slug: category } });
  const batch = await db.importBatch.create({ data: { source: `test ${e164}`, status } });
  const hash = ring.hashAll(e164).find((h) => h.version === version)!.hash;
  await db.affectedAccount.create({
    data: { phoneHash: new Uint8Array(hash), keyVersion: version, categoryId: cat.id, batchId: batch.id },
  });
}

describe("findExposures", () => {
  beforeAll(async () => {
    await store(oldOnly, 1, "completed");
    await store(newOnly, 2, "completed", "postpaid");
    await store(unfinished, 2, "running");
  });

  it("finds a row stored under the previous key version", async () => {
    const r = await findExposures(getSql(), ring, oldOnly);
    expect(r.affected).toBe(true);
    expect(r.exposures.map((x) => x.category.slug)).toEqual(["former"]);
  });

  it("finds a row stored under the current key version", async () => {
    const r = await findExposures(getSql(), ring, newOnly);
    expect(r.exposures.map((x) => x.category.slug)).toEqual(["postpaid"]);
  });

  it("does not find a row once its key version is no longer configured", async () => {
    const currentOnly = new Keyring({ version: 2, secret: "test-secret-0123456789abcdef0123456789abcdef" });
    expect((await findExposures(getSql(), currentOnly, oldOnly)).affected).toBe(false);
  });

  it("ignores rows of batches that have not completed", async () => {
    expect((await findExposures(getSql(), ring, unfinished)).affected).toBe(false);
  });

  it("answers the full result shape for a number in two categories", async () => {
    const r = await findExposures(getSql(), ring, "+12065550103");
    expect(r).toEqual({
      phone: "+12065550103",
      affected: true,
      exposures: [
        expect.objectContaining({
          incident: { slug: "2021-08-cyberattack", title: "August 2021 cyberattack", disclosedAt: "2021-08-17" },
          category: expect.objectContaining({ slug: "prepaid", dataExposed: ["Name", "Phone number", "Account PIN"] }),
          remediationUrl: "/remediation/2021-08-cyberattack/prepaid",
        }),
        expect.objectContaining({ category: expect.objectContaining({ slug: "postpaid" }) }),
      ],
    });
  });

  it("lists the newest incident first, whatever the slugs, with each disclosure date as written", async () => {
    const db = getDb();
    const tag = uniqueTag(8);
    const e164 = "+12065550163";
    const batch = await db.importBatch.create({ data: { source: `test ${tag}`, status: "completed" } });
    const hash = ring.hashAll(e164).find((h) => h.version === 2)!.hash;
    for (const [slug, disclosedAt] of [
      [`a-${tag}`, "2019-03-04"],
      [`z-${tag}`, "2024-11-30"],
    ] as const) {
      const incident = await db.incident.create({
        data: { slug, title: slug, disclosedAt: new Date(`${disclosedAt}T00:00:00Z`), summary: "s" },
      });
      const category = await db.category.create({
        data: { incidentId: incident.id, slug: "all", name: "All", dataExposed: ["Name"], remediation: [] },
      });
      await db.affectedAccount.create({
        data: { phoneHash: new Uint8Array(hash), keyVersion: 2, categoryId: category.id, batchId: batch.id },
      });
    }
    const r = await findExposures(getSql(), ring, e164);
    expect(r.exposures.map((x) => [x.incident.slug, x.incident.disclosedAt])).toEqual([
      [`z-${tag}`, "2024-11-30"],
      [`a-${tag}`, "2019-03-04"],
    ]);
  });

  it("answers not affected, with no exposures, for an unknown number", async () => {
    expect(await findExposures(getSql(), ring, "+12065550199")).toEqual({
      phone: "+12065550199",
      affected: false,
      exposures: [],
    });
  });

  it("answers concurrent lookups with one query when batched, each as findExposures would", async () => {
    const numbers = [oldOnly, newOnly, unfinished, "+12065550103", "+12065550199", oldOnly];
    let queries = 0;
    const sql = getSql();
    const counting: Sql = (s, v) => (queries++, sql(s, v));
    const find = batchedFindExposures(counting, ring);
    const batched = await Promise.all(numbers.map((n) => find(n)));
    expect(queries).toBe(1);
    expect(batched).toEqual(await Promise.all(numbers.map((n) => findExposures(getSql(), ring, n))));
    expect(batched.map((r) => r.affected)).toEqual([true, true, false, true, false, true]);
    // Past its batch size, the rest go in the next query.
    const small = batchedFindExposures(counting, ring, 4);
    queries = 0;
    expect((await Promise.all(numbers.map((n) => small(n)))).map((r) => r.phone)).toEqual(numbers);
    expect(queries).toBe(2);
  });
});
