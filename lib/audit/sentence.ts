import type { AuditRow } from "@/lib/audit/list";
import { AUDIT_ACTIONS, CLI_ACTOR, type AuditAction } from "@/lib/audit/record";
import type { getTranslator } from "@/lib/i18n/translator";

type T = ReturnType<typeof getTranslator>;

/** What a sentence needs of an entry: the row, and its actor's role if the actor still exists. */
export type SentenceEntry = Pick<AuditRow, "actorEmail" | "action" | "target" | "details"> & {
  actorRole?: string | null;
};

const KNOWN = new Set<string>(AUDIT_ACTIONS);
export const isAuditAction = (a: string): a is AuditAction => KNOWN.has(a);

/** The integration API's entries name their key as "api-key:<name>" (lib/exposures/integration-lookup.ts). */
const API_KEY_ACTOR = /^api-key:(.*)$/s;

/** Who acted, in words: the command line, an API key, or a user with their role. */
export function actorName(t: T, entry: Pick<SentenceEntry, "actorEmail" | "actorRole">): string {
  if (entry.actorEmail === CLI_ACTOR.email) return t("admin.audit.who.cli");
  const key = API_KEY_ACTOR.exec(entry.actorEmail);
  if (key) return t("admin.audit.who.apiKey", { name: key[1]! });
  if (entry.actorRole)
    return t("admin.audit.who.userWithRole", {
      email: entry.actorEmail,
      role: t("admin.audit.who.role", { role: entry.actorRole }),
    });
  return t("admin.audit.who.user", { email: entry.actorEmail });
}

/**
 * The entry as one sentence of the catalog ("ana@… (importer) undid batch 12: 21,402
 * rows"). Every variable any sentence uses gets a value, read leniently from the stored
 * details: entries written before a detail existed still read, with 0 or an empty word.
 * An action the catalog does not know (a row from a newer version) falls back to its name.
 */
export function auditSentence(t: T, entry: SentenceEntry): string {
  const details = isObject(entry.details) ? entry.details : {};
  const text = (k: string) => (typeof details[k] === "string" ? (details[k] as string) : "");
  const count = (k: string) => (typeof details[k] === "number" && Number.isFinite(details[k]) ? details[k] : 0);
  const target = entry.target ?? "";
  const batch = typeof details.batchId === "number" ? String(details.batchId) : (/\d+/.exec(target)?.[0] ?? "");
  const fields = Array.isArray(details.fields) ? details.fields.filter((f) => typeof f === "string") : [];
  const role = (r: string) => t("admin.audit.who.role", { role: r });
  const values = {
    actor: actorName(t, entry),
    target,
    batch,
    reason: text("reason"),
    outcome: text("outcome"),
    change: text("change"),
    factor: text("factor"),
    role: role(text("role")),
    from: role(text("from")),
    to: role(text("to")),
    file: text("file"),
    incident: text("incident"),
    category: text("category"),
    fields: fields.length > 0 ? fields.join(", ") : t("admin.audit.noFields"),
    sessions: count("sessionsEnded"),
    bytes: count("bytes"),
    imported: count("imported"),
    rows: count("rows"),
    rejected: count("rejected"),
    duplicates: count("duplicates"),
    removed: count("removed"),
    values: count("values"),
    count: count("count"),
  };
  if (!isAuditAction(entry.action)) return `${values.actor}: ${entry.action}`;
  return t(`admin.audit.sentences.${entry.action}`, values);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
