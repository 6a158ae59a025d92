import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/admin/audit/export/route";
import { exportAudit } from "@/lib/audit/export";
import { recordAudit } from "@/lib/audit/record";
import { escapeCell } from "@/lib/csv/escape-cell";
import { getDb } from "@/lib/db/client";
import { signedIn } from "@/tests/support/admin";
import { noParams } from "@/tests/support/api";
import { uniqueTag } from "@/tests/support/unique-tag";

const db = getDb();
const HEADER = ["at_utc", "actor", "actor_role", "action", "sentence", "target", "details", "ip"];

const get = (query: string, cookie?: string) =>
  exportRoute(
    new Request(`http://localhost/api/admin/audit/export${query}`, { headers: cookie ? { cookie } : {} }),
    noParams,
  );

async function collect(chunks: AsyncGenerator<string>): Promise<string> {
  let out = "";
  for await (const c of chunks) out += c;
  return out;
}

describe("escapeCell", () => {
  it("makes every cell a spreadsheet would run as a formula inert, and nothing else", () => {
    for (const lead of ["=", "+", "-", "@", "\t", "\r"]) expect(escapeCell(`${lead}1+1`)).toBe(`'${lead}1+1`);
    for (const plain of ["", "1+1", "a=b", "ana@example.com", " =1", "'=1"]) expect(escapeCell(plain)).toBe(plain);
  });
});

describe("GET /api/admin/audit/export", () => {
  it("gives owners every matching entry as CSV, with sentences and formula-escaped cells", async () => {
    const { cookie, user } = await signedIn("owner");
    const target = `=HYPERLINK("http://evil.example/?${uniqueTag()}","click")`;
    await recordAudit(db, {
      actorId: user.id,
      actorEmail: user.email,
      action: "incident_edited",
      target,
      details: { fields: ["title"] },
      ip: "192.0.2.9",
    });
    const res = await get(`?actor=${encodeURIComponent(user.email)}`, cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-\d{4}-\d\d-\d\d\.csv"$/);
    const rows = parse(await res.text()) as string[][];
    expect(rows[0]).toEqual(HEADER);
    // Newest first: the edit, then signedIn()'s enrolment and sign-in. The export's own entry is not in it.
    expect(rows.slice(1).map((r) => r[3])).toEqual(["incident_edited", "factor_enrolled", "sign_in"]);
    const edit = rows[1]!;
    expect(edit[1]).toBe(user.email);
    expect(edit[2]).toBe("owner");
    expect(edit[5]).toBe(`'${target}`);
    expect(edit[4]).toBe(`${user.email} (owner) edited the incident ${target}: title`);
    expect(edit[6]).toBe('{"fields":["title"]}');
    expect(edit[7]).toBe("192.0.2.9");

    // The download is in the log, with what it held.
    const recorded = await db.auditLog.findFirstOrThrow({
      where: { actorEmail: user.email, action: "audit_exported" },
    });
    expect(recorded.details).toEqual({ count: 3, filter: { actor: user.email } });
  });

  it("escapes a sentence that would start as a formula (an actor typed by someone else)", async () => {
    const actorEmail = `-2+3@${uniqueTag()}.example`;
    await recordAudit(db, { actorEmail, action: "sign_in_failed", details: { reason: "invalid_credentials" } });
    const { cookie } = await signedIn("owner");
    const rows = parse(await (await get(`?actor=${encodeURIComponent(actorEmail)}`, cookie)).text()) as string[][];
    expect(rows).toHaveLength(2);
    expect(rows[1]![1]).toBe(`'${actorEmail}`);
    expect(rows[1]![4]).toBe(`'${actorEmail} could not sign in: wrong email or password`);
  });

  it("pages through the whole filter in batches, entries of the same instant included", async () => {
    const actorEmail = `export-${uniqueTag()}@example.com`;
    const at = new Date("2031-05-05T12:00:00Z");
    await db.auditLog.createMany({
      data: Array.from({ length: 5 }, (_, i) => ({
        actorEmail,
        action: "import_undone",
        target: `batch ${i + 1}`,
        details: { removed: i },
        at: i < 3 ? at : new Date(at.getTime() - i * 1000),
      })),
    });
    const { user } = await signedIn("owner");
    const { total, chunks } = await exportAudit(db, { actor: actorEmail }, { actor: user }, 2);
    expect(total).toBe(5);
    const rows = parse(await collect(chunks)) as string[][];
    expect(rows.slice(1).map((r) => r[5])).toEqual(["batch 3", "batch 2", "batch 1", "batch 4", "batch 5"]);
    expect(rows[1]![4]).toBe(`${actorEmail} undid batch 3: 2 rows`);
  });

  it("refuses without a session, for a role without the audit log, and a bad filter", async () => {
    expect((await get("")).status).toBe(401);
    const importer = await signedIn("importer");
    expect((await get("", importer.cookie)).status).toBe(403);
    const owner = await signedIn("owner");
    const bad = await get("?action=drop_table", owner.cookie);
    expect(bad.status).toBe(400);
    expect(await db.auditLog.count({ where: { actorEmail: owner.user.email, action: "audit_exported" } })).toBe(0);
  });
});
