import { describe, expect, it } from "vitest";
import { batchedAudit } from "@/lib/audit/batch";
import type { AuditEntry } from "@/lib/audit/record";
import { getDb } from "@/lib/db/client";
import { getSql, type Sql } from "@/lib/db/sql";
import { uniqueTag } from "@/tests/support/unique-tag";

const entry = (actorEmail: string, n: number, ip = "192.0.2.7"): AuditEntry => ({
  actorEmail,
  action: "api_lookup",
  details: { keyId: "k", outcome: n % 2 ? "answered" : "invalid_phone", n },
  ip,
});

const stored = (actorEmail: string) => getDb().auditLog.findMany({ where: { actorEmail }, orderBy: { id: "asc" } });

describe("batchedAudit", () => {
  it("writes queued entries in order, in multi-row inserts, sanitised like recordAudit", async () => {
    const actor = `api-key:batch ${uniqueTag()}`;
    const statements: number[] = [];
    const sql = getSql();
    const counting: Sql = (s, v) => (statements.push((v[0] as unknown[]).length), sql(s, v));
    const sink = batchedAudit(counting, { delayMs: 60_000, maxBatch: 4 });
    for (let n = 0; n < 10; n++) sink.add(entry(actor, n));
    // The tenth entry is queued behind two full batches, written as they filled.
    sink.add({
      actorEmail: `${actor} +1 206 555 0142`,
      action: "api_lookup",
      details: { note: "call from 2065550142" },
    });
    await sink.flush();
    expect(statements).toEqual([4, 4, 3]);
    const rows = await stored(actor);
    expect(rows.map((r) => (r.details as { n: number }).n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(rows[1]).toMatchObject({
      actorId: null,
      action: "api_lookup",
      target: null,
      ip: "192.0.2.7",
      details: { keyId: "k", outcome: "answered", n: 1 },
    });
    const [masked] = await stored(`${actor} •••0142`);
    expect(masked?.details).toEqual({ note: "call from •••0142" });
  });

  it("writes on its own after the delay", async () => {
    const actor = `api-key:timer ${uniqueTag()}`;
    const sink = batchedAudit(getSql(), { delayMs: 20 });
    sink.add(entry(actor, 1));
    expect(await stored(actor)).toHaveLength(0);
    for (let i = 0; i < 100 && (await stored(actor)).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await stored(actor)).toHaveLength(1);
  });

  it("keeps entries through a failed write and writes them once the database answers", async () => {
    const actor = `api-key:retry ${uniqueTag()}`;
    const sql = getSql();
    let down = true;
    const flaky: Sql = (s, v) => (down ? Promise.reject(new Error("connection refused")) : sql(s, v));
    const sink = batchedAudit(flaky, { delayMs: 60_000, maxQueued: 3 });
    for (let n = 0; n < 5; n++) sink.add(entry(actor, n));
    await sink.flush();
    expect(await stored(actor)).toHaveLength(0);
    down = false;
    await sink.flush();
    // Past maxQueued the oldest were dropped (memory stays bounded); the rest are kept in order.
    expect((await stored(actor)).map((r) => (r.details as { n: number }).n)).toEqual([2, 3, 4]);
  });
});
