import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/generated/prisma/client.ts";
import { maskPhone } from "@/lib/phone/mask";
import { maskNumbersInText } from "@/lib/phone/mask-text";

/** Every console action the log knows; filters and labels come from this list. */
export const AUDIT_ACTIONS = [
  "sign_in",
  "sign_in_failed",
  "sign_in_password_ok",
  "sign_out",
  "factor_enrolled",
  "factor_reset",
  "step_up",
  "step_up_failed",
  "passkey_added",
  "passkey_removed",
  "totp_added",
  "password_changed",
  "password_change_failed",
  "user_created",
  "user_updated",
  "user_deleted",
  "import_uploaded",
  "import_started",
  "import_resumed",
  "import_completed",
  "import_undone",
  "import_restored",
  "rejections_downloaded",
  "rejections_wiped",
  "incident_created",
  "incident_edited",
  "category_created",
  "category_edited",
  "incident_published",
  "category_published",
  "category_deleted",
  "content_restored",
  "remediation_edited",
  "settings_changed",
  "agent_lookup",
  "api_key_created",
  "api_key_revoked",
  "api_lookup",
  "key_rotated",
  "sms_paused",
  "sms_resumed",
  "notice_edited",
  "offer_edited",
  "offer_codes_imported",
  "offer_code_viewed",
  "audit_exported",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who acts: a console user, or the command line (CLI_ACTOR), which has no id. */
export type Actor = { id: string | null; email: string };

/** Who acts and from where: what every audited change is given. */
export type AuditCtx = { actor: Actor; ip?: string };

/** The actor of entries made from the command line. */
export const CLI_ACTOR = { id: null, email: "cli" } as const;

export type AuditDetails = { [key: string]: Prisma.InputJsonValue | null };

export type AuditEntry = {
  actorId?: string | null;
  actorEmail: string;
  action: AuditAction;
  target?: string | null;
  details?: AuditDetails;
  ip?: string | null;
};

/**
 * Appends one entry. Callers never pass a phone number; as a second line of defence every
 * text field is masked as logs are (lib/phone/mask-text.ts): a run of 7+ digits keeps its
 * last four (•••0142), while ids, times and addresses stay readable.
 * `db` may be a transaction, so the entry commits (or not) with the change it records.
 */
export async function recordAudit(db: Pick<Db, "auditLog">, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({ data: auditRow(entry) });
}

/** An entry's who and where, from the change's context. */
export function actedBy({ actor, ip }: AuditCtx): Pick<AuditEntry, "actorId" | "actorEmail" | "ip"> {
  return { actorId: actor.id, actorEmail: actor.email, ip };
}

/** An entry as it is stored: digit runs masked, fields cut to their column sizes. */
export function auditRow(entry: AuditEntry) {
  return {
    actorId: entry.actorId ?? null,
    actorEmail: maskNumbersInText(entry.actorEmail).slice(0, 320),
    action: entry.action,
    target: entry.target == null ? null : maskNumbersInText(entry.target).slice(0, 500),
    details: scrub(entry.details ?? {}) as Prisma.InputJsonValue,
    ip: entry.ip ? entry.ip.slice(0, 64) : null,
  };
}

/** An agent's lookup for a caller: recorded with the masked number only. */
export function recordAgentLookup(db: Db, actor: Actor, e164: string, ip?: string): Promise<void> {
  // Who, when and the last four digits; not the answer: the log would otherwise list
  // which numbers were affected, for anyone who can read it.
  return recordAudit(db, {
    actorId: actor.id,
    actorEmail: actor.email,
    action: "agent_lookup",
    target: maskPhone(e164),
    ip,
  });
}

function scrub(value: unknown): unknown {
  if (typeof value === "string") return maskNumbersInText(value);
  if (Array.isArray(value)) return value.map(scrub);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v)]));
  return value;
}
