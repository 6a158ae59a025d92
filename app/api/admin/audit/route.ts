import { AuditQuery, listAudit } from "@/lib/audit/list";
import { auditSentence } from "@/lib/audit/sentence";
import { getTranslator } from "@/lib/i18n/translator";
import { parseInput } from "@/lib/validation/parse-input";
import { json } from "@/lib/http/respond";
import { getServices, route } from "@/lib/services";

/** GET /api/admin/audit?actor=&action=&from=&to=&page= → one page of the audit log, each entry with its sentence (owners). */
export const GET = route(
  async ({ req }) => {
    const filter = parseInput(AuditQuery, Object.fromEntries(new URL(req.url).searchParams));
    const page = await listAudit(getServices().db, filter);
    const t = getTranslator();
    return json({ ...page, entries: page.entries.map((e) => ({ ...e, sentence: auditSentence(t, e) })) });
  },
  { permission: "audit:view" },
);
