import { uniqueTag } from "@/tests/support/unique-tag";
import { describe, expect, it } from "vitest";
import { GET as auditRoute } from "@/app/api/admin/audit/route";
import { AuditQuery, listAudit } from "@/lib/audit/list";
import { recordAgentLookup, recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db/client";
import { signedIn } from "@/tests/support/admin";
import { noParams } from "@/tests/support/api";
import { ITS_DIGITS, WRITTEN } from "@/tests/support/written-number";

const db = getDb();
const marker = () => `audit-${uniqueTag(8)}`;

describe("recordAudit", () => {
  it("stores who, when, what, target, details and IP", async () => {
    const actorEmail = `${marker()}@example.com`;
    const before = Date.now();
    await recordAudit(db, {
      actorId: "u-1",
      actorEmail,
      action: "incident_edited",
      target: "2021-08-cyberattack",
      details: { field: "title" },
      ip: "192.0.2.7",
    });
    const row = await db.auditLog.findFirstOrThrow({ where: { actorEmail } });
    expect(row).toMatchObject({
      actorId: "u-1",
      action: "incident_edited",
      target: "2021-08-cyberattack",
      details: { field: "title" },
      ip: "192.0.2.7",
    });
    expect(row.at.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("records an agent lookup with the masked number only", async () => {
    const actorEmail = `${marker()}@example.com`;
    await recordAgentLookup(db, { id: "agent-1", email: actorEmail }, "+12065550142", "192.0.2.8");
    const row = await db.auditLog.findFirstOrThrow({ where: { actorEmail } });
    expect(row).toMatchObject({ action: "agent_lookup", target: "•••0142", details: {}, ip: "192.0.2.8" });
    expect(JSON.stringify({ ...row, id: String(row.id) })).not.toMatch(/2065550142|555.?0142/);
  });

  it("masks anything that looks like a phone number, wherever a caller put it", async () => {
    const actorEmail = `${marker()}@example.com`;
    await recordAudit(db, {
      actorEmail,
      action: "agent_lookup",
      target: "+1 (206) 555-0142",
      details: { note: "called from 206.555.0199", nested: ["2065550100"], count: 3 },
    });
    const row = await db.auditLog.findFirstOrThrow({ where: { actorEmail } });
    expect(row.target).toBe("•••0142");
    expect(row.details).toEqual({ note: "called from •••0199", nested: ["•••0100"], count: 3 });
  });

  it("stores no phone number, however it is written and in whichever text field", async () => {
    const tag = marker();
    const written = [...WRITTEN, "%2B1%20206%20555%200142"];
    for (const n of written) {
      await recordAudit(db, {
        actorEmail: `${tag}.${n}@example.com`,
        action: "api_key_created",
        target: `key for ${n}`,
        details: { note: `call ${n}`, nested: { deeper: [n] } },
      });
    }
    const rows = await db.auditLog.findMany({ where: { actorEmail: { startsWith: tag } } });
    expect(rows).toHaveLength(written.length);
    for (const row of rows) {
      expect(JSON.stringify({ ...row, id: null })).not.toMatch(ITS_DIGITS);
      expect(JSON.stringify({ ...row, id: null })).not.toContain("%2B1%20206");
      // The masked run starts at the first digit: "(206) 555-0142" keeps its "(".
      expect(row.target).toMatch(/^key for \(?•••0142$/);
      expect(row.details).toEqual({
        note: expect.stringMatching(/^call \(?•••0142$/),
        nested: { deeper: [expect.stringMatching(/^\(?•••0142$/)] },
      });
    }
  });

  it("keeps ids, times, addresses and short numbers readable", async () => {
    const actorEmail = `${marker()}@example.com`;
    const details = {
      keyId: "550e8400-e29b-41d4-a716-446655440000",
      at: "2026-11-24T10:00:00.000Z",
      from: "203.0.113.7",
      sid: "SM1234567890abcdef1234567890abcdef",
      // Counts, years, batch ids.
      note: "batch 42 of 2021, 600 rows",
    };
    await recordAudit(db, {
      actorEmail,
      action: "api_key_revoked",
      target: "Login 2026-11-24 (ek_live_a1b2…)",
      details,
    });
    const row = await db.auditLog.findFirstOrThrow({ where: { actorEmail } });
    expect(row).toMatchObject({ target: "Login 2026-11-24 (ek_live_a1b2…)", details });
  });
});

describe("listAudit", () => {
  async function seed(actorEmail: string) {
    const rows = [
      { at: "2031-03-01T10:00:00Z", action: "sign_in" },
      { at: "2031-03-02T23:59:59Z", action: "user_created" },
      { at: "2031-03-03T00:00:00Z", action: "sign_in" },
      { at: "2031-03-05T12:00:00Z", action: "sign_out" },
    ];
    for (const r of rows) await db.auditLog.create({ data: { actorEmail, action: r.action, at: new Date(r.at) } });
  }

  it("lists newest first and filters by actor (case-insensitive, partial), action and whole UTC days", async () => {
    const m = marker();
    await seed(`${m}@example.com`);
    const all = await listAudit(db, AuditQuery.parse({ actor: m.toUpperCase() }));
    expect(all.entries.map((e) => e.at.toISOString())).toEqual([
      "2031-03-05T12:00:00.000Z",
      "2031-03-03T00:00:00.000Z",
      "2031-03-02T23:59:59.000Z",
      "2031-03-01T10:00:00.000Z",
    ]);
    expect(
      (await listAudit(db, AuditQuery.parse({ actor: m, action: "sign_in" }))).entries.map((e) => e.action),
    ).toEqual(["sign_in", "sign_in"]);
    const range = await listAudit(db, AuditQuery.parse({ actor: m, from: "2031-03-02", to: "2031-03-03" }));
    expect(range.entries.map((e) => e.at.toISOString())).toEqual([
      "2031-03-03T00:00:00.000Z",
      "2031-03-02T23:59:59.000Z",
    ]);
    expect(range.total).toBe(2);
  });

  it("pages through the entries", async () => {
    const m = marker();
    await seed(`${m}@example.com`);
    const first = await listAudit(db, AuditQuery.parse({ actor: m }), 3);
    const second = await listAudit(db, AuditQuery.parse({ actor: m, page: "2" }), 3);
    expect([first.total, first.pages, first.entries.length, second.entries.length]).toEqual([4, 2, 3, 1]);
    expect(second.entries[0]!.at.toISOString()).toBe("2031-03-01T10:00:00.000Z");
  });

  it("validates the query: empty fields mean no filter, bad ones name a message", () => {
    expect(AuditQuery.parse({ actor: "", action: "", from: "", to: "", page: "" })).toEqual({ page: 1 });
    const bad = AuditQuery.safeParse({ from: "2031-02-30", to: "yesterday", action: "drop_table", page: "-1" });
    expect(bad.success).toBe(false);
    expect(
      bad.error!.issues.map((i) => [i.path[0], i.message.startsWith("errors.") ? i.message : "enum/number"]),
    ).toEqual([
      ["action", "enum/number"],
      ["from", "errors.date_invalid"],
      ["to", "errors.date_invalid"],
      ["page", "enum/number"],
    ]);
    expect(AuditQuery.safeParse({ from: "2031-03-05", to: "2031-03-01" }).error?.issues[0]?.message).toBe(
      "errors.date_range",
    );
  });
});

describe("GET /api/admin/audit", () => {
  const get = (query: string, cookie?: string) =>
    auditRoute(
      new Request(`http://localhost/api/admin/audit${query}`, { headers: cookie ? { cookie } : {} }),
      noParams,
    );

  it("gives owners a filtered page as JSON, and a 400 for a bad filter", async () => {
    const { cookie, user } = await signedIn("owner");
    const res = await get(`?actor=${encodeURIComponent(user.email)}&action=sign_in`, cookie);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      total: number;
      entries: { actorEmail: string; action: string; sentence: string }[];
    };
    expect(body.total).toBe(1);
    expect(body.entries[0]).toMatchObject({
      actorEmail: user.email,
      action: "sign_in",
      actorRole: "owner",
      sentence: `${user.email} (owner) signed in`,
    });
    const bad = await get("?from=31-12-2031", cookie);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { code: "invalid_request", fields: { from: "Enter a date as YYYY-MM-DD." } },
    });
  });
});
