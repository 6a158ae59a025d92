import { describe, expect, it } from "vitest";
import DashboardPage from "@/app/admin/dashboard/page";
import { batchedCheckCounter } from "@/lib/dashboard/check-stats";
import { getSql } from "@/lib/db/sql";
import { poolStats } from "@/lib/offers/pool-stats";
import { checkTotals, codesLeftWhereOffersExist, headlineTotals } from "@/lib/dashboard/headline";
import { affectedByCategory, type IncidentCounts } from "@/lib/dashboard/stats";
import { getDb } from "@/lib/db/client";
import { fakeRequest, signedIn, consoleTestEnvForFile } from "@/tests/support/admin";
import { render } from "@/tests/support/pages";

const db = getDb();
const DAY_MS = 86_400_000;
const plain = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

/** Made-up per-incident counts: the headline only adds them up. */
const incident = (slug: string, counts: number[]): IncidentCounts => ({
  incidentId: slug.length,
  slug,
  title: `Incident ${slug}`,
  accounts: counts.reduce((a, b) => a + b, 0),
  categories: counts.map((accounts, i) => ({ categoryId: i, slug: `c${i}`, name: `C${i}`, accounts })),
});

describe("headline totals", () => {
  consoleTestEnvForFile();

  it("counts checks started and completed today and in all, from the daily counters", async () => {
    // A day of its own, far from the real today, so other files' checks do not move it.
    const now = new Date("2033-03-03T12:00:00Z");
    const before = await checkTotals(db, now);
    const counter = batchedCheckCounter(getSql());
    counter.add(now, { started: true });
    counter.add(now, { started: true });
    counter.add(now, { completed: true, affected: true });
    counter.add(new Date(now.getTime() - DAY_MS), { started: true, completed: true });
    await counter.close();
    const after = await checkTotals(db, now);
    expect(after.today.started - before.today.started).toBe(2);
    expect(after.today.completed - before.today.completed).toBe(1);
    expect(after.all.started - before.all.started).toBe(3);
    expect(after.all.completed - before.all.completed).toBe(2);
    expect(after.all.affected - before.all.affected).toBe(1);
  });

  it("adds up the affected accounts per incident and relates affected checks to them", async () => {
    const now = new Date("2033-04-04T12:00:00Z");
    const incidents = [incident("a", [300, 100]), incident("b", [600])];
    const h = await headlineTotals(db, incidents, now);
    expect(h.incidents).toEqual([
      { slug: "a", title: "Incident a", accounts: 400 },
      { slug: "b", title: "Incident b", accounts: 600 },
    ]);
    expect(h.affectedTotal).toBe(1000);
    expect(h.affectedChecksPerAccount).toBeCloseTo(h.all.affected / 1000, 10);
    expect(h.codesLeft).toBe(await codesLeftWhereOffersExist(db));
    expect((await headlineTotals(db, [], now)).affectedChecksPerAccount).toBeNull();
    // Pools the page has already read are taken as they are, not read again.
    const read = [{ incident: "a", category: "prepaid", name: "Offer", total: 9, left: 7, low: false }];
    expect((await headlineTotals(db, incidents, now, read)).codesLeft).toBe(7);
    expect((await headlineTotals(db, incidents, now, [])).codesLeft).toBeNull();
  });

  it("adds up the codes left in every pool", async () => {
    const pools = await poolStats(db);
    const left = await codesLeftWhereOffersExist(db);
    expect(left).toBe(pools.length === 0 ? null : pools.reduce((n, p) => n + p.left, 0));
  });

  it("opens the dashboard for every role", async () => {
    const user = await signedIn("viewer");
    fakeRequest({ cookie: user.cookie });
    const counter = batchedCheckCounter(getSql());
    counter.add(new Date(), { started: true });
    await counter.close();
    const text = plain(await render(DashboardPage()));
    const checks = await checkTotals(db);
    const affected = await affectedByCategory(db);
    const total = affected.reduce((n, i) => n + i.accounts, 0);
    expect(text.indexOf("At a glance")).toBeGreaterThan(-1);
    expect(text.indexOf("At a glance")).toBeLessThan(text.indexOf("Texts this hour"));
    expect(text).toContain(`Affected accounts ${total.toLocaleString("en-US")} in all`);
    const demo = affected.find((i) => i.slug === "2021-08-cyberattack")!;
    expect(text).toContain(`${demo.title}: ${demo.accounts.toLocaleString("en-US")}`);
    const fmt = (c: { started: number; completed: number }) =>
      `${c.started.toLocaleString("en-US")} started, ${c.completed.toLocaleString("en-US")} completed`;
    expect(text).toContain(`Checks today (UTC) ${fmt(checks.today)} Checks in all ${fmt(checks.all)}`);
    const left = await codesLeftWhereOffersExist(db);
    expect(text).toContain(
      `Codes left where offers exist ${left === null ? "Not available yet" : left.toLocaleString("en-US")}`,
    );
  });
});
