import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { getSql, type Sql } from "@/lib/db/sql";
import { flushPendingWrites } from "@/lib/ops/pending-writes";
import { batchedCheckCounter } from "@/lib/dashboard/check-stats";
import { startCheck } from "@/lib/checks/start-check";
import { verifyCheck } from "@/lib/checks/verify-check";
import { checksPerDay } from "@/lib/dashboard/stats";
import { AppError } from "@/lib/errors";
import { lastCodeFor, makeDeps, testClock, testCounter } from "@/tests/support/deps";

const IP = "198.51.100.77";

/** The counters of the clock's day, once written; each test uses a day of its own. */
async function counters(day: string) {
  await testCounter().flush();
  const [row] = await checksPerDay(getDb(), { from: day, to: day });
  return row;
}

async function start(deps: ReturnType<typeof makeDeps>, phone: string) {
  const outcome = await startCheck(deps, { phone }, IP);
  if (outcome.status !== "code_sent") throw new Error("expected a code");
  return { checkId: outcome.checkId, code: await lastCodeFor(phone.slice(-4)) };
}

describe("check counters", () => {
  it("count a start, then a completion, affected only when affected", async () => {
    const day = "2002-02-02";
    const deps = makeDeps({ now: testClock(new Date(`${day}T12:00:00Z`)).now });

    const hit = await start(deps, "206-555-0100");
    const miss = await start(deps, "206-555-0199");
    expect(await counters(day)).toEqual({ day, started: 2, completed: 0, affected: 0 });

    await verifyCheck(deps, hit.checkId, { code: hit.code }, IP);
    expect(await counters(day)).toEqual({ day, started: 2, completed: 1, affected: 1 });

    const wrong = miss.code === "000000" ? "111111" : "000000";
    await expect(verifyCheck(deps, miss.checkId, { code: wrong }, IP)).rejects.toBeInstanceOf(AppError);
    expect(await counters(day)).toEqual({ day, started: 2, completed: 1, affected: 1 });

    await verifyCheck(deps, miss.checkId, { code: miss.code }, IP);
    expect(await counters(day)).toEqual({ day, started: 2, completed: 2, affected: 1 });
  });

  it("counts an invalid number nowhere", async () => {
    const day = "2002-02-03";
    const deps = makeDeps({ now: testClock(new Date(`${day}T12:00:00Z`)).now });
    await expect(startCheck(deps, { phone: "555-0142" }, IP)).rejects.toBeInstanceOf(AppError);
    expect(await counters(day)).toEqual({ day, started: 0, completed: 0, affected: 0 });
  });

  it("counts an open-mode answer as started and completed at once", async () => {
    const day = "2002-02-04";
    const deps = makeDeps({ mode: "open", now: testClock(new Date(`${day}T12:00:00Z`)).now });
    expect((await startCheck(deps, { phone: "206-555-0103" }, IP)).status).toBe("complete");
    await startCheck(deps, { phone: "206-555-0199" }, IP);
    expect(await counters(day)).toEqual({ day, started: 2, completed: 2, affected: 1 });
  });

  it("add up exactly after concurrent starts on two processes", async () => {
    const day = "2002-02-05";
    const clock = testClock(new Date(`${day}T12:00:00Z`));
    // Two app processes: each its own counters, flushing every few milliseconds while
    // both start and verify checks against the same database.
    const processes = [0, 1].map(() => {
      const codes = new Map<string, string>();
      const counts = batchedCheckCounter(getSql(), { delayMs: 3 });
      const sms = {
        name: "capture",
        send: async (to: string, body: string) => void codes.set(to, /\d{6}/.exec(body)![0]),
      };
      return { deps: makeDeps({ now: clock.now, counts, sms }), codes, counts };
    });
    const phones = Array.from({ length: 24 }, (_, i) => (i % 4 === 0 ? `206-555-010${i % 3}` : `206-555-01${50 + i}`));
    await Promise.all(
      processes.flatMap(({ deps, codes }) =>
        phones.map(async (phone) => {
          const outcome = await startCheck(deps, { phone }, IP);
          if (outcome.status !== "code_sent") throw new Error("expected a code");
          const code = codes.get(`+1${phone.replace(/-/g, "")}`)!;
          await verifyCheck(deps, outcome.checkId, { code }, IP);
        }),
      ),
    );
    await Promise.all(processes.map((p) => p.counts.close()));
    expect(await counters(day)).toEqual({ day, started: 48, completed: 48, affected: 12 });
  });

  it("are written on graceful shutdown, and kept through a failed write", async () => {
    const day = "2002-02-06";
    let down = true;
    const sql: Sql = (statement, values) =>
      down ? Promise.reject(new Error("database unavailable")) : getSql()(statement, values);
    const counter = batchedCheckCounter(sql, { delayMs: 3_600_000 });
    counter.add(new Date(`${day}T01:00:00Z`), { started: true });
    await counter.flush();
    down = false;
    counter.add(new Date(`${day}T02:00:00Z`), { completed: true, affected: true });
    // What scripts/server.ts runs once requests in flight have finished.
    await flushPendingWrites();
    expect(await counters(day)).toEqual({ day, started: 1, completed: 1, affected: 1 });
    await counter.close();
  });

  it("stores no number or hash with the counts", async () => {
    const columns = await getDb().$queryRaw<{ column_name: string }[]>`
      SELECT column_name FROM information_schema.columns WHERE table_name = 'check_stat' ORDER BY column_name`;
    expect(columns.map((c) => c.column_name)).toEqual(["affected", "completed", "day", "started"]);
  });
});
