import { uniqueTag } from "@/tests/support/unique-tag";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { batchedCheckCounter } from "@/lib/dashboard/check-stats";
import { getSql } from "@/lib/db/sql";
import { daysOf, lastDays } from "@/lib/dashboard/days";
import { affectedByCategory, checksPerDay, importsPerDay } from "@/lib/dashboard/stats";

type Status = "running" | "completed" | "failed" | "undone";

/** A batch of `n` rows of random hashes (no real numbers) in one category. */
async function batch(categoryId: number, status: Status, n: number, finishedAt: Date | null = new Date()) {
  const db = getDb();
  const b = await db.importBatch.create({
    data: { source: "dashboard test", status, imported: n, rows: n, finishedAt },
  });
  await db.affectedAccount.createMany({
    data: Array.from({ length: n }, () => ({
      phoneHash: new Uint8Array(randomBytes(32)),
      keyVersion: 2,
      categoryId,
      batchId: b.id,
    })),
  });
  return b;
}

async function incidentWith(slugs: string[]) {
  const slug = `dash-${uniqueTag(8)}`;
  const incident = await getDb().incident.create({
    data: {
      slug,
      title: `Dashboard ${slug}`,
      disclosedAt: new Date("1999-01-01"),
      summary: "test",
      categories: {
        create: slugs.map((s, i) => ({
          slug: s,
          name: s.toUpperCase(),
          dataExposed: [],
          remediation: [],
          sortOrder: i,
        })),
      },
    },
    include: { categories: true },
  });
  const id = (s: string) => incident.categories.find((c) => c.slug === s)!.id;
  return { incident, id };
}

describe("affected accounts per category", () => {
  it("counts the demo incident's groups", async () => {
    const demo = (await affectedByCategory(getDb())).find((i) => i.slug === "2021-08-cyberattack")!;
    const count = (slug: string) => demo.categories.find((c) => c.slug === slug)!.accounts;
    // Other files add rows to the demo incident: at least the seeded ones are there.
    expect(count("prepaid")).toBeGreaterThanOrEqual(2);
    expect(count("former")).toBeGreaterThanOrEqual(1);
    expect(count("postpaid")).toBeGreaterThanOrEqual(2);
    expect(demo.accounts).toBe(demo.categories.reduce((n, c) => n + c.accounts, 0));
  });

  it("counts completed batches only, with empty groups as zero, in sort order", async () => {
    const { incident, id } = await incidentWith(["a", "b", "c"]);
    await batch(id("a"), "completed", 3);
    await batch(id("b"), "completed", 1);
    await batch(id("b"), "completed", 1);
    await batch(id("a"), "running", 5, null);
    await batch(id("b"), "failed", 4);
    await batch(id("c"), "undone", 7);

    const mine = (await affectedByCategory(getDb())).find((i) => i.incidentId === incident.id)!;
    expect(mine).toMatchObject({ slug: incident.slug, title: incident.title, accounts: 5 });
    expect(mine.categories.map((c) => [c.slug, c.name, c.accounts])).toEqual([
      ["a", "A", 3],
      ["b", "B", 2],
      ["c", "C", 0],
    ]);
  });

  it("lists incidents newest first", async () => {
    const dates = (await affectedByCategory(getDb())).map((i) => i.slug);
    expect(dates.indexOf("2021-08-cyberattack")).toBeLessThan(dates.findIndex((s) => s.startsWith("dash-")));
  });
});

describe("imports per day", () => {
  const range = { from: "2001-03-01", to: "2001-03-10" };

  it("sums completed batches' rows per UTC day, every day of the range", async () => {
    const { id } = await incidentWith(["x"]);
    await batch(id("x"), "completed", 3, new Date("2001-03-05T00:00:00Z"));
    await batch(id("x"), "completed", 7, new Date("2001-03-05T23:59:59Z"));
    await batch(id("x"), "completed", 2, new Date("2001-03-10T12:00:00Z"));
    await batch(id("x"), "failed", 50, new Date("2001-03-05T12:00:00Z"));
    await batch(id("x"), "undone", 60, new Date("2001-03-06T12:00:00Z"));
    await batch(id("x"), "completed", 9, new Date("2001-03-11T00:00:00Z")); // the day after the range

    const days = await importsPerDay(getDb(), range);
    expect(days.map((d) => d.day)).toEqual(daysOf(range));
    expect(days.filter((d) => d.rows > 0)).toEqual([
      { day: "2001-03-05", rows: 10, batches: 2 },
      { day: "2001-03-10", rows: 2, batches: 1 },
    ]);
    expect(days[0]).toEqual({ day: "2001-03-01", rows: 0, batches: 0 });
  });

  it("covers the last 30 days by default and counts today's imports", async () => {
    const today = lastDays().to;
    const before = (await importsPerDay(getDb())).find((d) => d.day === today)!;
    const { id } = await incidentWith(["y"]);
    await batch(id("y"), "completed", 4);
    const days = await importsPerDay(getDb());
    expect(days).toHaveLength(30);
    expect(days.at(-1)).toEqual({ day: today, rows: before.rows + 4, batches: before.batches + 1 });
  });
});

describe("checks per day", () => {
  it("reads the counters with missing days as zero", async () => {
    const db = getDb();
    const counter = batchedCheckCounter(getSql());
    counter.add(new Date("2001-04-02T00:00:00Z"), { started: true });
    counter.add(new Date("2001-04-02T23:59:59Z"), { started: true });
    counter.add(new Date("2001-04-02T10:00:00Z"), { completed: true, affected: true });
    counter.add(new Date("2001-04-03T10:00:00Z"), { completed: true, affected: false });
    await counter.close();

    const days = await checksPerDay(db, { from: "2001-04-01", to: "2001-04-04" });
    expect(days).toEqual([
      { day: "2001-04-01", started: 0, completed: 0, affected: 0 },
      { day: "2001-04-02", started: 2, completed: 1, affected: 1 },
      { day: "2001-04-03", started: 0, completed: 1, affected: 0 },
      { day: "2001-04-04", started: 0, completed: 0, affected: 0 },
    ]);
    expect(await checksPerDay(db)).toHaveLength(30);
  });
});
