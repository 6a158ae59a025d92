import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit/record";
import { actorName, auditSentence } from "@/lib/audit/sentence";
import { en } from "@/lib/i18n/messages/en";
import { getTranslator } from "@/lib/i18n/translator";
import { createTranslator } from "use-intl/core";

const root = path.resolve(__dirname, "../../..");

/** Every .ts/.tsx/.mjs source under the app's own folders. */
function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) return sources(rel);
    return /\.(ts|tsx|mjs)$/.test(name) ? [rel] : [];
  });
}

/**
 * The action names written anywhere: `action: …` in an entry (including a conditional
 * the branches of `a ? "x" : "y"`), the incidents' `audit(db, ctx, "x", …)` helper, and any raw insert
 * into audit_log (which must stay in lib/audit).
 */
function recordedActions(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const add = (name: string, file: string) => found.set(name, [...(found.get(name) ?? []), file]);
  const code = ["lib", "app", "scripts"].flatMap(sources).filter((f) => !f.startsWith("lib/i18n/"));
  for (const file of code) {
    const text = readFileSync(path.join(root, file), "utf8");
    for (const m of text.matchAll(/\baction:\s*([^,\n}]+)/g))
      for (const lit of m[1]!.matchAll(/(?:^|[?:])\s*"([a-z][a-z_]*)"/g)) add(lit[1]!, file);
    for (const m of text.matchAll(/\baudit\(\s*\w+,\s*\w+,\s*"([a-z_]+)"/g)) add(m[1]!, file);
    if (/INSERT INTO audit_log/i.test(text) && !file.startsWith("lib/audit/")) add("<raw insert>", file);
  }
  return found;
}

function sample(action: AuditAction) {
  return {
    actorEmail: "ana@example.com",
    actorRole: "importer",
    action,
    target: "batch 12",
    details: {
      batchId: 12,
      removed: 21402,
      imported: 21402,
      rows: 21500,
      sessionsEnded: 2,
      reason: "invalid_credentials",
      role: "agent",
      change: "role",
      from: "viewer",
      to: "agent",
      fields: ["title", "summary"],
      outcome: "answered",
      count: 3,
    },
  };
}

describe("audit sentences", () => {
  it("finds the actions recorded in the code, and each is a known action", () => {
    const found = recordedActions();
    // The scan must see the recording sites, or this test would pass on nothing.
    expect(found.size).toBeGreaterThanOrEqual(20);
    expect([...found.keys()]).toEqual(
      expect.arrayContaining(["import_resumed", "import_started", "user_deleted", "user_updated", "category_edited"]),
    );
    const unknown = [...found].filter(([a]) => !(AUDIT_ACTIONS as readonly string[]).includes(a));
    expect(unknown, "recorded actions missing from AUDIT_ACTIONS (and so from the catalog)").toEqual([]);
  });

  it("has exactly one sentence and one filter label in the catalog per action", () => {
    expect(Object.keys(en.admin.audit.sentences).sort()).toEqual([...AUDIT_ACTIONS].sort());
    expect(Object.keys(en.admin.audit.actions).sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it.each(AUDIT_ACTIONS)("renders %s as a sentence naming the actor, without a formatting error", (action) => {
    const errors: unknown[] = [];
    const t = createTranslator({ locale: "en", messages: en, timeZone: "UTC", onError: (e) => errors.push(e) });
    const text = auditSentence(t, sample(action));
    expect(errors).toEqual([]);
    expect(text.startsWith("ana@example.com (importer) ")).toBe(true);
    expect(text).not.toMatch(/[{}]|admin\.audit/);
  });

  it("reads as the issue's example", () => {
    const t = getTranslator();
    const entry = { ...sample("import_undone"), details: { removed: 21402 } };
    expect(auditSentence(t, entry)).toBe("ana@example.com (importer) undid batch 12: 21,402 rows");
    expect(auditSentence(t, { ...entry, details: { removed: 1 } })).toBe(
      "ana@example.com (importer) undid batch 12: 1 row",
    );
  });

  it("says what each detail means", () => {
    const t = getTranslator();
    const s = (action: AuditAction, details: object, target: string | null = null) =>
      auditSentence(t, { actorEmail: "o@example.com", actorRole: "owner", action, target, details });
    expect(s("user_updated", { change: "role", from: "viewer", to: "agent", sessionsEnded: 1 }, "b@example.com")).toBe(
      "o@example.com (owner) changed the role of b@example.com from viewer to agent; one session was ended",
    );
    expect(s("user_updated", { change: "disabled", sessionsEnded: 0 }, "b@example.com")).toBe(
      "o@example.com (owner) disabled b@example.com",
    );
    expect(s("sign_in_failed", { reason: "disabled" })).toBe(
      "o@example.com (owner) could not sign in: the account is disabled",
    );
    expect(s("incident_edited", { fields: ["summary", "title"] }, "2021-08-cyberattack")).toBe(
      "o@example.com (owner) edited the incident 2021-08-cyberattack: summary, title",
    );
    expect(s("import_completed", { batchId: 7, rows: 3, imported: 2, duplicates: 0, rejected: 1 }, "list.csv")).toBe(
      "o@example.com (owner) completed batch 7 from list.csv: 2 rows imported of 3, 1 rejected, 0 duplicates",
    );
  });

  it("names the command line, API keys and removed users without a role", () => {
    const t = getTranslator();
    expect(actorName(t, { actorEmail: "cli" })).toBe("The command line");
    expect(actorName(t, { actorEmail: "api-key:Login page" })).toBe("API key “Login page”");
    expect(actorName(t, { actorEmail: "gone@example.com", actorRole: null })).toBe("gone@example.com");
  });

  it("still reads an entry with missing or malformed details, or an unknown action", () => {
    const t = getTranslator();
    const base = { actorEmail: "a@example.com", target: null };
    for (const action of AUDIT_ACTIONS)
      for (const details of [null, {}, [], "text", { removed: "many", fields: "x" }])
        expect(auditSentence(t, { ...base, action, details })).toMatch(/^a@example\.com /);
    expect(auditSentence(t, { ...base, action: "from_the_future", details: {} })).toBe(
      "a@example.com: from_the_future",
    );
  });
});
